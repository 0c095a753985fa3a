/**
 * Clearing a market as its case file describes it
 * ({@link org.peerclear.clearing.casefile.CaseClearing}): the one place that turns a case's
 * integer rules, product classes and network tariff into the options and arc coefficients the
 * methods take, and prices the AC losses after clearing. It sits above the method packages
 * ({@code milp}, {@code multiclass}, {@code preference}, {@code network}, {@code losses}) so that
 * none of them needs to know the case format; the command line clears cases through it.
 */
package org.peerclear.clearing.casefile;
