/**
 * The commands, framework-free: the catalog ({@link dev.tshoot.shell.CommandSpec},
 * {@link dev.tshoot.shell.Catalog}), its parser and help ({@link dev.tshoot.shell.ArgParser},
 * {@link dev.tshoot.shell.Help}), the one-shot front end ({@link dev.tshoot.shell.OneShot}), the
 * composition root ({@link dev.tshoot.shell.Wiring}), the command adapters and the terminal views.
 * An adapter declares its commands, parses nothing itself, calls a use case in {@code dev.tshoot.app}
 * and renders the result (under 150 lines each). Views ({@link dev.tshoot.shell.SessionView},
 * {@link dev.tshoot.shell.ReplayView}, {@link dev.tshoot.shell.Console}) write only through the text
 * layer {@code dev.tshoot.text}. Nothing here imports Spring: the REPL is {@code dev.tshoot.repl}.
 */
package dev.tshoot.shell;
