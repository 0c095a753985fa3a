package org.peerclear.powerflow;

/** Validation helpers for per-bus injection arrays (package-private). */
final class Injections {
    private Injections() {
    }

    /**
     * Checks that {@code a} is null (meaning all zero) or has one finite entry per bus.
     *
     * @throws IllegalArgumentException naming the bus with a NaN/infinite entry, or on a wrong length
     */
    static void check(Feeder f, double[] a, String what) {
        if (a == null) {
            return;
        }
        if (a.length != f.busCount()) {
            throw new IllegalArgumentException(what + " has " + a.length + " entries but feeder " + f.name()
                    + " has " + f.busCount() + " buses (arrays are indexed by bus index)");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + " at bus " + f.buses().get(i).id() + " (index " + i
                        + ") is not finite: " + a[i]);
            }
        }
    }
}
