package org.peerclear.model;

/**
 * A version-1 asset ({@link Asset}) of a horizon, each of whose numbers may be one value or one
 * per period. Its rules ({@code pMin <= pMax}, {@code a >= 0}, the value range) hold in every
 * period; {@link HorizonMarket} checks them period by period, naming the period.
 */
public record FlexibleAsset(String agentId, String id, Series pMin, Series pMax, Series a, Series b) implements HorizonAsset {
    /**
     * Checks that nothing is null; the per-period rules are checked by {@link HorizonMarket}.
     *
     * @param agentId the owning agent's id
     * @param id      unique asset id
     * @param pMin    lower power bound per period, power unit, signed
     * @param pMax    upper power bound per period, power unit
     * @param a       quadratic cost coefficient per period, currency per (power unit)² per period
     * @param b       linear cost coefficient per period, currency per unit of power for one period
     */
    public FlexibleAsset {
        Checks.assetPath(agentId, id);
        java.util.Objects.requireNonNull(pMin, "pMin");
        java.util.Objects.requireNonNull(pMax, "pMax");
        java.util.Objects.requireNonNull(a, "a");
        java.util.Objects.requireNonNull(b, "b");
    }

    /**
     * The asset with the same numbers in every period.
     *
     * @param agentId the owning agent's id
     * @param asset   the version-1 asset
     * @return a constant asset of the same id
     */
    public static FlexibleAsset of(String agentId, Asset asset) {
        return new FlexibleAsset(agentId, asset.id(), Series.constant(asset.pMin()), Series.constant(asset.pMax()),
                Series.constant(asset.a()), Series.constant(asset.b()));
    }

    /** {@return {@code true} when none of its numbers varies by period} */
    public boolean isConstant() {
        return pMin.isConstant() && pMax.isConstant() && a.isConstant() && b.isConstant();
    }

    @Override
    public Asset inPeriod(int t) {
        return new Asset(id, pMin.at(t), pMax.at(t), a.at(t), b.at(t));
    }

    @Override
    public String type() {
        return "flexible";
    }
}
