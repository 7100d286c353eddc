/**
 * The interactive shell: Spring Shell on JLine over the command catalog of {@code dev.tshoot.shell}.
 * Each Spring Shell 4.0.1 workaround lives in one class whose Javadoc cites the upstream issue:
 * {@link dev.tshoot.repl.CatalogParser} (option parsing), {@link dev.tshoot.repl.ArgumentCompleter}
 * (completion), {@link dev.tshoot.repl.ReplRunner} (program arguments, exit status, Ctrl-C) and
 * {@link dev.tshoot.shell.ExitCode} (exit status).
 */
package dev.tshoot.repl;
