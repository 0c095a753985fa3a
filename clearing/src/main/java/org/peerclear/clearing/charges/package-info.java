/**
 * Network charges on trades: exogenous tariffs that make each trade pay for the part of the
 * feeder it uses. {@link org.peerclear.clearing.charges.NetworkChargePolicy} is the plug-in (found
 * by the case file's {@code network.charges.kind}); {@link org.peerclear.clearing.charges.NetworkCharges}
 * applies one to a market by raising its arcs' coefficients, so every clearing method prices the
 * charge without knowing about it. Built in: {@code uniform}, {@code zonal} (per zone, the laterals
 * by default) and {@code distance} (per pu of path resistance, from
 * {@link org.peerclear.clearing.charges.ElectricalDistance}).
 */
package org.peerclear.clearing.charges;
