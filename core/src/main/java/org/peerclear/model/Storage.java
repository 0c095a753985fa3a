package org.peerclear.model;

/**
 * A stationary battery (an asset of type {@code storage}). Energies are in the market's power
 * unit times hours (kWh with kW), powers in the power unit. In period {@code t} it charges
 * {@code c_t ∈ [0, chargeMax]} and discharges {@code d_t ∈ [0, dischargeMax]}, injecting
 * {@code p_t = d_t − c_t}, and its energy follows
 * {@code E_{t+1} = E_t + periodHours·(chargeEfficiency·c_t − d_t/dischargeEfficiency)} with
 * {@code E_0 = energyInitial} and {@code energyMin <= E_t <= energyMax} for {@code t = 0..T}.
 * {@code energyFinal} (NaN: none) asks for {@code E_T >= energyFinal}. Discharging costs
 * {@code cycleCost·periodHours·d_t} (currency per energy delivered at the terminals).
 *
 * <p>The record checks what is contradictory in its numbers alone; whether {@code energyFinal}
 * can be reached in time is for the clearing to find (see {@code docs/market-case.md}).
 */
public record Storage(String agentId, String id, double energyMin, double energyMax, double energyInitial,
                      double energyFinal, double chargeMax, double dischargeMax, double chargeEfficiency,
                      double dischargeEfficiency, double cycleCost) implements EnergyStore {
    /**
     * Validates the numbers that contradict each other alone.
     *
     * @param agentId             the owning agent's id
     * @param id                  unique asset id
     * @param energyMin           least energy held, power unit × h; {@code >= 0}
     * @param energyMax           capacity, power unit × h
     * @param energyInitial       energy at the start, power unit × h, within the limits
     * @param energyFinal         least energy at the end, power unit × h, {@code <= energyMax}; NaN for none
     * @param chargeMax           most charging power, power unit; {@code >= 0}
     * @param dischargeMax        most discharging power, power unit; {@code >= 0}
     * @param chargeEfficiency    in (0, 1]
     * @param dischargeEfficiency in (0, 1]
     * @param cycleCost           currency per unit of power for one period discharged; {@code >= 0}
     * @throws InvalidMarketException if a number is out of range
     */
    public Storage {
        String at = Checks.assetPath(agentId, id);
        Checks.energyStore(at, energyMin, energyMax, energyInitial, chargeMax, dischargeMax, chargeEfficiency,
                dischargeEfficiency, cycleCost);
        if (!Double.isNaN(energyFinal)) {
            Checks.nonNegative(at + "energyFinal", energyFinal);
            Checks.atMost(at + "energyFinal", "energyFinal", energyFinal, "energyMax", energyMax,
                    "the storage cannot hold more than energyMax");
        }
    }

    /** {@return {@code true} when the storage must end the horizon with at least {@link #energyFinal()}} */
    public boolean hasEnergyFinal() {
        return !Double.isNaN(energyFinal);
    }

    /** Zero cost on {@code [−chargeMax, dischargeMax]}: the cycle cost and the energy are the coupling's. */
    @Override
    public Asset inPeriod(int t) {
        return new Asset(id, -chargeMax, dischargeMax, 0.0, 0.0);
    }

    @Override
    public String type() {
        return "storage";
    }

    @Override
    public int connectedFrom() {
        return 0;
    }

    @Override
    public int connectedUntil(int periods) {
        return periods;
    }

    @Override
    public double energyAtEnd() {
        return energyFinal;
    }
}
