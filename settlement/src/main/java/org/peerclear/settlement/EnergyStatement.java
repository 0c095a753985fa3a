package org.peerclear.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.peerclear.model.Grid;

/**
 * One period's energy statement of a clearing result ({@link EnergyCheck}): generation and
 * consumption of the market's agents, the net of the trade records, the grid's side and the
 * losses. On a feeder whose AC flows the result gives, the grid's side is measured at the
 * substation: what it takes from the feeder ({@code ownLoad − substation} in kW, plus what agents
 * at the substation inject) and the losses are the result's AC losses of that period; otherwise
 * the grid's side is its market position {@code −p_grid} and the market's balance is lossless.
 */
final class EnergyStatement {
    private EnergyStatement() {
    }

    /**
     * The statement of period {@code t}.
     *
     * @param root     the result's tree
     * @param t        the period
     * @param tradedBy per agent, the sum of its trade records in the period (implied ones included)
     * @param traded   the sum of every trade record in the period
     * @param feeder   the market's feeder, when it has one
     * @return the statement, its residual the balance's error plus the worst agent's |p − Σ its trades|
     */
    static EnergyCheck of(JsonNode root, int t, Map<String, Double> tradedBy, double traded, Optional<FeederTerms> feeder) {
        double generation = 0;
        double consumption = 0;
        double gridP = 0;
        double atSubstation = 0;
        double worst = 0;
        double scale = 0;
        for (JsonNode a : root.path("agents")) {
            String id = a.path("id").asText();
            double p = ResultTree.at(a.path("p"), t);
            scale += Math.abs(p);
            if (Grid.AGENT_ID.equals(id)) {
                gridP = p;
            } else {
                generation += Math.max(p, 0);
                consumption += Math.max(-p, 0);
                if (feeder.isPresent() && feeder.get().atSubstation(id)) {
                    atSubstation += p;
                }
            }
            // Each agent's injection is what its own trade records carry away.
            worst = Math.max(worst, Math.abs(p - tradedBy.getOrDefault(id, 0.0)));
        }
        double grid = -gridP;
        double losses = 0;
        double substationKw = feeder.isPresent() ? feeder.get().substationKw(root, t) : Double.NaN;
        if (!Double.isNaN(substationKw)) {
            FeederTerms f = feeder.get();
            double k = f.kwPerUnit();
            grid = (f.ownLoadKw() - substationKw) / k + atSubstation;
            losses = ResultTree.at(root.path("losses"), t) / k;
            scale += (f.ownLoadKw() + Math.abs(substationKw)) / k + Math.abs(losses);
        }
        double balance = traded + grid + losses - (generation - consumption);
        return new EnergyCheck(t, generation, consumption, traded, grid, losses, Math.abs(balance) + worst, scale);
    }
}
