package org.creatorarchiver.process;

import java.sql.Connection;
import java.sql.SQLException;
import org.creatorarchiver.config.AppConfig;
import org.creatorarchiver.db.DataSources;
import org.creatorarchiver.db.Database;
import org.creatorarchiver.db.Migrations;
import org.creatorarchiver.queue.QueueInspector;
import org.creatorarchiver.redis.BlockingRedis;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * What a CLI verb that only reads stands on: one PostgreSQL connection and, on first use, one plain Redis connection.
 * It has no connection pool, no Redisson client and no HTTP client, and it does not run the migrations when the
 * schema is already current (one query tells), because people run {@code status} again and again and each of those
 * cost a large part of a second. A database never migrated is migrated first, as any process would.
 * A failure to reach either service stops the verb with one line, as {@link ArchiverProcess} does.
 */
public final class ReadOnlyArchive implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyArchive.class);

    private final String name;
    private final AppConfig config;
    private final Connection connection;
    private final DSLContext dsl;
    private UnifiedJedis redis;

    private ReadOnlyArchive(String name, AppConfig config, Connection connection) {
        this.name = name;
        this.config = config;
        this.connection = connection;
        this.dsl = Database.dsl(connection);
    }

    /** Opens the database for {@code config}, or stops the process with one line (exit 3) when it cannot. */
    public static ReadOnlyArchive open(String name, AppConfig config) {
        return StartupFailure.exitOnFailure(() -> connect(name, config));
    }

    /** Like {@link #open} but throws instead of exiting (tests). */
    public static ReadOnlyArchive connect(String name, AppConfig config) {
        Connection connection = DataSources.connection(config.database(), name);
        try {
            Migrations.migrateIfBehind(connection, config.database(), name);
            return new ReadOnlyArchive(name, config, connection);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public AppConfig config() {
        return config;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The queues and heartbeats, read over one plain Redis connection opened now if not yet. */
    public synchronized QueueInspector queues() {
        if (redis == null) {
            redis = StartupFailure.redis(config.redisUrl(), () -> {
                UnifiedJedis client = BlockingRedis.connect(config.redisUrl(), name, 1);
                try {
                    client.ping();
                    return client;
                } catch (RuntimeException e) {
                    client.close();
                    throw e;
                }
            });
        }
        return new QueueInspector(redis);
    }

    @Override
    public synchronized void close() {
        if (redis != null) {
            redis.close();
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the database connection failed", e);
        }
    }
}
