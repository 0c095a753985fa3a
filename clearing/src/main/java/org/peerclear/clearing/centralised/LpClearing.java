package org.peerclear.clearing.centralised;

/** Method {@code lp}: the centralised unified market when every asset cost is linear. */
public final class LpClearing extends CentralisedClearing {
    public LpClearing() {
        super("lp", true);
    }
}
