package dk.borgerflow.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database of a benchmark run ({@code --db=h2|postgres}): H2 files under {@code target/bench}
 * (the default) or fresh databases on a PostgreSQL server, given as a base URL by
 * {@code -Dbench.pgUrl} (default {@code jdbc:postgresql://127.0.0.1:5432/}), {@code -Dbench.pgUser}
 * and {@code -Dbench.pgPassword}. The benchmark drops and creates its own databases
 * ({@code borgerflow_bench*}) through the maintenance database {@code postgres}; it never touches
 * the tests' database {@code test}.
 */
record BenchDatabase(boolean postgres, String pgUrl, String user, String password) {

    static BenchDatabase of(String kind) {
        return switch (kind) {
            case "h2" -> new BenchDatabase(false, null, "sa", "");
            case "postgres" -> {
                String url = System.getProperty("bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/");
                yield new BenchDatabase(true, url.endsWith("/") ? url : url + "/",
                        System.getProperty("bench.pgUser", "postgres"), System.getProperty("bench.pgPassword", ""));
            }
            default -> throw new IllegalArgumentException("--db must be h2 or postgres, not " + kind);
        };
    }

    /** Why the server cannot be used, or {@code null}: always {@code null} on H2. */
    String unreachable() {
        if (!postgres) {
            return null;
        }
        try (Connection c = maintenance()) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + pgUrl + "postgres as user " + user + " cannot be reached (" + e.getMessage()
                    + "). Start it or set -Dbench.pgUrl, -Dbench.pgUser, -Dbench.pgPassword (BENCH_JAVA_OPTS).";
        }
    }

    /**
     * The JDBC URL of a new, empty database: on PostgreSQL database {@code name} dropped (with any
     * connection left by an aborted run) and created, on H2 a file {@code h2File} in a new directory.
     */
    String fresh(String name, Path h2File) throws SQLException {
        if (!postgres) {
            return "jdbc:h2:file:" + h2File.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        }
        name = name + suffix();
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return pgUrl + name;
    }

    /**
     * What ends the PostgreSQL databases' names ({@code -Dbench.dbSuffix} or {@code BENCH_DB_SUFFIX},
     * letters, digits and {@code _} only), so two benchmarks on one server do not drop each other's.
     */
    static String suffix() {
        String suffix = System.getProperty("bench.dbSuffix", System.getenv().getOrDefault("BENCH_DB_SUFFIX", ""));
        if (!suffix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("BENCH_DB_SUFFIX may only hold letters, digits and _: " + suffix);
        }
        return suffix.isEmpty() ? "" : "_" + suffix.toLowerCase(java.util.Locale.ROOT);
    }

    /** For the report, e.g. "PostgreSQL 15.20 (127.0.0.1:5432)" or "H2 2.3.232 (file)". */
    String describe() throws SQLException {
        if (!postgres) {
            return "H2 " + org.h2.engine.Constants.VERSION + " (file, `WRITE_DELAY=0`)";
        }
        try (Connection c = maintenance()) {
            DatabaseMetaData meta = c.getMetaData();
            String host = pgUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
            return "PostgreSQL " + meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion() + " (" + host
                    + ")";
        }
    }

    String label() {
        return postgres ? "PostgreSQL" : "H2";
    }

    private Connection maintenance() throws SQLException {
        return DriverManager.getConnection(pgUrl + "postgres", user, password);
    }
}
