package org.creatorarchiver.phase1.listing;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.posts.PostsPage;

/**
 * Fetches listing pages, one ahead when asked: the next page is requested while the current one is stored, so a
 * sync costs about one request's latency per page instead of latency plus database time. At most one request is
 * in flight; a prefetched page is used only for the URL it was fetched for.
 */
final class PageFetcher implements AutoCloseable {

    private final PatreonApi api;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private HttpUrl prefetchedUrl;
    private Future<PostsPage> prefetched;

    PageFetcher(PatreonApi api) {
        this.api = api;
    }

    /** Starts fetching {@code url} in the background (dropping any other prefetch). */
    void prefetch(HttpUrl url) {
        cancel();
        prefetchedUrl = url;
        prefetched = background.submit(() -> fetchNow(url));
    }

    /** The page at {@code url}: the prefetched one when it is that page, else fetched now. */
    PostsPage get(HttpUrl url) throws HttpFailureException, MalformedResponseException, InterruptedException {
        if (prefetched == null || !url.equals(prefetchedUrl)) {
            cancel();
            return fetchNow(url);
        }
        Future<PostsPage> pending = prefetched;
        prefetched = null;
        prefetchedUrl = null;
        return awaitPrefetched(pending, url);
    }

    private PostsPage awaitPrefetched(Future<PostsPage> pending, HttpUrl url)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (CancellationException e) {
            return fetchNow(url);
        } catch (ExecutionException e) {
            return rethrowCause(e, url);
        }
    }

    /** Throws what the background fetch threw, as if it had been fetched in this thread. */
    private static PostsPage rethrowCause(ExecutionException e, HttpUrl url)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        switch (e.getCause()) {
            case HttpFailureException failure -> throw failure;
            case MalformedResponseException malformed -> throw malformed;
            case InterruptedException interrupted -> throw interrupted;
            case RuntimeException unexpected -> throw unexpected;
            default ->
                throw new IllegalStateException("fetching " + PatreonApi.describe(url) + " failed", e.getCause());
        }
    }

    /** Drops a prefetch nobody will use (the walk stopped at known posts, or failed). */
    void cancel() {
        if (prefetched != null) {
            prefetched.cancel(true);
            prefetched = null;
            prefetchedUrl = null;
        }
    }

    private PostsPage fetchNow(HttpUrl url)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        return PostsPage.of(api.get(url), PatreonApi.describe(url));
    }

    @Override
    public void close() {
        cancel();
        background.shutdownNow();
    }
}
