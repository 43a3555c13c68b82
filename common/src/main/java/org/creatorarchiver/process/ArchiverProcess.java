package org.creatorarchiver.process;

import java.time.Clock;
import java.util.Collection;
import org.creatorarchiver.config.AppConfig;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.Database;
import org.creatorarchiver.http.HttpClientSettings;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.redis.RedisClients;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every process of the archiver stands on, opened in order at start-up: the validated configuration (logged
 * once), PostgreSQL migrated to this build's schema, Redis; the Patreon HTTP clients on first use.
 * A failure at any step stops the process with one line on stderr (see {@link StartupFailure}).
 */
public final class ArchiverProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArchiverProcess.class);
    /** Connections beyond the job consumers: housekeeping, the API, a CLI verb. */
    private static final int SPARE_DATABASE_CONNECTIONS = 3;
    /** Consumers are virtual threads that mostly wait on HTTP; past this they queue for a connection instead. */
    private static final int MAX_DATABASE_CONNECTIONS = 40;

    private final String name;
    private final AppConfig config;
    private final Clock clock;
    private final Database database;
    private final RedissonClient redis;
    private final JobQueue queue;
    private HttpClients http;

    private ArchiverProcess(String name, AppConfig config, Clock clock, Database database, RedissonClient redis) {
        this.name = name;
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.redis = redis;
        this.queue = new JobQueue(redis, clock);
    }

    /**
     * Starts a CLI verb's process named {@code name} from the environment, its configuration logged at DEBUG only;
     * exits on failure.
     */
    public static ArchiverProcess start(String name) {
        return start(name, ConfigStartup.loadOrExit());
    }

    /**
     * Starts a process that runs until stopped (a worker, {@code serve}), its configuration logged once at INFO,
     * and a missing Patreon session warned about when it {@code callsPatreon}; exits on failure.
     */
    public static ArchiverProcess startService(String name, boolean callsPatreon) {
        return start(name, ConfigStartup.loadForServiceOrExit(callsPatreon));
    }

    /**
     * Like {@link #startService} with a configuration already loaded (and logged), for a process that consumes all of
     * {@code queues} at once (the whole system in one process): its database pool is sized for all of their
     * consumers together, not for one queue's.
     */
    public static ArchiverProcess startService(String name, AppConfig config, Collection<String> queues) {
        int consumers = queues.stream().mapToInt(config::concurrency).sum();
        return StartupFailure.exitOnFailure(() -> open(name, config, Clock.systemUTC(), consumers));
    }

    /**
     * Like {@link #start(String)} with a configuration already loaded, for a verb that checks its arguments against
     * the configuration before it connects to anything.
     */
    public static ArchiverProcess start(String name, AppConfig config) {
        return StartupFailure.exitOnFailure(() -> open(name, config, Clock.systemUTC()));
    }

    /** Opens the database (migrating it) and Redis for {@code config}; throws on the first failure. */
    public static ArchiverProcess open(String name, AppConfig config, Clock clock) {
        return open(
                name,
                config,
                clock,
                Queues.ALL.stream().mapToInt(config::concurrency).max().orElse(1));
    }

    private static ArchiverProcess open(String name, AppConfig config, Clock clock, int consumers) {
        Database database = startDatabase(
                name, config, Math.min(consumers * 2 + SPARE_DATABASE_CONNECTIONS, MAX_DATABASE_CONNECTIONS));
        try {
            RedissonClient redis =
                    StartupFailure.redis(config.redisUrl(), () -> RedisClients.connect(config.redisUrl(), name));
            return new ArchiverProcess(name, config, clock, database, redis);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Opens a pool of {@code connections} named {@code name} and migrates the schema, saying so once. */
    private static Database startDatabase(String name, AppConfig config, int connections) {
        Database database = Database.start(config.database(), name, connections);
        if (database.migration().applied() > 0) {
            log.info(
                    "database ready: schema version {} ({} migration(s) applied now)",
                    database.migration().schemaVersion(),
                    database.migration().applied());
        } else {
            log.debug("database ready: schema version {}", database.migration().schemaVersion());
        }
        return database;
    }

    public String name() {
        return name;
    }

    public AppConfig config() {
        return config;
    }

    public Settings settings() {
        return config.settings();
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public RedissonClient redis() {
        return redis;
    }

    public JobQueue queue() {
        return queue;
    }

    /** The Patreon (cookie) and media (no cookie) HTTP clients, created on first use. */
    public synchronized HttpClients http() {
        if (http == null) {
            var scraping = settings().scraping();
            HttpClientSettings httpSettings = HttpClientSettings.of(
                    config.patreon().baseUrl().toString(),
                    config.patreon().sessionId().map(Secret::reveal).orElse(null),
                    scraping.effectiveUserAgent(),
                    scraping.timeout(),
                    scraping.requestsPerSecond());
            http = HttpClients.create(httpSettings, redis, clock);
        }
        return http;
    }

    /** Retries of jobs that scrape Patreon: {@code scraping.max_retries} after {@code scraping.retry_delay}, doubling. */
    public RetryPolicy scrapingRetryPolicy() {
        var scraping = settings().scraping();
        return RetryPolicy.exponential(scraping.maxRetries(), scraping.retryDelay());
    }

    /** Retries of yt-dlp downloads: {@code media.youtube.download_settings} (300 s and 5 by default). */
    public RetryPolicy ytDlpRetryPolicy() {
        var download = settings().media().youtube().downloadSettings();
        return RetryPolicy.exponential(download.maxRetries(), download.retryDelay());
    }

    /**
     * A worker runtime for this process with its clock and the media dir whose crashed workers' temp files the
     * reaper removes. Callers add their handlers, then {@link #applyConcurrency} sets how many jobs of each queue run.
     */
    public WorkerRuntime.Builder workerRuntime() {
        return WorkerRuntime.builder(redis, name).clock(clock).mediaDir(config.mediaDir());
    }

    /** Consumer threads per handled queue: {@code WORKER_CONCURRENCY}, else {@code queue.concurrency.<queue>}. */
    public WorkerRuntime.Builder applyConcurrency(WorkerRuntime.Builder runtime) {
        for (String queueName : runtime.consumedQueues()) {
            runtime.concurrency(queueName, config.concurrency(queueName));
        }
        return runtime;
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
        }
        redis.shutdown();
        database.close();
    }
}
