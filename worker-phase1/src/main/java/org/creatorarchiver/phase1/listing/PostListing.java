package org.creatorarchiver.phase1.listing;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.posts.PostsPage;
import org.creatorarchiver.phase1.posts.DiscoveredPosts;
import org.creatorarchiver.phase1.posts.StoredPage;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.sources.Source;
import org.creatorarchiver.sources.SourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a campaign's {@code /api/posts} pages by their {@code links.next}, storing each page and enqueueing phase 2
 * for its new and edited posts before it moves on, and checkpointing the next page in {@code sources.sync_cursor} so
 * a retried job continues where the last one stopped.
 * <p>
 * An incremental sync stops at the first page whose posts are all known and unchanged and were stored by an earlier,
 * complete listing (before {@code last_synced_at}): posts stored by an interrupted listing do not prove that the
 * pages after them were seen, and a source never listed to the end is walked to the end. Patreon's next links expire
 * after about 30 minutes: a 4xx on one restarts the listing from the top under the same rule. A listing resumed from
 * its checkpoint has seen everything older than the checkpoint, so it ends with a pass from the top that stops at
 * the first page it knows at all, to catch the posts published meanwhile.
 */
public final class PostListing {

    private static final Logger log = LoggerFactory.getLogger(PostListing.class);
    /** Refusals of a next link that mean "this cursor is no longer valid". */
    private static final Set<FailureKind> EXPIRED_LINK =
            Set.of(FailureKind.NOT_FOUND, FailureKind.BAD_REQUEST, FailureKind.CLIENT_ERROR);

    private final PatreonApi api;
    private final SourceStore sources;
    private final DiscoveredPosts posts;
    private final JobQueue queue;

    public PostListing(PatreonApi api, SourceStore sources, DiscoveredPosts posts, JobQueue queue) {
        this.api = api;
        this.sources = sources;
        this.posts = posts;
        this.queue = queue;
    }

