package org.creatorarchiver.orchestrator.web.archive;

import java.time.Instant;
import java.util.List;

/**
 * A post as its page shows it.
 *
 * @param safeHtml   the creator's HTML after sanitizing ({@code CreatorHtml}); empty when the post has none
 * @param text       the post's plain text, shown when there is no HTML
 * @param patreonUrl the post on Patreon (http(s) only), or null
 * @param newerId    the creator's next newer post, or null; {@code olderId} likewise
 */
public record PostPage(
        long id,
        long sourceId,
        String creator,
        String title,
        Instant publishedAt,
        String postType,
        String patreonUrl,
        boolean locked,
        String status,
        String safeHtml,
        String text,
        List<MediaView> media,
        List<String> collections,
        Long newerId,
        Long olderId) {}
