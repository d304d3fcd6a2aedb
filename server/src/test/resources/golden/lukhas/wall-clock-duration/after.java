class Timing {
    static long timed(Runnable call) {
        long start = System.nanoTime() / 1_000_000;
        call.run();
        return System.nanoTime() / 1_000_000 - start;
    }
}
