/**
 * The orders of a double auction, as the order file (orders.md) holds them: limit orders
 * ({@link org.peerclear.order.Order}), the continuous auction's cancels and amendments, and the
 * file as a whole ({@link org.peerclear.order.OrderFile}), validated like a market case (every
 * invalid value named by its field). Read and written by {@code io.OrdersReader} and
 * {@code io.OrdersWriter}; the mechanisms that clear them are in module {@code auction}.
 */
package org.peerclear.order;
