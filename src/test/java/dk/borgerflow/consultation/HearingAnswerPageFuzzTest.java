package dk.borgerflow.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.testsupport.RawHttp;
import dk.borgerflow.testsupport.RawHttp.Request;
import dk.borgerflow.testsupport.RawHttp.Response;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * Property-based fuzzing (jqwik) of the public answer page {@code /hearing/answer/{token}} over
 * real HTTP (raw sockets): 1,000 hostile submissions — random and mutated answer texts and sender
 * names (control characters, NUL, noncharacters, RTL, combining marks, emoji, markup, 20,000+
 * characters, very long words), file parts with odd names, content types and sizes (up to just over
 * 10 MB), missing, extra and duplicate fields, odd encodings (wrong boundaries, truncated bodies,
 * invalid percent escapes and UTF-8, text/plain, JSON), chunked bodies, other methods, and fresh,
 * used, wrong or malformed tokens. For each: never a 5xx, always an HTML page; a wrong token is a
 * 404 and a used one a 410, storing nothing; a refused submission changes no row; an accepted one
 * stores exactly that answer for exactly that consultee. Afterwards every consultation's høringsnotat
 * renders as well-formed XHTML and as a PDF that PDFBox parses and that shows every accepted answer
 * within the page. Clients come from changing loopback addresses, so the rate limit is not hit. Runs
 * on jqwik's engine with the shared Spring context of {@link BorgerflowTest}.
 */
@BorgerflowTest
class HearingAnswerPageFuzzTest {

    static final String BOUNDARY = "----fuzz7MA4YWxkTrZu0gW";
    static final int CONSULTEES_PER_CONSULTATION = 40;

    static RawHttp raw;
    static JdbcTemplate jdbc;
    static ConsultationService consultations;
    static RuntimeService runtime;
    static final Deque<Link> fresh = new ArrayDeque<>();
    static final List<Link> used = new ArrayList<>();
    static final Set<String> consultationIds = new LinkedHashSet<>();
    /** consultation id → the markers of its accepted answers. */
    static final Map<String, List<String>> acceptedMarkers = new LinkedHashMap<>();
    static final Map<String, String> submissionOf = new LinkedHashMap<>();
    static final AtomicInteger tries = new AtomicInteger();
    /** A failed try: the notat check afterwards would only hide its message. */
    static volatile boolean failed;

    record Link(String consultationId, String consulteeId, String token) {
    }

    @BeforeContainer
    static void theSharedApplication() {
        ApplicationContext context = new TestContextManager(HearingAnswerPageFuzzTest.class).getTestContext()
                .getApplicationContext();
        int port = Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
        raw = new RawHttp("127.0.0.1", port);
        jdbc = context.getBean(JdbcTemplate.class);
        consultations = context.getBean(ConsultationService.class);
        runtime = context.getBean(RuntimeService.class);
    }

