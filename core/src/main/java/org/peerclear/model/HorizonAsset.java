package org.peerclear.model;

/**
 * An asset of a {@link HorizonMarket}: a version-1 asset whose numbers may vary by period
 * ({@link FlexibleAsset}), or an asset with memory ({@link Storage}, {@link Ev},
 * {@link Shiftable}) whose periods are coupled by its energy.
 */
public sealed interface HorizonAsset permits FlexibleAsset, EnergyStore, Shiftable {
    /** The id of the agent that owns the asset. */
    String agentId();

    /** The asset's id, unique in the market. */
    String id();

    /** Its {@code type} in a case file: {@code flexible}, {@code storage}, {@code ev} or {@code shiftable}. */
    String type();

    /**
     * The asset as the single-period market of period {@code t} sees it: an ordinary asset with
     * that period's injection bounds (see {@link HorizonMarket} for what the typed assets give).
     */
    Asset inPeriod(int t);

    /** The path of one of its fields in messages, e.g. {@code agents[h1].assets[h1.bat].chargeMax}. */
    default String field(String name) {
        return path(agentId(), id()) + name;
    }

    /** {@code agents[AGENT].assets[ASSET].}, the prefix of its fields' paths. */
    static String path(String agentId, String assetId) {
        return "agents[" + agentId + "].assets[" + assetId + "].";
    }
}
