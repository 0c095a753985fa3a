/**
 * The market structures of the P2P literature (pool, full P2P, P2P on a given graph, community and
 * composite markets) built as trade graphs of one unified market
 * ({@link org.peerclear.clearing.structure.MarketStructures}), so that every clearing method clears
 * every structure. Only model building: it depends on the core model, not on the methods.
 */
package org.peerclear.clearing.structure;
