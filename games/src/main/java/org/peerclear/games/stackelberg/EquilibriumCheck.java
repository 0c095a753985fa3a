package org.peerclear.games.stackelberg;

import java.util.List;

/**
 * The check of a Stackelberg result: every follower's best response recomputed at the leader's
 * prices by an independent method, and compared with the response the result reports.
 *
 * @param method                  what recomputed the best responses (e.g. {@code clearing auto (flow)})
 * @param maxImprovement          the most any follower could lower its total cost by deviating from its reported
 *                                response to the independent one, currency per period ({@code <= 0} up to rounding
 *                                when all respond best)
 * @param maxRelativeImprovement  the same, each relative to {@code 1 + |asset cost| + |payment|} of that follower:
 *                                what the tolerance is compared with
 * @param worstFollower           the follower with the largest relative improvement; null without followers
 * @param maxResponseDifference   the largest difference between a reported and an independent asset power, power
 *                                unit (informative: responses are unique, since every flexible asset has a > 0)
 * @param maxInfeasibility        the largest violation of an asset bound by a reported power, relative to
 *                                {@code 1 + |bound|}
 * @param objectiveResidual       the leader's objective recomputed from the independent responses minus the
 *                                reported one, relative to {@code 1 +} the size of its revenue, payments and grid bill
 * @param tolerance               the relative improvement above which a follower could improve
 *                                ({@link org.peerclear.games.GameTolerances#STACKELBERG_BEST_RESPONSE})
 * @param passed                  whether no follower can improve by more than the tolerance, every reported power is
 *                                feasible, the objective residual is within its tolerance and the independent method
 *                                ended certified
 * @param failures                what failed, one line each (at most a few); empty when passed
 * @param seconds                 wall-clock time of the check
 */
public record EquilibriumCheck(String method, double maxImprovement, double maxRelativeImprovement,
                               String worstFollower, double maxResponseDifference, double maxInfeasibility,
                               double objectiveResidual, double tolerance, boolean passed, List<String> failures,
                               double seconds) {
    /**
     * Copies the failures.
     *
     * @param method what recomputed the best responses
     * @param maxImprovement the largest saving a follower could make, currency per period
     * @param maxRelativeImprovement the same relative to the follower's scale
     * @param worstFollower the follower with the largest relative saving; null for none
     * @param maxResponseDifference the largest reported-minus-independent power difference
     * @param maxInfeasibility the largest relative bound violation
     * @param objectiveResidual the relative difference of the recomputed leader's objective
     * @param tolerance the relative saving tolerated
     * @param passed whether the check passed
     * @param failures what failed, copied
     * @param seconds wall-clock time of the check
     */
    public EquilibriumCheck {
        failures = List.copyOf(failures);
    }
}
