package org.creatorarchiver.tools;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What yt-dlp says about a video before (or after) downloading it.
 *
 * @param duration                  seconds; yt-dlp often has none (plain files, HTML5 pages, HLS before 2025)
 * @param extractor                 yt-dlp's extractor name ({@code youtube}, {@code generic}, {@code html5}, …)
 * @param subtitleLanguages         languages with subtitles written by people
 * @param automaticCaptionLanguages languages with machine captions (YouTube lists ~150, most machine-translated)
 * @param playableInEmbed           whether the site lets the video play in an embedded player (YouTube says so;
 *                                  empty when the site does not tell)
 */
public record VideoInfo(
        String id,
        String title,
        Optional<Double> duration,
        String extractor,
        Set<String> subtitleLanguages,
        Set<String> automaticCaptionLanguages,
        Optional<Boolean> playableInEmbed) {

    public VideoInfo {
        subtitleLanguages = Collections.unmodifiableSortedSet(new TreeSet<>(subtitleLanguages));
        automaticCaptionLanguages = Collections.unmodifiableSortedSet(new TreeSet<>(automaticCaptionLanguages));
    }
}
