package dev.tshoot.transcript;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A line's own hash, checked on its raw bytes: the line must end in {@code ,"hash":"<64 hex>"}}
 * and the SHA-256 of the bytes before that member, followed by {@code }}, must be the hash it
 * names; the same rule as {@link TranscriptJson#checkSeal(String)}, without decoding the line to
 * text and encoding it again. It also tells whether the bytes are well-formed UTF-8: a line
 * tshoot wrote always is. One instance per pass (it holds a digest).
 */
final class LineSeal {

    /** {@code ,"hash":"} + 64 hex digits + {@code "}}. */
    static final int SUFFIX = 9 + 64 + 2;

    private static final byte[] HASH_MEMBER = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha;
    private final byte[] hex = new byte[64];

    LineSeal() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the line ends with the hash member (64 lower-case hex digits) and a closing brace. */
    static boolean hasSuffix(LineSource.Line line) {
        int n = line.length();
        if (n < SUFFIX) {
            return false;
        }
        byte[] b = line.bytes();
        int s = line.end() - SUFFIX;
        for (int i = 0; i < HASH_MEMBER.length; i++) {
            if (b[s + i] != HASH_MEMBER[i]) {
                return false;
            }
        }
        for (int i = s + HASH_MEMBER.length, e = line.end() - 2; i < e; i++) {
            byte c = b[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return b[line.end() - 2] == '"' && b[line.end() - 1] == '}';
    }

    /** The hash the line names (call only when {@link #hasSuffix}). */
    static String claimed(LineSource.Line line) {
        return new String(line.bytes(), line.end() - 66, 64, StandardCharsets.ISO_8859_1);
    }

    /** Whether the SHA-256 of the line without its hash member (plus the closing brace) is the hash it names. */
    boolean matches(LineSource.Line line) {
        byte[] b = line.bytes();
        int bodyEnd = line.end() - SUFFIX;
        sha.update(b, line.offset(), bodyEnd - line.offset());
        sha.update((byte) '}');
        byte[] d = sha.digest();
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = HEX[(d[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[d[i] & 0xf];
        }
        int at = line.end() - 66;
        for (int i = 0; i < 64; i++) {
            if (b[at + i] != hex[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bytes are well-formed UTF-8 as Java's decoder takes it: no stray continuation
     * byte, no overlong form, no surrogate, nothing above U+10FFFF, no sequence cut short.
     */
    static boolean utf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            // ASCII runs, 8 bytes at a time
            while (i + 8 <= to && (longAt(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= to) {
                break;
            }
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                if (c == 0xe0) {
                    min2 = 0xa0; // overlong
                } else if (c == 0xed) {
                    max2 = 0x9f; // surrogates
                }
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                if (c == 0xf0) {
                    min2 = 0x90; // overlong
                } else if (c == 0xf4) {
                    max2 = 0x8f; // above U+10FFFF
                }
            } else {
                return false;
            }
            if (i + need >= to) {
                return false; // cut short
            }
            int c2 = b[i + 1] & 0xff;
            if (c2 < min2 || c2 > max2) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int ck = b[i + k] & 0xff;
                if (ck < 0x80 || ck > 0xbf) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    /** Whether every byte is below 0x80. */
    static boolean ascii(byte[] b, int from, int to) {
        long acc = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            acc |= longAt(b, i);
        }
        for (; i < to; i++) {
            acc |= b[i];
        }
        return (acc & 0x8080808080808080L) == 0;
    }

    private static long longAt(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
