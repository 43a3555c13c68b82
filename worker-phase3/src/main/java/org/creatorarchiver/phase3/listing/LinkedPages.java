package org.creatorarchiver.phase3.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;

/**
 * Fetches every page of a listing whose pages are chained by {@code links.next} ({@code meta} is optional), each next
 * link taken to {@code PATREON_BASE_URL}. All pages are fetched before any is used, so a failure on a later page
 * leaves nothing half-stored; a chain that points back at a page already fetched is a malformed answer.
 */
final class LinkedPages {

    /** One page and the URL it came from, as errors name it. */
    record Page(JsonApiDocument document, String source) {}

    private final PatreonApi api;

    LinkedPages(PatreonApi api) {
        this.api = api;
    }

    List<Page> all(HttpUrl first) throws HttpFailureException, MalformedResponseException, InterruptedException {
        List<Page> pages = new ArrayList<>();
        Set<HttpUrl> visited = new HashSet<>();
        HttpUrl url = first;
        while (url != null) {
            visited.add(url);
            String source = PatreonApi.describe(url);
            JsonApiDocument document = api.get(url);
            pages.add(new Page(document, source));
            url = nextUnvisited(document, url, source, visited);
        }
        return pages;
    }

    /** The page after {@code url}, or null after the last; a next link back at a fetched page is malformed. */
    private HttpUrl nextUnvisited(JsonApiDocument document, HttpUrl url, String source, Set<HttpUrl> visited)
            throws MalformedResponseException {
        HttpUrl next =
                document.nextLink().isPresent() ? nextUrl(document.nextLink().get(), url) : null;
        if (next != null && visited.contains(next)) {
            throw new MalformedResponseException(
                    source, "links.next points back at a page already listed (" + PatreonApi.describe(next) + ")");
        }
        return next;
    }

    private HttpUrl nextUrl(String link, HttpUrl current) throws MalformedResponseException {
        HttpUrl parsed = current.resolve(link);
        if (parsed == null) {
            throw new MalformedResponseException(PatreonApi.describe(current), "links.next is not a URL: " + link);
        }
        return api.http().urls().rebase(parsed);
    }
}
