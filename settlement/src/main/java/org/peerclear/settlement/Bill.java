package org.peerclear.settlement;

/**
 * One party's bill over all periods.
 *
 * @param party    the party's id: an agent id, or {@code grid}, {@code operator}, {@code platform}, {@code auctioneer}
 * @param kind     {@code agent}, {@code grid}, {@code operator}, {@code platform} or {@code auctioneer}
 * @param paid     money it pays, currency, {@code >= 0}
 * @param received money it receives, currency, {@code >= 0}
 * @param net      {@code received - paid}, currency
 */
public record Bill(String party, String kind, double paid, double received, double net) {
}
