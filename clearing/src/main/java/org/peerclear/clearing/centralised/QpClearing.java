package org.peerclear.clearing.centralised;

/** Method {@code qp}: the centralised unified market, any convex asset costs. */
public final class QpClearing extends CentralisedClearing {
    public QpClearing() {
        super("qp", false);
    }
}
