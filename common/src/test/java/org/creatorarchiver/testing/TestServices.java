package org.creatorarchiver.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.creatorarchiver.redis.RedisClients;
import org.creatorarchiver.redis.RedisUrl;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.redisson.api.RedissonClient;
import org.testcontainers.DockerClientFactory;

/**
 * The real PostgreSQL and Redis the tests run against, started or located once per JVM.
 * Order: {@code DATABASE_URL}/{@code REDIS_URL} from the environment; else Testcontainers when Docker answers;
 * else the test is skipped locally and fails under CI (where a skipped integration test would hide a gap).
 */
public final class TestServices {

    public record Postgres(String jdbcUrl, String user, String password) {}

    private static Postgres postgres;
    private static HikariDataSource dataSource;
    private static RedisUrl redisUrl;
    private static RedissonClient redisson;
    private static Boolean dockerAvailable;

    private TestServices() {}

    public static synchronized Postgres postgres() {
        if (postgres != null) {
            return postgres;
        }
        String url = env("DATABASE_URL");
        if (url != null) {
            return postgres = new Postgres(url, env("DATABASE_USER"), env("DATABASE_PASSWORD"));
        }
        if (dockerAvailable()) {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return postgres = new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return unavailable("PostgreSQL: set DATABASE_URL (and DATABASE_USER/DATABASE_PASSWORD) or start Docker");
    }

    /** A small shared pool on the test database. */
    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            Postgres pg = postgres();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.jdbcUrl());
            config.setUsername(pg.user());
            config.setPassword(pg.password());
            config.setMaximumPoolSize(10);
            config.setPoolName("test-db");
            dataSource = new HikariDataSource(config);
        }
        return dataSource;
    }

    public static synchronized RedisUrl redisUrl() {
        if (redisUrl != null) {
            return redisUrl;
        }
        String url = env("REDIS_URL");
        if (url != null) {
            return redisUrl = RedisUrl.parse(url);
        }
        if (dockerAvailable()) {
            var container = new com.redis.testcontainers.RedisContainer("redis:7-alpine");
            container.start();
            return redisUrl = RedisUrl.parse(container.getRedisURI());
        }
        return unavailable("Redis: set REDIS_URL or start Docker");
    }

    /** A shared Redisson client; tests that need isolation between "processes" connect their own. */
    public static synchronized RedissonClient redisson() {
        if (redisson == null) {
            redisson = RedisClients.connect(redisUrl(), "tests");
        }
        return redisson;
    }

    /** Empties the test Redis database (tests use a dedicated db index, never a user's data). */
    public static void flushRedis() {
        redisson().getKeys().flushdb();
    }

    private static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    private static <T> T unavailable(String message) {
        if (env("CI") != null) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        return null;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
