/**
 * The default, pure-Java back-end on ojAlgo, always present so that every problem class has a
 * solver without native code.
 */
package org.peerclear.opt.ojalgo;
