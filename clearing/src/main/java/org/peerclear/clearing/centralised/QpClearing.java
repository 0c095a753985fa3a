package org.peerclear.clearing.centralised;

/** Method {@code qp}: the centralised unified market, any convex asset costs. */
public final class QpClearing extends CentralisedClearing {
    /** The method as the service loader creates it. */
    public QpClearing() {
        super("qp", false);
    }
}
