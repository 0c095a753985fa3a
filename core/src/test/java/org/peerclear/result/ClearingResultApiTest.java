package org.peerclear.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peerclear.index.MarketIndex;

/**
 * A result is read by id: no public member of {@link ClearingResult} or its builder hands out or
 * takes the compact solver view (a {@link MarketIndex} or an index-ordered array), and no public
 * class of this package reads that view back from a result, so it can change without breaking
 * users. Clearing methods hand their arrays in through {@link IndexedResults}, which only writes.
 */
class ClearingResultApiTest {
    @Test
    void noPublicMemberOfTheResultOrItsBuilderTakesOrGivesTheCompactView() {
        assertThat(compactViewIn(publicMethods(ClearingResult.class))).isEmpty();
        assertThat(compactViewIn(publicMethods(ClearingResult.Builder.class))).isEmpty();
        assertThat(ClearingResult.class.getConstructors()).isEmpty();
        assertThat(ClearingResult.Builder.class.getConstructors()).isEmpty();
    }

    @Test
    void noPublicClassOfThePackageReadsTheCompactViewOfAResult() {
        assertThat(readBridgesIn(publicClassesOfThePackage())).isEmpty();
    }

    @Test
    void theReadersCheckedAreTheResultsAccessors() {
        assertThat(publicMethods(ClearingResult.class)).extracting(Method::getName)
                .contains("agents", "assets", "trades", "arcTrades", "gridLegs", "agent", "trade", "grid", "networkPrice",
                        "assetPinned", "tradePinned", "toBuilder");
        assertThat(publicMethods(ClearingResult.Builder.class)).extracting(Method::getName)
                .contains("status", "note", "section", "build");
    }

    /** Guards the test above against a listing that misses classes: the package's own are all there, and the old read bridge is gone. */
    @Test
    void theClassesCheckedAreThePackages() {
        assertThat(publicClassesOfThePackage()).contains(ClearingResult.class, ClearingResult.Builder.class, IndexedResults.class,
                CostAccounting.class, ResultVerifier.class, ResultVerifier.Tolerances.class)
                .extracting(Class::getSimpleName).doesNotContain("ResultArrays");
    }

    /** Guards the tests above against checks that find nothing: a corrupted result and a read bridge are caught, the write bridge is not. */
    @Test
    void theChecksFindTheCompactViewWhereItIs() {
        assertThat(compactViewIn(publicMethods(LeakyResult.class))).extracting(Method::getName)
                .containsExactlyInAnyOrder("index", "tradeArray", "solution", "tradesPerPeriod");
        assertThat(readBridgesIn(List.of(LeakyBridge.class, IndexedResults.class, CostAccounting.class, ConvergenceHistory.class)))
                .extracting(Method::getName).containsExactlyInAnyOrder("index", "trade");
        assertThat(compactViewIn(publicMethods(IndexedResults.class))).extracting(Method::getName)
                .contains("builder", "solution", "pinned", "agentNetworkPrices");
    }

    /** Arc 1 is buyer -> seller (the mirror of arc 0), so the buyer's side of the trade is pinned. */
    @Test
    void pinnedFlagsAndNetworkPricesAreReadById() {
        ClearingResult.Builder b = IndexedResults.pinned(TwoAgentMarket.optimum().toBuilder(),
                new boolean[] {false, true}, new boolean[] {false, true});
        ClearingResult r = IndexedResults.agentNetworkPrices(b, new double[] {0.5, -0.25}).build();
        assertThat(r.assetPinned("seller.gen")).isFalse();
        assertThat(r.assetPinned("buyer.load")).isTrue();
        assertThat(r.tradePinned("seller", "buyer")).isFalse();
        assertThat(r.tradePinned("buyer", "seller")).isTrue();
        assertThat(r.networkPrice("seller")).isEqualTo(0.5);
        assertThat(r.networkPrice("buyer")).isEqualTo(-0.25);
        assertThatThrownBy(() -> r.assetPinned("nobody.gen")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody.gen");
    }

    /** What the result once was: its compact view in its public API. */
    @SuppressWarnings("unused")
    public static final class LeakyResult {
        public MarketIndex index() {
            return null;
        }

        public double[] tradeArray() {
            return null;
        }

        public LeakyResult solution(double[] trades) {
            return this;
        }

        public List<double[]> tradesPerPeriod() {
            return null;
        }

        public double objective() {
            return 0;
        }
    }

    /** What a read bridge looks like: the result's compact view for any caller. */
    @SuppressWarnings("unused")
    public static final class LeakyBridge {
        public static MarketIndex index(ClearingResult r) {
            return null;
        }

        public static double[] trade(ClearingResult r) {
            return null;
        }

        public static double objective(ClearingResult r) {
            return 0;
        }
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .toList();
    }

    /** The public classes of this package in the main code (nested ones included), from its compiled classes. */
    private static List<Class<?>> publicClassesOfThePackage() {
        Path dir;
        try {
            dir = Path.of(ClearingResult.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(ClearingResult.class.getPackageName().replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = f.getFileName().toString();
                Class<?> c = Class.forName(ClearingResult.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Public methods that take or give the compact view. */
    private static List<Method> compactViewIn(List<Method> methods) {
        List<Method> out = new ArrayList<>();
        for (Method m : methods) {
            if (Stream.concat(Stream.of(m.getGenericReturnType()), Arrays.stream(m.getGenericParameterTypes()))
                    .anyMatch(ClearingResultApiTest::isCompact)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Public methods that give the compact view of a result they are given. */
    private static List<Method> readBridgesIn(List<Class<?>> classes) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : publicMethods(c)) {
                if (isCompact(m.getGenericReturnType()) && Arrays.asList(m.getParameterTypes()).contains(ClearingResult.class)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** A MarketIndex or an array, also as a type argument (e.g. a list of arrays). */
    private static boolean isCompact(Type t) {
        if (t instanceof Class<?> c) {
            return c.isArray() || MarketIndex.class.isAssignableFrom(c);
        }
        if (t instanceof GenericArrayType) {
            return true;
        }
        if (t instanceof ParameterizedType p) {
            return isCompact(p.getRawType()) || Arrays.stream(p.getActualTypeArguments()).anyMatch(ClearingResultApiTest::isCompact);
        }
        return false;
    }
}
