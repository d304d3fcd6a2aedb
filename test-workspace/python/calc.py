"""Small calculator: the README's `complete` example (line 6, column 5) and the editor tests use it."""


def add(a, b):
    """Return the sum of a and b."""
    
