final class Geometry {
    /** Multiplies each component of the vector by the factor. */
    static double[] scaleVector(double[] vector, double factor) {
        double[] scaled = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            scaled[i] = vector[i] * factor;
        }
        return scaled;
    }
}
