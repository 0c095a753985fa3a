package org.peerclear.model;

/**
 * What a {@link Storage} and an {@link Ev} share, so that a formulation can write one set of
 * energy rows for both: connected in the periods {@code connectedFrom() <= t < connectedUntil(T)},
 * starting there with {@code energyInitial}, ending with at least {@link #energyAtEnd()} (NaN:
 * no condition), the charge and discharge split with its efficiencies and cycle cost.
 */
public sealed interface EnergyStore extends HorizonAsset permits Storage, Ev {
    double energyMin();

    double energyMax();

    double energyInitial();

    double chargeMax();

    double dischargeMax();

    double chargeEfficiency();

    double dischargeEfficiency();

    double cycleCost();

    /** The first connected period: 0 for a battery, an EV's arrival. */
    int connectedFrom();

    /** The period after the last connected one: T for a battery, an EV's departure. */
    int connectedUntil(int periods);

    /** The least energy when the connection ends: a battery's energyFinal, an EV's energyRequired; NaN for none. */
    double energyAtEnd();
}
