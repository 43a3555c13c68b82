package org.creatorarchiver.phase2.tools;

import java.nio.file.Path;
import java.util.List;

/**
 * The files one yt-dlp download left in its job directory. The caller moves them into the media store and
 * deletes the directory.
 *
 * @param info what yt-dlp knew about the video while downloading it (duration may still be empty: ask
 *             {@link FfProbe})
 */
public record Downloaded(Path video, List<SubtitleFile> subtitles, VideoInfo info) {

    public Downloaded {
        subtitles = List.copyOf(subtitles);
    }
}
