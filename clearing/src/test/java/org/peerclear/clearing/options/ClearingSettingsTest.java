package org.peerclear.clearing.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.options.OptionCatalog;
import org.peerclear.options.OptionSpec;
import org.peerclear.options.Options;
import org.junit.jupiter.api.Test;

class ClearingSettingsTest {
    @Test
    void theCatalogsDefaultsAreTheOptionObjectsDefaults() {
        ClearingOptions withAll = ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT)
                .withMethodOptions(NetworkOptions.DEFAULT);
        assertThat(ClearingSettings.read(withAll).toMap()).isEqualTo(Options.defaults(ClearingCatalog.CATALOG).toMap());
    }

    @Test
    void everyOptionReachesItsOptionObjectAndReadsBack() {
        Options set = Options.defaults(ClearingCatalog.CATALOG).withAll(Map.ofEntries(
                Map.entry("solver.timeLimit", "30"), Map.entry("solver.threads", "3"),
                Map.entry("solver.optimalityTolerance", "1e-7"), Map.entry("solver.feasibilityTolerance", "1e-6"),
                Map.entry("solver.relativeMipGap", "0.01"), Map.entry("admm.rho", "0.5"), Map.entry("admm.alpha", "1.5"),
                Map.entry("admm.eps", "1e-6"), Map.entry("admm.maxIter", "77"), Map.entry("admm.stopping", "relative"),
                Map.entry("admm.threads", "2"), Map.entry("admm.adaptiveRho", "true"), Map.entry("admm.asyncFraction", "0.5"),
                Map.entry("admm.seed", "42"), Map.entry("admm.polish", "false"), Map.entry("admm.mu", "5"),
                Map.entry("admm.tau", "3"), Map.entry("admm.adaptInterval", "7"), Map.entry("admm.refinements", "2"),
                Map.entry("admm.progressInterval", "9"), Map.entry("network.lossAware", "true"),
                Map.entry("network.maxLossIterations", "4"), Map.entry("network.lossTolerance", "1e-5"),
                Map.entry("network.tightenToAc", "true"), Map.entry("network.maxTightenings", "6")));
        ClearingOptions o = ClearingSettings.apply(ClearingOptions.DEFAULT, set);
        assertThat(o.timeLimitSeconds()).isEqualTo(30.0);
        assertThat(o.solverParameters().threads()).isEqualTo(3);
        assertThat(o.solverParameters().optimalityTolerance()).isEqualTo(1e-7);
        assertThat(o.solverParameters().feasibilityTolerance()).isEqualTo(1e-6);
        assertThat(o.solverParameters().relativeMipGap()).isEqualTo(0.01);
        AdmmOptions a = o.methodOptions(AdmmOptions.class).orElseThrow();
        assertThat(a.rho()).isEqualTo(0.5);
        assertThat(a.rhoFromData()).isFalse();
        assertThat(a.alpha()).isEqualTo(1.5);
        assertThat(a.eps()).isEqualTo(1e-6);
        assertThat(a.maxIterations()).isEqualTo(77);
        assertThat(a.stopping()).isEqualTo(AdmmOptions.Stopping.RELATIVE);
        assertThat(a.threads()).isEqualTo(2);
        assertThat(a.adaptiveRho()).isTrue();
        assertThat(a.asyncFraction()).isEqualTo(0.5);
        assertThat(a.seed()).isEqualTo(42L);
        assertThat(a.polish()).isFalse();
        assertThat(a.mu()).isEqualTo(5.0);
        assertThat(a.tau()).isEqualTo(3.0);
        assertThat(a.adaptInterval()).isEqualTo(7);
        assertThat(a.refinements()).isEqualTo(2);
        assertThat(a.progressInterval()).isEqualTo(9);
        NetworkOptions n = o.methodOptions(NetworkOptions.class).orElseThrow();
        assertThat(n.lossAware()).isTrue();
        assertThat(n.maxLossIterations()).isEqualTo(4);
        assertThat(n.lossTolerance()).isEqualTo(1e-5);
        assertThat(n.tightenToAc()).isTrue();
        assertThat(n.maxTightenings()).isEqualTo(6);
        // Every option of the catalog was set above, so none can be missed by apply or read.
        assertThat(ClearingCatalog.CATALOG.specs()).allSatisfy(spec -> assertThat(set.isSet(spec)).as(spec.name()).isTrue());
        assertThat(ClearingSettings.read(o).toMap()).isEqualTo(set.toMap());
    }

    @Test
    void admmAndNetworkOptionsReachTheMethodsOnlyWhenSet() {
        ClearingOptions o = ClearingSettings.apply(ClearingOptions.DEFAULT,
                Options.defaults(ClearingCatalog.CATALOG).with(ClearingOptions.TIME_LIMIT, 5.0));
        assertThat(o.methodOptions(AdmmOptions.class)).isEmpty();
        assertThat(o.methodOptions(NetworkOptions.class)).isEmpty();
        ClearingOptions auto = ClearingSettings.apply(ClearingOptions.DEFAULT,
                Options.defaults(ClearingCatalog.CATALOG).with(AdmmOptions.RHO, OptionalDouble.empty()));
        assertThat(auto.methodOptions(AdmmOptions.class).orElseThrow().rhoFromData()).isTrue();
    }

    /** The option objects check a value from Java with the same spec a name is checked with, so the message is one. */
    @Test
    void anOptionObjectRejectsAValueWithItsSpecsMessage() {
        String message = "invalid value '0' for option solver.timeLimit: must be a number in (0, Infinity]";
        assertThatThrownBy(() -> ClearingOptions.DEFAULT.withTimeLimitSeconds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> Options.defaults(ClearingCatalog.CATALOG).withAll(Map.of("solver.timeLimit", "0")))
                .hasMessage(message);
        assertThatThrownBy(() -> NetworkOptions.DEFAULT.withLossTolerance(0))
                .hasMessage("invalid value '0' for option network.lossTolerance: must be a number in (0, Infinity)");
        assertThatThrownBy(() -> NetworkOptions.DEFAULT.withMaxTightenings(0))
                .hasMessage("invalid value '0' for option network.maxTightenings: must be an integer >= 1");
    }

    @Test
    void everyOptionIsDescribedOnceInAStableOrder() {
        OptionCatalog c = ClearingCatalog.CATALOG;
        List<String> names = c.specs().stream().map(OptionSpec::name).toList();
        assertThat(names).doesNotHaveDuplicates().startsWith("solver.timeLimit").contains("admm.rho", "admm.alpha", "admm.eps",
                "admm.maxIter", "admm.stopping", "admm.adaptiveRho", "admm.asyncFraction", "network.lossAware", "network.tightenToAc");
        assertThat(c.describe().lines().toList()).hasSize(names.size());
        assertThat(c.specs()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
        assertThatThrownBy(() -> c.spec("admm.rh0")).hasMessageContaining("did you mean admm.rho?");
    }
}
