#!/usr/bin/env python3
"""tshoot benchmarks: runs every measurement and prints one table (see bench/run and docs/performance.md).

Process measurements (start-up, time to the first prompt, the cold probe) are timed from outside,
wall clock, BENCH_WARMUP warm-up runs then BENCH_RUNS counted runs per configuration; configurations
are interleaved run by run so that noise from the shared machine hits all of them alike. In-process
measurements come from dev.tshoot.bench.InProcess as JSON lines. Medians, [min-max] in brackets.
"""
import argparse
import json
import os
import platform
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import termios
import fcntl
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "target", "bench")
WHATIF = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\r")
GROUPS = ["startup", "lint", "append", "replay", "probe", "regex", "stats"]


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ process timing

def run_once(cmd, env, expect=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    dt = time.perf_counter() - t0
    if p.returncode != 0 or (expect and expect.encode() not in p.stdout):
        raise SystemExit("bench: %s failed (exit %d):\n%s%s" % (" ".join(cmd), p.returncode,
                                                            p.stdout.decode(errors="replace")[-2000:],
                                                            p.stderr.decode(errors="replace")[-2000:]))
    return dt


def time_to_prompt(cmd, env, marker):
    """Starts cmd on a new pseudo-terminal; seconds until marker appears on it; then types exit."""
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.chdir(ROOT)
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
            os.execvpe(cmd[0], cmd, env)
        finally:
            os._exit(127)
    buf = b""
    found = None
    deadline = t0 + 60
    try:
        while time.perf_counter() < deadline:
            r, _, _ = select.select([fd], [], [], 0.5)
            if not r:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            buf += data
            if b"\x1b[6n" in data:  # a cursor-position query: answer as a terminal would
                os.write(fd, b"\x1b[1;1R")
            if marker.encode() in ANSI.sub(b"", buf):
                found = time.perf_counter() - t0
                break
        if found is None:
            raise SystemExit("bench: no prompt %r from %s within 60 s; it printed:\n%s"
                             % (marker, " ".join(cmd), buf.decode(errors="replace")[-2000:]))
        os.write(fd, b"exit\r")
        end = time.perf_counter() + 20
        while time.perf_counter() < end:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                pid = 0
                break
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass
    finally:
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
        os.close(fd)
    return found


def measure_processes(configs, warmup, runs):
    """configs: name -> zero-arg function returning seconds. Interleaved, warm-ups first."""
    samples = {name: [] for name in configs}
    for i in range(warmup + runs):
        for name, fn in configs.items():
            dt = fn()
            if i >= warmup:
                samples[name].append(dt)
        log("process round %d/%d" % (i + 1, warmup + runs))
    return samples


# ------------------------------------------------------------------ in-process harness

def java_harness(args, java, classpath, *params, heap=None, extra=()):
    cmd = [java] + list(extra)
    if heap:
        cmd.append("-Xmx" + heap)
    cmd += ["-cp", classpath, "dev.tshoot.bench.InProcess"] + [str(p) for p in params]
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise SystemExit("bench: %s failed:\n%s" % (" ".join(cmd), p.stderr.decode(errors="replace")[-4000:]))
    out = {}
    for line in p.stdout.decode().splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            out[r["id"]] = r
    return out


# ------------------------------------------------------------------ table

def med(xs):
    return statistics.median(xs)


def fmt_time(seconds):
    if seconds >= 1:
        return "%.2f s" % seconds
    if seconds >= 1e-3:
        return "%.1f ms" % (seconds * 1e3) if seconds < 0.1 else "%.0f ms" % (seconds * 1e3)
    if seconds >= 1e-6:
        return "%.1f µs" % (seconds * 1e6)
    return "%.0f ns" % (seconds * 1e9)


def cell(xs, scale=1.0):
    xs = [x * scale for x in xs]
    return "%s [%s–%s]" % (fmt_time(med(xs)), fmt_time(min(xs)), fmt_time(max(xs)))


class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, subject, value, baseline="", base_value="", ratio=""):
        self.rows.append((what, subject, value, baseline, base_value, ratio))

    def print(self, out):
        head = ("Measurement", "Subject", "Median [min–max]", "Baseline (same run)", "Baseline median [min–max]", "Ratio")
        out.write("| " + " | ".join(head) + " |\n")
        out.write("|" + "|".join("---" for _ in head) + "|\n")
        for r in self.rows:
            out.write("| " + " | ".join(r) + " |\n")


def ratio(a, b):
    return "%.2f×" % (med(a) / med(b))


# ------------------------------------------------------------------ groups

