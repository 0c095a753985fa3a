package org.peerclear.result;

/**
 * One leg of the grid: the grid reaches each agent that may trade with it through a leg of its
 * own, so that energy one agent sells to the grid never reaches another through it (see
 * {@link GridResult} for the legs merged).
 *
 * @param partner     the id of the declared agent this leg trades with
 * @param importPower what the grid sold to {@code partner} through its import asset, power unit, {@code >= 0}
 * @param exportPower what the grid bought from {@code partner} through its export asset, power unit, {@code <= 0}
 * @param price       the leg's price {@code mu}, currency per unit of power for one period: the tariff's import price
 *                    when it sells, its export price when it buys, at an exact optimum; NaN where
 *                    the method gives none
 */
public record GridLegResult(String partner, double importPower, double exportPower, double price) {
}
