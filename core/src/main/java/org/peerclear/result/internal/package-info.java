/**
 * Not API: helpers for code that works on the compact solver view ({@link org.peerclear.index.MarketIndex})
 * and needs a result's numbers in its order. They read results through their public, id-based
 * accessors only, so this package depends on {@code org.peerclear.result} and never the reverse.
 */
package org.peerclear.result.internal;
