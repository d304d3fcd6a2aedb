def scale_vector(vector, factor):
    """Multiply each component of vector by factor."""
    return tuple(component * factor for component in vector)
