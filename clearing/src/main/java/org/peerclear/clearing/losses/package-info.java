/**
 * Sharing the AC losses of a cleared, network-aware dispatch among the participants, in kW:
 * the {@link org.peerclear.clearing.losses.LossAllocator} extension point (plug-ins found by name
 * through {@link java.util.ServiceLoader}) and the built-in rules (pro rata, marginal loss factors,
 * path-based). An allocation after clearing, not part of it: {@code casefile} prices
 * the shares into the result; loss-aware clearing itself is an option of {@code centralised}.
 */
package org.peerclear.clearing.losses;
