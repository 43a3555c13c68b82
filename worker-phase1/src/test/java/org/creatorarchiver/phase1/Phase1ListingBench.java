package org.creatorarchiver.phase1;

import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.creatorarchiver.bench.BenchSummary;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;

/**
 * Posts listed per second by phase 1 against a local fake Patreon with 2,000 posts (100 pages of 20) and 20 ms of
 * latency per request, next to the ideal: the same pages fetched back to back by a bare HTTP client, and the pure
 * latency (pages x 20 ms). Run by bench/phase1-listing.sh; prints one table.
 */
public final class Phase1ListingBench {

    private static final int POSTS = Integer.getInteger("bench.posts", 2000);
    private static final Duration LATENCY = Duration.ofMillis(Long.getLong("bench.latencyMs", 20));

    private Phase1ListingBench() {}

    public static void main(String[] args) throws Exception {
        try (Phase1Harness phase1 = new Phase1Harness()) {
            phase1.patreon.pageSize(20).latency(LATENCY);
            phase1.patreon.addCreator("benchcreator", "777000", "777001").addPosts(POSTS);
            int pages = (POSTS + 19) / 20;
            warmUp(phase1);

            double rawSeconds = fetchPagesBareHttp(phase1, "777000");
            long sourceId = phase1.sourceByVanity("benchcreator");
            long start = System.nanoTime();
            phase1.sync(sourceId, false);
            double firstSync = seconds(start);
            if (phase1.posts().size() != POSTS || phase1.phase2Jobs().size() != POSTS) {
                throw new IllegalStateException(
                        "the bench sync stored " + phase1.posts().size() + " posts and "
                                + phase1.phase2Jobs().size() + " jobs, expected " + POSTS);
            }
            start = System.nanoTime();
            phase1.sync(sourceId, true);
            double fullResync = seconds(start);

            double ideal = pages * LATENCY.toMillis() / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "phase 1 listing: %d posts, %d pages, %d ms latency per request%n",
                    POSTS,
                    pages,
                    LATENCY.toMillis());
            System.out.printf(Locale.ROOT, "%-44s %8s %10s %8s%n", "run", "seconds", "posts/s", "vs ideal");
            row("ideal (pages x latency)", ideal, ideal);
            row("bare HTTP fetch of the same pages", rawSeconds, ideal);
            row("phase 1, first sync (store + enqueue)", firstSync, ideal);
            row("phase 1, --full re-sync (all known)", fullResync, ideal);
            BenchSummary.put("phase1.posts", POSTS);
            BenchSummary.put("phase1.latency_ms", LATENCY.toMillis());
            BenchSummary.put("phase1.ideal_posts_per_s", POSTS / ideal);
            BenchSummary.put("phase1.bare_http_posts_per_s", POSTS / rawSeconds);
            BenchSummary.put("phase1.first_sync_posts_per_s", POSTS / firstSync);
            BenchSummary.put("phase1.full_resync_posts_per_s", POSTS / fullResync);
        }
        // The shared test Redisson client keeps non-daemon threads alive.
        System.exit(0);
    }

    /** A smaller creator listed first, so the figures are not those of a cold JVM. */
    private static void warmUp(Phase1Harness phase1) throws Exception {
        phase1.patreon.addCreator("warmup", "777100", "777101").addPosts(400);
        phase1.sync(phase1.sourceByVanity("warmup"), false);
        fetchPagesBareHttp(phase1, "777100");
        phase1.clearPhase2Jobs();
        phase1.db.deleteFrom(org.creatorarchiver.db.generated.Tables.POSTS).execute();
    }

    private static void row(String label, double seconds, double ideal) {
        System.out.printf(
                Locale.ROOT, "%-44s %8.2f %10.0f %7.0f%%%n", label, seconds, POSTS / seconds, 100 * ideal / seconds);
    }

    /** The pages fetched one after another by a plain client, following links.next, parsing only that. */
    private static double fetchPagesBareHttp(Phase1Harness phase1, String campaignId) throws Exception {
        OkHttpClient client = new OkHttpClient();
        HttpUrl base = phase1.patreon.baseUrl();
        HttpUrl url = base.resolve("/api/posts?filter[campaign_id]=" + campaignId);
        long start = System.nanoTime();
        while (url != null) {
            try (Response response =
                    client.newCall(new Request.Builder().url(url).build()).execute()) {
                JsonApiDocument page = JsonApiDocument.parse(response.body().string(), url.toString());
                url = page.nextLink()
                        .map(HttpUrl::get)
                        .map(next -> base.newBuilder()
                                .encodedPath(next.encodedPath())
                                .encodedQuery(next.encodedQuery())
                                .build())
                        .orElse(null);
            }
        }
        double seconds = seconds(start);
        phase1.patreon.clearRequests();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        return seconds;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
