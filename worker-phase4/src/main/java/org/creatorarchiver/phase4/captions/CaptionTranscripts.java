package org.creatorarchiver.phase4.captions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.phase4.text.TimedText;
import org.creatorarchiver.queue.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captions become transcripts, with no paid call: the stored subtitles of a downloaded video, or the captions of a
 * YouTube video fetched with yt-dlp. The tracks are tried best first ({@link CaptionChoice}, following
 * {@code transcription.caption_languages}); one that cannot be read or says nothing is logged and the next is
 * tried. Empty means no usable captions: the audio goes to the transcription API instead. Thread-safe.
 */
public final class CaptionTranscripts {

    private static final Logger log = LoggerFactory.getLogger(CaptionTranscripts.class);

    private final StoredCaptions stored;
    private final YouTubeCaptions youTube;
    private final Settings.Transcription settings;

    public CaptionTranscripts(StoredCaptions stored, YouTubeCaptions youTube, Settings.Transcription settings) {
        this.stored = stored;
        this.youTube = youTube;
        this.settings = settings;
    }

    /**
     * The caption transcript of one recording, when {@code transcription.use_captions} allows: its stored
     * subtitles first (nothing to fetch), else, for a YouTube video, its captions fetched from YouTube.
     *
     * @param youTubeVideo the recording's YouTube id (or watch URL) when it is a YouTube video, embedded or downloaded
     * @param videoIds     the {@code videos} rows whose recording it is (none for an audio file)
     * @param workDir      the job's own directory; fetched captions go to a directory inside it, deleted afterwards
     * @throws JobFailure yt-dlp failed ({@link org.creatorarchiver.tools.ToolException}): a retry
     */
    public Optional<CaptionTranscript> of(Optional<String> youTubeVideo, Collection<Long> videoIds, Path workDir)
            throws JobFailure, InterruptedException {
        if (!settings.useCaptions()) {
            return Optional.empty();
        }
        Optional<CaptionTranscript> fromStored = fromStored(videoIds);
        if (fromStored.isPresent() || youTubeVideo.isEmpty()) {
            return fromStored;
        }
        return fromYouTube(youTubeVideo.get(), workDir);
    }

    /** From the subtitles phase 2 stored with these videos (the rows of one recording). */
    public Optional<CaptionTranscript> fromStored(Collection<Long> videoIds) {
        return firstReadable(CaptionChoice.ranked(stored.forVideos(videoIds), settings.captionLanguages()));
    }

    /**
     * From a YouTube video's captions, fetched with yt-dlp without the video.
     *
     * @param video   a YouTube id or a watch URL
     * @param workDir where to make the (deleted afterwards) directory the captions are fetched to
     * @throws JobFailure yt-dlp failed ({@link org.creatorarchiver.tools.ToolException}): a retry
     */
    public Optional<CaptionTranscript> fromYouTube(String video, Path workDir) throws JobFailure, InterruptedException {
        List<String> languages = settings.captionLanguages();
        if (languages.isEmpty()) {
            return Optional.empty();
        }
        try (ScratchDirectory scratch = ScratchDirectory.under(workDir)) {
            return firstReadable(CaptionChoice.ranked(youTube.fetch(video, languages, scratch.path()), languages));
        }
    }

    /** The first track, best first, that reads into at least one segment. */
    static Optional<CaptionTranscript> firstReadable(List<CaptionTrack> ranked) {
        for (CaptionTrack track : ranked) {
            Optional<TimedText> text = read(track);
            if (text.isPresent() && text.get().segments().isEmpty()) {
                log.info("the {} captions {} have no text; trying the next track", track.language(), track.file());
            } else if (text.isPresent()) {
                return Optional.of(CaptionTranscript.of(text.get(), track));
            }
        }
        return Optional.empty();
    }

    /** Empty when the file cannot be read or is malformed (logged). */
    private static Optional<TimedText> read(CaptionTrack track) {
        try {
            return Optional.of(CaptionParser.parse(track.file(), track.language()));
        } catch (MalformedCaptionsException | IOException e) {
            log.warn(
                    "cannot read the {} captions {} ({}); trying the next track",
                    track.language(),
                    track.file(),
                    // a malformed file's message names the line; an I/O error's class says more than its path
                    e instanceof MalformedCaptionsException ? e.getMessage() : e.toString());
            return Optional.empty();
        }
    }
}
