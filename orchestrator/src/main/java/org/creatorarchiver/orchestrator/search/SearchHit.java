package org.creatorarchiver.orchestrator.search;

import java.util.Optional;

/**
 * One search result.
 *
 * @param kind    {@code post} (its title or text matched), {@code transcript} or {@code summary}
 * @param postId  the matching post, or for a transcript or summary the post that shows its recording
 * @param videoId the video that shows the transcript or summary; empty for a post, and for a recording that is an
 *                audio item of a post rather than a video
 * @param title   the post's title, or the video's (else its post's) for a transcript or summary; null when untitled
 * @param snippet the matching passage, matched words between {@link ArchiveSearch#MARK} marks
 */
public record SearchHit(String kind, long postId, Optional<Long> videoId, String title, String snippet) {}