def startup(t, java, classpath, warmup, runs):
    env = dict(os.environ, TERM="dumb", NO_COLOR="1")
    tmp = tempfile.mkdtemp(prefix="startup", dir=BENCH)
    env["TSHOOT_TRANSCRIPTS"] = tmp
    env["JAVA_HOME"] = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(java) or java)))
    pty_env = dict(env, TERM="xterm-256color", COLUMNS="120", LINES="40")
    pty_env.pop("NO_COLOR", None)
    jar = os.path.join(ROOT, "target", "tshoot.jar")
    entries = classpath.split(":")
    jline_cp = entries[0] + ":" + [e for e in entries if os.path.basename(e).startswith("jline-3")][0]
    # the launcher's own command line (extracted jar + archive for this JDK build)
    flags = []
    for f in sorted(os.listdir(os.path.join(ROOT, "target", "app"))):
        if f.startswith("startup-") and f.endswith(".flags"):
            cand = open(os.path.join(ROOT, "target", "app", f)).read().split()
            if "AOTCache" in " ".join(cand) and int(java_feature(java)) >= 25 or \
                    "SharedArchiveFile" in " ".join(cand) and int(java_feature(java)) < 25:
                flags = cand
    app = os.path.join(ROOT, "target", "app", "tshoot.jar")
    spring = [java] + flags + ["-Xlog:disable", "-Dtshoot.home=" + ROOT, "-Dtshoot.frontend=spring", "-jar", app]
    answers = os.path.join(ROOT, "docs", "examples", "answers", "esxi-resolved.yaml")
    transcript = os.path.join(ROOT, "src", "test", "resources", "transcripts", "001_walk_resolved.jsonl")
    pb = "docker-desktop-nested-virtualization"
    commands = {
        "version": (["version"], "tshoot "),
        "playbook list": (["playbook", "list"], pb),
        "run --answers": (["run", pb, "--answers", answers, "--dry-run"], "RESOLVED"),
        "transcript verify": (["transcript", "verify", transcript], "OK"),
    }
    configs = {
        "hello": lambda: run_once([java, "-cp", entries[0], "Hello"], env, "hello"),
        "jline": lambda: run_once([java, "-cp", jline_cp, "BareJLine", "list"], env, "ran: list"),
        "jline-prompt": lambda: time_to_prompt([java, "-cp", jline_cp, "BareJLine"], pty_env, "bare> "),
        "tshoot-prompt": lambda: time_to_prompt(["./tshoot"], pty_env, "tshoot> "),
        "plain": lambda: run_once([java, "-Dtshoot.home=" + ROOT, "-jar", jar, "playbook", "list"], env, pb),
        "probe-cold": lambda: run_once(["./tshoot", "probe", "run", "virtualization", "--json"], env, "{"),
    }
    for name, (argv, expect) in commands.items():
        configs["tshoot " + name] = (lambda a=argv, e=expect: run_once(["./tshoot"] + a, env, e))
        configs["spring " + name] = (lambda a=argv, e=expect: run_once(spring + a, env, e))
    before = os.environ.get("BENCH_BEFORE")  # an earlier checkout, built, for before/after rows
    if before:
        configs["before-prompt"] = lambda: time_to_prompt([os.path.join(before, "tshoot")], pty_env, "tshoot> ")
        configs["before playbook list"] = lambda: run_once([os.path.join(before, "tshoot"), "playbook", "list"], env, pb)
    s = measure_processes(configs, warmup, runs)
    s["tshoot"] = s["tshoot playbook list"]
    shutil.rmtree(tmp, ignore_errors=True)
    t.add("Start-up, floor", "`java Hello`", cell(s["hello"]))
    t.add("Start-up, baseline", "bare JLine 3.30.6: system terminal + LineReader, one command", cell(s["jline"]),
          "`java Hello`", cell(s["hello"]), ratio(s["jline"], s["hello"]))
    for name in commands:
        t.add("Start-up, one-shot `%s`" % name, "`./tshoot` (one-shot front end, no Spring context)",
              cell(s["tshoot " + name]), "bare JLine, one command", cell(s["jline"]), ratio(s["tshoot " + name], s["jline"]))
        t.add("Start-up, one-shot `%s`" % name, "through the Spring context (`-Dtshoot.frontend=spring`, same archive)",
              cell(s["spring " + name]), "bare JLine, one command", cell(s["jline"]), ratio(s["spring " + name], s["jline"]))
    t.add("Start-up, one-shot `playbook list`", "`java -jar target/tshoot.jar` (plain: no archive, default JIT)",
          cell(s["plain"]), "bare JLine, one command", cell(s["jline"]), ratio(s["plain"], s["jline"]))
    if before:
        t.add("Start-up, one-shot `playbook list`", "before: `%s/tshoot`" % before, cell(s["before playbook list"]),
              "bare JLine, one command", cell(s["jline"]), ratio(s["before playbook list"], s["jline"]))
    t.add("Time to first prompt (pty)", "`./tshoot` until `tshoot> `", cell(s["tshoot-prompt"]),
          "bare JLine until `bare> `", cell(s["jline-prompt"]), ratio(s["tshoot-prompt"], s["jline-prompt"]))
    if before:
        t.add("Time to first prompt (pty)", "before: `%s/tshoot` until `tshoot> `" % before, cell(s["before-prompt"]),
              "bare JLine until `bare> `", cell(s["jline-prompt"]), ratio(s["before-prompt"], s["jline-prompt"]))
    return s


