package org.peerclear.result;

/**
 * The grid's side of a clearing, merged over its legs (one per agent that may trade with it):
 * {@code p} its net injection ({@code importPower + exportPower}), {@code importPower ≥ 0} what
 * it sold (asset {@code grid.import}), {@code exportPower ≤ 0} what it bought (asset
 * {@code grid.export}). {@code importPrice} is the price of the legs that sold (their agent
 * prices, weighted by what each sold: the tariff's import price at an exact optimum),
 * {@code exportPrice} that of the legs that bought, each NaN when the grid did not trade that
 * way. {@code price} is the price of its net position: {@code importPrice} when it sold more than
 * it bought, {@code exportPrice} when it bought more, NaN when the two are equal (including when
 * it did not trade at all).
 */
public record GridResult(double p, double price, double importPower, double exportPower, double importPrice,
                         double exportPrice) {
}
