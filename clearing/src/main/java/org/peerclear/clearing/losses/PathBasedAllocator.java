package org.peerclear.clearing.losses;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlow;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.internal.ResultOnIndex;

/**
 * Path-based allocation on a radial feeder (in the spirit of Nikolaidis, Charalambous &amp;
 * Mancarella's graph-based allocation, TPWRS 2019): the flow on every branch is split into the
 * contributions of what crosses it — each bilateral trade (its quantity, on the branches of the
 * path between seller and buyer) and each feeder load (served from the substation) — and the
 * branch's AC loss is shared in proportion to the absolute contributions. A trade's share is
 * charged half to its seller and half to its buyer. Agents without a bus (managers) and the grid
 * are at the substation, so a trade through a community manager crosses the path seller →
 * substation → buyer.
 */
public final class PathBasedAllocator implements LossAllocator {
    @Override
    public String name() {
        return "path";
    }

    @Override
    public LossAllocation allocate(ClearingResult result, NetworkModel model) {
        Participants ps = Participants.of(result, model);
        Feeder feeder = model.feeder();
        LinDistFlow lin = model.linDistFlow();
        MarketIndex ix = model.index();
        double[] t = ResultOnIndex.of(result, ix).trade();
        int slack = feeder.slackIndex();
        int nl = feeder.branchCount();
        double[] lossKw = new double[nl];
        var branches = result.network().orElseThrow().branches();
        for (int l = 0; l < nl; l++) {
            lossKw[l] = branches.get(l).pLoss();
        }
        // Users of the network: trades (sold quantity > 0, one per pair) and feeder loads.
        int pairs = ix.numPairs();
        int[] userFrom = new int[pairs];
        int[] userTo = new int[pairs];
        double[] userKw = new double[pairs];
        String[] tradeName = new String[pairs];
        String[] sellerId = new String[pairs];
        String[] buyerId = new String[pairs];
        for (int q = 0; q < pairs; q++) {
            int k = 2 * q;
            int seller = t[k] >= 0 ? ix.from()[k] : ix.to()[k];
            int buyer = t[k] >= 0 ? ix.to()[k] : ix.from()[k];
            userFrom[q] = busOr(model.agentBus(seller), slack);
            userTo[q] = busOr(model.agentBus(buyer), slack);
            userKw[q] = Math.abs(t[k]) * model.kwPerUnit();
            sellerId[q] = ix.agentId(seller);
            buyerId[q] = ix.agentId(buyer);
            tradeName[q] = sellerId[q] + "->" + buyerId[q];
        }
        int[] all = new int[feeder.busCount()];
        for (int b = 0; b < all.length; b++) {
            all[b] = b;
        }
        double[] ptdf = new double[feeder.busCount()];
        double[] tradeShare = new double[pairs];
        double[] participantShare = new double[ps.names.length];
        double[] weight = new double[pairs + ps.names.length];
        for (int l = 0; l < nl; l++) {
            if (lossKw[l] == 0) {
                continue;
            }
            lin.ptdfRow(l, all, ptdf);
            double sum = 0;
            for (int q = 0; q < pairs; q++) {
                weight[q] = Math.abs(userKw[q] * (ptdf[userFrom[q]] - ptdf[userTo[q]]));
                sum += weight[q];
            }
            for (int i = 0; i < ps.names.length; i++) {
                boolean feederLoad = ps.names[i].startsWith("load@");
                weight[pairs + i] = feederLoad ? Math.abs(ps.injectionKw[i] * ptdf[ps.bus[i]]) : 0.0;
                sum += weight[pairs + i];
            }
            if (sum == 0) {
                // Nothing crosses the branch in the lossless picture: its (reactive-driven) loss goes to the feeder loads beyond it.
                for (int i = 0; i < ps.names.length; i++) {
                    weight[pairs + i] = ps.names[i].startsWith("load@") ? Math.abs(ps.injectionKw[i]) : 0.0;
                    sum += weight[pairs + i];
                }
            }
            for (int q = 0; q < pairs; q++) {
                tradeShare[q] += lossKw[l] * weight[q] / sum;
            }
            for (int i = 0; i < ps.names.length; i++) {
                participantShare[i] += lossKw[l] * weight[pairs + i] / sum;
            }
        }
        Map<String, Double> byParticipant = ps.map(participantShare);
        Map<String, Double> byTrade = new LinkedHashMap<>();
        for (int q = 0; q < pairs; q++) {
            if (tradeShare[q] == 0) {
                continue;
            }
            byTrade.merge(tradeName[q], tradeShare[q], Double::sum);
            byParticipant.merge(sellerId[q], tradeShare[q] / 2, Double::sum);
            byParticipant.merge(buyerId[q], tradeShare[q] / 2, Double::sum);
        }
        return new LossAllocation(name(), ps.totalLossKw, byParticipant, byTrade);
    }

    private static int busOr(int bus, int slack) {
        return bus < 0 ? slack : bus;
    }
}
