package org.peerclear.opt;

/** The domain of a decision variable, on top of its bounds. */
public enum VariableType {
    CONTINUOUS,
    INTEGER,
    /** An integer variable whose bounds are intersected with [0, 1]. */
    BINARY
}
