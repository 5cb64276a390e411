package dk.borgerflow.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of hostile HTTP requests against a JSON write endpoint: random JSON structures,
 * mutations of a valid body (fields removed, wrong types, huge strings, malformed CPR numbers,
 * unknown enum values, extreme dates and numbers), broken JSON bytes, odd content types and random
 * headers including {@code Idempotency-Key}. Everything is derived from the target's valid body, so
 * another endpoint needs no generator of its own.
 */
public final class HostileRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request: body bytes, content type (null: none), extra headers, sent chunked or with a length. */
    public record HostileRequest(String kind, byte[] body, String contentType, Map<String, String> headers,
            boolean chunked) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + " [" + contentType + ", " + headers + (chunked ? ", chunked" : "") + "] "
                    + (text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text);
        }
    }

    private HostileRequests() {
    }

    public static Arbitrary<HostileRequest> against(String validBody) {
        JsonNode valid = parse(validBody);
        List<String> paths = fieldPaths(valid, "");
        Arbitrary<Body> bodies = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, mutatedFields(valid, paths)),
                net.jqwik.api.Tuple.of(2, randomJson().map(n -> new Body("random JSON", bytes(n)))),
                net.jqwik.api.Tuple.of(2, brokenBytes(validBody)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new Body("valid body", validBody.getBytes(StandardCharsets.UTF_8))))
        );
        return Combinators.combine(bodies, contentTypes(), headers(), Arbitraries.of(false, false, false, true))
                .as((b, type, headers, chunked) -> new HostileRequest(b.kind(), b.bytes(), type, headers, chunked));
    }

    record Body(String kind, byte[] bytes) {
    }

    // ---- mutations of the valid body ----

    private static Arbitrary<Body> mutatedFields(JsonNode valid, List<String> paths) {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(paths), hostileValue())
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4).map(mutations -> {
            JsonNode copy = valid.deepCopy();
            StringBuilder kind = new StringBuilder("mutated");
            for (Mutation m : mutations) {
                apply(copy, m);
                kind.append(' ').append(m.path()).append('=').append(m.value() == null ? "<removed>"
                        : abbreviate(m.value().toString()));
            }
            return new Body(kind.toString(), bytes(copy));
        });
    }

    record Mutation(String path, JsonNode value) {
    }

    /** A replacement value; {@code null} removes the field. */
    private static Arbitrary<JsonNode> hostileValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just((JsonNode) null)),
                net.jqwik.api.Tuple.of(3, randomJson()),
                net.jqwik.api.Tuple.of(2, hugeStrings().map(NODES::textNode)),
                net.jqwik.api.Tuple.of(2, badCprs().map(NODES::textNode)),
                net.jqwik.api.Tuple.of(2, unknownEnumsAndSlugs().map(NODES::textNode)),
                net.jqwik.api.Tuple.of(2, extremeDates().map(NODES::textNode)),
                net.jqwik.api.Tuple.of(2, extremeNumbers()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((JsonNode) NODES.nullNode(), NODES.textNode(""),
                        NODES.textNode("   "), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode())));
    }

    private static Arbitrary<String> hugeStrings() {
        return Combinators.combine(Arbitraries.of("x", "ø", "Æ€", "\u0000", "<script>", "'; drop table inquiry;--",
                        "${jndi:ldap://x}", "%s%n", "\\", "\""),
                Arbitraries.of(201, 2_001, 4_097, 20_000, 70_000)).as((s, n) -> s.repeat(Math.max(1, n / s.length())));
    }

    private static Arbitrary<String> badCprs() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "12345", "0101801234567", "010180-12345", "320180-1234", "311380-1234", "290223-1234",
                        "000000-0000", "abcdef-ghij", "010180 1234", "010180–1234", "０１０１８０-１２３４", "-010180-1234",
                        "999999-9999", "010180-123\u0000", "1e10"),
                Arbitraries.strings().withChars("0123456789-+ ").ofMinLength(0).ofMaxLength(14));
    }

    private static Arbitrary<String> unknownEnumsAndSlugs() {
        return Arbitraries.oneOf(
                Arbitraries.of("PIGEON", "phone", "Phone", "PHONE ", " PHONE", "", "null", "ATLANTIS", "slagelse ",
                        "SLAGELSE", "../../etc/passwd", "roskilde", "spanga-tensta", "housing-benefit\n", "DESK",
                        "CONTACT_CENTER", "0", "-1", "🙂"),
                Arbitraries.strings().alpha().numeric().withChars("-_ .").ofMaxLength(70));
    }

    private static Arbitrary<String> extremeDates() {
        return Arbitraries.oneOf(
                Arbitraries.of("yesterday", "2026-02-30T10:00:00Z", "2026-11-20", "2026-11-20T25:00:00Z", "0000-01-01T00:00:00Z",
                        "0001-01-01T00:00:00Z", "1900-01-01T00:00:00+01:00", "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "2026-11-20T09:15:00+25:00",
                        "2026-11-20T09:15:00.123456789123Z", "1970-01-01T00:00:00Z"),
                Arbitraries.integers().between(1, 9999).map(y -> "%04d-06-15T10:00:00Z".formatted(y)));
    }

    private static Arbitrary<JsonNode> extremeNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of((JsonNode) NODES.numberNode(-1), NODES.numberNode(131), NODES.numberNode(Integer.MAX_VALUE),
                        NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(1.5e308), NODES.numberNode(-0.0),
                        NODES.numberNode(new java.math.BigInteger("9".repeat(400))),
                        NODES.numberNode(new java.math.BigDecimal("1e-400"))),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)));
    }

    private static void apply(JsonNode root, Mutation m) {
        String[] parts = m.path().split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                return; // an earlier mutation replaced the parent
            }
            parent = next;
        }
        if (parent instanceof ObjectNode object) {
            String field = parts[parts.length - 1];
            if (m.value() == null) {
                object.remove(field);
            } else {
                object.set(field, m.value());
            }
        }
    }

    private static List<String> fieldPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            String path = prefix + field.getKey();
            paths.add(path);
            if (field.getValue().isObject()) {
                paths.addAll(fieldPaths(field.getValue(), path + "."));
            }
        }
        paths.add(prefix + "unexpectedField");
        return paths;
    }

    // ---- random JSON and broken bytes ----

    /** Random JSON of any shape, up to three levels deep. */
    public static Arbitrary<JsonNode> randomJson() {
        return Arbitraries.recursive(HostileRequests::scalars, HostileRequests::nested, 0, 3);
    }

    private static Arbitrary<JsonNode> nested(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return (JsonNode) array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(12), inner)
                .as(Map::entry).list().ofMaxSize(4).map(entries -> {
                    ObjectNode object = NODES.objectNode();
                    entries.forEach(e -> object.set(e.getKey(), e.getValue()));
                    return (JsonNode) object;
                });
        return Arbitraries.oneOf(arrays, objects);
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of((JsonNode) NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    private static Arbitrary<Body> brokenBytes(String validBody) {
        byte[] valid = validBody.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, valid.length - 1)
                        .map(n -> new Body("truncated at " + n, java.util.Arrays.copyOf(valid, n))),
                Combinators.combine(Arbitraries.integers().between(0, valid.length - 1), Arbitraries.bytes())
                        .as((at, b) -> {
                            byte[] copy = valid.clone();
                            copy[at] = b;
                            return new Body("byte " + at + " replaced by " + b, copy);
                        }),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new Body("random bytes", b)),
                Arbitraries.of(
                        new Body("empty", new byte[0]),
                        new Body("invalid UTF-8", new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                        new Body("deeply nested", ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8)),
                        new Body("number with 10000 digits", ("{\"municipality\":" + "9".repeat(10_000) + "}")
                                .getBytes(StandardCharsets.UTF_8)),
                        new Body("two documents", (validBody + validBody).getBytes(StandardCharsets.UTF_8)),
                        new Body("duplicate keys", validBody.replaceFirst("\\{", "{\"municipality\":\"roskilde\",")
                                .getBytes(StandardCharsets.UTF_8)),
                        new Body("UTF-16", validBody.getBytes(StandardCharsets.UTF_16)),
                        new Body("BOM", ("\uFEFF" + validBody).getBytes(StandardCharsets.UTF_8))));
    }

    // ---- headers ----

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("application/json; charset=ISO-8859-1", "text/plain",
                        "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/problem+json", "application/json; charset=nonsense", "*/*", "garbage")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> idempotencyKeys = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(0).ofMaxLength(300),
                Arbitraries.of("", " ", "fuzz-key-1", "fuzz-key-2", "x".repeat(201), "x".repeat(4_000)));
        Arbitrary<Map.Entry<String, String>> header = Arbitraries.oneOf(
                idempotencyKeys.map(k -> Map.entry("Idempotency-Key", k)),
                Arbitraries.of("application/json", "*/*", "application/problem+json", "application/*")
                        .map(a -> Map.entry("Accept", a)),
                Arbitraries.of("1.2.3.4", "unknown, <script>", "::1").map(v -> Map.entry("X-Forwarded-For", v)),
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100))
                        .as((k, v) -> Map.entry("X-Fuzz-" + k, v)));
        return header.list().ofMaxSize(3).map(entries -> {
            Map<String, String> headers = new LinkedHashMap<>();
            entries.forEach(e -> headers.put(e.getKey(), e.getValue()));
            return headers;
        });
    }

    // ---- helpers ----

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("the valid body is not JSON", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
    }
}
