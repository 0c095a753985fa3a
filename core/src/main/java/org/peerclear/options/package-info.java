/**
 * Self-describing options: an {@link org.peerclear.options.OptionSpec} names, types, validates
 * and prints one option; an {@link org.peerclear.options.OptionCatalog} lists a product's
 * options in a fixed order; {@link org.peerclear.options.Options} holds values of them. One
 * mechanism serves the command line ({@code --set NAME=VALUE}), a case file's {@code options}
 * block and Java.
 */
package org.peerclear.options;
