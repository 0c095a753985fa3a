/**
 * Settlement of result files: bills and payment lines between agents, the grid, the network
 * operator, the trading platform and the auctioneer, with the money and energy balances shown.
 */
package org.peerclear.settlement;