    /**
     * @param source               a resolved source
     * @param full                 walk every page even past known posts
     * @param durationLimitSeconds the source's video duration limit
     */
    public ListingSummary sync(Source source, boolean full, int durationLimitSeconds)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        String campaignId =
                source.campaignId().orElseThrow(() -> new IllegalStateException(source.label() + " is not resolved"));
        HttpUrl firstPage = api.campaignPostsUrl(campaignId);
        // null: walk to the end.
        Instant knownBefore = full ? null : source.lastSyncedAt().orElse(null);
        try (PageFetcher fetcher = new PageFetcher(api)) {
            Walk walk = new Walk(source.id(), durationLimitSeconds, fetcher);
            Optional<HttpUrl> checkpoint = source.syncCursor().map(HttpUrl::parse);
            if (checkpoint.isPresent()) {
                resume(walk, source, checkpoint.get(), firstPage, knownBefore);
            } else {
                walk.from(firstPage, firstPage, knownBefore);
            }
            return walk.summary();
        }
    }

    /** Walks on from the checkpoint, then (when that reached the end) from the top to the first known page. */
    private void resume(Walk walk, Source source, HttpUrl checkpoint, HttpUrl firstPage, Instant knownBefore)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        log.info("{}: resuming the listing at its checkpoint", source.label());
        boolean completed = walk.from(api.http().urls().rebase(checkpoint), firstPage, knownBefore);
        if (completed) {
            walk.from(firstPage, firstPage, Instant.MAX);
        }
    }

    /** A listing page and the URL it was fetched from. */
    private record FetchedPage(HttpUrl url, PostsPage page) {}

    /** One sync's pass(es) over the pages, with its counters. */
    private final class Walk {
        private final long sourceId;
        private final int durationLimitSeconds;
        private final PageFetcher fetcher;
        private int pages;
        private int listed;
        private int newPosts;
        private int editedPosts;
        private int enqueued;
        private int skippedVideos;
        private boolean stoppedAtKnown;
        private int restarts;

        Walk(long sourceId, int durationLimitSeconds, PageFetcher fetcher) {
            this.sourceId = sourceId;
            this.durationLimitSeconds = durationLimitSeconds;
            this.fetcher = fetcher;
        }

        /**
         * Walks from {@code start} until the last page, or until a page whose posts were all stored before
         * {@code knownBefore} ({@link Instant#MAX}: stored at all; null: never stop early).
         *
         * @return true when the walk reached the end of the listing (false when it stopped at known posts)
         */
        boolean from(HttpUrl start, HttpUrl firstPage, Instant knownBefore)
                throws HttpFailureException, MalformedResponseException, InterruptedException {
            Set<HttpUrl> visited = new HashSet<>();
            HttpUrl url = start;
            while (true) {
                FetchedPage fetched = fetch(url, firstPage, visited);
                visited.add(fetched.url());
                Optional<HttpUrl> next = nextPage(fetched, visited);
                if (storeAndStopAtKnown(fetched.page(), next, knownBefore)) {
                    return false;
                }
                if (next.isEmpty()) {
                    return true;
                }
                sources.saveSyncCursor(sourceId, next.get().toString());
                url = next.get();
            }
        }

        /** The page at {@code url}; the first page instead (once per sync) when Patreon refuses an expired link. */
        private FetchedPage fetch(HttpUrl url, HttpUrl firstPage, Set<HttpUrl> visited)
                throws HttpFailureException, MalformedResponseException, InterruptedException {
            try {
                return new FetchedPage(url, fetcher.get(url));
            } catch (HttpFailureException e) {
                if (url.equals(firstPage) || !EXPIRED_LINK.contains(e.kind()) || restarts > 0) {
                    throw e;
                }
                log.warn(
                        "source {}: next page link refused ({}): it expired; listing again from the top",
                        sourceId,
                        e.getMessage());
                restarts++;
                sources.saveSyncCursor(sourceId, null);
                visited.clear();
                return fetch(firstPage, firstPage, visited);
            }
        }

        /** The page's next link; refused when it points back at a page this pass has listed (a loop). */
        private Optional<HttpUrl> nextPage(FetchedPage fetched, Set<HttpUrl> visited)
                throws MalformedResponseException {
            HttpUrl url = fetched.url();
            Optional<String> link = fetched.page().nextLink();
            Optional<HttpUrl> next = link.isPresent() ? Optional.of(nextUrl(link.get(), url)) : Optional.empty();
            if (next.isPresent() && visited.contains(next.get())) {
                throw new MalformedResponseException(
                        PatreonApi.describe(url),
                        "links.next points back at a page already listed (" + PatreonApi.describe(next.get()) + ")");
            }
            return next;
        }

        /** Stores the page; true when its posts were all stored before {@code knownBefore}, where the walk stops. */
        private boolean storeAndStopAtKnown(PostsPage page, Optional<HttpUrl> next, Instant knownBefore) {
            // Fetch the next page while this one is stored, unless this page may be where the walk stops.
            if (next.isPresent() && (knownBefore == null || !posts.mayAllBeKnown(sourceId, page.posts()))) {
                fetcher.prefetch(next.get());
            }
            StoredPage stored = store(page);
            if (knownBefore != null && stored.allKnownBefore(knownBefore)) {
                fetcher.cancel();
                stoppedAtKnown = true;
                return true;
            }
            return false;
        }

        /** Stores the page's posts, enqueues phase 2 for the new and edited ones, and counts them. */
        private StoredPage store(PostsPage page) {
            pages++;
            StoredPage stored = posts.store(sourceId, page.posts(), durationLimitSeconds);
            enqueuePhase2(stored.toProcess());
            listed += stored.listed();
            newPosts += stored.newPosts();
            editedPosts += stored.editedPosts();
            skippedVideos += stored.skipped();
            return stored;
        }

        private void enqueuePhase2(List<Long> postIds) {
            if (postIds.isEmpty()) {
                return;
            }
            queue.enqueueAll(
                    JobTypes.PROCESS_POST,
                    postIds.stream().map(JobTypes.ProcessPost::new).toList());
            posts.markQueued(postIds);
            enqueued += postIds.size();
        }

        ListingSummary summary() {
            return new ListingSummary(
                    pages, listed, newPosts, editedPosts, enqueued, skippedVideos, stoppedAtKnown, restarts);
        }
    }

    private HttpUrl nextUrl(String link, HttpUrl current) throws MalformedResponseException {
        HttpUrl parsed = current.resolve(link);
        if (parsed == null) {
            throw new MalformedResponseException(PatreonApi.describe(current), "links.next is not a URL: " + link);
        }
        return api.http().urls().rebase(parsed);
    }
}
