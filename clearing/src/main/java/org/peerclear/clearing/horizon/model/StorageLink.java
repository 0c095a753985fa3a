package org.peerclear.clearing.horizon.model;


/**
 * An asset with memory as the horizon formulation sees it: asset {@code asset} (its index in
 * every period's market index) is a store of energy connected in periods {@code from ≤ t < to}
 * (a battery: the whole horizon; an electric vehicle: arrival to departure). Its injection is
 * {@code p_t = d_t − c_t} with {@code 0 ≤ c_t ≤ chargeMax}, {@code 0 ≤ d_t ≤ dischargeMax}, and
 * its energy {@code E_{t+1} = E_t + h·(ηc·c_t − d_t/ηd)} stays in {@code [energyMin, energyMax]}
 * from {@code E_from = energyInitial}; {@code energyAtEnd} (NaN for none) is the least energy at
 * {@code to} (a battery's final condition, an EV's requirement at departure). Delivered energy
 * costs {@code cycleCost·h·d_t}. Energies in the market's power unit × hours.
 *
 * @param asset               the store's index in every period's market index
 * @param energyMin           the least energy held, power unit × hours
 * @param energyMax           the most energy held, power unit × hours
 * @param energyInitial       the energy held at period {@code from}, power unit × hours
 * @param energyAtEnd         the least energy held at period {@code to}, power unit × hours; NaN for none
 * @param chargeMax           the largest charging power {@code c_t}, power unit
 * @param dischargeMax        the largest discharging power {@code d_t}, power unit
 * @param chargeEfficiency    ηc, the share of the charging power that is stored; in (0, 1]
 * @param dischargeEfficiency ηd, the share of the energy drawn that is delivered; in (0, 1]
 * @param cycleCost           the wear cost of delivered energy, currency per unit energy
 * @param from                the first connected period
 * @param to                  the period after the last connected one
 */
public record StorageLink(int asset, double energyMin, double energyMax, double energyInitial, double energyAtEnd,
                          double chargeMax, double dischargeMax, double chargeEfficiency, double dischargeEfficiency,
                          double cycleCost, int from, int to) {
    /**
     * Checks the numbers.
     *
     * @param asset               the store's index in every period's market index
     * @param energyMin           the least energy held, power unit × hours
     * @param energyMax           the most energy held, power unit × hours
     * @param energyInitial       the energy held at period {@code from}, in {@code [energyMin, energyMax]}
     * @param energyAtEnd         the least energy held at period {@code to}, power unit × hours; NaN for none
     * @param chargeMax           the largest charging power, power unit; {@code >= 0}
     * @param dischargeMax        the largest discharging power, power unit; {@code >= 0}
     * @param chargeEfficiency    ηc, in (0, 1]
     * @param dischargeEfficiency ηd, in (0, 1]
     * @param cycleCost           the wear cost of delivered energy, currency per unit energy
     * @param from                the first connected period; {@code >= 0}
     * @param to                  the period after the last connected one; {@code > from}
     * @throws IllegalArgumentException if a number is out of its range
     */
    public StorageLink {
        if (!(chargeEfficiency > 0 && chargeEfficiency <= 1) || !(dischargeEfficiency > 0 && dischargeEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1], got " + chargeEfficiency + " and " + dischargeEfficiency);
        }
        if (!(energyMin <= energyInitial && energyInitial <= energyMax)) {
            throw new IllegalArgumentException("energyInitial " + energyInitial + " outside [" + energyMin + ", " + energyMax + "]");
        }
        if (chargeMax < 0 || dischargeMax < 0 || from < 0 || to <= from) {
            throw new IllegalArgumentException("chargeMax, dischargeMax must be >= 0 and 0 <= from < to; got " + chargeMax + ", "
                    + dischargeMax + ", " + from + ", " + to);
        }
    }
}
