/**
 * Methods {@code qp} and {@code lp}: the unified market solved in one place
 * ({@link org.peerclear.clearing.centralised.CentralisedClearing}). Without a named back-end the
 * exact solver of {@code exact} solves it, with or without a feeder, and the registry's default
 * back-end takes over when it does not end certified; a named back-end gets the
 * {@code formulation}'s problem, whose duals are the prices. With a feeder the LinDistFlow limits
 * join the problem, the AC power flow of the result is reported, and the clearing can iterate
 * linearised losses or tighten limits to AC ({@link org.peerclear.clearing.network.NetworkOptions}).
 * Every result is certified ({@link org.peerclear.clearing.Certification}).
 */
package org.peerclear.clearing.centralised;
