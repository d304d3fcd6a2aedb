class Timing {
    static long timed(Runnable call) {
        long start = System.currentTimeMillis(); // expect: wall-clock-duration
        call.run();
        long stamp = System.currentTimeMillis();
        String text = "System.currentTimeMillis() - start";
        return System.currentTimeMillis() - start; // expect: wall-clock-duration
    }
}
