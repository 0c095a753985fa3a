package org.peerclear.ledger;

/** What a ledger record attests. */
public enum Kind {
    /** A bilateral trade: the payer buys from the payee; signed by both parties. */
    TRADE,
    /** A bill line: the payer owes the payee the amount (a fee, a grid charge, a network or loss charge). */
    BILL,
    /** The digest of a market result (the payload); signed by the market operator. */
    RESULT_DIGEST
}
