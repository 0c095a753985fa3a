package org.peerclear.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peerclear.model.NetworkSpec;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;

/** Feeder bus ids for the CLI: placing generated agents, and checking a case's buses. */
final class FeederBuses {
    private FeederBuses() {
    }

    /** The buses of an embedded feeder on which agents may sit: all but the substation. */
    static List<String> marketBuses(String feeder) {
        Feeder f = Feeders.embedded(feeder);
        List<String> ids = new ArrayList<>(f.busIds());
        ids.remove(f.slackIndex());
        return ids;
    }

    /** Every bus id of a case's network (embedded name or MATPOWER file relative to the case). */
    static Set<String> of(NetworkSpec network) {
        return new HashSet<>(Feeders.load(network.feeder(), network.baseDirectory()).busIds());
    }
}
