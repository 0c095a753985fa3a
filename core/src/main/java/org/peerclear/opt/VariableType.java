package org.peerclear.opt;

/** The domain of a decision variable, on top of its bounds. */
public enum VariableType {
    /** Any value within its bounds. */
    CONTINUOUS,
    /** An integer value within its bounds. */
    INTEGER,
    /** An integer variable whose bounds are intersected with [0, 1]. */
    BINARY
}
