package org.creatorarchiver.orchestrator.videos;

import java.util.List;
import java.util.Map;

/**
 * The skipped videos: totals over all that match, one page of them newest first, and the sources to flag. Both
 * {@code skipped} and the API print it with {@link SkippedVideosJson}.
 */
public record SkippedVideosReport(
        long totalSkipped, Map<String, Long> breakdown, List<SkippedVideo> videos, List<SkipAlert> alerts) {}
