package org.peerclear.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.Csv;
import org.peerclear.powerflow.AcPowerFlow;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlow;
import org.peerclear.powerflow.LinDistFlowResult;
import org.peerclear.powerflow.PowerFlowResult;
import org.peerclear.powerflow.matpower.Feeders;
import picocli.CommandLine;

/**
 * {@code powerflow CASE [--method ac|lindistflow] [--out FILE.json] [--csv DIR]}: solves the power
 * flow of a feeder (embedded name or MATPOWER .m file) at its fixed loads.
 *
 * <p>Exit codes: 0 success (also when the AC power flow does not converge: the status says so);
 * errors are mapped to exit codes by {@link PeerClearCli#commandLine()}, as for every command.
 */
@CommandLine.Command(name = "powerflow", mixinStandardHelpOptions = true,
        description = {"Solves the power flow of a distribution feeder at its fixed loads.",
            "CASE is an embedded feeder name (case33bw) or a MATPOWER .m file.",
            "Output JSON: status, iterations, losses {p_kw, q_kvar}, buses[] {id, vm, va_deg},",
            "branches[] {from, to, p_kw, q_kvar, p_loss_kw, q_loss_kvar} (flows at the sending end).",
            "lindistflow is a direct linear solve: status CONVERGED, 1 iteration, zero losses,",
            "va_deg the linearised angle.",
            "Exit codes: 0 success, 2 bad usage or invalid input, 1 internal error."})
public final class PowerflowCommand implements Callable<Integer> {

    /** The power-flow methods, named as on the command line. */
    public enum PfMethod {
        /** The exact AC power flow (backward/forward sweep, Newton-Raphson for meshed networks). */
        ac,
        /** The linear LinDistFlow approximation: one direct solve, no losses. */
        lindistflow
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "CASE",
            description = "Embedded feeder name (e.g. case33bw) or MATPOWER .m file.")
    String caseName;

    @CommandLine.Option(names = "--method", defaultValue = "ac",
            description = "ac (exact: sweep if radial, Newton-Raphson if meshed) or lindistflow (default: ${DEFAULT-VALUE}).")
    PfMethod method;

    @CommandLine.Option(names = "--out", paramLabel = "FILE.json", description = "Write JSON here (atomically) instead of stdout (default: stdout).")
    Path out;

    @CommandLine.Option(names = "--csv", paramLabel = "DIR", description = "Also write buses.csv and branches.csv into DIR (default: no CSV).")
    Path csvDir;

    /** Public no-arg constructor for picocli. */
    public PowerflowCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Feeder f = Feeders.load(caseName, null);
        Table t = method == PfMethod.ac ? ac(f) : lin(f);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String json = mapper.writeValueAsString(t.json(mapper, f)) + System.lineSeparator();
        if (out != null) {
            AtomicFiles.writeString(out, json);
        } else {
            PrintWriter o = spec.commandLine().getOut();
            o.print(json);
            o.flush();
        }
        if (csvDir != null) {
            AtomicFiles.writeString(csvDir.resolve("buses.csv"), t.busesCsv(f));
            AtomicFiles.writeString(csvDir.resolve("branches.csv"), t.branchesCsv(f));
        }
        if (!"CONVERGED".equals(t.status)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Warning: power flow " + t.status + " after " + t.iterations + " iterations (mismatch "
                    + t.mismatch + " pu)");
            err.flush();
        }
        return PeerClearCli.OK;
    }

    private static Table ac(Feeder f) {
        PowerFlowResult r = AcPowerFlow.solve(f);
        return new Table(r.method(), r.status().name(), r.iterations(), r.mismatchPu(), r.vmPu(), r.vaDeg(),
                r.pFromKw(), r.qFromKvar(), r.pLossKw(), r.qLossKvar(), r.totalPLossKw(), r.totalQLossKvar());
    }

    private static Table lin(Feeder f) {
        LinDistFlowResult r = new LinDistFlow(f).solve(null, null);
        int m = f.branchCount();
        return new Table("lindistflow", "CONVERGED", 1, 0.0, r.vmPu(), r.vaDeg(), r.pFlowKw(), r.qFlowKvar(),
                new double[m], new double[m], 0, 0);
    }

    /** Solution in output form. */
    private record Table(String method, String status, int iterations, double mismatch, double[] vm, double[] va,
                         double[] p, double[] q, double[] pl, double[] ql, double lossP, double lossQ) {

        ObjectNode json(ObjectMapper mapper, Feeder f) {
            ObjectNode root = mapper.createObjectNode();
            root.put("case", f.name());
            root.put("method", method);
            root.put("status", status);
            root.put("iterations", iterations);
            root.put("mismatch_pu", mismatch);
            ObjectNode losses = root.putObject("losses");
            losses.put("p_kw", lossP);
            losses.put("q_kvar", lossQ);
            ArrayNode buses = root.putArray("buses");
            for (int i = 0; i < f.busCount(); i++) {
                ObjectNode b = buses.addObject();
                b.put("id", f.buses().get(i).id());
                b.put("vm", vm[i]);
                b.put("va_deg", va[i]);
            }
            ArrayNode branches = root.putArray("branches");
            for (int k = 0; k < f.branchCount(); k++) {
                ObjectNode b = branches.addObject();
                b.put("from", f.branches().get(k).fromBus());
                b.put("to", f.branches().get(k).toBus());
                b.put("p_kw", p[k]);
                b.put("q_kvar", q[k]);
                b.put("p_loss_kw", pl[k]);
                b.put("q_loss_kvar", ql[k]);
            }
            return root;
        }

        String busesCsv(Feeder f) {
            StringBuilder sb = new StringBuilder("id,vm,va_deg\n");
            for (int i = 0; i < f.busCount(); i++) {
                sb.append(Csv.cell(f.buses().get(i).id())).append(',').append(num(vm[i])).append(',').append(num(va[i]))
                        .append('\n');
            }
            return sb.toString();
        }

        String branchesCsv(Feeder f) {
            StringBuilder sb = new StringBuilder("from,to,p_kw,q_kvar,p_loss_kw,q_loss_kvar\n");
            for (int k = 0; k < f.branchCount(); k++) {
                sb.append(Csv.cell(f.branches().get(k).fromBus())).append(',').append(Csv.cell(f.branches().get(k).toBus()))
                        .append(',').append(num(p[k])).append(',').append(num(q[k])).append(',').append(num(pl[k]))
                        .append(',').append(num(ql[k])).append('\n');
            }
            return sb.toString();
        }

        private static String num(double v) {
            return String.format(Locale.ROOT, "%.12g", v);
        }
    }
}
