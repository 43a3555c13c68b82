package org.creatorarchiver.phase2.post;

import okhttp3.HttpUrl;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.content.MalformedContentException;
import org.creatorarchiver.patreon.content.PostContentReader;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.posts.PostSummary;

/**
 * Fetches one post fresh from {@code /api/posts/{id}} (signed media URLs expire, so phase 2 never works from the
 * listing's copy) and reads it; nothing is written until the whole post could be read.
 */
public final class PostFetcher {

    private final PatreonApi api;

    public PostFetcher(PatreonApi api) {
        this.api = api;
    }

    public PostPage fetch(String postId)
            throws HttpFailureException, MalformedResponseException, MalformedContentException, InterruptedException {
        HttpUrl url = api.postUrl(postId);
        String source = PatreonApi.describe(url);
        JsonApiDocument document = api.get(url);
        JsonApiResource post = document.data().stream()
                .filter(resource ->
                        resource.type().equals("post") && resource.id().equals(postId))
                .findFirst()
                .orElseThrow(() -> new MalformedResponseException(source, "no post " + postId + " in \"data\""));
        return new PostPage(document, post, PostSummary.of(document, post, source), PostContentReader.read(post));
    }
}
