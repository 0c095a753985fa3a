package org.peerclear.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package cycles in the libraries' main code: a newcomer can read a package knowing only the
 * packages below it. The graph comes from the sources (imports and qualified names), so the test
 * needs no compiled classes of the other modules and no dependency beyond JUnit.
 */
class ArchitectureTest {
    private static final List<String> MODULES = List.of("core", "clearing", "powerflow", "plot", "auction", "games", "settlement",
            "ledger", "sweep", "solver-ipm",
            "solver-ortools");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    /** A qualified reference to a PeerClear type, as an import (static or not, or on demand) or in code. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.peerclear(?:\\.[a-z]\\w*)+)\\.(?:[A-Z]\\w*|\\*)");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void mainCodeHasNoPackageCycles() {
        Map<String, Set<String>> graph = mainGraph();
        assertThat(cycles(graph)).as("package cycles in main code").isEmpty();
    }

    /** Guards the test above against passing on a graph it failed to read. */
    @Test
    void theGraphHoldsEveryModuleAndKnownEdges() {
        Map<String, Set<String>> graph = mainGraph();
        assertThat(graph).containsKeys("org.peerclear.model", "org.peerclear.clearing", "org.peerclear.powerflow",
                "org.peerclear.plot", "org.peerclear.solver.ipm", "org.peerclear.solver.ortools");
        assertThat(graph.get("org.peerclear.clearing.auto")).contains("org.peerclear.clearing.admm", "org.peerclear.clearing.exact");
        assertThat(graph.get("org.peerclear.clearing")).doesNotContain("org.peerclear.clearing.admm");
    }

    @Test
    void aCycleThroughThreePackagesIsFoundAndNamed() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a", "d"));
        graph.put("d", Set.of());
        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aCycleBetweenTwoPackagesReadFromSourcesIsFound() {
        Map<String, Set<String>> graph = new TreeMap<>();
        read("package org.peerclear.x;\nimport org.peerclear.y.Y;\nclass X { Y y; }", graph);
        read("package org.peerclear.y;\n// import org.peerclear.z.Z; in a comment is no edge\n"
                + "class Y { org.peerclear.x.X x; }", graph);
        assertThat(graph.get("org.peerclear.y")).containsExactly("org.peerclear.x");
        assertThat(cycles(graph)).containsExactly(List.of("org.peerclear.x", "org.peerclear.y"));
    }

    private static Map<String, Set<String>> mainGraph() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> read(source(f), graph));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    private static String source(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds one source file's package and the packages it refers to. */
    static void read(String source, Map<String, Set<String>> graph) {
        String code = COMMENT.matcher(source).replaceAll("");
        Matcher p = PACKAGE.matcher(code);
        if (!p.find()) {
            return;
        }
        String own = p.group(1);
        Set<String> out = graph.computeIfAbsent(own, k -> new TreeSet<>());
        Matcher r = REFERENCE.matcher(code);
        while (r.find()) {
            if (!r.group(1).equals(own)) {
                out.add(r.group(1));
            }
        }
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted, in the order of their first package. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out);
            }
        }
        out.sort((x, y) -> x.get(0).compareTo(y.get(0)));
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                out.add(component);
            }
        }
    }
}
