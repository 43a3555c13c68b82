package org.creatorarchiver.phase2.bench;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.creatorarchiver.bench.BenchSummary;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.queue.Heartbeats;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueCounts;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Posts processed per second by 1, 2 and 4 phase 2 worker processes against the fake Patreon as a process.
 * bench/phase2-scaling.sh starts and stops the processes; this class does the rest, one step per call:
 * <ul>
 * <li>{@code reset <fake url> <bench campaign> <warm-up campaign>}: empties the database and Redis, and stores a
 *     {@code sources} row and {@code queued} {@code posts} rows for both creators' posts, as phase 1 leaves them.</li>
 * <li>{@code measure <results file> <warm-up posts> <fake pid> <worker pid>...}: waits for the workers' heartbeats,
 *     warms them up on that many of the warm-up creator's posts (the JIT: a worker's CPU per post halves over its
 *     first thousand posts), then enqueues one {@code process_post} job per bench post and times until the phase2
 *     queue is empty and every bench post is {@code completed}; appends the figures to the results file.</li>
 * <li>{@code report <results file>}: the table, the speed-ups and where the CPU went.</li>
 * </ul>
 */
public final class Phase2ScalingBench {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final double TARGET_SPEEDUP_AT_4 = 3.2;
    private static final String BENCH_VANITY = "benchcreator";
    private static final String WARM_UP_VANITY = "warmup";

    private final DSLContext db = TestDatabase.migrated();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    private Phase2ScalingBench() {}

