/**
 * The {@code peerclear} command line ({@code cli/target/peerclear.jar}, or the {@code ./peerclear}
 * wrapper): {@code clear}, {@code simulate}, {@code generate}, {@code powerflow}, {@code plot},
 * {@code auction}, {@code orders}, {@code share}, {@code settle}, {@code ledger} and {@code example},
 * built with picocli from {@link org.peerclear.cli.PeerClearCli#commandLine()}.
 * Each command reads its files, calls the library and writes what it produced; what a user types
 * and what each command writes is the contract of {@code docs/cli.md}. Exit codes:
 * {@link org.peerclear.cli.PeerClearCli#OK}, {@link org.peerclear.cli.PeerClearCli#INVALID_INPUT}
 * (one line naming the file, option or field: {@link org.peerclear.cli.InvalidInputException}),
 * {@link org.peerclear.cli.PeerClearCli#CHECK_FAILED} ({@code ledger verify}: a record that does not
 * check), {@link org.peerclear.cli.PeerClearCli#INTERNAL_ERROR}.
 */
package org.peerclear.cli;
