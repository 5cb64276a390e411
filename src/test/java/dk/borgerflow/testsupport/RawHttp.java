package dk.borgerflow.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: any bytes as body, a
 * declared length that the body never reaches, chunked uploads, duplicate fields, and a chosen
 * local address (any 127.x.y.z on Linux), so a test can be a client of its own for per-client
 * limits. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A response: status, headers (names in lower case, last value wins), body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers.getOrDefault("content-type", "") + " "
                    + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
        }
    }

    /** One request to send: what the client claims in its head and what it really sends. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, Long declaredLength,
            boolean chunked) {

        public static Request get(String path) {
            return new Request("GET", path, Map.of(), new byte[0], null, false);
        }

        public static Request post(String path, String contentType, byte[] body) {
            return new Request("POST", path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body,
                    null, false);
        }

        public Request chunkedBody() {
            return new Request(method, path, headers, body, null, true);
        }

        /** Claims a Content-Length of {@code length} but sends only {@link #body()}. */
        public Request declaring(long length) {
            return new Request(method, path, headers, body, length, false);
        }

        public Request withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Request(method, path, copy, body, declaredLength, chunked);
        }
    }

    public Response send(Request request) throws IOException {
        return send(request, "127.0.0.1", Duration.ofSeconds(30));
    }

    /**
     * Sends from {@code localAddress} and waits at most {@code timeout} for the complete response
     * ({@link java.net.SocketTimeoutException} otherwise, e.g. when the server waits for a body that
     * never comes).
     */
    public Response send(Request request, String localAddress, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            head.append("Connection: close\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (request.chunked()) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (request.declaredLength() != null) {
                head.append("Content-Length: ").append(request.declaredLength()).append("\r\n");
            } else if (request.body().length > 0 || "POST".equals(request.method())) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            head.append("\r\n");
            // written by another thread while this one reads: a server that answers early and closes
            // (without reading the rest) must not leave us blocked in a write or lose its answer
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    if (request.chunked()) {
                        writeChunked(out, request.body());
                    } else {
                        out.write(request.body());
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before taking the whole body
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream(), "HEAD".equals(request.method()));
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int chunk = 64 * 1024;
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads the head, then the body by its Content-Length or chunks: not until the connection ends,
     * since a server that answered early may keep reading (discarding) the rest of our body first.
     */
    private static Response read(InputStream raw, boolean headRequest) throws IOException {
        InputStream in = new java.io.BufferedInputStream(raw);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("no complete response head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).trim().split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headRequest || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunks(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = readAll(in);
        }
        return new Response(status, headers, body);
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            if (out.size() == 0) {
                throw e;
            }
            // reset after the response: the server closed without reading the rest of our body
        }
        return out.toByteArray();
    }

}
