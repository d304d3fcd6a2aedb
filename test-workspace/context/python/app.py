from geometry import scale_vector


def enlarge(points, factor):
    return [scale_vector(point, 