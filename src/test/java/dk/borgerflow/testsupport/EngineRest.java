package dk.borgerflow.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client with Basic authentication for engine-rest, our API and Actuator of one node. */
public final class EngineRest {

    private final String baseUrl;
    private final String user;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EngineRest(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The user this client authenticates as. */
    public String user() {
        return user;
    }

    public static EngineRest admin(AppNode node, String password) {
        return new EngineRest(node.baseUrl(), "admin", password);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A PUT with a JSON body, e.g. {@code /engine-rest/task/{id}}. */
    public HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A DELETE, e.g. {@code /engine-rest/task/{id}/variables/{name}}. */
    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    /** A PUT without body, e.g. {@code /engine-rest/group/{id}/members/{userId}}. */
    public HttpResponse<String> put(String path) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code POST /engine-rest/deployment/create} with one resource, duplicate filtering on. */
    public HttpResponse<String> deploy(String deploymentName, String resourceName, byte[] content)
            throws IOException, InterruptedException {
        return deploy(deploymentName, Map.of(resourceName, content));
    }

    /** {@code POST /engine-rest/deployment/create} with several resources (name → content), duplicate filtering on. */
    public HttpResponse<String> deploy(String deploymentName, Map<String, byte[]> resources)
            throws IOException, InterruptedException {
        String boundary = "----borgerflow" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        for (String[] field : new String[][] {{"deployment-name", deploymentName},
                {"enable-duplicate-filtering", "true"}, {"deployment-source", "borgerflow-test"}}) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field[0]).append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        for (var resource : resources.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + resource.getKey()
                    + "\"; filename=\"" + resource.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(resource.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** The {@code count} of an engine-rest {@code .../count} resource. */
    public long count(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(r.body().replaceAll("[^0-9]", ""));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
