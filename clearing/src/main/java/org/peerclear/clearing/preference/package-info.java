/**
 * Buyers' preferences for product classes (green, local...) as trade coefficients
 * ({@link org.peerclear.clearing.preference.ClassPreferences}): a premium per buyer and class
 * becomes a non-negative penalty on the buyer's arcs to sellers of the classes it prefers less,
 * so that any method clears a market with preferences as an ordinary convex market.
 * {@code multiclass} reads the same premiums as class prices instead.
 */
package org.peerclear.clearing.preference;