    public static void main(String[] args) {
        try {
            Phase2ScalingBench bench = new Phase2ScalingBench();
            switch (args.length > 0 ? args[0] : "") {
                case "reset" -> bench.reset(HttpUrl.get(args[1]), args[2], args[3]);
                case "measure" ->
                    bench.measure(
                            Path.of(args[1]),
                            Integer.parseInt(args[2]),
                            Long.parseLong(args[3]),
                            Arrays.stream(args).skip(4).map(Long::valueOf).toList());
                case "report" -> report(Path.of(args[1]));
                default -> {
                    System.err.println(
                            "usage: Phase2ScalingBench reset <fake url> <bench campaign> <warm-up campaign>"
                                    + " | measure <results file> <warm-up posts> <fake pid> <worker pid>... | report <results file>");
                    System.exit(2);
                }
            }
        } catch (Exception | Error e) {
            System.err.println("phase2-scaling: " + e);
            // Exits rather than returns: the shared test Redisson client keeps non-daemon threads alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private void reset(HttpUrl fake, String benchCampaign, String warmUpCampaign) throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        storeQueuedPosts(BENCH_VANITY, benchCampaign, postIdsOn(fake, benchCampaign));
        storeQueuedPosts(WARM_UP_VANITY, warmUpCampaign, postIdsOn(fake, warmUpCampaign));
    }

    /** The creator's post ids as the fake lists them, page after page. */
    private static List<String> postIdsOn(HttpUrl fake, String campaignId) throws Exception {
        OkHttpClient client = new OkHttpClient();
        List<String> ids = new ArrayList<>();
        HttpUrl url = fake.resolve("/api/posts?filter[campaign_id]=" + campaignId);
        while (url != null) {
            try (Response response =
                    client.newCall(new Request.Builder().url(url).build()).execute()) {
                if (!response.isSuccessful()) {
                    throw new IllegalStateException("the fake Patreon answered " + response.code() + " to " + url);
                }
                JsonApiDocument page = JsonApiDocument.parse(response.body().string(), url.toString());
                page.data().stream().map(JsonApiResource::id).forEach(ids::add);
                // links.next names www.patreon.com, as the real API does: same path and query on the fake.
                url = page.nextLink()
                        .map(HttpUrl::get)
                        .map(next -> fake.newBuilder()
                                .encodedPath(next.encodedPath())
                                .encodedQuery(next.encodedQuery())
                                .build())
                        .orElse(null);
            }
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        return ids;
    }

    private void storeQueuedPosts(String vanity, String campaignId, List<String> postIds) {
        long sourceId = db.insertInto(SOURCES)
                .set(SOURCES.EXTERNAL_ID, campaignId)
                .set(SOURCES.VANITY, vanity)
                .set(SOURCES.NAME, vanity)
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
        for (String id : postIds) {
            db.insertInto(POSTS)
                    .set(POSTS.SOURCE_ID, sourceId)
                    .set(POSTS.EXTERNAL_ID, id)
                    .set(POSTS.STATUS, PostStatus.queued)
                    .execute();
        }
    }

    private void measure(Path results, int warmUpPosts, long fakePid, List<Long> workerPids) throws Exception {
        int workers = workerPids.size();
        awaitWorkers(workers);
        processAll(WARM_UP_VANITY, warmUpPosts);

        long driverPid = ProcessHandle.current().pid();
        List<Long> postgresPids = postgresBackends();
        List<Long> pids = new ArrayList<>(workerPids);
        pids.addAll(postgresPids);
        pids.add(fakePid);
        pids.add(driverPid);
        CpuTimes before = CpuTimes.now(pids);
        long start = System.nanoTime();
        int posts = processAll(BENCH_VANITY, Integer.MAX_VALUE);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuTimes used = CpuTimes.now(pids).since(before);
        requireOnlyBenchWorkers(workers);

        QueueCounts media = queue.counts(Queues.MEDIA);
        if (media.total() != 0) {
            throw new IllegalStateException("the bench posts enqueued " + media.total() + " download job(s): the "
                    + "settings were meant to turn every download off");
        }
        String line = String.format(
                Locale.ROOT,
                "%d %.4f %d %.4f %d %d %d %d %d%n",
                workers,
                seconds,
                posts,
                used.busyShare(),
                used.machineBusy(),
                used.ticksOf(workerPids),
                used.ticksOf(postgresPids),
                used.ticksOf(List.of(fakePid)),
                used.ticksOf(List.of(driverPid)));
        Files.writeString(results, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.err.printf(Locale.ROOT, "phase2-scaling: %d worker(s): %d posts in %.2f s%n", workers, posts, seconds);
    }

    /** The PostgreSQL server processes of this database's connections (the workers' pools and this driver's). */
    private List<Long> postgresBackends() {
        return db.fetch("select pid from pg_stat_activity where datname = current_database()")
                .getValues(0, Long.class);
    }

    /** Another phase 2 worker on this Redis db would have taken some of the bench's jobs, and the figures with them. */
    private static void requireOnlyBenchWorkers(int workers) {
        List<String> live = new Heartbeats(TestServices.redisson())
                .live().stream()
                        .filter(w -> w.queues().contains(Queues.PHASE2))
                        .map(w -> w.id() + " (pid " + w.pid() + ")")
                        .toList();
        if (live.size() > workers) {
            throw new IllegalStateException(live.size() + " phase 2 workers are alive on this Redis db but the bench "
                    + "started " + workers + ": stop the others or choose another BENCH_REDIS_URL: " + live);
        }
    }

    private void awaitWorkers(int workers) throws InterruptedException {
        Heartbeats heartbeats = new Heartbeats(TestServices.redisson());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (heartbeats.live().stream()
                        .filter(w -> w.queues().contains(Queues.PHASE2))
                        .count()
                < workers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + workers
                        + " phase 2 workers sent a heartbeat within 60 s" + " (see their logs)");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Enqueues one job for each of (at most {@code limit}) posts of the creator and waits until all of them are
     * {@code completed} and the phase2 queue is empty (nothing ready, delayed, processing or dead). The poll is one
     * indexed count and one LRANGE: its CPU is counted as the driver's, on the cores the workers need.
     */
    private int processAll(String vanity, int limit) throws InterruptedException {
        List<Long> postIds = db.select(POSTS.ID)
                .from(POSTS)
                .join(SOURCES)
                .on(SOURCES.ID.eq(POSTS.SOURCE_ID))
                .where(SOURCES.VANITY.eq(vanity))
                .orderBy(POSTS.ID)
                .limit(limit)
                .fetch(POSTS.ID);
        // The first `limit` posts by id: the creator's posts up to the last one taken.
        Condition chosen = POSTS.SOURCE_ID
                .eq(db.select(SOURCES.ID)
                        .from(SOURCES)
                        .where(SOURCES.VANITY.eq(vanity))
                        .fetchSingle(SOURCES.ID))
                .and(POSTS.ID.le(postIds.getLast()));
        queue.enqueueAll(
                JobTypes.PROCESS_POST,
                postIds.stream().map(JobTypes.ProcessPost::new).toList());
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            List<Job> dead = queue.deadJobs(Queues.PHASE2, 1);
            if (!dead.isEmpty()) {
                throw new IllegalStateException("phase 2 job(s) dead-lettered: " + dead);
            }
            if (completed(chosen) == postIds.size()
                    && queue.counts(Queues.PHASE2).total() == 0) {
                return postIds.size();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("phase 2 did not finish " + vanity + "'s posts within " + STEP_TIMEOUT
                        + ": " + queue.counts(Queues.PHASE2) + ", " + completed(chosen) + " of " + postIds.size()
                        + " completed");
            }
            Thread.sleep(POLL);
        }
    }

    private int completed(Condition posts) {
        return db.fetchCount(POSTS, posts.and(POSTS.STATUS.eq(PostStatus.completed)));
    }

    /** One line of the results file: a run with {@code workers} processes. */
    private record Run(
            int workers,
            double seconds,
            int posts,
            double busyShare,
            long busyTicks,
            long workerTicks,
            long postgresTicks,
            long fakeTicks,
            long driverTicks) {

        static Run parse(String line) {
            String[] f = line.trim().split(" ");
            return new Run(
                    Integer.parseInt(f[0]),
                    Double.parseDouble(f[1]),
                    Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]),
                    Long.parseLong(f[4]),
                    Long.parseLong(f[5]),
                    Long.parseLong(f[6]),
                    Long.parseLong(f[7]),
                    Long.parseLong(f[8]));
        }

        /** CPU ticks of the processes this bench runs or talks to; the rest of the machine's busy time is not ours. */
        long benchTicks() {
            return workerTicks + postgresTicks + fakeTicks + driverTicks;
        }

        double postsPerSecond() {
            return posts / seconds;
        }

        double cpuMillisPerPost(long ticks) {
            return 1000 * CpuTimes.seconds(ticks) / posts;
        }
    }

    private static void report(Path results) throws Exception {
        List<Run> runs = Files.readAllLines(results).stream()
                .filter(l -> !l.isBlank())
                .map(Run::parse)
                .toList();
        Run single = runs.stream()
                .filter(r -> r.workers() == 1)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no run with 1 worker in " + results));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "%7s %8s %8s %8s %9s %13s %8s %8s %6s %7s %6s%n",
                "workers",
                "seconds",
                "posts/s",
                "speed-up",
                "CPU busy",
                "CPU ms/post:",
                "workers",
                "postgres",
                "fake",
                "driver",
                "rest");
        for (Run run : runs) {
            System.out.printf(
                    Locale.ROOT,
                    "%7d %8.2f %8.1f %7.2fx %8.0f%% %13.1f %8.1f %8.1f %6.1f %7.1f %6.1f%n",
                    run.workers(),
                    run.seconds(),
                    run.postsPerSecond(),
                    run.postsPerSecond() / single.postsPerSecond(),
                    100 * run.busyShare(),
                    run.cpuMillisPerPost(run.busyTicks()),
                    run.cpuMillisPerPost(run.workerTicks()),
                    run.cpuMillisPerPost(run.postgresTicks()),
                    run.cpuMillisPerPost(run.fakeTicks()),
                    run.cpuMillisPerPost(run.driverTicks()),
                    run.cpuMillisPerPost(run.busyTicks() - run.benchTicks()));
            BenchSummary.put("phase2.posts_per_s." + run.workers(), run.postsPerSecond());
            BenchSummary.put("phase2.speedup." + run.workers(), run.postsPerSecond() / single.postsPerSecond());
            BenchSummary.put("phase2.cpu_busy." + run.workers(), run.busyShare());
        }
        System.out.printf(
                Locale.ROOT,
                "(CPU busy: share of the machine's %d cores during the run; CPU ms/post: all "
                        + "processes, then the part of the phase 2 workers, the PostgreSQL backends of their connections, the "
                        + "fake Patreon and this driver (which polls every %d ms); the rest is Redis, the kernel and anything "
                        + "else running on this machine: a large rest means the figures were taken on a busy machine)%n",
                cores,
                POLL.toMillis());
        runs.stream().filter(r -> r.workers() == 4).findFirst().ifPresent(four -> verdict(single, four, cores));
    }

