/**
 * A market over several periods: its periods and the links between them (storage, shiftable
 * loads, ramps). Only the model, so that the methods that clear it (exact in
 * {@code clearing.horizon}, ADMM in {@code clearing.admm}) can both depend on it without
 * depending on each other.
 */
package org.peerclear.clearing.horizon.model;

