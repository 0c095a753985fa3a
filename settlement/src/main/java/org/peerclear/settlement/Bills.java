package org.peerclear.settlement;

import java.util.List;

/**
 * A settlement: each party's bill, every payment line, and the checks.
 *
 * @param status    the settled result's status as written in its file
 * @param periods   the number of periods settled
 * @param bills     one bill per party that pays or receives anything, in first-appearance order
 * @param lines     every payment, in period order
 * @param imbalance Σ of every party's net, currency: zero up to rounding when money is conserved
 * @param gross     Σ of what every party paid, currency
 * @param energy    one energy statement per period
 */
public record Bills(String status, int periods, List<Bill> bills, List<Line> lines, double imbalance, double gross,
        List<EnergyCheck> energy) {
    /**
     * Copies the lists.
     *
     * @param status    the status
     * @param periods   the periods
     * @param bills     the bills
     * @param lines     the lines
     * @param imbalance the imbalance
     * @param gross     the gross money
     * @param energy    the energy statements
     */
    public Bills {
        bills = List.copyOf(bills);
        lines = List.copyOf(lines);
        energy = List.copyOf(energy);
    }

    /** {@return |imbalance| relative to the gross money (the absolute one when no money moved)} */
    public double relativeImbalance() {
        return gross == 0 ? Math.abs(imbalance) : Math.abs(imbalance) / gross;
    }

    /** {@return whether money is conserved to {@link SettlementTolerances#MONEY_RELATIVE}} */
    public boolean moneyConserved() {
        return relativeImbalance() <= SettlementTolerances.MONEY_RELATIVE;
    }

    /** {@return whether every period's energy statement holds} */
    public boolean energyConserved() {
        return energy.stream().allMatch(EnergyCheck::conserved);
    }

    /** {@return the largest energy residual over the periods, power unit} */
    public double energyResidual() {
        return energy.stream().mapToDouble(e -> Math.abs(e.residual())).max().orElse(0);
    }

    /**
     * One party's bill.
     *
     * @param party a party id
     * @return its bill
     * @throws IllegalArgumentException if the party pays and receives nothing
     */
    public Bill bill(String party) {
        return bills.stream().filter(b -> b.party().equals(party)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No bill for '" + party + "'"));
    }
}
