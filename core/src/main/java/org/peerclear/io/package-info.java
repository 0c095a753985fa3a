/**
 * Files in and out: the market-case reader and writer, the result's JSON and CSV writers, and
 * what they share (atomic writes that never leave half a file, RFC 4180 cells, progress reports
 * for large files). Every failure names the file, the field or the rule, so that a command can
 * print it as it is.
 */
package org.peerclear.io;
