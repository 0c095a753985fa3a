package org.peerclear.settlement;

/**
 * One payment.
 *
 * @param period the period, from 0
 * @param payer  who pays
 * @param payee  who is paid
 * @param amount currency, {@code >= 0}
 * @param reason {@code trade}, {@code fee}, {@code grid}, {@code network}, {@code losses} or {@code surplus}
 */
public record Line(int period, String payer, String payee, double amount, String reason) {
}
