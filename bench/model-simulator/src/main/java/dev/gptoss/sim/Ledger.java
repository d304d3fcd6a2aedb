package dev.gptoss.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Every request the simulator finished with, in the order they ended. */
public final class Ledger {
    private final List<Booking> bookings = new ArrayList<>();
    private final List<Consumer<Booking>> listeners = new CopyOnWriteArrayList<>();

    void add(Booking booking) {
        synchronized (bookings) {
            bookings.add(booking);
        }
        listeners.forEach(l -> l.accept(booking));
    }

    public List<Booking> bookings() {
        synchronized (bookings) {
            return List.copyOf(bookings);
        }
    }

    public void clear() {
        synchronized (bookings) {
            bookings.clear();
        }
    }

    public void onBooking(Consumer<Booking> listener) {
        listeners.add(listener);
    }
}
