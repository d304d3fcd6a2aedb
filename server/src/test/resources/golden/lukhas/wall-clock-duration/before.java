class Timing {
    static long timed(Runnable call) {
        long start = System.currentTimeMillis();
        call.run();
        return System.currentTimeMillis() - start;
    }
}
