/**
 * A tamper-evident, append-only ledger of settlement records: each record is hash-chained to the
 * previous one (SHA-256 over {@link org.peerclear.ledger.Ledger}'s documented canonical encoding)
 * and signed with Ed25519 by the agents it concerns, in an embedded SQLite file or on a PostgreSQL
 * server. Keys live in a password-protected {@link org.peerclear.ledger.Keystore}.
 */
package org.peerclear.ledger;
