package org.peerclear.model;

/**
 * What a {@link Storage} and an {@link Ev} share, so that a formulation can write one set of
 * energy rows for both: connected in the periods {@code connectedFrom() <= t < connectedUntil(T)},
 * starting there with {@code energyInitial}, ending with at least {@link #energyAtEnd()} (NaN:
 * no condition), the charge and discharge split with its efficiencies and cycle cost.
 */
public sealed interface EnergyStore extends HorizonAsset permits Storage, Ev {
    /** {@return the least energy it may hold, power unit × h; {@code >= 0}} */
    double energyMin();

    /** {@return the most energy it may hold, power unit × h} */
    double energyMax();

    /** {@return the energy it holds when connected (at period 0, or an EV's arrival), power unit × h} */
    double energyInitial();

    /** {@return the most charging power, in the power unit; {@code >= 0}} */
    double chargeMax();

    /** {@return the most discharging power, in the power unit; {@code >= 0} (0: an EV without vehicle-to-grid)} */
    double dischargeMax();

    /** {@return the share of the charging energy that is stored, in (0, 1]} */
    double chargeEfficiency();

    /** {@return the share of the stored energy drawn that reaches the terminals, in (0, 1]} */
    double dischargeEfficiency();

    /** {@return the cost of discharging, currency per unit of power for one period delivered at the terminals; {@code >= 0}} */
    double cycleCost();

    /** {@return the first connected period: 0 for a battery, an EV's arrival} */
    int connectedFrom();

    /**
     * The period after the last connected one: T for a battery, an EV's departure.
     *
     * @param periods the horizon's number of periods T
     * @return the end of the connection window, exclusive, {@code <= periods} for valid data
     */
    int connectedUntil(int periods);

    /** {@return the least energy when the connection ends, power unit × h: a battery's energyFinal, an EV's energyRequired; NaN for none} */
    double energyAtEnd();
}
