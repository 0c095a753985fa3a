/** The built-in sweep engine {@code local}: a thread pool on this machine. */
package org.peerclear.sweep.local;