    private static void verdict(Run single, Run four, int cores) {
        double speedup = four.postsPerSecond() / single.postsPerSecond();
        boolean met = speedup >= TARGET_SPEEDUP_AT_4;
        System.out.printf(
                Locale.ROOT,
                "speed-up with 4 workers: %.2fx (target >= %.1fx: %s)%n",
                speedup,
                TARGET_SPEEDUP_AT_4,
                met ? "met" : "MISSED");
        if (met) {
            return;
        }
        if (four.busyShare() < 0.85) {
            System.out.printf(
                    Locale.ROOT,
                    "why: not CPU (the %d cores were %.0f%% busy): something serializes the "
                            + "workers; look at the rate limit, the fake's latency, and locks in PostgreSQL.%n",
                    cores,
                    100 * four.busyShare());
            return;
        }
        // The most this machine could do with every core on the bench's own processes at their measured cost.
        double benchMillis = four.cpuMillisPerPost(four.benchTicks());
        double ceiling = cores * 1000 / benchMillis;
        System.out.printf(
                Locale.ROOT,
                "why: CPU-bound. During the 4-worker run the %d cores were %.0f%% busy. The "
                        + "bench's own processes (workers, PostgreSQL, fake, driver) used %.1f ms of CPU per post, so "
                        + "even with every core to themselves they could not process more than about %.0f posts/s, "
                        + "%.2fx the 1-worker rate; %.1f ms per post went to Redis, the kernel and other load. Each "
                        + "worker spends most of a post waiting on the fake's latency, which more processes overlap "
                        + "only while cores are free.%n",
                cores,
                100 * four.busyShare(),
                benchMillis,
                ceiling,
                ceiling / single.postsPerSecond(),
                four.cpuMillisPerPost(four.busyTicks() - four.benchTicks()));
    }
}
