/**
 * Clearing a market: the {@link org.peerclear.clearing.ClearingMethod} extension point (the
 * methods found by name through {@link org.peerclear.clearing.ClearingMethods}), the options every
 * method shares ({@link org.peerclear.clearing.ClearingOptions}), progress reports for long runs,
 * and {@link org.peerclear.clearing.Certification}, the one step that makes a method's status true
 * whichever solver produced its point. The concrete methods live in the subpackages
 * ({@code centralised}, {@code admm}, {@code milp}, {@code multiclass}, {@code auto}), on the
 * shared formulation ({@code formulation}), the exact solver ({@code exact}) and the feeder model
 * ({@code network}); this package knows none of them, so that a new method is one more plug-in.
 */
package org.peerclear.clearing;
