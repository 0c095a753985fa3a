/**
 * The options of a clear by name ({@code admm.rho}, {@code solver.timeLimit}, ...): the catalog
 * ({@link org.peerclear.clearing.options.ClearingCatalog}) and its one bridge to the option
 * objects ({@link org.peerclear.clearing.options.ClearingSettings}).
 */
package org.peerclear.clearing.options;
