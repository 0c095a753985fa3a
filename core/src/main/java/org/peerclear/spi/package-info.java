/**
 * How plug-ins are found: {@link org.peerclear.spi.Registry}, one generic registry of
 * {@link org.peerclear.spi.Named} plug-ins read through {@link java.util.ServiceLoader}, behind
 * the clearing methods and the solver back-ends. Depends on nothing else in PeerClear.
 */
package org.peerclear.spi;
