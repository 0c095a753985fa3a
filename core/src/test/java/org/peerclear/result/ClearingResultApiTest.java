package org.peerclear.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peerclear.index.MarketIndex;

/**
 * A result is read by id: no public method of {@link ClearingResult} hands out or takes the
 * compact solver view (a {@link MarketIndex} or an index-ordered array), so that view can change
 * without breaking users. The one exception is the factory the clearing methods build with.
 */
class ClearingResultApiTest {
    /** Clearing methods build a result from the compact view they solved; users never call it. */
    private static final List<String> PRODUCER_FACTORIES = List.of("builder");

    @Test
    void noPublicReaderExposesTheCompactView() {
        assertThat(compactViewIn(readers(ClearingResult.class))).isEmpty();
    }

    @Test
    void theReadersCheckedAreTheResultsAccessors() {
        assertThat(readers(ClearingResult.class)).extracting(Method::getName)
                .contains("agents", "assets", "trades", "agent", "trade", "grid", "networkPrice", "assetPinned", "tradePinned")
                .doesNotContain("builder");
    }

    /** Guards the first test against a check that finds nothing: the bridge is all compact view. */
    @Test
    void theCheckFindsTheCompactViewWhereItIs() {
        assertThat(compactViewIn(readers(ResultArrays.class))).extracting(Method::getName)
                .contains("index", "assetPower", "trade", "agentPrice", "tradePrice");
    }

    /** Arc 1 is buyer -> seller (the mirror of arc 0), so the buyer's side of the trade is pinned. */
    @Test
    void pinnedFlagsAndNetworkPricesAreReadById() {
        ClearingResult r = TwoAgentMarket.optimum().toBuilder()
                .pinned(new boolean[] {false, true}, new boolean[] {false, true})
                .agentNetworkPrices(new double[] {0.5, -0.25})
                .build();
        assertThat(r.assetPinned("seller.gen")).isFalse();
        assertThat(r.assetPinned("buyer.load")).isTrue();
        assertThat(r.tradePinned("seller", "buyer")).isFalse();
        assertThat(r.tradePinned("buyer", "seller")).isTrue();
        assertThat(r.networkPrice("seller")).isEqualTo(0.5);
        assertThat(r.networkPrice("buyer")).isEqualTo(-0.25);
        assertThatThrownBy(() -> r.assetPinned("nobody.gen")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody.gen");
    }

    private static List<Method> readers(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .filter(m -> !PRODUCER_FACTORIES.contains(m.getName()))
                .toList();
    }

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
