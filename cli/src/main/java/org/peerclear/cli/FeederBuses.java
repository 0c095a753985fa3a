package org.peerclear.cli;

import java.util.List;

/** The buses of a feeder on which generated agents may be placed. */
final class FeederBuses {
    private FeederBuses() {
    }

    static List<String> marketBuses(String feeder) {
        throw new InvalidInputException("--network is not available yet: agents cannot be placed on feeder '" + feeder
                + "' until network-aware clearing lands");
    }
}
