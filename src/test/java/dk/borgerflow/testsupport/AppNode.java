package dk.borgerflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Borgerflow node as a separate JVM process, for tests that kill and restart the application:
 * started from the test class path (so test resources such as {@code it-processes/} are on it) or,
 * with system property {@code borgerflow.it.jar}, from the packaged jar. Output goes to
 * {@code target/it-nodes/<name>.log}. {@link #kill()} sends SIGKILL (no shutdown hooks, no commit of
 * anything in flight), {@link #stop()} SIGTERM (graceful shutdown).
 */
public final class AppNode implements AutoCloseable {

    public static final String MAIN_CLASS = "dk.borgerflow.BorgerflowApplication";

    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final List<String> args;
    private final Path workingDirectory;
    private Process process;

    private AppNode(String name, int port, Map<String, String> env, List<String> args, Path workingDirectory) {
        this.name = name;
        this.port = port;
        this.env = env;
        this.args = args;
        this.workingDirectory = workingDirectory;
    }

    /** A node on the postgres profile against the test database, with the given admin password. */
    public static AppNode postgres(String name, String adminPassword, String... extraArgs) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BORGERFLOW_DB_URL", PostgresTestDatabase.URL);
        env.put("BORGERFLOW_DB_USER", PostgresTestDatabase.USER);
        env.put("BORGERFLOW_DB_PASSWORD", PostgresTestDatabase.PASSWORD);
        env.put("BORGERFLOW_ADMIN_PASSWORD", adminPassword);
        env.put("BORGERFLOW_NODE_NAME", name);
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
        args.addAll(List.of(extraArgs));
        return new AppNode(name, freePort(), env, args, null);
    }

    /** A node with arbitrary environment and arguments (e.g. H2 file, another profile). */
    public static AppNode custom(String name, Map<String, String> env, String... args) {
        return new AppNode(name, freePort(), new LinkedHashMap<>(env), List.of(args), null);
    }

    /** Same configuration and port, as a new process: what a restart after a crash looks like. */
    public AppNode sameAgain() {
        return new AppNode(name, port, env, args, workingDirectory);
    }

    /**
     * Runs the process in {@code directory}, so relative paths of the default configuration (the H2
     * file {@code ./data/borgerflow}) land there.
     */
    public AppNode inDirectory(Path directory) {
        return new AppNode(name, port, env, args, directory.toAbsolutePath());
    }

    public AppNode start() throws IOException {
        Path logs = Path.of("target", "it-nodes").toAbsolutePath();
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
        String jar = System.getProperty("borgerflow.it.jar");
        if (jar != null && !jar.isBlank()) {
            command.addAll(List.of("-jar", jar));
        } else {
            command.addAll(List.of("-cp", classPath(), MAIN_CLASS));
        }
        command.add("--server.port=" + port);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        if (workingDirectory != null) {
            Files.createDirectories(workingDirectory);
            builder.directory(workingDirectory.toFile());
        }
        process = builder.start();
        return this;
    }

    /** Waits until {@code /actuator/health} answers UP; fails early if the process died. */
    public AppNode awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + logFile()
                        + whyItStopped());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + ", see " + logFile());
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /**
     * The cause from the node's log, for the test report (CI keeps the report, not target/): Spring
     * Boot's "APPLICATION FAILED TO START" block, else the first ERROR line and its cause lines, else
     * the last lines.
     */
    String whyItStopped() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            int start = -1;
            for (int i = 0; i < lines.size() && start < 0; i++) {
                if (lines.get(i).contains("APPLICATION FAILED TO START")) {
                    start = i;
                }
            }
            for (int i = 0; i < lines.size() && start < 0; i++) {
                if (lines.get(i).contains(" ERROR ")) {
                    start = i;
                }
            }
            if (start < 0) {
                start = Math.max(0, lines.size() - 20);
            }
            List<String> shown = new ArrayList<>();
            for (int i = start; i < lines.size() && shown.size() < 25; i++) {
                String line = lines.get(i);
                if (!line.startsWith("\tat ")) {
                    shown.add(line);
                }
            }
            return "\n--- " + name + ":\n" + String.join("\n", shown);
        } catch (IOException | RuntimeException e) {
            return " (log not readable: " + e.getMessage() + ")";
        }
    }

    public Path logFile() {
        return Path.of("target", "it-nodes", name + ".log");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire/failsafe run tests from a manifest-only jar and name the real class path here. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, List.of(cp.split(File.pathSeparator)));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