    /** The fuzzed consultations keep reminder timers in the shared engine that other tests fire. */
    @AfterContainer
    static void endTheFuzzedConsultations() {
        ConsultationFixtures.cancelRunningConsultations(runtime);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void hostileSubmissionsNeverCauseA5xxAndRefusedOnesStoreNothing(@ForAll("submissions") Submission submission)
            throws Exception {
        try {
            submit(submission);
        } catch (Exception | AssertionError e) {
            failed = true;
            throw e;
        }
    }

    private static void submit(Submission submission) throws Exception {
        int n = tries.incrementAndGet();
        Link link = switch (submission.token()) {
            case FRESH -> freshLink();
            case USED -> used.isEmpty() ? freshLink() : used.get(n % used.size());
            default -> null;
        };
        String token = link != null ? link.token()
                : submission.token() == TokenKind.WRONG ? AnswerTokens.newToken() : submission.malformedToken();
        boolean usable = link != null && !used.contains(link);
        Map<String, Long> before = stored();

        Request request = submission.request("/hearing/answer/" + token);
        // a new client address every 25 requests: far below the rate limit of 60 a minute
        String client = "127.0." + (100 + n / 25 / 250) + "." + (1 + (n / 25) % 250);
        Response response = raw.send(request, client, Duration.ofSeconds(60));
        Map<String, Long> after = stored();
        String what = submission + "\n token " + submission.token() + (usable ? " (usable)" : "") + "\n -> " + response;

        assertThat(response.status()).as("no 5xx: " + what).isLessThan(500);
        assertThat(response.status()).as("not rate limited: " + what).isNotEqualTo(429);
        if (submission.token() == TokenKind.WRONG) {
            assertThat(response.status()).as("wrong token: " + what).isEqualTo(404);
        } else if (submission.token() == TokenKind.MALFORMED) {
            // the firewall refuses some paths itself (400) before the page sees them
            assertThat(response.status()).as("malformed token: " + what).isIn(400, 404);
        } else if (!usable) {
            assertThat(response.status()).as("used token: " + what).isEqualTo(410);
        }
        if (response.status() != 400 || submission.token() != TokenKind.MALFORMED) {
            assertThat(response.header("Content-Type")).as("an HTML page: " + what).startsWith("text/html");
            assertThat(response.text()).as("no internals: " + what).doesNotContain("Exception").doesNotContain("\tat ");
        }

        boolean accepted = response.status() == 200 && "POST".equals(submission.method());
        if (accepted) {
            assertThat(usable).as("only a usable link takes an answer: " + what).isTrue();
            assertThat(after.get("answers")).as("one answer more: " + what).isEqualTo(before.get("answers") + 1);
            assertThat(after.get("attachments")).as("at most one attachment more: " + what)
                    .isBetween(before.get("attachments"), before.get("attachments") + 1);
            Map<String, Object> row = jdbc.queryForMap(
                    "select status, answer_text from consultation_consultee where id = ?", link.consulteeId());
            assertThat(row.get("status")).as(what).isEqualTo("ANSWERED");
            if (submission.exactText() != null) {
                assertThat(row.get("answer_text")).as("the answer as sent: " + what).isEqualTo(submission.exactText().strip());
            }
            used.add(link);
            fresh.remove(link);
            if (submission.marker() != null) {
                acceptedMarkers.computeIfAbsent(link.consultationId(), k -> new ArrayList<>()).add(submission.marker());
                submissionOf.put(submission.marker(), what);
            }
        } else {
            assertThat(after).as("nothing stored: " + what).isEqualTo(before);
            if (usable) {
                assertThat(jdbc.queryForObject("select status from consultation_consultee where id = ?", String.class,
                        link.consulteeId())).as("the link stays usable: " + what).isEqualTo("AWAITING");
            }
        }
        Statistics.label("token").collect(submission.token());
        Statistics.label("status").collect(response.status());
    }

    /** Every fuzzed consultation's høringsnotat renders (HTML and PDF) and shows the accepted answers. */
    @AfterProperty
    void everyNotatRendersWithTheAcceptedAnswers() throws Exception {
        if (failed) {
            return;
        }
        if (tries.get() >= 1000) {
            assertThat(acceptedMarkers.values().stream().mapToInt(List::size).sum()).as("accepted answers").isGreaterThan(50);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString("secretariat-slagelse:demo".getBytes(StandardCharsets.UTF_8));
        for (String id : consultationIds) {
            List<String> markers = acceptedMarkers.getOrDefault(id, List.of());
            Response html = raw.send(Request.get("/api/consultations/" + id + "/notat").withHeader("Authorization", auth),
                    "127.0.0.1", Duration.ofSeconds(60));
            assertThat(html.status()).as("notat of " + id).isEqualTo(200);
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(html.text())));
            for (String marker : markers) {
                assertThat(html.text()).as(() -> "notat of " + id + " shows the answer of " + submissionOf.get(marker) + "; stored: " + jdbc.queryForList(
                        "select consultation_id, status, answer_text from consultation_consultee where answer_text like ?",
                        "%" + marker + "%")).contains(marker);
            }

            Response pdf = raw.send(Request.get("/api/consultations/" + id + "/notat.pdf").withHeader("Authorization", auth),
                    "127.0.0.1", Duration.ofSeconds(120));
            assertThat(pdf.status()).as("notat.pdf of " + id).isEqualTo(200);
            var text = AnswerPageHostileClientTest.PdfText.of(pdf.body());
            String letters = text.text().replaceAll("\\s", "");
            for (String marker : markers) {
                assertThat(letters).as("PDF of " + id).contains(marker);
            }
            assertThat(text.rightmostLetter()).as("PDF of " + id + " within the page").isLessThanOrEqualTo(text.pageWidth());
        }
    }

