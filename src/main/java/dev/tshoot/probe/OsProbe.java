package dev.tshoot.probe;

import java.util.List;

/** Operating system: family, distribution, version, build, uptime, elevation. */
public final class OsProbe extends BuiltinProbe {

    public static final String NAME = "os";

    /** family is normalized (windows|linux|macos|other); distribution is what the OS calls itself. */
    public static final List<String> FACTS = List.of("family", "distribution", "version", "build", "codeName",
            "bitness", "arch", "uptimeSeconds", "elevated");

    public OsProbe() {
        super(NAME, "OS family, version and build, architecture, uptime, whether running elevated", FACTS);
    }

    @Override
    public ProbeResult run(HostReader host) {
        FactSheet f = new FactSheet();
        f.put("family", host.osFamily().id());
        HardwareSnapshot.OsInfo os = f.attempt(host::os);
        if (os == null) {
            String why = "OS details unavailable" + (f.lastFailure() == null ? "" : ": " + f.lastFailure());
            f.unknownAll(FACTS.subList(1, FACTS.size()), why);
            f.putOrUnknown("arch", host.arch(), why);
            return f.toResult(NAME);
        }
        String why = "not reported by the OS";
        f.putOrUnknown("distribution", os.distribution(), why);
        f.putOrUnknown("version", os.version(), why);
        f.putOrUnknown("build", os.build(), why);
        f.putOrUnknown("codeName", os.codeName(), why);
        f.putOrUnknown("bitness", os.bitness() == null || os.bitness() <= 0 ? null : os.bitness(), why);
        f.putOrUnknown("arch", host.arch(), why);
        f.putOrUnknown("uptimeSeconds", os.uptimeSeconds() == null || os.uptimeSeconds() < 0 ? null : os.uptimeSeconds(), why);
        f.putOrUnknown("elevated", os.elevated(), why);
        return f.toResult(NAME);
    }
}
