package org.peerclear.spi;

/** A plug-in that a {@link Registry} finds by name (a clearing method, a solver back-end...). */
public interface Named {
    /** {@return the unique lower-case name, the one users type (e.g. {@code --method qp}, {@code --solver ojalgo})} */
    String name();
}
