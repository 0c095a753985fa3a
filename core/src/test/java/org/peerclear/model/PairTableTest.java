package org.peerclear.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arc-derivation table agrees with java.util.HashMap on pair keys, colliding ones included. */
class PairTableTest {
    private static long key(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }

    @Test
    void agreesWithHashMapOnKeysThatShareTheirXor() {
        Random random = new Random(7);
        int n = 20_000;
        PairTable table = new PairTable(n);
        Map<Long, Double> reference = new HashMap<>();
        for (int k = 0; k < n; k++) {
            // Half the keys share i ^ j = 5, the case Long.hashCode puts in one bucket.
            int i = random.nextInt(1 << 17);
            long key = k % 2 == 0 ? key(i, i ^ 5) : key(i, random.nextInt(1 << 17));
            double value = random.nextDouble();
            boolean isNew = !reference.containsKey(key);
            assertThat(table.put(key, value)).isEqualTo(isNew);
            reference.putIfAbsent(key, value);
        }
        for (int k = 0; k < 2 * n; k++) {
            long key = key(random.nextInt(1 << 17), random.nextInt(1 << 17));
            assertThat(table.contains(key)).isEqualTo(reference.containsKey(key));
            assertThat(table.get(key, -1.0)).isEqualTo(reference.getOrDefault(key, -1.0));
        }
        reference.forEach((key, value) -> assertThat(table.get(key, -1.0)).isEqualTo(value));
        assertThat(java.util.Arrays.stream(table.keys()).boxed().toList()).containsExactlyInAnyOrderElementsOf(reference.keySet());
    }

    @Test
    void refusesNegativeKeysAndMoreKeysThanItWasSizedFor() {
        PairTable table = new PairTable(2);
        assertThatThrownBy(() -> table.add(-1)).isInstanceOf(IllegalArgumentException.class);
        for (int k = 0; table.keys().length < 4; k++) {
            table.add(k);
        }
        assertThatThrownBy(() -> table.add(99)).isInstanceOf(IllegalStateException.class).hasMessageContaining("full");
    }
}
