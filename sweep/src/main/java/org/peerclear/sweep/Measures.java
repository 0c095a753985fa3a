package org.peerclear.sweep;

import org.peerclear.opt.Status;
import org.peerclear.result.NetworkOutcome;

/**
 * The numbers of a {@link ScenarioRow}, summed over the periods of one run as their points come
 * in: net positions and prices of the agents, the grid's net position, the AC check of each period.
 * One definition for every kind of run (one period, a horizon, a simulation), so that the columns
 * mean the same whatever ran.
 */
final class Measures {
    private final double periodHours;
    private int periods;
    private double absNet;
    private double priceTimesVolume;
    private double priceVolume;
    private double minVoltage = Double.POSITIVE_INFINITY;
    private double maxVoltage = Double.NEGATIVE_INFINITY;
    private double lossesKw;
    private boolean network;

    /** @param periodHours the length of a period, hours */
    Measures(double periodHours) {
        this.periodHours = periodHours;
    }

    /** One more period with a point. */
    void period() {
        periods++;
    }

    /**
     * A declared agent's net position and price in the current period.
     *
     * @param p     net injection, power unit ({@code > 0} sells)
     * @param price the agent's price, currency per unit energy; NaN where undefined (left out of the mean)
     */
    void agent(double p, double price) {
        absNet += Math.abs(p);
        if (Double.isFinite(price) && p != 0.0) {
            priceTimesVolume += Math.abs(p) * price;
            priceVolume += Math.abs(p);
        }
    }

    /** @param p the grid's net injection in the current period, power unit ({@code > 0}: it sells) */
    void grid(double p) {
        absNet += Math.abs(p);
    }

    /** @param ac the AC check of the current period's dispatch, or null without a feeder */
    void network(NetworkOutcome ac) {
        if (ac == null) {
            return;
        }
        network = true;
        for (NetworkOutcome.Bus b : ac.buses()) {
            minVoltage = Math.min(minVoltage, b.vm());
            maxVoltage = Math.max(maxVoltage, b.vm());
        }
        lossesKw += ac.lossesKw();
    }

    /**
     * The row: the numbers only when the run gave a point ({@code periods > 0}).
     *
     * @param id      the scenario's id
     * @param status  the run's status
     * @param welfare the run's welfare, currency
     * @param message the run's message, kept unless the status is OPTIMAL
     * @param seconds the run's wall-clock time
     * @return the row
     */
    ScenarioRow row(String id, Status status, double welfare, String message, double seconds) {
        boolean point = periods > 0;
        double nan = Double.NaN;
        return new ScenarioRow(id, status, point ? welfare : nan,
                point && priceVolume > 0 ? priceTimesVolume / priceVolume : nan,
                // Each unit sold is a unit bought: half of all |net positions| changed hands.
                point ? 0.5 * absNet * periodHours : nan,
                network ? minVoltage : nan, network ? maxVoltage : nan, network ? lossesKw * periodHours : nan,
                periods, status == Status.OPTIMAL ? "" : message, seconds);
    }
}
