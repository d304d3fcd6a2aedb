"""Small calculator used by the editor end-to-end tests."""


def add(a, b):
    """Return the sum of a and b."""
