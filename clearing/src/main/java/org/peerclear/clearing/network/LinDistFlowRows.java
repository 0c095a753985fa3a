package org.peerclear.clearing.network;

import java.util.Arrays;
import org.peerclear.clearing.exact.BusRows;
import org.peerclear.powerflow.LinDistFlowResult;

/**
 * The feeder's {@link LinDistFlowLimits} as the exact solver sees them, in absolute form (the
 * base state is inside each row's value, not subtracted from its bounds). Values come from a
 * LinDistFlow solve (linear time), which is the same affine map as the limits' coefficients.
 */
public final class LinDistFlowRows implements BusRows {
    private final LinDistFlowLimits limits;
    private final NetworkModel model;
    private final int[] buses;
    private final int[] busIndex;
    private final double[] shift;
    private final double[] injKw;

    /**
     * The limits' rows for the exact solver, with the cost of losses, if any, as each bus's price shift.
     *
     * @param limits   the feeder's limits, tightened or not; their buses are this view's buses, in their order
     * @param lossCost per feeder bus, the cost of the losses one more kW injected there causes
     *                 (currency per kW), or null
     */
    public LinDistFlowRows(LinDistFlowLimits limits, double[] lossCost) {
        this.limits = limits;
        this.model = limits.model();
        this.buses = limits.buses();
        int nb = model.feeder().busCount();
        busIndex = new int[nb];
        Arrays.fill(busIndex, -1);
        for (int q = 0; q < buses.length; q++) {
            busIndex[buses[q]] = q;
        }
        double k = model.kwPerUnit();
        shift = new double[buses.length];
        for (int q = 0; q < buses.length && lossCost != null; q++) {
            shift[q] = -lossCost[buses[q]] * k;
        }
        injKw = new double[nb];
    }

    @Override
    public int numBuses() {
        return buses.length;
    }

    @Override
    public int busOf(int agent) {
        int b = model.agentBus(agent);
        return b < 0 ? -1 : busIndex[b];
    }

    @Override
    public int numRows() {
        return limits.size();
    }

    @Override
    public void values(double[] busPower, double[] out) {
        Arrays.fill(injKw, 0.0);
        double k = model.kwPerUnit();
        for (int q = 0; q < buses.length; q++) {
            injKw[buses[q]] = busPower[q] * k;
        }
        LinDistFlowResult lf = model.linDistFlow().solve(injKw, null);
        for (int r = 0; r < out.length; r++) {
            out[r] = limits.value(lf, r);
        }
    }

    @Override
    public double lower(int r) {
        return limits.lower(r);
    }

    @Override
    public double upper(int r) {
        return limits.upper(r);
    }

    @Override
    public void coefficients(int r, double[] out) {
        limits.coefficients(r, out);
    }

    @Override
    public double priceShift(int q) {
        return shift[q];
    }

    @Override
    public String rowName(int r) {
        return limits.name(r);
    }
}
