package org.peerclear.powerflow.matpower;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reader for MATPOWER case files (format version 2), including the small MATLAB programs at the end
 * of MATPOWER's distribution cases that convert units.
 *
 * <p>Understood statements (anything else is refused with a {@link MatpowerParseException} naming
 * the line; nothing is skipped silently):
 * <ul>
 *   <li>{@code function mpc = name}</li>
 *   <li>{@code mpc.version = '2';} (other versions refused), {@code mpc.baseMVA = expr;}</li>
 *   <li>{@code mpc.bus|gen|branch|gencost|areas = [ ... ];} numeric matrices whose entries may be
 *       expressions such as {@code 135/sqrt(3)}</li>
 *   <li>{@code [A, B, ...] = idx_bus|idx_brch|idx_gen|idx_cost;} and {@code define_constants;}</li>
 *   <li>{@code name = expr;} scalar or matrix variables</li>
 *   <li>{@code mpc.field(rows, cols) = expr;} with rows/cols {@code :}, an index, a range
 *       {@code a:b} or a list {@code [A B]}</li>
 * </ul>
 * Expressions: numbers, variables, {@code pi}, {@code + - * / ^ .* ./ .^}, parentheses,
 * {@code mpc.baseMVA}, indexed reads {@code mpc.bus(1, BASE_KV)}, matrix literals and the functions
 * sqrt, sin, cos, tan, asin, acos, atan, exp, log, log10, abs. Matrix products, transposes and
 * other MATLAB features are refused.
 *
 * <p>Stateless; instances are not needed (static methods).
 */
public final class MatpowerParser {
    private static final Set<String> DATA_FIELDS = Set.of("bus", "gen", "branch", "gencost", "areas");