def java_feature(java):
    out = subprocess.run([java, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
    m = re.search(r'version "(\d+)', out)
    return m.group(1) if m else "0"


def lint(t, java, classpath):
    sizes = [1000, 10000, 100000]
    r = java_harness(None, java, classpath, "lint", os.path.join(BENCH, "lint"), *sizes, heap="4g")
    per_node = []
    for n in sizes:
        a, b = r["lint-%d" % n], r["yaml-%d" % n]
        nodes = a["nodes"]
        ta = [x / 1e3 for x in a["samples"]]
        tb = [x / 1e3 for x in b["samples"]]
        pn = med(ta) / nodes
        per_node.append(pn)
        t.add("Playbook load + lint, %s nodes (%.1f MB)" % (format(nodes, ","), a["bytes"] / 1e6),
              "PlaybookLoader (parse, locations, lint); %s/node" % fmt_time(pn), cell(ta),
              "Jackson YAML `readTree` of the same file; %s/node" % fmt_time(med(tb) / nodes), cell(tb), ratio(ta, tb))
    return per_node


def append(t, java, classpath):
    r = java_harness(None, java, classpath, "append", os.path.join(BENCH, "append"), heap="1g")
    us = lambda k: [x / 1e6 for x in r[k]["samples"]]
    n = r["append-writer-nosync"]["events"]
    nf = r["append-writer-fsync"]["events"]
    b = r["append-writer-nosync"]["bytesPerEvent"]
    t.add("Transcript append, per event (~%d B/line)" % b, "TranscriptWriter, fsync off (%s events)" % format(n, ","),
          cell(us("append-writer-nosync")), "buffered append + flush of the same bytes", cell(us("append-plain-flush")),
          ratio(us("append-writer-nosync"), us("append-plain-flush")))
    t.add("Transcript append, per event", "TranscriptWriter, fsync on (default; %s events)" % format(nf, ","),
          cell(us("append-writer-fsync")), "buffered append + flush + fsync of the same bytes",
          cell(us("append-plain-fsync")), ratio(us("append-writer-fsync"), us("append-plain-fsync")))
    t.add("Transcript append, per event", "TranscriptWriter, fsync on", cell(us("append-writer-fsync")),
          "buffered append + flush (no fsync)", cell(us("append-plain-flush")),
          ratio(us("append-writer-fsync"), us("append-plain-flush")))


def replay(t, java, classpath, events):
    small = max(events // 10, 1000)
    files = {}
    for n in (small, events):
        f = os.path.join(BENCH, "replay-%d.jsonl" % n)
        log("recording a %d-event transcript ..." % n)
        java_harness(None, java, classpath, "gen-transcript", f, n, heap="512m")
        files[n] = f
    log("replay --verify of %d events ..." % events)
    r = java_harness(None, java, classpath, "replay", files[events], 3, heap="512m")
    key = [k for k in r if k.startswith("replay-")][0]
    a, b = r[key], [v for k, v in r.items() if k.startswith("jsonparse-")][0]
    ta = [x / 1e3 for x in a["samples"]]
    tb = [x / 1e3 for x in b["samples"]]
    ev = a["events"]
    t.add("`replay --verify`, %s events (%.0f MB)" % (format(ev, ","), a["bytes"] / 1e6),
          "ReplayVerifier; %s/event" % fmt_time(med(ta) / ev), cell(ta),
          "streaming Jackson JSON parse (all tokens); %s/event" % fmt_time(med(tb) / ev), cell(tb), ratio(ta, tb))
    tv = [x / 1e3 for x in [v for k, v in r.items() if k.startswith("verify-")][0]["samples"]]
    t.add("`transcript verify`, %s events" % format(ev, ","),
          "TranscriptVerifier; %s/event" % fmt_time(med(tv) / ev), cell(tv),
          "streaming Jackson JSON parse (all tokens)", cell(tb), ratio(tv, tb))
    w = java_harness(None, java, classpath, "replay", files[events], 3, heap="512m", extra=WHATIF)
    tw = [x / 1e3 for x in [v for k, v in w.items() if k.startswith("replay-")][0]["samples"]]
    t.add("What-if, `replay --verify`, %s events" % format(ev, ","), "ReplayVerifier with `%s`" % " ".join(WHATIF),
          cell(tw), "ReplayVerifier, default JIT and GC", cell(ta), ratio(tw, ta))
    mem = {}
    for n, f in files.items():
        m = java_harness(None, java, classpath, "replay-mem", f, heap="48m")
        mem[n] = list(m.values())[0]
    lo, hi = mem[small], mem[events]
    t.add("`replay --verify` memory, -Xmx48m",
          "%s events: live heap after GC %.1f MiB, peak RSS %.0f MiB" % (format(hi["events"], ","), hi["samples"][0],
                                                                     hi["peakRssMiB"]),
          "%.1f MiB / %.0f MiB" % (hi["samples"][0], hi["peakRssMiB"]),
          "%s events: live heap after GC, peak RSS" % format(lo["events"], ","),
          "%.1f MiB / %.0f MiB" % (lo["samples"][0], lo["peakRssMiB"]),
          "%.2f× heap, %.2f× RSS" % (hi["samples"][0] / lo["samples"][0], hi["peakRssMiB"] / lo["peakRssMiB"]))
    for f in files.values():
        os.remove(f)


def probe(t, java, classpath, cold, oneshot):
    r = java_harness(None, java, classpath, "probe-warm", 20)
    w = [x / 1e3 for x in r["probe-warm"]["samples"]]
    t.add("Virtualization probe, cold", "`./tshoot probe run virtualization --json` (whole process)", cell(cold),
          "`./tshoot playbook list` (start-up alone)", cell(oneshot), ratio(cold, oneshot))
    t.add("Virtualization probe, warm", "20 runs in one JVM after 3 (first in JVM: %s)"
          % fmt_time(r["probe-warm"]["firstInJvmMs"] / 1e3), cell(w), "", "", "")


def regex(t, java, classpath):
    r = java_harness(None, java, classpath, "regex", os.path.join(BENCH, "regex"), 15, heap="1g")
    ms = lambda k: [x / 1e3 for x in r[k]["samples"]]
    h, b = r["match-hostile"], r["match-benign"]
    n = h["playbooks"]
    t.add("`match` over a folder with a catastrophic pattern (%d playbooks, %s-char text)" % (n, format(h["textChars"], ",")),
          "symptom `(a+)+$` against `aaaa…!`; %s per playbook" % fmt_time(med(ms("match-hostile")) / n),
          cell(ms("match-hostile")), "the same folder, the symptom `aaab` instead", cell(ms("match-benign")),
          ratio(ms("match-hostile"), ms("match-benign")))
    t.add("`run` of a playbook with a catastrophic question pattern (%s-char answer)" % format(r["run-hostile"]["answerChars"], ","),
          "pattern `(x+x+)+y`, answer `xxxx…!` (refused)", cell(ms("run-hostile")),
          "the same, the pattern `xxxy` instead", cell(ms("run-benign")), ratio(ms("run-hostile"), ms("run-benign")))
    for mib in (1, 16):
        t.add("Condition `(?s).*X.*` on %d MiB%s" % (mib, " (the output cap)" if mib == 16 else ""),
              "`out.stdout matches '(?s).*Virtualization:\\s+VT-x.*'` (RE2/J), marker in the middle",
              cell(ms("cond-%d" % mib)), "`String.indexOf` of the marker in the same text", cell(ms("indexof-%d" % mib)),
              ratio(ms("cond-%d" % mib), ms("indexof-%d" % mib)))
        t.add("Condition, general pattern, on %d MiB" % mib,
              "`out.stdout matches '(?s)(.*\\s)?Virtualization:\\s+VT-x(\\s.*)?'` (RE2/J, not the idiom)",
              cell(ms("general-%d" % mib)), "`String.indexOf` of the marker in the same text", cell(ms("indexof-%d" % mib)),
              ratio(ms("general-%d" % mib), ms("indexof-%d" % mib)))


def stats(t, java, classpath, sessions):
    """tshoot stats over `sessions` generated sessions (in parts of a tenth) vs a streaming Jackson parse; memory over
    the first part and over the whole folder, each walked as `tshoot stats <folder>` does, in a JVM of its own."""
    part = max(sessions // 10, 1)
    d = os.path.join(BENCH, "stats")
    shutil.rmtree(d, ignore_errors=True)
    log("generating %d sessions (10 parts of %d) ..." % (10 * part, part))
    g = java_harness(None, java, classpath, "gen-stats", d, 10, part, heap="1g")["gen-stats"]
    parts = sorted(os.path.join(d, p) for p in os.listdir(d))
    log("stats over %d files ..." % g["samples"][0])
    r = java_harness(None, java, classpath, "stats", 2, *parts, heap="1g")
    a = [v for k, v in r.items() if k.startswith("stats-")][0]
    b = [v for k, v in r.items() if k.startswith("statsjson-")][0]
    ta = [x / 1e3 for x in a["samples"]]
    tb = [x / 1e3 for x in b["samples"]]
    ev = g["events"]
    t.add("`stats`, %s sessions, %s files, %s events (%.1f GB)" % (format(g["sessions"], ","), format(a["files"], ","),
                                                              format(ev, ","), a["bytes"] / 1e9),
          "Stats.over (every chain walked); %s/event" % fmt_time(med(ta) / ev), cell(ta),
          "streaming Jackson JSON parse of the same files (all tokens); %s/event" % fmt_time(med(tb) / ev), cell(tb),
          ratio(ta, tb))
    mem = {}
    for name, folder in (("tenth", parts[0]), ("all", d)):
        m = java_harness(None, java, classpath, "stats-mem", folder, heap="256m")
        mem[name] = list(m.values())[0]
    lo, hi = mem["tenth"], mem["all"]
    t.add("`stats` memory, -Xmx256m",
          "%s sessions: live heap after GC %.1f MiB, peak RSS %.0f MiB" % (format(hi["sessions"], ","), hi["samples"][0],
                                                                       hi["peakRssMiB"]),
          "%.1f MiB / %.0f MiB" % (hi["samples"][0], hi["peakRssMiB"]),
          "%s sessions: live heap after GC, peak RSS" % format(lo["sessions"], ","),
          "%.1f MiB / %.0f MiB" % (lo["samples"][0], lo["peakRssMiB"]),
          "%.2f× heap, %.2f× RSS" % (hi["samples"][0] / lo["samples"][0], hi["peakRssMiB"] / lo["peakRssMiB"]))
    shutil.rmtree(d, ignore_errors=True)


def machine(java):
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode().strip()
        except OSError:
            return "?"
    mem = sh("free -g | awk '/Mem:/ {print $2}'")
    jv = sh("%s -version 2>&1 | head -n 2 | tail -n 1" % java)
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    return "nproc %s, %s GiB RAM, %s, kernel %s, %s; python %s; load average %s" % (
        sh("nproc"), mem, cpu or platform.processor(), platform.release(), jv, platform.python_version(),
        sh("cut -d ' ' -f 1-3 /proc/loadavg"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", default="java")
    ap.add_argument("--classpath", required=True)
    ap.add_argument("groups", nargs="*")
    a = ap.parse_args()
    groups = a.groups or GROUPS
    for g in groups:
        if g not in GROUPS:
            raise SystemExit("bench: unknown group %r; groups: %s" % (g, " ".join(GROUPS)))
    os.makedirs(BENCH, exist_ok=True)
    warmup = int(os.environ.get("BENCH_WARMUP", "2"))
    runs = int(os.environ.get("BENCH_RUNS", "11"))
    events = int(os.environ.get("BENCH_REPLAY_EVENTS", "1000000"))
    t = Table()
    started = time.time()
    load_before = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
    s = None
    if "startup" in groups or "probe" in groups:
        s = startup(t, a.java, a.classpath, warmup, runs)
    if "lint" in groups:
        lint(t, a.java, a.classpath)
    if "append" in groups:
        append(t, a.java, a.classpath)
    if "replay" in groups:
        replay(t, a.java, a.classpath, events)
    if "probe" in groups:
        probe(t, a.java, a.classpath, s["probe-cold"], s["tshoot"])
    if "regex" in groups:
        regex(t, a.java, a.classpath)
    if "stats" in groups:
        stats(t, a.java, a.classpath, int(os.environ.get("BENCH_STATS_SESSIONS", "100000")))
    print()
    print("tshoot benchmarks, %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)))
    print("Machine: " + machine(a.java) + " (at the end; at the start: %s)" % " ".join(load_before))
    print("Process rows: %d warm-up + %d counted runs each, interleaved; in-process rows: see docs/performance.md."
          % (warmup, runs))
    print()
    t.print(sys.stdout)
    print()
    print("(%.0f s in all)" % (time.time() - started))


if __name__ == "__main__":
    main()
