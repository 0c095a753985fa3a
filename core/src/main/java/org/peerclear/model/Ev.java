package org.peerclear.model;

/**
 * An electric vehicle (an asset of type {@code ev}): a {@link Storage} that is connected only in
 * the periods {@code arrival <= t < departure}. It arrives holding {@code energyInitial} and must
 * hold at least {@code energyRequired} when it leaves: with {@code E_arrival = energyInitial},
 * {@code E_{t+1} = E_t + periodHours·(chargeEfficiency·c_t − d_t/dischargeEfficiency)} for the
 * connected periods, {@code energyMin <= E_t <= energyMax} and {@code E_departure >= energyRequired}.
 * Outside its window {@code p_t = 0}. {@code dischargeMax} is 0 without vehicle-to-grid. Energies
 * in the power unit times hours.
 *
 * <p>Whether the requirement can be met in time is not checked here: that is an infeasibility
 * the clearing reports ({@link #requirementReachable(double)} is the test), not invalid data.
 */
public record Ev(String agentId, String id, double energyMin, double energyMax, double energyInitial,
                 double energyRequired, double chargeMax, double dischargeMax, double chargeEfficiency,
                 double dischargeEfficiency, double cycleCost, int arrival, int departure) implements EnergyStore {
    /**
     * Validates the numbers that contradict each other alone; whether the requirement is reachable is not checked.
     *
     * @param agentId             the owning agent's id
     * @param id                  unique asset id
     * @param energyMin           least energy held, power unit × h; {@code >= 0}
     * @param energyMax           battery capacity, power unit × h
     * @param energyInitial       energy on arrival, power unit × h, within the limits
     * @param energyRequired      least energy at departure, power unit × h; {@code <= energyMax}
     * @param chargeMax           most charging power, power unit; {@code >= 0}
     * @param dischargeMax        most discharging power (vehicle-to-grid), power unit; 0 for none
     * @param chargeEfficiency    in (0, 1]
     * @param dischargeEfficiency in (0, 1]
     * @param cycleCost           currency per unit of power for one period discharged; {@code >= 0}
     * @param arrival             first connected period, {@code >= 0}
     * @param departure           the period it leaves, exclusive; {@code > arrival}
     * @throws InvalidMarketException if a number is out of range
     */
    public Ev {
        String at = Checks.assetPath(agentId, id);
        Checks.energyStore(at, energyMin, energyMax, energyInitial, chargeMax, dischargeMax, chargeEfficiency,
                dischargeEfficiency, cycleCost);
        Checks.nonNegative(at + "energyRequired", energyRequired);
        Checks.atMost(at + "energyRequired", "energyRequired", energyRequired, "energyMax", energyMax,
                "an EV cannot be asked to hold more than its battery");
        Checks.window(at, "arrival", arrival, "departure", departure, "an EV must leave after it arrives");
    }

    /** True in the periods it is plugged in. */
    private boolean connected(int t) {
        return arrival <= t && t < departure;
    }

    /**
     * The most energy it can hold at departure, charging at full power from arrival:
     * {@code min(energyMax, energyInitial + periodHours·chargeEfficiency·chargeMax·(departure − arrival))}.
     *
     * @param periodHours the market's period length in hours ({@link Units#periodHours()})
     * @return energy in the power unit × h
     */
    public double reachableEnergy(double periodHours) {
        return Math.min(energyMax, energyInitial + periodHours * chargeEfficiency * chargeMax * (departure - arrival));
    }

    /**
     * False when {@code energyRequired} cannot be met even charging at full power from arrival.
     *
     * @param periodHours the market's period length in hours
     * @return whether {@link #reachableEnergy(double)} is at least {@code energyRequired}
     */
    public boolean requirementReachable(double periodHours) {
        return reachableEnergy(periodHours) >= energyRequired;
    }

    /** {@code [−chargeMax, dischargeMax]} with zero cost while connected, {@code [0, 0]} otherwise. */
    @Override
    public Asset inPeriod(int t) {
        return connected(t) ? new Asset(id, -chargeMax, dischargeMax, 0.0, 0.0) : new Asset(id, 0.0, 0.0, 0.0, 0.0);
    }

    @Override
    public String type() {
        return "ev";
    }

    @Override
    public int connectedFrom() {
        return arrival;
    }

    @Override
    public int connectedUntil(int periods) {
        return departure;
    }

    @Override
    public double energyAtEnd() {
        return energyRequired;
    }
}
