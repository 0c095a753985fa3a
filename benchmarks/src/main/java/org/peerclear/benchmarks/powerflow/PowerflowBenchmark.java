package org.peerclear.benchmarks.powerflow;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.peerclear.powerflow.AcPowerFlow;
import org.peerclear.powerflow.BackwardForwardSweep;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlow;
import org.peerclear.powerflow.RadialFeeder;
import org.peerclear.powerflow.SyntheticFeeders;

/**
 * LinDistFlow pass and AC backward/forward sweep on synthetic radial feeders
 * ({@link SyntheticFeeders#radial(int, long)}, seed 1). Time per call; divide by {@code buses} for
 * ns/bus. The sweep benchmark reports a full solve from a flat start to the default sweep tolerance (1e-12 pu); its
 * iteration count is logged once in setup so ns/bus/iteration can be derived.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PowerflowBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PowerflowBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int buses;

    private LinDistFlow linDistFlow;
    private BackwardForwardSweep sweep;
    private double[] pInjKw;
    private double[] qInjKvar;

    @Setup(Level.Trial)
    public void setup() {
        Feeder f = SyntheticFeeders.radial(buses, 1);
        RadialFeeder rf = f.radial();
        linDistFlow = new LinDistFlow(rf);
        sweep = new BackwardForwardSweep(rf);
        pInjKw = new double[buses];
        qInjKvar = new double[buses];
        for (int i = 0; i < buses; i += 7) {
            pInjKw[i] = 0.1; // a few prosumers
        }
        int it = sweep.iterate(pInjKw, qInjKvar, AcPowerFlow.DEFAULT_SWEEP_TOLERANCE_PU, 100);
        System.out.println("# sweep iterations for " + buses + " buses: " + it + ", mismatch " + sweep.lastMismatch());
    }

    /** One LinDistFlow solve: downstream sums and squared voltages (two linear passes). */
    @Benchmark
    public void linDistFlow(Blackhole bh) {
        linDistFlow.solveSquaredVoltages(pInjKw, qInjKvar);
        bh.consume(linDistFlow.squaredVoltageAtPosition(buses - 1));
    }

    /** Full AC backward/forward sweep from a flat start to 1e-12 pu. */
    @Benchmark
    public int acSweep() {
        return sweep.iterate(pInjKw, qInjKvar, AcPowerFlow.DEFAULT_SWEEP_TOLERANCE_PU, 100);
    }
}
