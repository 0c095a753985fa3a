/**
 * Pictures of clearing results, drawn headless with JFreeChart and written as PNG or SVG: voltages
 * along the feeder, prices, ADMM convergence, supply and demand, and stored energy over a horizon.
 * {@link org.peerclear.plot.ResultReader} reads the result JSON that {@code clear} writes,
 * {@link org.peerclear.plot.Plots} builds the {@link org.peerclear.plot.Picture} of a
 * {@link org.peerclear.plot.PlotKind} and renders it. Axes carry the result's own units: power in
 * the market's power unit, energy in that unit times hours, prices per unit energy, voltages in pu.
 * The same picture always gives the same bytes, so rendered files can be compared and committed.
 */
package org.peerclear.plot;
