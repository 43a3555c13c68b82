package org.creatorarchiver.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.creatorarchiver.queue.JobHandler;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.JobType;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.redis.RedisClients;
import org.creatorarchiver.redis.RedisUrl;
import org.redisson.api.RedissonClient;

/**
 * Queue throughput (enqueue + take + ack per second through the full {@link WorkerRuntime} path, no-op handler) with
 * 1 and 4 consumers, next to {@code redis-benchmark -t lpush,rpop} on the same Redis in the same run.
 * <p>
 * The raw figure is the rate of LPUSH+RPOP pairs, {@code 1 / (1/lpush + 1/rpop)}: the cost of one job in a bare,
 * unreliable list queue. The queue does more per job (BLMOVE into a processing list, LREM to ack) on purpose.
 * Uses {@code REDIS_URL} (default {@code redis://127.0.0.1:6379/14}) and deletes only its own keys.
 * Run through {@code bench/queue-throughput.sh}.
 */
public final class QueueThroughputBench {

    record Noop(int n) {}

    private static final String QUEUE = "bench";
    private static final JobType<Noop> NOOP = JobType.of(QUEUE, "bench_noop", Noop.class);
    private static final int PRODUCERS = Integer.parseInt(System.getenv().getOrDefault("BENCH_PRODUCERS", "4"));

    private QueueThroughputBench() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379/14");
        int jobs = Integer.parseInt(System.getenv().getOrDefault("BENCH_JOBS", "40000"));
        RedisUrl redisUrl = RedisUrl.parse(url.isBlank() ? "redis://127.0.0.1:6379/14" : url);
        System.out.println("Redis " + redisUrl + ", " + jobs + " jobs per run, " + PRODUCERS + " producer threads");

        Map<String, Double> raw = redisBenchmark(redisUrl);
        double lpush = raw.get("LPUSH");
        double rpop = raw.get("RPOP");
        double rawPairs = 1 / (1 / lpush + 1 / rpop);

        RedissonClient producerProcess = RedisClients.connect(redisUrl, "bench-producer");
        RedissonClient workerProcess = RedisClients.connect(redisUrl, "bench-worker");
        try {
            deleteBenchKeys(producerProcess);
            run("warm-up (JIT, connection pools)", producerProcess, workerProcess, 4, Math.min(jobs, 10_000));
            double one = run("measured", producerProcess, workerProcess, 1, jobs);
            double four = run("measured", producerProcess, workerProcess, 4, jobs);

            System.out.printf(
                    "%nraw redis-benchmark (50 clients): LPUSH %,.0f/s, RPOP %,.0f/s -> %,.0f push+pop pairs/s%n",
                    lpush, rpop, rawPairs);
            System.out.printf("queue, 1 consumer : %,8.0f jobs/s = %5.1f %% of raw%n", one, 100 * one / rawPairs);
            System.out.printf(
                    "queue, 4 consumers: %,8.0f jobs/s = %5.1f %% of raw (target >= 30 %%)%n",
                    four, 100 * four / rawPairs);
            BenchSummary.put("queue.raw_pairs_per_s", rawPairs);
            BenchSummary.put("queue.jobs_per_s.1", one);
            BenchSummary.put("queue.jobs_per_s.4", four);
            BenchSummary.put("queue.share_of_raw.4", four / rawPairs);
        } finally {
            deleteBenchKeys(producerProcess);
            producerProcess.shutdown();
            workerProcess.shutdown();
        }
    }

    /** Enqueues {@code jobs} no-op jobs one by one from several producer threads while a worker consumes them. */
    private static double run(
            String label, RedissonClient producerProcess, RedissonClient workerProcess, int consumers, int jobs)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(jobs);
        JobHandler<Noop> handler = (payload, context) -> done.countDown();
        WorkerRuntime worker = WorkerRuntime.builder(workerProcess, "bench-worker")
                .concurrency(QUEUE, consumers)
                .handle(NOOP, handler, RetryPolicy.exponential(0, Duration.ofSeconds(1)))
                .build();
        worker.start();
        JobQueue producer = new JobQueue(producerProcess, Clock.systemUTC());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p;
            producers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int n = first; n < jobs; n += PRODUCERS) {
                        producer.enqueue(NOOP, new Noop(n));
                    }
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }));
        }
        for (Thread thread : producers) {
            thread.join();
        }
        double producedSeconds = (System.nanoTime() - started) / 1e9;
        long backlog = done.getCount();
        boolean finished = done.await(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        worker.shutdown();
        if (failure.get() != null || !finished) {
            throw new IllegalStateException("bench run failed: " + (finished ? failure.get() : "jobs left unfinished"));
        }
        double rate = jobs / seconds;
        System.out.printf(
                "  %s, %d consumer(s): %d jobs in %.2f s = %,.0f jobs/s (all enqueued after %.2f s, %d of them"
                        + " not yet run then)%n",
                label, consumers, jobs, seconds, rate, producedSeconds, backlog);
        return rate;
    }

    private static Map<String, Double> redisBenchmark(RedisUrl url) throws IOException, InterruptedException {
        String binary = System.getenv().getOrDefault("REDIS_BENCHMARK", "redis-benchmark");
        // -u selects the same host, port, db and credentials as REDIS_URL.
        List<String> command = List.of(binary, "-u", uri(url), "-t", "lpush,rpop", "-n", "200000", "--csv");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> rates = new LinkedHashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] cells = line.replace("\"", "").split(",");
                if (cells.length >= 2 && (cells[0].equals("LPUSH") || cells[0].equals("RPOP"))) {
                    rates.put(cells[0], Double.parseDouble(cells[1]));
                }
            }
        }
        if (process.waitFor() != 0 || rates.size() != 2) {
            throw new IllegalStateException(binary + " failed (exit " + process.exitValue() + ")");
        }
        try (var redis = new Closeable(RedisClients.connect(url, "bench-cleanup"))) {
            redis.client().getKeys().delete("mylist"); // redis-benchmark's own key
        }
        return rates;
    }

    private static void deleteBenchKeys(RedissonClient redis) {
        for (String pattern : List.of("archiver:*:" + QUEUE, "archiver:processing:" + QUEUE + ":*")) {
            redis.getKeys()
                    .getKeysStreamByPattern(pattern)
                    .forEach(key -> redis.getKeys().delete(key));
        }
    }

    private static String uri(RedisUrl url) {
        String credentials = url.password() == null
                ? ""
                : (url.username() == null ? "" : encode(url.username())) + ":" + encode(url.password()) + "@";
        return (url.tls() ? "rediss://" : "redis://") + credentials + url.host() + ":" + url.port() + "/"
                + url.database();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private record Closeable(RedissonClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.shutdown();
        }
    }
}
