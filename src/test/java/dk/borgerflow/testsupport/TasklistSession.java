package dk.borgerflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/**
 * A browser's session with the Camunda webapps: a session cookie from Tasklist's login and the
 * webapps' CSRF token (cookie XSRF-TOKEN, sent back as header X-XSRF-TOKEN), as Tasklist sends them.
 */
public record TasklistSession(java.net.http.HttpClient http, String baseUrl, String csrfToken) {

    public static TasklistSession logIn(String baseUrl, String user, String password) throws Exception {
        var cookies = new java.net.CookieManager();
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/camunda/app/tasklist/")).GET()
                .build(), HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login starts a new session; its token comes with the next read, as Tasklist's does
        http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl + "/camunda/api/admin/auth/user/default")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String renewed = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((first, last) -> last).orElseThrow().getValue();
        return new TasklistSession(http, baseUrl, renewed);
    }

    public HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken)
                .header("Referer", baseUrl + "/camunda/app/tasklist/").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
