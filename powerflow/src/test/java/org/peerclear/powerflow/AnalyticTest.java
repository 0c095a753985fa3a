package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Fixtures with hand-derivable answers. */
class AnalyticTest {

    @Test
    void fourBusLinDistFlowByHand() {
        Feeder f = FourBusFeeder.create();
        double s = 1.0 / 1000; // pu per kW on 1 MVA
        double p1 = (FourBusFeeder.PA + FourBusFeeder.PB + FourBusFeeder.PC) * s;
        double q1 = (FourBusFeeder.QA + FourBusFeeder.QB + FourBusFeeder.QC) * s;
        double wA = 1 - 2 * (FourBusFeeder.R1 * p1 + FourBusFeeder.X1 * q1);
        double wB = wA - 2 * (FourBusFeeder.R2 * FourBusFeeder.PB * s + FourBusFeeder.X2 * FourBusFeeder.QB * s);
        double wC = wA - 2 * (FourBusFeeder.R3 * FourBusFeeder.PC * s + FourBusFeeder.X3 * FourBusFeeder.QC * s);
        LinDistFlowResult r = new LinDistFlow(f).solve(null, null);
        assertThat(r.wPu()[f.busIndex("A")]).isCloseTo(wA, within(Tolerances.ANALYTIC_PU));
        assertThat(r.wPu()[f.busIndex("B")]).isCloseTo(wB, within(Tolerances.ANALYTIC_PU));
        assertThat(r.wPu()[f.busIndex("C")]).isCloseTo(wC, within(Tolerances.ANALYTIC_PU));
        // branch 3 is given C -> A: its from-to flow is minus the load of C
        assertThat(r.pFlowKw()[2]).isCloseTo(-FourBusFeeder.PC, within(Tolerances.ANALYTIC_PU));
        assertThat(r.pFlowKw()[0]).isCloseTo(p1 / s, within(Tolerances.ANALYTIC_PU));
        assertThat(r.slackPKw()).isCloseTo(p1 / s, within(Tolerances.ANALYTIC_PU));
    }

    @Test
    void fourBusSensitivitiesByHand() {
        Feeder f = FourBusFeeder.create();
        LinDistFlow ldf = new LinDistFlow(f);
        int a = f.busIndex("A");
        int b = f.busIndex("B");
        int c = f.busIndex("C");
        int sl = f.busIndex("S");
        double[] dp = new double[4];
        double[] dq = new double[4];
        ldf.voltageSensitivityRow(b, new int[] {sl, a, b, c}, dp, dq);
        double s = 2.0 / 1000;
        assertThat(dp).containsExactly(new double[] {0, s * FourBusFeeder.R1, s * (FourBusFeeder.R1 + FourBusFeeder.R2),
            s * FourBusFeeder.R1}, within(Tolerances.ANALYTIC_PU));
        assertThat(dq).containsExactly(new double[] {0, s * FourBusFeeder.X1, s * (FourBusFeeder.X1 + FourBusFeeder.X2),
            s * FourBusFeeder.X1}, within(Tolerances.ANALYTIC_PU));
        double[] ptdf = new double[4];
        ldf.ptdfRow(2, new int[] {sl, a, b, c}, ptdf); // C -> A: injection at C flows C -> A
        assertThat(ptdf).containsExactly(0, 0, 0, 1);
        ldf.ptdfRow(0, new int[] {sl, a, b, c}, ptdf); // S -> A: injections below reduce the flow
        assertThat(ptdf).containsExactly(0, -1, -1, -1);
    }

    @Test
    void twoBusAcClosedForm() {
        Feeder f = TwoBusFeeder.create();
        int l = f.busIndex("L");
        for (AcPowerFlow.Method m : new AcPowerFlow.Method[] {AcPowerFlow.Method.SWEEP, AcPowerFlow.Method.NEWTON}) {
            PowerFlowResult r = AcPowerFlow.solve(f, null, null, new AcPowerFlow.Options(m, 1e-14, 200));
            assertThat(r.status()).isEqualTo(PowerFlowStatus.CONVERGED);
            assertThat(r.vmPu()[l]).as(m.name()).isCloseTo(TwoBusFeeder.loadVoltage(), within(Tolerances.ANALYTIC_PU));
            // loss = r |I|^2 with |I| = |S| / |V_L|
            double sMag = Math.hypot(TwoBusFeeder.P_KW, TwoBusFeeder.Q_KVAR) / 1000;
            double i2 = sMag * sMag / (r.vmPu()[l] * r.vmPu()[l]);
            assertThat(r.pLossKw()[0]).isCloseTo(TwoBusFeeder.R * i2 * 1000, within(Tolerances.ANALYTIC_KW));
        }
    }

    @Test
    void heavyLoadDoesNotConvergeButReportsStatus() {
        // 100x the load: no power flow solution (beyond the nose of the PV curve)
        Feeder f = TwoBusFeeder.create();
        double[] p = new double[] {0, -100 * TwoBusFeeder.P_KW * 30};
        PowerFlowResult sweep = AcPowerFlow.solve(f, p, null,
                new AcPowerFlow.Options(AcPowerFlow.Method.SWEEP, 1e-9, 50));
        assertThat(sweep.status()).isNotEqualTo(PowerFlowStatus.CONVERGED);
        PowerFlowResult nr = AcPowerFlow.solve(f, p, null,
                new AcPowerFlow.Options(AcPowerFlow.Method.NEWTON, 1e-9, 50));
        assertThat(nr.status()).isNotEqualTo(PowerFlowStatus.CONVERGED);
        assertThat(nr.iterations()).isPositive();
    }
}
