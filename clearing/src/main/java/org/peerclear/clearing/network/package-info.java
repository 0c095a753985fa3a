/**
 * A market placed on its feeder ({@link org.peerclear.clearing.network.NetworkModel}: buses, the
 * market's power unit in kW, the base LinDistFlow state) and what the clearing methods need of it:
 * the LinDistFlow voltage and flow limits as linear rows on the buses' injections, defined once
 * ({@link org.peerclear.clearing.network.LinDistFlowLimits}) for the centralised problem, the exact
 * solver and the ADMM system operator alike; and the AC power flow of a cleared dispatch
 * ({@link org.peerclear.clearing.network.AcCheck}), which every network-aware method reports.
 * Built on the {@code powerflow} module, which knows nothing of markets.
 */
package org.peerclear.clearing.network;
