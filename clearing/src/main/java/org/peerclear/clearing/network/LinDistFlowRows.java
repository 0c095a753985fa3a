package org.peerclear.clearing.network;

import org.peerclear.clearing.exact.BusRows;
import org.peerclear.powerflow.LinDistFlowResult;

/**
 * {@code LinDistFlowConstraints}' rows for the exact solver: the squared voltage of every
 * non-slack bus and the active flow of every rated branch, as functions of the market's injection
 * buses (market power units). Values come from a LinDistFlow solve (linear time), coefficients
 * from its sensitivity rows; both are the same affine map the problem's rows hold.
 */
public final class LinDistFlowRows implements BusRows {
    private final NetworkModel model;
    private final int[] buses;
    private final int[] busIndex;
    private final int[] rowBus;
    private final int[] rowBranch;
    private final double[] lower;
    private final double[] upper;
    private final double[] shift;
    private final double k;
    private final double[] injKw;

    public LinDistFlowRows(NetworkModel model, double[] wMaxMargin, double[] wMinMargin, double[] lossCost) {
        this.model = model;
        buses = model.injectionBuses();
        int nb = model.feeder().busCount();
        k = model.kwPerUnit();
        busIndex = new int[nb];
        java.util.Arrays.fill(busIndex, -1);
        for (int q = 0; q < buses.length; q++) {
            busIndex[buses[q]] = q;
        }
        int rated = 0;
        for (int l = 0; l < model.feeder().branchCount(); l++) {
            rated += Double.isFinite(model.branchLimitKw(l)) ? 1 : 0;
        }
        int nr = buses.length == 0 ? 0 : nb - 1 + rated;
        rowBus = new int[nr];
        rowBranch = new int[nr];
        lower = new double[nr];
        upper = new double[nr];
        double vmin2 = model.spec().vMin() * model.spec().vMin();
        double vmax2 = model.spec().vMax() * model.spec().vMax();
        int r = 0;
        for (int j = 0; j < nb && nr > 0; j++) {
            if (j != model.feeder().slackIndex()) {
                rowBus[r] = j;
                rowBranch[r] = -1;
                lower[r] = vmin2 + (wMinMargin == null ? 0 : wMinMargin[j]);
                upper[r] = vmax2 - (wMaxMargin == null ? 0 : wMaxMargin[j]);
                r++;
            }
        }
        for (int l = 0; l < model.feeder().branchCount() && nr > 0; l++) {
            double limit = model.branchLimitKw(l);
            if (Double.isFinite(limit)) {
                rowBus[r] = -1;
                rowBranch[r] = l;
                lower[r] = -limit;
                upper[r] = limit;
                r++;
            }
        }
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
        return rowBus.length;
    }

    @Override
    public void values(double[] busPower, double[] out) {
        java.util.Arrays.fill(injKw, 0.0);
        for (int q = 0; q < buses.length; q++) {
            injKw[buses[q]] = busPower[q] * k;
        }
        LinDistFlowResult lf = model.linDistFlow().solve(injKw, null);
        for (int r = 0; r < out.length; r++) {
            out[r] = rowBus[r] >= 0 ? lf.wPu()[rowBus[r]] : lf.pFlowKw()[rowBranch[r]];
        }
    }

    @Override
    public double lower(int r) {
        return lower[r];
    }

    @Override
    public double upper(int r) {
        return upper[r];
    }

    @Override
    public void coefficients(int r, double[] out) {
        if (rowBus[r] >= 0) {
            model.linDistFlow().voltageSensitivityRow(rowBus[r], buses, out, null);
        } else {
            model.linDistFlow().ptdfRow(rowBranch[r], buses, out);
        }
        for (int q = 0; q < out.length; q++) {
            out[q] *= k;
        }
    }

    @Override
    public double priceShift(int q) {
        return shift[q];
    }

    @Override
    public String rowName(int r) {
        return rowBus[r] >= 0 ? "voltage at bus " + model.feeder().busIds().get(rowBus[r])
                : "flow on branch " + model.feeder().branches().get(rowBranch[r]).fromBus() + "-"
                + model.feeder().branches().get(rowBranch[r]).toBus();
    }
}