    private static final String[] IDX_BUS = {"PQ", "PV", "REF", "NONE", "BUS_I", "BUS_TYPE", "PD", "QD", "GS", "BS",
        "BUS_AREA", "VM", "VA", "BASE_KV", "ZONE", "VMAX", "VMIN", "LAM_P", "LAM_Q", "MU_VMAX", "MU_VMIN"};
    private static final double[] IDX_BUS_V = {1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
    private static final String[] IDX_BRCH = {"F_BUS", "T_BUS", "BR_R", "BR_X", "BR_B", "RATE_A", "RATE_B", "RATE_C",
        "TAP", "SHIFT", "BR_STATUS", "PF", "QF", "PT", "QT", "MU_SF", "MU_ST", "ANGMIN", "ANGMAX", "MU_ANGMIN",
        "MU_ANGMAX"};
    private static final double[] IDX_BRCH_V = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 12, 13, 20,
        21};
    private static final String[] IDX_GEN = {"GEN_BUS", "PG", "QG", "QMAX", "QMIN", "VG", "MBASE", "GEN_STATUS",
        "PMAX", "PMIN", "MU_PMAX", "MU_PMIN", "MU_QMAX", "MU_QMIN", "PC1", "PC2", "QC1MIN", "QC1MAX", "QC2MIN",
        "QC2MAX", "RAMP_AGC", "RAMP_10", "RAMP_30", "RAMP_Q", "APF"};
    private static final double[] IDX_GEN_V = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22, 23, 24, 25, 11, 12, 13, 14, 15, 16,
        17, 18, 19, 20, 21};
    private static final String[] IDX_COST = {"PW_LINEAR", "POLYNOMIAL", "MODEL", "STARTUP", "SHUTDOWN", "NCOST",
        "COST"};
    private static final double[] IDX_COST_V = {1, 2, 1, 2, 3, 4, 5};

    private MatpowerParser() {
    }

    /**
     * Parses a case file, read as UTF-8.
     *
     * @param file a MATPOWER {@code .m} case file
     * @return the case's matrices as written (MW, MVA); {@link MatpowerCase#toFeeder()} converts them
     * @throws IOException            if the file cannot be read
     * @throws MatpowerParseException naming the line of any statement or expression not understood
     */
    public static MatpowerCase parse(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses the text of a case file.
     *
     * @param text   file contents
     * @param source name used in error messages
     * @return the case's matrices as written
     * @throws MatpowerParseException naming the line of any statement or expression not understood
     */
    public static MatpowerCase parse(String text, String source) {
        return new Run(text, source).run();
    }

    // ---------------------------------------------------------------- values

    /** A real matrix value (row-major); scalars are 1 x 1. */
    private record Val(int rows, int cols, double[] d) {
        static Val scalar(double v) {
            return new Val(1, 1, new double[] {v});
        }

        boolean isScalar() {
            return rows == 1 && cols == 1;
        }

        double get(int r, int c) {
            return d[r * cols + c];
        }
    }

    // ---------------------------------------------------------------- lexer

    private enum K { NUM, ID, STR, OP, NL, EOF }

    private record Tok(K kind, String text, double num, int line, boolean spaceBefore) {
    }

    private static List<Tok> lex(String s, String source) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        boolean space = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.add(new Tok(K.NL, "\n", 0, line, space));
                line++;
                i++;
                space = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                space = true;
                continue;
            }
            if (c == '%' || c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (s.startsWith("...", i)) {
                // continuation: skip the rest of the line including the newline
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                if (i < n) {
                    i++;
                    line++;
                }
                space = true;
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j < n && s.charAt(j) == '.' && !(j + 1 < n && "*/^'".indexOf(s.charAt(j + 1)) >= 0)) {
                    j++;
                    while (j < n && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && Character.isDigit(s.charAt(k))) {
                        j = k;
                        while (j < n && Character.isDigit(s.charAt(j))) {
                            j++;
                        }
                    }
                }
                String t = s.substring(i, j);
                out.add(new Tok(K.NUM, t, Double.parseDouble(t), line, space));
                i = j;
                space = false;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Tok(K.ID, s.substring(i, j), 0, line, space));
                i = j;
                space = false;
                continue;
            }
            if (c == '\'' || c == '"') {
                Tok prev = out.isEmpty() ? null : out.get(out.size() - 1);
                boolean transpose = c == '\'' && prev != null && !space && (prev.kind == K.ID || prev.kind == K.NUM
                        || prev.text.equals(")") || prev.text.equals("]"));
                if (transpose) {
                    throw new MatpowerParseException(source, line, "transpose (') is not supported");
                }
                int j = s.indexOf(c, i + 1);
                int eol = s.indexOf('\n', i);
                if (j < 0 || (eol >= 0 && j > eol)) {
                    throw new MatpowerParseException(source, line, "unterminated string");
                }
                out.add(new Tok(K.STR, s.substring(i + 1, j), 0, line, space));
                i = j + 1;
                space = false;
                continue;
            }
            String op = null;
            if (c == '.' && i + 1 < n && "*/^".indexOf(s.charAt(i + 1)) >= 0) {
                op = s.substring(i, i + 2);
            } else if ("+-*/^()[],;:=.".indexOf(c) >= 0) {
                op = String.valueOf(c);
            }
            if (op == null) {
                throw new MatpowerParseException(source, line, "unexpected character '" + c + "'");
            }
            out.add(new Tok(K.OP, op, 0, line, space));
            i += op.length();
            space = false;
        }
        out.add(new Tok(K.EOF, "", 0, line, true));
        return out;
    }

    // ---------------------------------------------------------------- parser

    private static final class Run {
        private final String source;
        private final String[] lines;
        private final List<Tok> toks;
        private int p;
        private final Map<String, Val> vars = new HashMap<>();
        private final Map<String, Val> fields = new LinkedHashMap<>();
        private String name;
        private String version;

        Run(String text, String source) {
            this.source = source;
            this.lines = text.split("\n", -1);
            this.toks = lex(text, source);
        }

        MatpowerCase run() {
            while (peek().kind != K.EOF) {
                Tok t = peek();
                if (t.kind == K.NL || isOp(t, ";") || isOp(t, ",")) {
                    p++;
                    continue;
                }
                statement();
            }
            if (version == null) {
                throw new MatpowerParseException(source, 0, "missing mpc.version (format version 2 expected)");
            }
            for (String f : new String[] {"baseMVA", "bus", "gen", "branch"}) {
                if (!fields.containsKey(f)) {
                    throw new MatpowerParseException(source, 0, "missing mpc." + f);
                }
            }
            Val base = fields.get("baseMVA");
            if (!base.isScalar()) {
                throw new MatpowerParseException(source, 0, "mpc.baseMVA is not a scalar");
            }
            return new MatpowerCase(name == null ? source : name, source, base.d[0], rows(fields.get("bus")),
                    rows(fields.get("gen")), rows(fields.get("branch")),
                    fields.containsKey("gencost") ? rows(fields.get("gencost")) : new double[0][]);
        }

        private static double[][] rows(Val v) {
            double[][] m = new double[v.rows][];
            for (int r = 0; r < v.rows; r++) {
                m[r] = java.util.Arrays.copyOfRange(v.d, r * v.cols, (r + 1) * v.cols);
            }
            return m;
        }

        private Tok peek() {
            return toks.get(p);
        }

        private Tok next() {
            return toks.get(p++);
        }

        private static boolean isOp(Tok t, String op) {
            return t.kind == K.OP && t.text.equals(op);
        }

        private MatpowerParseException error(Tok at, String what) {
            int ln = at.line;
            String text = ln >= 1 && ln <= lines.length ? lines[ln - 1].strip() : "";
            return new MatpowerParseException(source, ln, what + (text.isEmpty() ? "" : " in statement: " + text));
        }

        private MatpowerParseException unsupported(Tok at) {
            return error(at, "unsupported MATLAB statement (not understood, refusing to ignore it)");
        }

        private void expectOp(String op) {
            Tok t = next();
            if (!isOp(t, op)) {
                throw error(t, "expected '" + op + "' but found '" + t.text.strip() + "'");
            }
        }

        private void endOfStatement() {
            Tok t = peek();
            if (t.kind == K.NL || t.kind == K.EOF || isOp(t, ";") || isOp(t, ",")) {
                if (t.kind != K.EOF) {
                    p++;
                }
                return;
            }
            throw unsupported(t);
        }

        private void statement() {
            Tok first = peek();
            if (first.kind == K.ID && first.text.equals("function")) {
                p++;
                Tok out = next();
                Tok eq = next();
                Tok fn = next();
                if (out.kind != K.ID || !isOp(eq, "=") || fn.kind != K.ID) {
                    throw error(first, "expected 'function mpc = name'");
                }
                name = fn.text;
                endOfStatement();
                return;
            }
            if (isOp(first, "[")) {
                destructure();
                return;
            }
            if (first.kind != K.ID) {
                throw unsupported(first);
            }
            if (first.text.equals("define_constants")) {
                p++;
                define(IDX_BUS, IDX_BUS_V, IDX_BUS);
                define(IDX_BRCH, IDX_BRCH_V, IDX_BRCH);
                define(IDX_GEN, IDX_GEN_V, IDX_GEN);
                define(IDX_COST, IDX_COST_V, IDX_COST);
                endOfStatement();
                return;
            }
            if (first.text.equals("mpc")) {
                p++;
                expectOp(".");
                Tok field = next();
                if (field.kind != K.ID) {
                    throw unsupported(first);
                }
                if (isOp(peek(), "(")) {
                    indexedAssignment(first, field.text);
                    return;
                }
                expectOp("=");
                if (field.text.equals("version")) {
                    Tok v = next();
                    if (v.kind != K.STR) {
                        throw error(v, "mpc.version must be a string");
                    }
                    if (!v.text.equals("2")) {
                        throw error(v, "MATPOWER case format version " + v.text + " is not supported (need '2')");
                    }
                    version = v.text;
                } else if (field.text.equals("baseMVA")) {
                    Val v = expr(false);
                    if (!v.isScalar()) {
                        throw error(first, "mpc.baseMVA must be a scalar");
                    }
                    fields.put("baseMVA", v);
                } else if (DATA_FIELDS.contains(field.text)) {
                    if (!isOp(peek(), "[")) {
                        throw error(first, "mpc." + field.text + " must be a numeric matrix [ ... ]");
                    }
                    fields.put(field.text, expr(false));
                } else {
                    throw error(first, "unsupported field mpc." + field.text);
                }
                endOfStatement();
                return;
            }
            // variable assignment
            Tok eq = toks.get(p + 1);
            if (!isOp(eq, "=")) {
                throw unsupported(first);
            }
            p += 2;
            Val v = expr(false);
            vars.put(first.text, v);
            endOfStatement();
        }

        private void define(String[] names, double[] values, String[] canonical) {
            for (int i = 0; i < names.length; i++) {
                vars.put(names[i], Val.scalar(values[i]));
            }
        }

        private void destructure() {
            Tok first = next();
            List<String> names = new ArrayList<>();
            while (true) {
                Tok t = next();
                if (t.kind == K.NL) {
                    continue;
                }
                if (isOp(t, "]")) {
                    break;
                }
                if (isOp(t, ",")) {
                    continue;
                }
                if (t.kind != K.ID) {
                    throw unsupported(first);
                }
                names.add(t.text);
            }
            if (!isOp(next(), "=")) {
                throw unsupported(first);
            }
            Tok fn = next();
            String[] canon;
            double[] vals;
            switch (fn.kind == K.ID ? fn.text : "") {
                case "idx_bus" -> {
                    canon = IDX_BUS;
                    vals = IDX_BUS_V;
                }
                case "idx_brch" -> {
                    canon = IDX_BRCH;
                    vals = IDX_BRCH_V;
                }
                case "idx_gen" -> {
                    canon = IDX_GEN;
                    vals = IDX_GEN_V;
                }
                case "idx_cost" -> {
                    canon = IDX_COST;
                    vals = IDX_COST_V;
                }
                default -> throw error(first, "unsupported function '" + fn.text + "' (only idx_bus, idx_brch,"
                        + " idx_gen, idx_cost)");
            }
            if (names.size() > canon.length) {
                throw error(first, fn.text + " has only " + canon.length + " outputs");
            }
            for (int i = 0; i < names.size(); i++) {
                vars.put(names.get(i), Val.scalar(vals[i]));
            }
            endOfStatement();
        }

        private void indexedAssignment(Tok first, String field) {
            Val target = fields.get(field);
            if (target == null || !DATA_FIELDS.contains(field)) {
                throw error(first, "assignment to undefined or non-matrix field mpc." + field);
            }
            expectOp("(");
            int[] rs = index(target.rows, first);
            expectOp(",");
            int[] cs = index(target.cols, first);
            expectOp(")");
            expectOp("=");
            Val v = expr(false);
            if (!v.isScalar() && (v.rows != rs.length || v.cols != cs.length)) {
                throw error(first, "size mismatch: assigning " + v.rows + "x" + v.cols + " to " + rs.length + "x"
                        + cs.length);
            }
            for (int a = 0; a < rs.length; a++) {
                for (int b = 0; b < cs.length; b++) {
                    target.d[rs[a] * target.cols + cs[b]] = v.isScalar() ? v.d[0] : v.get(a, b);
                }
            }
            endOfStatement();
        }

        /** Parses an index argument: ':' (all), expr, or expr ':' expr. Returns 0-based indices. */
        private int[] index(int size, Tok at) {
            if (isOp(peek(), ":")) {
                p++;
                int[] all = new int[size];
                for (int i = 0; i < size; i++) {
                    all[i] = i;
                }
                return all;
            }
            Val v = expr(false);
            if (isOp(peek(), ":")) {
                p++;
                Val hi = expr(false);
                if (!v.isScalar() || !hi.isScalar()) {
                    throw error(at, "range bounds must be scalars");
                }
                int lo = toIndex(v.d[0], size, at);
                int h = toIndex(hi.d[0], size, at);
                int[] out = new int[Math.max(0, h - lo + 1)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = lo + i;
                }
                return out;
            }
            int[] out = new int[v.d.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = toIndex(v.d[i], size, at);
            }
            return out;
        }

        private int toIndex(double v, int size, Tok at) {
            if (v != Math.rint(v) || v < 1 || v > size) {
                throw error(at, "index " + v + " out of range 1.." + size);
            }
            return (int) v - 1;
        }

        // expressions; in matrix mode whitespace separates elements
        private Val expr(boolean matrix) {
            Val left = term(matrix);
            while (true) {
                Tok t = peek();
                if (!(isOp(t, "+") || isOp(t, "-"))) {
                    return left;
                }
                if (matrix && t.spaceBefore && !toks.get(p + 1).spaceBefore) {
                    return left; // "[1 -2]" is two elements
                }
                p++;
                Val right = term(matrix);
                left = binary(t, left, right);
            }
        }

        private Val term(boolean matrix) {
            Val left = unary(matrix);
            while (true) {
                Tok t = peek();
                if (!(isOp(t, "*") || isOp(t, "/") || isOp(t, ".*") || isOp(t, "./"))) {
                    return left;
                }
                p++;
                Val right = unary(matrix);
                left = binary(t, left, right);
            }
        }

        private Val unary(boolean matrix) {
            Tok t = peek();
            if (isOp(t, "-") || isOp(t, "+")) {
                p++;
                Val v = unary(matrix);
                return isOp(t, "-") ? map(v, x -> -x) : v;
            }
            return power(matrix);
        }

        private Val power(boolean matrix) {
            Val base = primary(matrix);
            while (isOp(peek(), "^") || isOp(peek(), ".^")) {
                Tok t = next();
                Val e;
                if (isOp(peek(), "-") || isOp(peek(), "+")) {
                    boolean neg = isOp(next(), "-");
                    e = primary(matrix);
                    if (neg) {
                        e = map(e, x -> -x);
                    }
                } else {
                    e = primary(matrix);
                }
                base = binary(t, base, e);
            }
            return base;
        }

        private Val primary(boolean matrix) {
            Tok t = next();
            if (t.kind == K.NUM) {
                return Val.scalar(t.num);
            }
            if (isOp(t, "(")) {
                Val v = expr(false);
                expectOp(")");
                return v;
            }
            if (isOp(t, "[")) {
                return matrixLiteral(t);
            }
            if (t.kind == K.ID) {
                if (t.text.equals("mpc")) {
                    expectOp(".");
                    Tok f = next();
                    Val v = fields.get(f.text);
                    if (v == null) {
                        throw error(t, "mpc." + f.text + " is not defined yet");
                    }
                    if (isOp(peek(), "(")) {
                        p++;
                        int[] rs = index(v.rows, t);
                        expectOp(",");
                        int[] cs = index(v.cols, t);
                        expectOp(")");
                        double[] d = new double[rs.length * cs.length];
                        for (int a = 0; a < rs.length; a++) {
                            for (int b = 0; b < cs.length; b++) {
                                d[a * cs.length + b] = v.get(rs[a], cs[b]);
                            }
                        }
                        return new Val(rs.length, cs.length, d);
                    }
                    return v;
                }
                if (isOp(peek(), "(") && !(matrix && peek().spaceBefore)) {
                    p++;
                    Val arg = expr(false);
                    expectOp(")");
                    java.util.function.DoubleUnaryOperator fn = switch (t.text) {
                        case "sqrt" -> Math::sqrt;
                        case "sin" -> Math::sin;
                        case "cos" -> Math::cos;
                        case "tan" -> Math::tan;
                        case "asin" -> Math::asin;
                        case "acos" -> Math::acos;
                        case "atan" -> Math::atan;
                        case "exp" -> Math::exp;
                        case "log" -> Math::log;
                        case "log10" -> Math::log10;
                        case "abs" -> Math::abs;
                        default -> throw error(t, "unsupported function or indexing '" + t.text + "(...)'");
                    };
                    return map(arg, fn);
                }
                if (t.text.equals("pi")) {
                    return Val.scalar(Math.PI);
                }
                Val v = vars.get(t.text);
                if (v == null) {
                    throw error(t, "undefined variable or constant '" + t.text + "'");
                }
                return v;
            }
            throw error(t, "unexpected '" + t.text.strip() + "' in expression");
        }

        private Val matrixLiteral(Tok open) {
            List<double[]> rows = new ArrayList<>();
            List<Double> row = new ArrayList<>();
            while (true) {
                Tok t = peek();
                if (t.kind == K.EOF) {
                    throw error(open, "unterminated matrix '['");
                }
                if (isOp(t, "]")) {
                    p++;
                    addRow(rows, row, open);
                    break;
                }
                if (isOp(t, ";") || t.kind == K.NL) {
                    p++;
                    addRow(rows, row, open);
                    row = new ArrayList<>();
                    continue;
                }
                if (isOp(t, ",")) {
                    p++;
                    continue;
                }
                Val v = expr(true);
                if (v.rows != 1 && v.d.length > 0) {
                    throw error(t, "nested multi-row matrices are not supported");
                }
                for (double d : v.d) {
                    row.add(d);
                }
            }
            if (rows.isEmpty()) {
                return new Val(0, 0, new double[0]);
            }
            int cols = rows.get(0).length;
            double[] d = new double[rows.size() * cols];
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).length != cols) {
                    throw error(open, "matrix rows have different lengths (" + cols + " and " + rows.get(r).length
                            + ", row " + (r + 1) + ")");
                }
                System.arraycopy(rows.get(r), 0, d, r * cols, cols);
            }
            return new Val(rows.size(), cols, d);
        }

        private static void addRow(List<double[]> rows, List<Double> row, Tok open) {
            if (row.isEmpty()) {
                return;
            }
            double[] r = new double[row.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = row.get(i);
            }
            rows.add(r);
        }

        private static Val map(Val v, java.util.function.DoubleUnaryOperator f) {
            double[] d = new double[v.d.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = f.applyAsDouble(v.d[i]);
            }
            return new Val(v.rows, v.cols, d);
        }

        private Val binary(Tok op, Val a, Val b) {
            String o = op.text;
            boolean elementwise = o.equals("+") || o.equals("-") || o.startsWith(".");
            if (!elementwise && !a.isScalar() && !b.isScalar()) {
                throw error(op, "matrix operation '" + o + "' between non-scalars is not supported");
            }
            if (!elementwise && (o.equals("/") || o.equals("^")) && !b.isScalar()) {
                throw error(op, "'" + o + "' with a non-scalar right operand is not supported");
            }
            if (!a.isScalar() && !b.isScalar() && (a.rows != b.rows || a.cols != b.cols)) {
                throw error(op, "size mismatch " + a.rows + "x" + a.cols + " " + o + " " + b.rows + "x" + b.cols);
            }
            int rows = a.isScalar() ? b.rows : a.rows;
            int cols = a.isScalar() ? b.cols : a.cols;
            double[] d = new double[rows * cols];
            for (int i = 0; i < d.length; i++) {
                double x = a.isScalar() ? a.d[0] : a.d[i];
                double y = b.isScalar() ? b.d[0] : b.d[i];
                d[i] = switch (o) {
                    case "+" -> x + y;
                    case "-" -> x - y;
                    case "*", ".*" -> x * y;
                    case "/", "./" -> x / y;
                    case "^", ".^" -> Math.pow(x, y);
                    default -> throw error(op, "unsupported operator " + o);
                };
            }
            return new Val(rows, cols, d);
        }
    }
}
