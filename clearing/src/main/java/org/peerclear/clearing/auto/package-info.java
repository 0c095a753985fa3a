/**
 * Method {@code auto}: composes the concrete methods (exact centralised clearing, ADMM finished
 * exactly), so it lives above them and outside the SPI package, which knows no concrete method.
 */
package org.peerclear.clearing.auto;


