package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.powerflow.matpower.MatpowerCase;
import org.peerclear.powerflow.matpower.MatpowerParseException;
import org.peerclear.powerflow.matpower.MatpowerParser;

/** MATPOWER parsing and the MATLAB unit-conversion statements. */
class MatpowerParserTest {

    static java.util.List<String> cases() {
        return ReferenceData.CASES;
    }

    /** The converted data must equal MATPOWER's own loadcase result (buses.csv / branches.csv). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conversionMatchesLoadcase(String name) {
        Feeder f = ReferenceData.feeder(name);
        Map<String, String> info = new java.util.HashMap<>();
        for (String line : ReferenceData.text(name + "/case_info.txt").split("\n")) {
            int c = line.indexOf(':');
            info.put(line.substring(0, c).trim(), line.substring(c + 1).trim());
        }
        assertThat(f.baseMva()).isCloseTo(Double.parseDouble(info.get("base_mva")), within(1e-9));
        assertThat(f.buses().get(f.slackIndex()).id()).isEqualTo(info.get("ref_bus"));
        assertThat(f.slackVmPu()).isEqualTo(Double.parseDouble(info.get("ref_vm_pu")));
        assertThat(f.busCount()).isEqualTo(Integer.parseInt(info.get("n_bus")));
        for (Map<String, String> row : ReferenceData.csv(name + "/buses.csv")) {
            Bus b = f.buses().get(f.busIndex(row.get("bus_id")));
            assertRel(b.pLoadKw(), ReferenceData.d(row, "p_load_kw"));
            assertRel(b.qLoadKvar(), ReferenceData.d(row, "q_load_kvar"));
            assertRel(b.baseKv(), ReferenceData.d(row, "base_kv"));
            assertRel(b.gsKw(), ReferenceData.d(row, "gs_kw"));
            assertRel(b.bsKvar(), ReferenceData.d(row, "bs_kvar"));
        }
        int inService = 0;
        for (Map<String, String> row : ReferenceData.csv(name + "/branches.csv")) {
            if (row.get("in_service").equals("0")) {
                continue;
            }
            inService++;
            Branch br = f.branches().stream().filter(x -> x.id().equals(row.get("branch_id"))).findFirst().orElseThrow();
            assertThat(br.fromBus()).isEqualTo(row.get("from_bus"));
            assertRel(br.rPu(), ReferenceData.d(row, "r_pu"));
            assertRel(br.xPu(), ReferenceData.d(row, "x_pu"));
            assertThat(br.tap()).isEqualTo(ReferenceData.d(row, "tap_ratio"));
        }
        assertThat(f.branchCount()).isEqualTo(inService);
    }

    private static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Tolerances.CONVERSION_REL * Math.max(1, Math.abs(expected))
                + 1e-9 * Math.abs(expected)));
    }

    private static final String MINIMAL = String.join("\n",
            "function mpc = tiny",
            "mpc.version = '2';",
            "mpc.baseMVA = 10;",
            "mpc.bus = [",
            "\t1\t3\t0\t0\t0\t0\t1\t1\t0\t12.66\t1\t1\t1;",
            "\t2\t1\t100\t60\t0\t0\t1\t1\t0\t12.66\t1\t1.1\t0.9;",
            "];",
            "mpc.gen = [",
            "\t1\t0\t0\t10\t-10\t1\t100\t1\t10\t0;",
            "];",
            "mpc.branch = [",
            "\t1\t2\t0.0922\t0.0470\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",
            "];",
            "");

    @Test
    void unknownStatementNamesTheLine() {
        String text = MINIMAL + "define_constants;\nmpc.bus(:, PD) = mpc.bus(:, PD) / 1e3;\ndisp(mpc.baseMVA);\n";
        assertThatThrownBy(() -> MatpowerParser.parse(text, "tiny.m"))
                .isInstanceOf(MatpowerParseException.class)
                .hasMessageContaining("tiny.m:16")
                .hasMessageContaining("disp")
                .satisfies(e -> assertThat(((MatpowerParseException) e).line()).isEqualTo(16));
    }

    @Test
    void unknownFunctionAndUndefinedConstantAreRefused() {
        assertThatThrownBy(() -> MatpowerParser.parse(MINIMAL + "mpc.bus(:, 3) = round(mpc.bus(:, 3));\n", "t.m"))
                .isInstanceOf(MatpowerParseException.class).hasMessageContaining("t.m:14").hasMessageContaining("round");
        assertThatThrownBy(() -> MatpowerParser.parse(MINIMAL + "mpc.bus(:, PD) = 0;\n", "t.m"))
                .isInstanceOf(MatpowerParseException.class).hasMessageContaining("t.m:14").hasMessageContaining("PD");
        assertThatThrownBy(() -> MatpowerParser.parse(MINIMAL.replace("'2'", "'1'"), "t.m"))
                .isInstanceOf(MatpowerParseException.class).hasMessageContaining("t.m:2");
        assertThatThrownBy(() -> MatpowerParser.parse(MINIMAL + "mpc.bus = mpc.bus * mpc.bus;\n", "t.m"))
                .isInstanceOf(MatpowerParseException.class).hasMessageContaining("t.m:14");
    }

    @Test
    void conversionIdiomsAndExpressions() {
        String text = MINIMAL.replace("12.66\t1\t1\t1;", "135/sqrt(3)\t1\t1\t1;")
                + "[PQ, PV, REF, NONE, BUS_I, BUS_TYPE, PD, QD, GS, BS, BUS_AREA, VM, ...\n"
                + "    VA, BASE_KV, ZONE, VMAX, VMIN, LAM_P, LAM_Q, MU_VMAX, MU_VMIN] = idx_bus;\n"
                + "[F_BUS, T_BUS, BR_R, BR_X] = idx_brch;\n"
                + "Vbase = mpc.bus(2, BASE_KV) * 1e3;      %% in Volts\n"
                + "Sbase = mpc.baseMVA * 1e6;\n"
                + "mpc.branch(:, [BR_R BR_X]) = mpc.branch(:, [BR_R BR_X]) / (Vbase^2 / Sbase);\n"
                + "mpc.bus(:, [PD, QD]) = mpc.bus(:, [PD, QD]) / 1e3;\n"
                + "pf = 0.85;\n"
                + "mpc.bus(:, QD) = mpc.bus(:, PD) * sin(acos(pf));\n"
                + "mpc.bus(:, PD) = mpc.bus(:, PD) .* pf;\n";
        MatpowerCase mc = MatpowerParser.parse(text, "t.m");
        double zbase = 12.66 * 12.66 / 10;
        assertThat(mc.branch()[0][2]).isCloseTo(0.0922 / zbase, within(1e-15));
        assertThat(mc.branch()[0][3]).isCloseTo(0.0470 / zbase, within(1e-15));
        assertThat(mc.bus()[0][9]).isCloseTo(135 / Math.sqrt(3), within(1e-12));
        assertThat(mc.bus()[1][2]).isCloseTo(0.1 * 0.85, within(1e-15));
        assertThat(mc.bus()[1][3]).isCloseTo(0.1 * Math.sin(Math.acos(0.85)), within(1e-15));
        // whitespace inside matrices separates elements as in MATLAB: [1 -2] has two, [1 - 2] one
        MatpowerCase m2 = MatpowerParser.parse(MINIMAL + "x = [1 -2];\ny = [1 - 2];\nmpc.bus(2, [3 4]) = x;\n"
                + "mpc.bus(2, 5) = y;\n", "t.m");
        assertThat(m2.bus()[1][2]).isEqualTo(1);
        assertThat(m2.bus()[1][3]).isEqualTo(-2);
        assertThat(m2.bus()[1][4]).isEqualTo(-1);
    }

    @Test
    void feederFromMinimalCaseDropsOutOfServiceBranchesAndAppliesGenSetpoint() {
        String text = MINIMAL.replace("\t1\t0\t0\t10\t-10\t1\t100", "\t1\t0\t0\t10\t-10\t1.03\t100")
                .replace("];\n\nmpc.branch", "];\nmpc.branch")
                + "";
        String withTie = text.replace("\t1\t2\t0.0922\t0.0470\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",
                "\t1\t2\t0.0922\t0.0470\t0\t0\t0\t0\t0\t0\t1\t-360\t360;\n\t1\t2\t0.1\t0.1\t0\t0\t0\t0\t0\t0\t0\t-360\t360;");
        Feeder f = MatpowerParser.parse(withTie, "t.m").toFeeder();
        assertThat(f.branchCount()).isEqualTo(1);
        assertThat(f.isRadial()).isTrue();
        assertThat(f.slackVmPu()).isEqualTo(1.03);
        assertThat(f.buses().get(1).pLoadKw()).isEqualTo(100_000.0); // no conversion statement: MW -> kW
    }
}
