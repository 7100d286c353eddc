/**
 * The command adapters: Spring Shell registration, the REPL, the one-shot runner and the terminal views.
 * An adapter parses its arguments, calls a use case in {@code dev.tshoot.app} and renders the result
 * (under 150 lines each). Views ({@link dev.tshoot.shell.SessionView}, {@link dev.tshoot.shell.ReplayView},
 * {@link dev.tshoot.shell.Console}) write only through the text layer {@code dev.tshoot.text}.
 *
 * <p>Each Spring Shell workaround lives in one class, whose Javadoc cites the upstream issue:
 * {@link dev.tshoot.shell.FlagAwareCommandParser}, {@link dev.tshoot.shell.ArgumentCompleter},
 * {@link dev.tshoot.shell.OneShotRunner}, {@link dev.tshoot.shell.ExitCode}.
 */
package dev.tshoot.shell;
