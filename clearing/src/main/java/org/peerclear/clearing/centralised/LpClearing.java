package org.peerclear.clearing.centralised;

/** Method {@code lp}: the centralised unified market when every asset cost is linear. */
public final class LpClearing extends CentralisedClearing {
    /** The method as the service loader creates it. */
    public LpClearing() {
        super("lp", true);
    }
}
