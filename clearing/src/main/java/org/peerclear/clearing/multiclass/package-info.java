/**
 * Method {@code multiclass}: energy sold in product classes, one market and one price per class,
 * buyers valuing the classes through their premiums (after Morstyn &amp; McCulloch, 2018). The
 * problem and its clearing are {@link org.peerclear.clearing.multiclass.MultiClassClearing};
 * {@link org.peerclear.clearing.multiclass.MultiClassMethod} puts it behind the
 * {@link org.peerclear.clearing.ClearingMethod} plug-in. Unlike the other methods it does not use
 * the trade graph: the premiums are those of {@code preference}, the trades go through the classes.
 */
package org.peerclear.clearing.multiclass;
