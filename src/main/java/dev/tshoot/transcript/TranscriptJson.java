package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.wire.WireCodec;

/**
 * The JSON side of transcripts: the lenient mapper exports and tests share, event and header
 * encoding in the current format (the records of {@link dev.tshoot.transcript.wire}, mapped by
 * {@link WireMapping}; {@link TranscriptV1} holds version 1), and the hash chain. Each line is a JSON
 * object ending in {@code "prev":"<hash of the previous line>","hash":"<hash of this line>"}, where
 * a line's hash is the SHA-256 of its own text with the {@code ,"hash":"…"} member removed.
 */
public final class TranscriptJson {

    /** Lines carry command outputs of up to 16 MiB per stream: allow long strings (Jackson's default is 20 M chars). */
    public static final ObjectMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxStringLength(200_000_000).build())
                    .build())
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build();

    private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}\\z"); // \z, not $: $ would also match before a trailing line terminator (CR, NEL, U+2028)

    private TranscriptJson() {}

    /** The event as a line of the current format (version 2), without its hash chain members. */
    public static ObjectNode encode(SessionEvent e) {
        return WireCodec.encode(WireMapping.toWire(e));
    }

    /** The header as line 0 of the current format (version 2), without its hash chain members. */
    public static ObjectNode encode(TranscriptHeader h) {
        return WireCodec.encode(WireMapping.toWire(h));
    }

    /** Reads a version-2 event line; a line that is not one is refused with the reason. */
    public static SessionEvent decode(JsonNode n) throws JsonProcessingException {
        return WireMapping.toEngine(WireCodec.decode(n, 0));
    }

    /** Reads a version-2 header line; a line that is not one is refused with the reason. */
    public static TranscriptHeader decodeHeader(JsonNode n) throws JsonProcessingException {
        return WireMapping.toEngine(WireCodec.decodeHeader(n));
    }

    /** Appends {@code prev} and the line's own hash; returns the finished line (no newline) and its hash. */
    public static Sealed seal(ObjectNode o, String prev) {
        o.put("prev", prev);
        String body;
        try {
            body = MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event could not be encoded", ex);
        }
        String hash = sha256(body);
        String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}";
        return new Sealed(line, hash);
    }

    public record Sealed(String line, String hash) {}

    /**
     * Checks a line's own hash. Returns the hash when the line is intact, or null when the hash
     * member is missing or does not match the text.
     */
    public static String checkSeal(String line) {
        Matcher m = HASH_SUFFIX.matcher(line);
        if (!m.find()) {
            return null;
        }
        String body = line.substring(0, m.start()) + "}";
        String claimed = m.group(1);
        return claimed.equals(sha256(body)) ? claimed : null;
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
