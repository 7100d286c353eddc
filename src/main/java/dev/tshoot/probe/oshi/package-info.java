/**
 * The real-host {@link dev.tshoot.probe.HostReader}: the only package that imports oshi. oshi is started lazily
 * on the first hardware question, never at class-load or application start.
 */
package dev.tshoot.probe.oshi;
