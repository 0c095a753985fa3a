package org.peerclear.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.peerclear.model.Agent;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * What the energy statement needs of a market's feeder beyond the result: the substation's bus,
 * the feeder's own loads (served through its branches but not traded in the market) and which
 * agents inject at the substation itself (at its bus, or without a bus, as the clearing places
 * them), whose power passes through no branch. With the result's AC branch flows this measures the
 * grid's side at the substation instead of taking the market's word for it.
 */
final class FeederTerms {
    private final String substation;
    private final double ownLoadKw;
    private final double kwPerUnit;
    private final Set<String> atSubstation;

    private FeederTerms(String substation, double ownLoadKw, double kwPerUnit, Set<String> atSubstation) {
        this.substation = substation;
        this.ownLoadKw = ownLoadKw;
        this.kwPerUnit = kwPerUnit;
        this.atSubstation = atSubstation;
    }

    /** The terms of a market's feeder; empty without a network. */
    static Optional<FeederTerms> of(Market m) {
        if (m.network().isEmpty()) {
            return Optional.empty();
        }
        NetworkSpec spec = m.network().get();
        Feeder f = Feeders.load(spec.feeder(), spec.baseDirectory());
        int slack = f.slackIndex();
        String substation = f.busIds().get(slack);
        double[] load = f.fixedLoadKw();
        double own = 0;
        for (int b = 0; b < load.length; b++) {
            // A load at the substation's own bus draws from the grid directly, not through a branch.
            if (b != slack) {
                own += load[b];
            }
        }
        Set<String> at = new HashSet<>();
        for (Agent a : m.agents()) {
            if (a.bus() == null || a.bus().equals(substation)) {
                at.add(a.id());
            }
        }
        return Optional.of(new FeederTerms(substation, own, m.units().kilowattsPerUnit(), at));
    }

    /** {@return whether the agent's power reaches the grid without passing a branch} */
    boolean atSubstation(String agent) {
        return atSubstation.contains(agent);
    }

    /** {@return kW per unit of the market's power} */
    double kwPerUnit() {
        return kwPerUnit;
    }

    /** {@return the feeder's own loads served through its branches, kW} */
    double ownLoadKw() {
        return ownLoadKw;
    }

    /**
     * The power the substation sends into the feeder's branches in period {@code t}, from the
     * result's AC flows at the sending ends of the branches that leave it.
     *
     * @return kW; NaN when the result has no branch flows for the period
     */
    double substationKw(JsonNode root, int t) {
        double s = 0;
        boolean any = false;
        for (JsonNode b : root.path("branches")) {
            if (substation.equals(b.path("from").asText())) {
                s += ResultTree.at(b.path("p"), t);
                any = true;
            } else if (substation.equals(b.path("to").asText())) {
                // Sent from the far end: what arrives at the substation is the flow less the branch's loss.
                s -= ResultTree.at(b.path("p"), t) - ResultTree.at(b.path("loss"), t);
                any = true;
            }
        }
        return any ? s : Double.NaN;
    }
}
