package org.creatorarchiver.phase2.post;

import org.creatorarchiver.patreon.content.PostContent;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.posts.PostSummary;

/**
 * A post as {@code /api/posts/{id}} returns it, read: the document (for its included media), the post resource, the
 * listing-level facts and the rendered text.
 */
public record PostPage(JsonApiDocument document, JsonApiResource resource, PostSummary summary, PostContent content) {}
