package org.peerclear.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.clearing.horizon.HorizonCsvWriter;
import org.peerclear.clearing.horizon.HorizonMethods;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.HorizonResultWriter;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.clearing.multiclass.MultiClassMethod;
import org.peerclear.clearing.options.ClearingCatalog;
import org.peerclear.clearing.options.ClearingSettings;
import org.peerclear.io.FileProgressListener;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.ResultCsvWriter;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.options.Options;
import org.peerclear.result.ClearingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code clear CASE.json}: clears a market case and writes the result JSON. */
@Command(name = "clear", mixinStandardHelpOptions = true, defaultValueProvider = ClearDefaults.class,
        description = "Clear a market case (format: market-case.md).")
public final class ClearCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE.json", description = "The market case.")
    Path casePath;

    @Option(names = "--method", defaultValue = "auto", description = "auto, lp, qp, milp, admm or multiclass (default: ${DEFAULT-VALUE}: the exact"
            + " qp, with solver " + FlowSolver.NAME + "; the result's 'method' and 'solver' say what ran).")
    String method;

    @Option(names = "--solver", description = "Solver: " + FlowSolver.NAME + " (PeerClear's exact market solver, the default for"
            + " lp and qp, with or without a network; when it does not end certified, the result comes from the default back-end"
            + " and says so in a note) or a back-end, e.g. ojalgo, ortools-glop, ortools-pdlp, ortools-scip (the default"
            + " back-end: the first available of ipm, ortools-pdlp, " + SolverRegistry.DEFAULT_BACKEND + " for a QP, of ortools-glop, "
            + SolverRegistry.DEFAULT_BACKEND + " for an LP; milp: ortools-scip).")
    String solver;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the result here (atomically) instead of stdout (default: stdout).")
    Path out;

    @Option(names = "--csv", paramLabel = "DIR", description = "Also write agents.csv, assets.csv and trades.csv here (buses.csv with a network; with several"
            + " periods, one row per period and agent, asset, trade or bus) (default: no CSV).")
    Path csv;

    @Option(names = "--rho", description = "ADMM penalty rho (default: from the data, a third of the median asset curvature).")
    Double rho;

    @Option(names = "--alpha", description = "ADMM over-relaxation alpha (default: ${DEFAULT-VALUE}).")
    Double alpha;

    @Option(names = "--eps", description = "ADMM stopping tolerance (default: ${DEFAULT-VALUE}).")
    Double eps;

    @Option(names = "--max-iter", description = "ADMM iteration limit (default: ${DEFAULT-VALUE}).")
    Integer maxIter;

    @Option(names = "--stopping", description = "ADMM stopping rule: paper or relative (default: ${DEFAULT-VALUE}).")
    String stopping;

    @Option(names = "--record-convergence", description = "ADMM: write the residuals of every iteration into the result"
            + " ('convergence', for plot --kind convergence) (default: off).")
    boolean recordConvergence;

    @Option(names = "--threads", description = "Threads (solver or ADMM) (default: ${DEFAULT-VALUE}).")
    Integer threads;

    @Option(names = "--progress", description = "Show progress on stderr: reading and writing files, iterations (default: off).")
    boolean progress;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "600",
            description = "Stop after this many seconds and return the best point found, with status TIME_LIMIT"
                    + " (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set a named option (repeatable), e.g. --set admm.rho=0.01;"
            + " every one is listed below. Over the case's \"options\" block and the flags above (default: none).")
    Map<String, String> set = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        FileProgressListener files = progress ? new FileProgressPrinter(err) : FileProgressListener.NONE;
        MarketCaseReader.Case c = read(MarketCaseReader.withBusLookup(FeederBuses::of).withProgress(files), casePath);
        if (c.isHorizon()) {
            return clearHorizon(c.horizon(), c.options(), err);
        }
        Market market = c.market();
        ClearingOptions options = options(c.options());
        ClearingResult result = ClearingSettings.record(clear(market, options), options);
        if (out != null) {
            ResultJsonWriter.write(result, out, files);
        } else {
            PrintWriter o = spec.commandLine().getOut();
            ResultJsonWriter.write(result, o);
            o.flush();
        }
        if (csv != null && result.hasSolution()) {
            ResultCsvWriter.write(result, csv, files);
        }
        err.println(result.status() + " " + market.name() + ": welfare " + result.welfare() + " (" + result.method()
                + ", " + result.solver() + ", " + String.format(java.util.Locale.ROOT, "%.3f", result.seconds()) + " s)"
                // The class markets trade through pools, not bilaterally: the bilateral certificate does not apply.
                + (result.hasSolution() && !result.sections().containsKey(MultiClassMethod.SECTION) ? ", " + result.verify() : ""));
        err.flush();
        return PeerClearCli.OK;
    }

    ClearingOptions options(Map<String, String> caseOptions) {
        List<String> admmOnly = new ArrayList<>();
        for (String name : List.of("--rho", "--alpha", "--eps", "--max-iter", "--stopping", "--record-convergence")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                admmOnly.add(name);
            }
        }
        if (!admmOnly.isEmpty() && !"admm".equals(method) && !"auto".equals(method)) {
            throw new InvalidInputException("Option(s) " + String.join(", ", admmOnly) + " apply to --method admm (or auto, which"
                    + " then runs ADMM and finishes exactly from its point) only");
        }
        Options settings = settings(caseOptions);
        if (!"admm".equals(method) && !"auto".equals(method)) {
            CliSettings.refuse(settings, List.of("admm."), "applies to --method admm (or auto, which then runs ADMM) only");
        }
        SolverRegistry registry = SolverRegistry.load();
        if (FlowSolver.NAME.equals(solver) && !List.of("auto", "qp", "lp").contains(method)) {
            throw new InvalidInputException("--solver " + FlowSolver.NAME + " clears with --method auto, qp or lp, not " + method);
        }
        if (solver != null && !FlowSolver.NAME.equals(solver)) {
            try {
                registry.get(solver);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage() + ", " + FlowSolver.NAME);
            }
        }
        if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
            throw new InvalidInputException("Invalid value for option --time-limit: '" + timeLimit + "' (a number of seconds > 0)");
        }
        ClearingOptions options;
        try {
            options = ClearingSettings.apply(ClearingOptions.DEFAULT.withSolver(solver).withRegistry(registry), settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (recordConvergence) {
            // A request for what ADMM records, not a value among the named options: it makes ADMM run, as they do.
            options = options.withMethodOptions(options.methodOptions(org.peerclear.clearing.admm.AdmmOptions.class)
                    .orElse(org.peerclear.clearing.admm.AdmmOptions.DEFAULT).withRecordHistory(true));
        }
        if (progress) {
            options = options.withListener(new IterationProgressPrinter(spec.commandLine().getErr()));
        }
        return options;
    }

    /**
     * The named options of this run: the case's block, then the common flags given, then
     * {@code --set} (which wins over a flag for the same option).
     * {@code --threads} is ADMM's too when ADMM runs, as it was before the options had names.
     */
    private Options settings(Map<String, String> caseOptions) {
        Options o = CliSettings.fromCase(Options.defaults(ClearingCatalog.CATALOG), caseOptions, casePath);
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--time-limit")) {
            o = CliSettings.flag(o, "--time-limit", ClearingOptions.TIME_LIMIT, timeLimit);
        }
        if (given.hasMatchedOption("--rho")) {
            o = CliSettings.flag(o, "--rho", AdmmOptions.RHO, OptionalDouble.of(rho));
        }
        if (given.hasMatchedOption("--alpha")) {
            o = CliSettings.flag(o, "--alpha", AdmmOptions.ALPHA, alpha);
        }
        if (given.hasMatchedOption("--eps")) {
            o = CliSettings.flag(o, "--eps", AdmmOptions.EPS, eps);
        }
        if (given.hasMatchedOption("--max-iter")) {
            o = CliSettings.flag(o, "--max-iter", AdmmOptions.MAX_ITERATIONS, maxIter);
        }
        if (given.hasMatchedOption("--stopping")) {
            o = CliSettings.flag(o, "--stopping", AdmmOptions.STOPPING.name(), stopping);
        }
        o = CliSettings.fromSet(o, set);
        if (given.hasMatchedOption("--threads")) {
            if (!set.containsKey(SolverParameters.THREADS.name())) {
                o = CliSettings.flag(o, "--threads", SolverParameters.THREADS, threads);
            }
            if (("admm".equals(method) || o.anySet("admm.")) && !set.containsKey(AdmmOptions.THREADS.name())) {
                o = CliSettings.flag(o, "--threads", AdmmOptions.THREADS, threads);
            }
        }
        return o;
    }

    /**
     * A case over several periods (or with assets with memory): one centralised problem over the
     * horizon on a back-end (the exact solver and ADMM do not take a horizon yet: refused by name).
     */
    private Integer clearHorizon(HorizonMarket hm, Map<String, String> caseOptions, PrintWriter err) {
        if (!HorizonMethods.NAMES.contains(method)) {
            throw new InvalidInputException("--method " + method + " does not clear a case with several periods yet;"
                    + " use auto, qp, lp or admm");
        }
        if (recordConvergence) {
            throw new InvalidInputException("--record-convergence records a one-period ADMM run only, not a case with several periods");
        }
        ClearingOptions o = options(caseOptions);
        boolean admm = "admm".equals(method);
        if (!admm && o.methodOptions(org.peerclear.clearing.admm.AdmmOptions.class).isPresent()) {
            throw new InvalidInputException("ADMM options apply to a case with several periods with --method admm only"
                    + " (auto does not finish a horizon from ADMM's point yet)");
        }
        CliSettings.refuse(ClearingSettings.read(o), List.of("network."), "does not apply to a case with several periods yet");
        if (admm && solver != null) {
            throw new InvalidInputException("--solver does not apply to --method admm (its local problems have their own exact solver)");
        }
        Horizon h = Horizons.of(hm);
        HorizonResult r;
        try {
            r = HorizonMethods.clear(h, method, o);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (out != null) {
            HorizonResultWriter.write(hm, h, r, method, ClearingSettings.read(o).toMap(), out);
        } else {
            PrintWriter o2 = spec.commandLine().getOut();
            HorizonResultWriter.write(hm, h, r, method, ClearingSettings.read(o).toMap(), o2);
            o2.flush();
        }
        if (csv != null && r.hasSolution()) {
            HorizonCsvWriter.write(hm, h, r, csv);
        }
        err.println(r.status() + " " + hm.name() + ": welfare " + r.welfare() + " over " + hm.periods() + " periods ("
                + r.solver() + ", " + String.format(java.util.Locale.ROOT, "%.3f", r.seconds()) + " s)");
        err.flush();
        return PeerClearCli.OK;
    }

    /** Reads the case, naming the file in every problem with it. */
    private static MarketCaseReader.Case read(MarketCaseReader reader, Path file) {
        try {
            return reader.readCase(file);
        } catch (InvalidMarketException e) {
            // Whole-file problems already name the file as their field.
            String problem = e.field().equals(file.toString()) ? e.getMessage().substring(e.field().length() + 2) : e.getMessage();
            throw new InvalidInputException("invalid market case " + file + ": " + problem);
        }
    }

    /** Clears the market as its case says (integer rules, classes, network tariff: {@link CaseClearing}). */
    ClearingResult clear(Market market, ClearingOptions options) {
        return CaseClearing.clear(market, method, options);
    }
}
