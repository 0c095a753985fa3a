/**
 * Distribution feeders and their physics: the {@link org.peerclear.powerflow.Feeder} model (embedded
 * cases by name through {@link org.peerclear.powerflow.matpower.Feeders}), the linear LinDistFlow model and
 * its sensitivities that network-aware clearing uses, and the exact AC power flow
 * ({@link org.peerclear.powerflow.AcPowerFlow}: backward/forward sweep on radial feeders,
 * Newton-Raphson on meshed ones) that checks a cleared market. Independent of the market model, so
 * that it can be used on its own.
 */
package org.peerclear.powerflow;