    private static Link freshLink() {
        if (fresh.isEmpty()) {
            List<ConsultationRequest.Consultee> parties = new ArrayList<>();
            for (int i = 0; i < CONSULTEES_PER_CONSULTATION; i++) {
                parties.add(ConsultationFixtures.anExternalOrganisation("Organisation " + i, "org" + i + "@example.dk"));
            }
            CurrentUser secretariat = ConsultationFixtures.theSecretariatOfSlagelse();
            ConsultationService.Prepared prepared = consultations.prepare(new ConsultationRequest("slagelse",
                    "Fuzz-høring " + (consultationIds.size() + 1), "Forslag med <b>markup</b> & \"citater\".",
                    ConsultationFixtures.aSvarfristInThreeWeeks(), null, parties), secretariat);
            String id = prepared.consultation().id();
            consultationIds.add(id);
            prepared.tokensByConsulteeId().forEach((consultee, token) -> fresh.add(new Link(id, consultee, token)));
        }
        return fresh.peek();
    }

    static Map<String, Long> stored() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("answers", jdbc.queryForObject(
                "select count(*) from consultation_consultee where answer_text is not null", Long.class));
        counts.put("attachments", jdbc.queryForObject("select count(*) from consultation_attachment", Long.class));
        counts.put("audit entries", jdbc.queryForObject("select count(*) from consultation_audit", Long.class));
        counts.put("ended processes", jdbc.queryForObject(
                "select count(*) from act_hi_procinst where end_time_ is not null", Long.class));
        return counts;
    }

    // ---- the hostile submissions ----

    enum TokenKind { FRESH, USED, WRONG, MALFORMED }

    enum Encoding { MULTIPART, URLENCODED, URLENCODED_LATIN1_DECLARED, BROKEN_PERCENT, INVALID_UTF8, MULTIPART_WRONG_BOUNDARY,
        MULTIPART_TRUNCATED, MULTIPART_MIXED, MULTIPART_NO_BOUNDARY, TEXT_PLAIN, JSON, NONE }

    /** One field of the form; {@code filename} non-null makes it a file part. */
    record Field(String name, String value, String filename, String contentType, byte[] content) {

        static Field text(String name, String value) {
            return new Field(name, value, null, null, null);
        }

        @Override
        public String toString() {
            return filename != null ? name + "=<file '" + abbreviate(filename) + "' " + contentType + " " + content.length + " B>"
                    : name + "=" + abbreviate(value);
        }
    }

    record Submission(String method, TokenKind token, String malformedToken, Encoding encoding, List<Field> fields,
            boolean chunked, String marker) {

        /** The answer the server should store, when the encoding keeps the text as it is and it is sent once. */
        String exactText() {
            if ((encoding != Encoding.MULTIPART && encoding != Encoding.URLENCODED)
                    || fields.stream().anyMatch(f -> f.filename() == null && f.value().contains(BOUNDARY))) {
                return null;
            }
            List<Field> answers = fields.stream().filter(f -> f.name().equals("answer") && f.filename() == null).toList();
            if (answers.size() != 1) {
                return null;
            }
            String text = answers.get(0).value();
            // a lone surrogate has no UTF-8 form: the client sends '?' instead
            return wellFormed(text) ? text : null;
        }

        private static boolean wellFormed(String text) {
            return java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text);
        }

        Request request(String path) {
            byte[] body = switch (encoding) {
                case MULTIPART, MULTIPART_MIXED, MULTIPART_NO_BOUNDARY -> multipart(BOUNDARY);
                case MULTIPART_WRONG_BOUNDARY -> multipart("other-boundary");
                case MULTIPART_TRUNCATED -> {
                    byte[] full = multipart(BOUNDARY);
                    yield java.util.Arrays.copyOf(full, full.length / 2);
                }
                case URLENCODED, TEXT_PLAIN -> urlencoded(StandardCharsets.UTF_8);
                case URLENCODED_LATIN1_DECLARED -> urlencoded(StandardCharsets.ISO_8859_1);
                case BROKEN_PERCENT -> (new String(urlencoded(StandardCharsets.UTF_8), StandardCharsets.US_ASCII)
                        + "&answer=%zz%4&signedBy=%").getBytes(StandardCharsets.US_ASCII);
                case INVALID_UTF8 -> concat("answer=".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF});
                case JSON -> ("{\"answer\":\"" + fields.stream().filter(f -> f.name().equals("answer") && f.filename() == null).map(Field::value)
                        .findFirst().orElse("") .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                case NONE -> new byte[0];
            };
            String type = switch (encoding) {
                case MULTIPART, MULTIPART_WRONG_BOUNDARY, MULTIPART_TRUNCATED -> "multipart/form-data; boundary=" + BOUNDARY;
                case MULTIPART_MIXED -> "multipart/mixed; boundary=" + BOUNDARY;
                case MULTIPART_NO_BOUNDARY -> "multipart/form-data";
                case URLENCODED, BROKEN_PERCENT, INVALID_UTF8 -> "application/x-www-form-urlencoded";
                case URLENCODED_LATIN1_DECLARED -> "application/x-www-form-urlencoded; charset=ISO-8859-1";
                case TEXT_PLAIN -> "text/plain; charset=UTF-8";
                case JSON -> "application/json";
                case NONE -> null;
            };
            if ("GET".equals(method) || "HEAD".equals(method)) {
                body = new byte[0];
            }
            Request request = new Request(method, path, type == null ? Map.of() : Map.of("Content-Type", type), body,
                    null, false);
            return chunked && body.length > 0 ? request.chunkedBody() : request;
        }

        private byte[] multipart(String boundary) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Field f : fields) {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\""
                        + (f.filename() == null ? "" : "; filename=\"" + f.filename() + "\"") + "\r\n"
                        + (f.contentType() == null ? "" : "Content-Type: " + f.contentType() + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(f.filename() == null ? f.value().getBytes(StandardCharsets.UTF_8) : f.content());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        private byte[] urlencoded(java.nio.charset.Charset charset) {
            StringBuilder body = new StringBuilder();
            for (Field f : fields) {
                if (f.filename() == null) {
                    body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(f.name(), charset)).append('=')
                            .append(URLEncoder.encode(f.value(), charset));
                }
            }
            return body.toString().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return method + " " + encoding + (chunked ? " chunked" : "") + " " + fields;
        }
    }

    @Provide
    Arbitrary<Submission> submissions() {
        Arbitrary<String> methods = Arbitraries.frequency(Tuple.of(85, "POST"), Tuple.of(8, "GET"), Tuple.of(2, "HEAD"),
                Tuple.of(3, "PUT"), Tuple.of(2, "DELETE"));
        Arbitrary<TokenKind> tokens = Arbitraries.frequency(Tuple.of(55, TokenKind.FRESH), Tuple.of(15, TokenKind.USED),
                Tuple.of(20, TokenKind.WRONG), Tuple.of(10, TokenKind.MALFORMED));
        Arbitrary<Encoding> encodings = Arbitraries.frequency(Tuple.of(45, Encoding.MULTIPART),
                Tuple.of(25, Encoding.URLENCODED), Tuple.of(3, Encoding.URLENCODED_LATIN1_DECLARED),
                Tuple.of(3, Encoding.BROKEN_PERCENT), Tuple.of(3, Encoding.INVALID_UTF8),
                Tuple.of(3, Encoding.MULTIPART_WRONG_BOUNDARY), Tuple.of(3, Encoding.MULTIPART_TRUNCATED),
                Tuple.of(3, Encoding.MULTIPART_MIXED), Tuple.of(3, Encoding.MULTIPART_NO_BOUNDARY),
                Tuple.of(3, Encoding.TEXT_PLAIN), Tuple.of(3, Encoding.JSON), Tuple.of(3, Encoding.NONE));
        Arbitrary<Boolean> chunked = Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
        Arbitrary<Integer> markers = Arbitraries.integers().between(0, 9_999_999);
        return Combinators.combine(methods, tokens, malformedTokens(), encodings, forms(), chunked, markers)
                .as((method, token, malformed, encoding, form, isChunked, marker) -> {
                    String m = "SVAR" + String.format("%07d", marker);
                    List<Field> fields = form.stream().map(f -> f.filename() == null && f.name().equals("answer")
                            && f.value().contains("@MARKER@") ? Field.text("answer", f.value().replace("@MARKER@", m)) : f)
                            .toList();
                    // a text holding the boundary makes other parts of the body than the client meant (its own doing)
                    boolean injected = fields.stream().anyMatch(f -> f.filename() == null && f.value().contains(BOUNDARY));
                    // these bodies do not carry the fields (one of invalid UTF-8 is accepted as U+FFFD text)
                    boolean carried = !Set.of(Encoding.INVALID_UTF8, Encoding.NONE, Encoding.JSON, Encoding.TEXT_PLAIN,
                            Encoding.MULTIPART_WRONG_BOUNDARY).contains(encoding);
                    boolean marked = carried && !injected && fields.stream().anyMatch(f -> f.filename() == null && f.value().contains(m));
                    return new Submission(method, token, malformed, encoding, fields, isChunked, marked ? m : null);
                });
    }

    private static Arbitrary<String> malformedTokens() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "abc", "x".repeat(42), "x".repeat(44), "x".repeat(5_000), "..", "%2e%2e", "a%2Fb",
                        "%00", "%F0%9F%99%82", "token;jsessionid=1", "A".repeat(42) + "%3D", "not-a-token-at-all",
                        "x/y", "%C3%A6%C3%B8%C3%A5" + "x".repeat(37)),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~")
                        .ofMinLength(0).ofMaxLength(80));
    }

    /** The form's fields: answer (maybe missing or twice), sender, files, extra fields, in random order. */
    private static Arbitrary<List<Field>> forms() {
        Arbitrary<List<Field>> answers = Arbitraries.frequencyOf(
                Tuple.of(80, answerTexts().map(a -> List.of(Field.text("answer", a)))),
                Tuple.of(8, Arbitraries.just(List.<Field>of())),
                Tuple.of(7, Combinators.combine(answerTexts(), answerTexts())
                        .as((a, b) -> List.of(Field.text("answer", a), Field.text("answer", b)))),
                Tuple.of(5, files("answer").map(List::of)));
        Arbitrary<List<Field>> senders = Arbitraries.frequencyOf(
                Tuple.of(50, Arbitraries.just(List.<Field>of())),
                Tuple.of(45, names().map(n -> List.of(Field.text("signedBy", n)))),
                Tuple.of(5, Combinators.combine(names(), names())
                        .as((a, b) -> List.of(Field.text("signedBy", a), Field.text("signedBy", b)))));
        Arbitrary<List<Field>> attachments = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.just(List.<Field>of())),
                Tuple.of(33, files("file").map(List::of)),
                Tuple.of(4, Combinators.combine(files("file"), files("file")).as(List::of)),
                Tuple.of(3, Arbitraries.just(List.of(Field.text("file", "not a file part")))));
        Arbitrary<List<Field>> extras = Arbitraries.frequencyOf(
                Tuple.of(80, Arbitraries.just(List.<Field>of())),
                Tuple.of(20, Combinators.combine(Arbitraries.of("_csrf", "submit", "answer[]", "Answer", "signedby",
                                "a\"b", "æøå", "x".repeat(300), ""), hostileText())
                        .as((name, value) -> List.of(Field.text(name, value)))));
        return Combinators.combine(answers, senders, attachments, extras, Arbitraries.randoms())
                .as((a, s, f, e, random) -> {
                    List<Field> all = new ArrayList<>();
                    all.addAll(a);
                    all.addAll(s);
                    all.addAll(f);
                    all.addAll(e);
                    java.util.Collections.shuffle(all, random);
                    return List.copyOf(all);
                });
    }

    /** Answer texts: most carry a marker the notat must show once accepted. */
    private static Arbitrary<String> answerTexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.of("Vi støtter forslaget.", "Brugerrådet er imod lukningen af borgerservice i Korsør.",
                        "Linje 1\nLinje 2\r\n\tIndrykket", "<script>alert(1)</script> & \"citat\" 'enkelt'")
                        .map(t -> t + " @MARKER@")),
                Tuple.of(30, Combinators.combine(hostileText(), hostileText()).as((a, b) -> a + " @MARKER@ " + b)),
                Tuple.of(10, Arbitraries.strings().all().ofMinLength(0).ofMaxLength(60).map(s -> s + " @MARKER@ ")),
                Tuple.of(6, Arbitraries.of("", " ", "\n\t ", "\u0000", "\uFFFF", "\u00A0", "\u200B")),
                Tuple.of(3, Arbitraries.of(19_980, 19_990).map(n -> "@MARKER@ " + "lang tekst ".repeat(n / 11))),
                Tuple.of(2, Arbitraries.of(20_001, 25_000, 120_000).map(n -> "x".repeat(n))),
                Tuple.of(4, Arbitraries.of(500, 3_000, 8_000).map(n -> "@MARKER@ " + "Ø".repeat(n))));
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.of("\u0000", "\u0001\u0007\u001B", "\u007F\u0085\u009F", "\uFFFE", "\uFFFF", "\uFDD0",
                        "\uD800", "\uDC00", "\uDBFF\uDFFF", "مرحبا بالعالم", "שלום עולם", "\u202Eesrever\u202C",
                        "e\u0301\u0308\u0323", "Z\u0336\u0335\u0334".repeat(20), "🙂👍🏽👨‍👩‍👧", "Łukasz Ğül Şükrü", "Ærø Å",
                        "]]>", "<!--", "&amp;&#0;&#xFFFF;", "${7*7}", "[[${7*7}]]", "th:text", "%s%n", "\\", "\r\n\r\n",
                        "Content-Disposition: form-data; name=\"answer\"", "--" + BOUNDARY, "\t\t", "\u00A0\u2028\u2029",
                        "A".repeat(3_000)),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(10));
    }

    private static Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("Hanne Holm", "", " ", "x".repeat(180), "x".repeat(181), "x".repeat(5_000), "Ærø Åsa 🙂",
                        "Name\u0000", "Navn\uFFFE", "<b>fed</b>", "\u202Eevil"),
                hostileText());
    }

    private static Arbitrary<Field> files(String name) {
        Arbitrary<String> filenames = Arbitraries.of("bilag.pdf", "", "../../etc/passwd", "C:\\temp\\x.pdf", "a\"b.pdf",
                "høringssvar æøå.pdf", "🙂.pdf", "x".repeat(300) + ".pdf", "con.pdf", "a\tb.pdf", ".pdf", "svar.exe",
                "name with; semicolon=1.pdf");
        Arbitrary<String> contentTypes = Arbitraries.of("application/pdf", "application/pdf", "text/html",
                "application/octet-stream", "image/png", "garbage", "multipart/form-data; boundary=x");
        Arbitrary<byte[]> contents = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(pdf(200))),
                Tuple.of(10, Arbitraries.just(new byte[0])),
                Tuple.of(10, Arbitraries.just("MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1))),
                Tuple.of(10, Arbitraries.just("%PDF".getBytes(StandardCharsets.US_ASCII))),
                Tuple.of(10, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(8, Arbitraries.of(64 * 1024, 1024 * 1024).map(HearingAnswerPageFuzzTest::pdf)),
                Tuple.of(1, Arbitraries.just(10 * 1024 * 1024).map(HearingAnswerPageFuzzTest::pdf)),
                Tuple.of(1, Arbitraries.just(10 * 1024 * 1024 + 1).map(HearingAnswerPageFuzzTest::pdf)));
        return Combinators.combine(filenames, contentTypes, contents)
                .as((filename, type, content) -> new Field(name, null, filename, type, content));
    }

    /** Starts like a PDF (all the page checks), {@code size} bytes. */
    private static byte[] pdf(int size) {
        byte[] head = "%PDF-1.4\n%fuzz\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[Math.max(size, head.length)];
        System.arraycopy(head, 0, content, 0, head.length);
        java.util.Arrays.fill(content, head.length, content.length, (byte) 'x');
        return content;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + ")" : s;
    }
}
