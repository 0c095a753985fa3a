package org.peerclear.model;

/**
 * An asset of a {@link HorizonMarket}: a version-1 asset whose numbers may vary by period
 * ({@link FlexibleAsset}), or an asset with memory ({@link Storage}, {@link Ev},
 * {@link Shiftable}) whose periods are coupled by its energy.
 */
public sealed interface HorizonAsset permits FlexibleAsset, EnergyStore, Shiftable {
    /** {@return the id of the agent that owns the asset} */
    String agentId();

    /** {@return the asset's id, unique in the market} */
    String id();

    /** {@return its {@code type} in a case file: {@code flexible}, {@code storage}, {@code ev} or {@code shiftable}} */
    String type();

    /**
     * The asset as the single-period market of period {@code t} sees it: an ordinary asset with
     * that period's injection bounds (see {@link HorizonMarket} for what the typed assets give).
     *
     * @param t a period, {@code 0..T-1}
     * @return a new asset of the same id
     */
    Asset inPeriod(int t);

    /**
     * The path of one of its fields in messages, e.g. {@code agents[h1].assets[h1.bat].chargeMax}.
     *
     * @param name the field's name in the case file
     * @return the path as {@link InvalidMarketException#field()} gives it
     */
    default String field(String name) {
        return path(agentId(), id()) + name;
    }

    /**
     * {@code agents[AGENT].assets[ASSET].}, the prefix of its fields' paths.
     *
     * @param agentId the owning agent's id
     * @param assetId the asset's id
     * @return the prefix, ending in a dot
     */
    static String path(String agentId, String assetId) {
        return "agents[" + agentId + "].assets[" + assetId + "].";
    }
}
