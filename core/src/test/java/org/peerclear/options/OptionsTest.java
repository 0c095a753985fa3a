package org.peerclear.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OptionsTest {
    enum Rule { PAPER, RELATIVE }

    static final OptionSpec<Double> ALPHA = OptionSpec.number("admm.alpha", 1.0, 0, true, 2, true, "", "over-relaxation");
    static final OptionSpec<OptionalDouble> RHO = OptionSpec.positiveOrAuto("admm.rho", "EUR/kW2", "penalty");
    static final OptionSpec<Integer> ITER = OptionSpec.integer("admm.maxIter", 100, 1, Integer.MAX_VALUE, "", "iteration limit");
    static final OptionSpec<Boolean> ADAPT = OptionSpec.bool("admm.adaptiveRho", false, "residual balancing");
    static final OptionSpec<Rule> STOP = OptionSpec.choice("admm.stopping", Rule.class, Rule.PAPER, "stopping rule");
    static final OptionCatalog CATALOG = OptionCatalog.of(List.of(RHO, ALPHA, ITER, ADAPT, STOP));

    @Test
    void eachSpecParsesValidatesAndPrintsItself() {
        assertThat(ALPHA.parse(" 1.5 ")).isEqualTo(1.5);
        assertThat(RHO.parse("auto")).isEmpty();
        assertThat(RHO.parse("0.01")).hasValue(0.01);
        assertThat(ITER.parse("7")).isEqualTo(7);
        assertThat(ADAPT.parse("TRUE")).isTrue();
        assertThat(STOP.parse("Relative")).isEqualTo(Rule.RELATIVE);
        for (OptionSpec<?> s : CATALOG.specs()) {
            assertThat(reparsed(s)).as(s.name()).isEqualTo(s.defaultValue());
        }
        assertThat(ALPHA.describe()).isEqualTo("admm.alpha (number, default 1; a number in (0, 2)): over-relaxation");
        assertThat(RHO.describe()).isEqualTo("admm.rho (number or auto, default auto, EUR/kW2; auto, or a finite number > 0): penalty");
        assertThat(STOP.describe()).isEqualTo("admm.stopping (paper|relative, default paper; one of paper, relative): stopping rule");
    }

    private static <T> T reparsed(OptionSpec<T> s) {
        return s.parse(s.print(s.defaultValue()));
    }

    @Test
    void anInvalidValueNamesTheOptionTheValueAndTheRule() {
        assertThatThrownBy(() -> ALPHA.parse("2")).isInstanceOf(InvalidOptionException.class)
                .hasMessage("invalid value '2' for option admm.alpha: must be a number in (0, 2)");
        assertThatThrownBy(() -> ALPHA.parse("NaN")).hasMessage("invalid value 'NaN' for option admm.alpha: must be a number in (0, 2)");
        assertThatThrownBy(() -> ALPHA.parse("1d")).hasMessageContaining("'1d'");
        assertThatThrownBy(() -> RHO.parse("-1")).hasMessage("invalid value '-1' for option admm.rho: must be auto, or a finite number > 0");
        assertThatThrownBy(() -> ITER.parse("0")).hasMessage("invalid value '0' for option admm.maxIter: must be an integer >= 1");
        assertThatThrownBy(() -> ITER.parse("1.5")).hasMessage("invalid value '1.5' for option admm.maxIter: must be an integer >= 1");
        assertThatThrownBy(() -> ADAPT.parse("yes")).hasMessage("invalid value 'yes' for option admm.adaptiveRho: must be true or false");
        assertThatThrownBy(() -> STOP.parse("boyd")).hasMessage("invalid value 'boyd' for option admm.stopping: must be one of paper, relative");
        assertThatThrownBy(() -> ALPHA.validate(0.0)).hasMessage("invalid value '0' for option admm.alpha: must be a number in (0, 2)");
    }

    @Test
    void anUnknownNameSuggestsTheCloseOnes() {
        assertThatThrownBy(() -> CATALOG.spec("admm.rh0")).isInstanceOf(InvalidOptionException.class)
                .hasMessage("unknown option 'admm.rh0'; did you mean admm.rho? (every option: --help)");
        assertThatThrownBy(() -> Options.defaults(CATALOG).with("admm.Alpha", "1")).hasMessageContaining("did you mean admm.alpha?");
        assertThatThrownBy(() -> CATALOG.spec("solver.gap")).hasMessage("unknown option 'solver.gap' (every option: --help)");
        assertThatThrownBy(() -> OptionCatalog.of(List.of(ALPHA, ALPHA))).hasMessage("Two options are named admm.alpha");
    }

    @Test
    void valuesKeepTheCatalogOrderAndTheLaterSourceWins() {
        Map<String, String> fromCase = new LinkedHashMap<>();
        fromCase.put("admm.stopping", "relative");
        fromCase.put("admm.alpha", "1.2");
        Options file = Options.defaults(CATALOG).withAll(fromCase);
        Options line = Options.defaults(CATALOG).with("admm.alpha", "1.6");
        Options o = file.overriddenBy(line);
        assertThat(o.get(ALPHA)).isEqualTo(1.6);
        assertThat(o.get(STOP)).isEqualTo(Rule.RELATIVE);
        assertThat(o.get(ITER)).isEqualTo(100);
        assertThat(o.isSet(ITER)).isFalse();
        assertThat(o.anySet("admm.")).isTrue();
        assertThat(o.toMap()).containsExactly(Map.entry("admm.rho", "auto"), Map.entry("admm.alpha", "1.6"),
                Map.entry("admm.maxIter", "100"), Map.entry("admm.adaptiveRho", "false"), Map.entry("admm.stopping", "relative"));
        assertThat(o.describe()).startsWith("admm.rho = auto\nadmm.alpha = 1.6 (set)\n");
        assertThat(o).isEqualTo(Options.defaults(CATALOG).with(STOP, Rule.RELATIVE).with(ALPHA, 1.6));
    }

    @Test
    void optionsOfAnotherCatalogAreRefused() {
        OptionSpec<Double> other = OptionSpec.number("x.y", 1, 0, false, 2, false, "", "other");
        assertThatThrownBy(() -> Options.defaults(CATALOG).with(other, 1.0)).hasMessage("option x.y is not in this catalog");
        assertThatThrownBy(() -> OptionSpec.number("Rho", 1, 0, false, 2, false, "", "bad"))
                .hasMessageContaining("Invalid option name 'Rho'");
    }
}
