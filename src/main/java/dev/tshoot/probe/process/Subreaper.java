package dev.tshoot.probe.process;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.tshoot.playbook.OsFamily;

/**
 * On Linux, tshoot's JVM as the <em>child subreaper</em> of everything it starts
 * ({@code prctl(PR_SET_CHILD_SUBREAPER)}): a process whose parent dies is re-parented to tshoot
 * instead of to init, so a double-forked descendant that also scrubbed its environment (and so
 * its {@value ProcessTree#TOKEN_ENV}) is still found, as a child of tshoot, and killed with its
 * run. The call is made through the JDK's foreign function API, which is final from JDK 22; on
 * older JDKs and other systems {@link #mode()} says what containment is left (the process tree
 * and the token, see {@link ProcessTree}).
 *
 * <p>Adopted processes are tshoot's children, so tshoot reaps those it killed ({@code waitpid}
 * with {@code WNOHANG}, for those pids only: the JDK's own children are never waited for here).
 */
public final class Subreaper {

    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int WNOHANG = 1;

    /** The pids of processes a {@link SystemProcessRunner} started and still supervises. */
    private static final Set<Long> ROOTS = ConcurrentHashMap.newKeySet();

    private static final Native NATIVE = Native.load();

    private Subreaper() {}

    /** True when tshoot is the subreaper of its commands' descendants. */
    public static boolean active() {
        return NATIVE.waitpid != null;
    }

    /** One line for {@code version} and the docs: how a command's descendants are contained here. */
    public static String mode() {
        if (active()) {
            return "subreaper (descendants that leave their parent are re-parented to tshoot and killed with their command)";
        }
        return "process tree" + (OsFamily.current() == OsFamily.LINUX ? ", per-run environment token and process group" : "")
                + (NATIVE.why == null ? "" : " (no subreaper: " + NATIVE.why + ")");
    }

    static void started(long pid) {
        ROOTS.add(pid);
    }

    static void finished(long pid) {
        ROOTS.remove(pid);
    }

    /**
     * Processes adopted by tshoot (children of this JVM that no runner started) that started no
     * earlier than {@code since} (a run's root's start): the candidates for that run's orphans.
     */
    static List<ProcessHandle> adoptedSince(ProcessHandle root) {
        List<ProcessHandle> found = new ArrayList<>();
        if (!active()) {
            return found;
        }
        Optional<java.time.Instant> since = root.info().startInstant();
        try {
            ProcessHandle.current().children().forEach(c -> {
                if (ROOTS.contains(c.pid()) || c.pid() == root.pid()) {
                    return;
                }
                Optional<java.time.Instant> at = c.info().startInstant();
                if (since.isEmpty() || at.isEmpty() || !at.get().isBefore(since.get())) {
                    found.add(c);
                }
            });
        } catch (RuntimeException ignored) {
            // best effort: the process table can change under our feet
        }
        return found;
    }

    /** Reaps, without blocking, those of {@code handles} that are tshoot's adopted children and have exited. */
    static void reap(List<ProcessHandle> handles) {
        if (!active()) {
            return;
        }
        long self = ProcessHandle.current().pid();
        for (ProcessHandle h : handles) {
            if (ROOTS.contains(h.pid()) || !h.parent().map(p -> p.pid() == self).orElse(false)) {
                continue;
            }
            try {
                NATIVE.waitpid.invokeWithArguments((int) h.pid(), NATIVE.nullAddress, WNOHANG);
            } catch (Throwable ignored) {
                // not ours after all, or already reaped
            }
        }
    }

    /** The two native calls, looked up reflectively so that tshoot still builds and runs on JDK 17. */
    private static final class Native {
        final MethodHandle waitpid;
        final Object nullAddress;
        final String why;

        private Native(MethodHandle waitpid, Object nullAddress, String why) {
            this.waitpid = waitpid;
            this.nullAddress = nullAddress;
            this.why = why;
        }

        static Native load() {
            if (OsFamily.current() != OsFamily.LINUX) {
                return new Native(null, null, null);
            }
            if (Runtime.version().feature() < 22 || Boolean.getBoolean("tshoot.no-subreaper")) {
                return new Native(null, null, Runtime.version().feature() < 22
                        ? "needs JDK 22 or later, this is " + Runtime.version().feature() : "turned off");
            }
            try {
                Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
                Class<?> lookupC = Class.forName("java.lang.foreign.SymbolLookup");
                Class<?> segmentC = Class.forName("java.lang.foreign.MemorySegment");
                Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
                Class<?> valueLayoutC = Class.forName("java.lang.foreign.ValueLayout");
                Class<?> descC = Class.forName("java.lang.foreign.FunctionDescriptor");
                Class<?> optionC = Class.forName("java.lang.foreign.Linker$Option");
                Object linker = linkerC.getMethod("nativeLinker").invoke(null);
                Object lookup = linkerC.getMethod("defaultLookup").invoke(linker);
                Method find = lookupC.getMethod("find", String.class);
                Object jInt = valueLayoutC.getField("JAVA_INT").get(null);
                Object jLong = valueLayoutC.getField("JAVA_LONG").get(null);
                Object address = valueLayoutC.getField("ADDRESS").get(null);
                Method of = descC.getMethod("of", layoutC, layoutC.arrayType());
                Method downcall = linkerC.getMethod("downcallHandle", segmentC, descC, optionC.arrayType());

                // int prctl(int option, ...): the second argument is variadic (an unsigned long)
                Object prctlDesc = of.invoke(null, jInt, layouts(layoutC, jInt, jLong));
                Object variadic = Array.newInstance(optionC, 1);
                Array.set(variadic, 0, optionC.getMethod("firstVariadicArg", int.class).invoke(null, 1));
                MethodHandle prctl = (MethodHandle) downcall.invoke(linker,
                        ((Optional<?>) find.invoke(lookup, "prctl")).orElseThrow(), prctlDesc, variadic);
                // int waitpid(pid_t pid, int *status, int options)
                Object waitDesc = of.invoke(null, jInt, layouts(layoutC, jInt, address, jInt));
                MethodHandle waitpid = (MethodHandle) downcall.invoke(linker,
                        ((Optional<?>) find.invoke(lookup, "waitpid")).orElseThrow(), waitDesc, Array.newInstance(optionC, 0));
                Object nullAddress = segmentC.getField("NULL").get(null);
                int rc = (int) prctl.invokeWithArguments(PR_SET_CHILD_SUBREAPER, 1L);
                if (rc != 0) {
                    return new Native(null, null, "prctl(PR_SET_CHILD_SUBREAPER) refused");
                }
                return new Native(waitpid, nullAddress, null);
            } catch (Throwable e) {
                return new Native(null, null, "the foreign function API is not usable here: " + e);
            }
        }

        private static Object layouts(Class<?> layoutC, Object... layouts) {
            Object a = Array.newInstance(layoutC, layouts.length);
            for (int i = 0; i < layouts.length; i++) {
                Array.set(a, i, layouts[i]);
            }
            return a;
        }
    }
}
