final class App {
    static double[] enlarge(double[] point, double factor) {
        return Geometry.scaleVector(