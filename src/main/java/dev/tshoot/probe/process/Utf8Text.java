package dev.tshoot.probe.process;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of captured output: malformed sequences become U+FFFD and are reported,
 * and a character cut in half by the output cap is trimmed instead of being reported as malformed.
 */
final class Utf8Text {

    /** Decoded text and whether the decoded bytes were well-formed UTF-8. */
    record Decoded(String text, boolean valid) { }

    private Utf8Text() { }

    /**
     * Decodes {@code bytes[0, len)}.
     *
     * <p>When {@code truncated}, the cap may have split a multi-byte character. {@code lookahead}
     * holds the bytes that followed the cap in the stream ({@code lookaheadLen} of them), so
     * the decision is exact: the partial character is dropped only if, completed by the bytes that
     * really followed, it is a well-formed character. Otherwise the bytes are left in place and
     * decoded (as U+FFFD, marking the text invalid), which is what they are.
     */
    static Decoded decode(byte[] bytes, int len, byte[] lookahead, int lookaheadLen, boolean truncated) {
        return decodeStrict(bytes, textEnd(bytes, len, lookahead, lookaheadLen, truncated));
    }

    /** Where the decoded text ends: {@code len}, or the start of a character the cap split. */
    static int textEnd(byte[] bytes, int len, byte[] lookahead, int lookaheadLen, boolean truncated) {
        if (truncated) {
            int cut = splitCharacterStart(bytes, len, lookahead, lookaheadLen);
            if (cut >= 0) {
                return cut;
            }
        }
        return len;
    }

    /** Index where a well-formed character straddling {@code len} starts, or -1 if there is none. */
    static int splitCharacterStart(byte[] bytes, int len, byte[] lookahead, int lookaheadLen) {
        for (int i = len - 1; i >= 0 && i >= len - 3; i--) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead byte
            }
            int need = sequenceLength(b);
            int have = len - i;
            if (need == 0 || have >= need) {
                return -1; // ASCII, an invalid lead byte, or a complete sequence: nothing was split
            }
            int missing = need - have;
            if (lookaheadLen < missing) {
                return -1; // the stream ended inside the character: genuinely malformed
            }
            byte[] candidate = new byte[need];
            System.arraycopy(bytes, i, candidate, 0, have);
            System.arraycopy(lookahead, 0, candidate, have, missing);
            return decodeStrict(candidate, need).valid() ? i : -1;
        }
        return -1;
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** Decodes {@code bytes[0, len)}, replacing each malformed sequence with U+FFFD. */
    static Decoded decodeStrict(byte[] bytes, int len) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, len);
        // Every input byte yields at most one char (4-byte sequences: 2 chars), and each malformed
        // sequence (at least one byte) one U+FFFD, so len chars always suffice.
        CharBuffer out = CharBuffer.allocate(len);
        boolean valid = true;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                valid = false;
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                throw new IllegalStateException("unexpected decoder result " + result); // overflow cannot happen
            }
        }
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), valid);
    }
}
