package org.peerclear.powerflow;

/** Thrown when a method that needs a radial feeder gets a meshed or disconnected network. */
public final class NotRadialException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong (names the feeder and, for meshes, a cycle) */
    public NotRadialException(String message) {
        super(message);
    }
}
