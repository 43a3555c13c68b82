package org.creatorarchiver.patreon.posts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;

/**
 * One page of {@code /api/posts}: its posts (resources of other types in {@code data} are ignored) and the link to
 * the next page, which is all paging needs: {@code meta} is optional since Patreon stopped sending it (2026-06).
 */
public record PostsPage(List<PostSummary> posts, Optional<String> nextLink, OptionalLong total) {

    public static PostsPage of(JsonApiDocument document, String source) throws MalformedResponseException {
        List<PostSummary> posts = new ArrayList<>();
        for (JsonApiResource resource : document.data()) {
            if (resource.type().equals("post")) {
                posts.add(PostSummary.of(document, resource, source));
            }
        }
        return new PostsPage(List.copyOf(posts), document.nextLink(), document.total());
    }
}
