package org.peerclear.result;

/**
 * The trade {@code quantity = t_from,to} that {@code from} sells to {@code to} ({@code < 0}: buys)
 * at the bilateral price {@code price = lambda_from,to}.
 */
public record TradeResult(String from, String to, double quantity, double price) {
}
