package org.peerclear.result;

/** An asset's set-point {@code p} (> 0 injects). */
public record AssetResult(String id, double p) {
}
