/**
 * Use cases: what each command does, free of Spring, JLine and the terminal. The shell's adapters
 * parse a command line, call one of these, and render what it returns; a use case returns values
 * (often a sealed result with a visitor, so every outcome is rendered) and an exit status
 * ({@link dev.tshoot.app.ExitStatus}), and never prints to {@code System.out}.
 *
 * <p>Layering: {@code shell -> app -> engine, playbook, probe, transcript}. Nothing here imports
 * {@code dev.tshoot.shell}.
 */
package dev.tshoot.app;
