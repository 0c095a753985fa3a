package org.peerclear.sweep;

import java.io.Serializable;
import java.util.Objects;
import org.peerclear.opt.Status;

/**
 * One scenario's outcome: one row of {@code scenarios.csv} (docs/sweep.md defines each column and
 * its unit). Every column but {@code seconds} is a function of the scenario alone, so two engines
 * give equal rows for a deterministic method ({@link #equalsIgnoringTime}). NaN stands for what
 * does not apply or was not obtained (voltages and losses without a network, every number
 * without a point), written as an empty cell.
 *
 * @param id           the scenario's id
 * @param status       the clearing's status; {@link Status#ERROR} when the scenario could not be run (invalid case, refused method)
 * @param welfare      social welfare, {@code -objective} over the horizon, currency
 * @param meanPrice    the declared agents' prices weighted by the magnitude of their net positions, over all periods, currency per unit energy
 * @param tradedVolume the energy that changed hands: half the sum of |net position| over all agents and the grid, times the period length, summed over periods
 * @param minVoltage   the lowest AC bus voltage of the cleared dispatch over buses and periods, pu
 * @param maxVoltage   the highest, pu
 * @param losses       the AC active losses, times the period length, summed over periods (energy: kWh for kW cases)
 * @param periods      how many periods the row covers: the horizon's, or simulate's committed ones
 * @param error        why the scenario failed or is not optimal (the exception's or the clearing's message); empty when OPTIMAL
 * @param seconds      the wall-clock time of the run: the only column that differs from run to run
 */
public record ScenarioRow(String id, Status status, double welfare, double meanPrice, double tradedVolume, double minVoltage,
                          double maxVoltage, double losses, int periods, String error, double seconds) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks the id and status; a null error is the empty one. */
    public ScenarioRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        error = error == null ? "" : error;
    }

    /**
     * A scenario that could not be run: status {@link Status#ERROR}, no numbers.
     *
     * @param id      the scenario's id
     * @param error   what went wrong, naming the field or option where there is one
     * @param seconds the time spent on it
     * @return the row
     */
    public static ScenarioRow error(String id, String error, double seconds) {
        return new ScenarioRow(id, Status.ERROR, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, error,
                seconds);
    }

    /** {@return {@code true} when the scenario gave no usable point: an error, or a status without a solution} */
    public boolean failed() {
        return !status.hasSolution();
    }

    /** {@return this row with {@code seconds} 0: what is compared between runs and engines} */
    public ScenarioRow withoutTime() {
        return new ScenarioRow(id, status, welfare, meanPrice, tradedVolume, minVoltage, maxVoltage, losses, periods, error, 0.0);
    }

    /**
     * Whether two rows are equal in every column but {@code seconds}, numbers bit for bit (NaN equals NaN).
     *
     * @param other another row
     * @return {@code true} when only the time may differ
     */
    public boolean equalsIgnoringTime(ScenarioRow other) {
        return other != null && withoutTime().equals(other.withoutTime());
    }
}
