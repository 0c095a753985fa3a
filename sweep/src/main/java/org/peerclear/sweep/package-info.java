/**
 * Scenario sweeps (docs/sweep.md): a sweep file's scenarios over a base case ({@link org.peerclear.sweep.Sweep}),
 * each run and measured alone ({@link org.peerclear.sweep.ScenarioRunner} gives a
 * {@link org.peerclear.sweep.ScenarioRow}), by a pluggable {@link org.peerclear.sweep.SweepEngine} found by name,
 * and the rows written as {@code scenarios.csv} ({@link org.peerclear.sweep.ScenarioCsv}).
 */
package org.peerclear.sweep;
