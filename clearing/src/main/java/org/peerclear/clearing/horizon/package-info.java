/**
 * Clearing a market over several periods, linked by storage, electric vehicles, shiftable loads
 * and ramps (the model is {@code horizon.model}): centrally in one problem
 * ({@link org.peerclear.clearing.horizon.HorizonClearing}, pricing out the pairs that do not trade
 * on dense trade graphs), or by ADMM ({@link org.peerclear.clearing.horizon.HorizonAdmm}, the
 * engine of {@code admm}); both certified on the same problem over the horizon. Also the rolling
 * simulation of a long horizon a window at a time
 * ({@link org.peerclear.clearing.horizon.RollingHorizon}) and the result's JSON and CSV writers.
 */
package org.peerclear.clearing.horizon;
