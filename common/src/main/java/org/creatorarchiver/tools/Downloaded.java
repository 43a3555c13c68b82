package org.creatorarchiver.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The files one yt-dlp download left in its job directory. The caller moves them into the media store and
 * deletes the directory.
 *
 * @param missingSubtitles the languages yt-dlp meant to fetch subtitles in but wrote no file for: a subtitle that
 *                         fails to download is only a warning to yt-dlp
 * @param info             what yt-dlp knew about the video while downloading it (duration may still be empty: ask
 *                         {@link FfProbe})
 */
public record Downloaded(Path video, List<SubtitleFile> subtitles, Set<String> missingSubtitles, VideoInfo info) {

    public Downloaded {
        subtitles = List.copyOf(subtitles);
        missingSubtitles = Set.copyOf(missingSubtitles);
    }
}
