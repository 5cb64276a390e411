package dk.borgerflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of the {@code postgres} Maven profile's tests: system properties
 * {@code borgerflow.it.db-url} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) and
 * {@code borgerflow.it.db-user} (default {@code postgres}), as set by the pom. Tests start from an
 * empty schema {@code public} so every run is repeatable.
 */
public final class PostgresTestDatabase {

    public static final String URL =
            System.getProperty("borgerflow.it.db-url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("borgerflow.it.db-user", "postgres");
    public static final String PASSWORD = System.getProperty("borgerflow.it.db-password", "");

    private PostgresTestDatabase() {
    }

    /** Drops and recreates schema {@code public}: no Camunda or Borgerflow table survives. */
    public static void resetSchema() {
        execute("drop schema if exists public cascade", "create schema public");
    }

    public static void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + ": " + e.getMessage(), e);
        }
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
