/**
 * MATPOWER case files (format version 2): a strict parser that refuses what it does not understand
 * with the file and line, and the case's data in MATPOWER units, from which a
 * {@link org.peerclear.powerflow.Feeder} is built.
 */
package org.peerclear.powerflow.matpower;
