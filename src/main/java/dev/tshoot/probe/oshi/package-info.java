/**
 * The real-host {@link dev.tshoot.probe.HostReader}: the only package that imports oshi. oshi is started lazily
 * on the first hardware question, never at class-load or application start. Its commands go through the
 * {@link dev.tshoot.probe.process.ProcessRunner}.
 */
package dev.tshoot.probe.oshi;
