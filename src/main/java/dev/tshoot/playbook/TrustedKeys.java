package dev.tshoot.playbook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.text.SafeText;

/**
 * The playbook signing keys the user trusts, from the user's own {@code trusted-keys} file (never from
 * a playbook or a signature file). One key a line, {@code #} starts a comment line:
 * <pre>
 * # name            type    public key (base64 of X.509, or of the 32 raw bytes)
 * Acme Support      ed25519 MCowBQYDK2VwAyEA…
 * </pre>
 * The name may hold spaces: the line is read from the right.
 */
public record TrustedKeys(List<Key> keys) {

    /** No key is trusted: every signature is reported as not trusted. */
    public static final TrustedKeys NONE = new TrustedKeys(List.of());

    /** One trusted key: its name (what tshoot calls the signer), id, key, and where it is listed. */
    public record Key(String name, String keyId, PublicKey key, String origin) {}

    public TrustedKeys {
        keys = List.copyOf(keys);
    }

    /** The key with this id, or null. */
    public Key find(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElse(null);
    }

    /** The trusted-keys line for a key: {@code <name> ed25519 <base64 X.509>}. */
    public static String line(String name, PublicKey key) {
        return name + " ed25519 " + Ed25519Keys.encode(key);
    }

    /** The keys of a trusted-keys file named {@code source}; every problem goes to {@code problems}. */
    public static TrustedKeys parse(String source, byte[] bytes, List<Finding> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(error(source, 0, 0, "encoding", "the file is not UTF-8 text", "save it as UTF-8"));
            return NONE;
        }
        List<Key> out = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int n = i + 1;
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            for (int c = 0; c < l.length(); c++) {
                if (l.charAt(c) != '\t' && SafeText.unsafe(l.charAt(c))) {
                    problems.add(error(source, n, c + 1, "bad-name", "the line holds a control or format character",
                            "write the name in plain printable characters"));
                    break;
                }
            }
            String[] w = l.strip().split("[ \t]+");
            if (w.length < 3) {
                problems.add(error(source, n, col(l, w[0]), "wrong-shape", "a line is '<name> ed25519 <public key>'",
                        "copy the line 'playbook keygen' printed, or ask the signer for it"));
                continue;
            }
            String type = w[w.length - 2];
            String b64 = w[w.length - 1];
            int typeCol = l.lastIndexOf(type, l.lastIndexOf(b64) - 1) + 1;
            if (!type.equals("ed25519")) {
                problems.add(error(source, n, typeCol, "unknown-type", "'" + SafeText.shorten(type, 20)
                        + "' is not a key type tshoot knows", "only ed25519 keys sign playbooks"));
                continue;
            }
            StringBuilder why = new StringBuilder();
            PublicKey key = Ed25519Keys.decodePublic(b64, why);
            if (key == null) {
                problems.add(error(source, n, l.lastIndexOf(b64) + 1, "bad-key", why.toString(),
                        "paste the whole key exactly as the signer gave it"));
                continue;
            }
            String name = String.join(" ", List.of(w).subList(0, w.length - 2));
            if (name.length() > 100) {
                problems.add(error(source, n, col(l, w[0]), "bad-name", "the name is longer than 100 characters",
                        "use a shorter name"));
                continue;
            }
            String id = Ed25519Keys.keyId(key);
            Key already = out.stream().filter(k -> k.keyId().equals(id)).findFirst().orElse(null);
            if (already != null && !already.name().equals(name)) {
                problems.add(error(source, n, l.lastIndexOf(b64) + 1, "duplicate-key", "key " + id
                        + " is already listed on line " + lineOf.get(id) + " under another name",
                        "keep one line per key"));
                continue;
            }
            if (already == null) {
                out.add(new Key(name, id, key, source + ":" + n));
                lineOf.put(id, n);
            }
        }
        return new TrustedKeys(out);
    }

    private static int col(String line, String word) {
        return line.indexOf(word) + 1;
    }

    private static Finding error(String file, int line, int col, String rule, String message, String hint) {
        return new Finding(Finding.Severity.ERROR, rule, file, line, col, "", message, hint);
    }
}
