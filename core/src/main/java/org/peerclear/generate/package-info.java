/**
 * Seeded synthetic markets for tests, benchmarks and {@code peerclear generate}: a seed gives the
 * same market on every JVM and version, because the random numbers come from a generator fixed by
 * its published definition ({@link org.peerclear.generate.SplitMix64}).
 */
package org.peerclear.generate;
