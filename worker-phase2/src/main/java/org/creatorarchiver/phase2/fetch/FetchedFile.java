package org.creatorarchiver.phase2.fetch;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creatorarchiver.media.HashedFile;
import org.creatorarchiver.tools.SubtitleFile;

/**
 * A media item's bytes on local disk (under the worker's temp dir), hashed, not yet in the store.
 *
 * @param missingSubtitles the requested subtitle languages that did not download (yt-dlp went on without them)
 * @param measuredSeconds  the duration yt-dlp or ffprobe measured, when one was asked for
 */
public record FetchedFile(
        HashedFile file,
        String contentType,
        String extension,
        List<SubtitleFile> subtitles,
        Set<String> missingSubtitles,
        Optional<Double> measuredSeconds) {}
