/**
 * The settlement of PeerClear: bills and payment lines between agents, the grid, the network
 * operator, the trading platform and the auctioneer, from a clearing's or an auction's result (its
 * file, or the result in memory), with the money and energy balances shown.
 */
package org.peerclear.settlement;
