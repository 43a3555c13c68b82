package org.creatorarchiver.phase2.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.creatorarchiver.media.HashedFile;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.tools.DownloadRequest;
import org.creatorarchiver.tools.Downloaded;
import org.creatorarchiver.tools.FfProbe;
import org.creatorarchiver.tools.ToolException;
import org.creatorarchiver.tools.YtDlp;

/**
 * A video fetched by yt-dlp (Mux HLS with Patreon's Referer, YouTube with its subtitles), then hashed. Its duration
 * is what yt-dlp reports, else what ffprobe measures on the file.
 */
public final class VideoDownload {

    private final YtDlp ytDlp;
    private final FfProbe ffProbe;

    public VideoDownload(YtDlp ytDlp, FfProbe ffProbe) {
        this.ytDlp = ytDlp;
        this.ffProbe = ffProbe;
    }

    public YtDlp ytDlp() {
        return ytDlp;
    }

    /** The duration ffprobe measures on a video fetched without yt-dlp (a direct file). */
    public Optional<Double> measure(Path video) throws ToolException, InterruptedException {
        return ffProbe.duration(video);
    }

    /** @param jobDir a fresh directory under the worker's temp dir, for yt-dlp's files */
    public FetchedFile fetch(String url, Path jobDir, DownloadRequest request)
            throws ToolException, IOException, InterruptedException {
        Downloaded downloaded = ytDlp.download(url, jobDir, request);
        Optional<Double> seconds = duration(downloaded);
        HashedFile file = new HashingDownload(jobDir).adopt(downloaded.video());
        String extension = extension(downloaded.video());
        return new FetchedFile(
                file,
                "video/" + (extension.isEmpty() ? "mp4" : extension),
                extension,
                downloaded.subtitles(),
                downloaded.missingSubtitles(),
                seconds);
    }

    private Optional<Double> duration(Downloaded downloaded) throws ToolException, InterruptedException {
        Optional<Double> reported = downloaded.info().duration();
        return reported.isPresent() ? reported : ffProbe.duration(downloaded.video());
    }

    private static String extension(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
