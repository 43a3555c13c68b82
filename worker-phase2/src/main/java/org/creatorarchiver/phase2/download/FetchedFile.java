package org.creatorarchiver.phase2.download;

import org.creatorarchiver.media.HashedFile;
import org.creatorarchiver.phase2.tools.SubtitleFile;

import java.util.List;
import java.util.Optional;

/**
 * A media item's bytes on local disk (under the worker's temp dir), hashed, not yet in the store.
 *
 * @param measuredSeconds the duration yt-dlp or ffprobe measured, when one was asked for
 */
public record FetchedFile(HashedFile file, String contentType, String extension, List<SubtitleFile> subtitles,
                          Optional<Double> measuredSeconds) {
}
