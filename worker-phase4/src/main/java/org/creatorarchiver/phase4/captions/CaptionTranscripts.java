package org.creatorarchiver.phase4.captions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.phase4.text.TimedText;
import org.creatorarchiver.queue.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captions become transcripts, with no paid call: the stored subtitles of a downloaded video, or the captions of a
 * YouTube video kept as an embed. The tracks are tried best first ({@link CaptionChoice}); one that cannot be read
 * or says nothing is logged and the next is tried. Empty means no usable captions: the audio goes to the
 * transcription API instead. Thread-safe.
 */
public final class CaptionTranscripts {

    private static final Logger log = LoggerFactory.getLogger(CaptionTranscripts.class);

    private final StoredCaptions stored;
    private final YouTubeCaptions youTube;
    private final Path scratchRoot;

    /** @param scratchRoot where YouTube captions are fetched to, in a directory of their own deleted afterwards */
    public CaptionTranscripts(StoredCaptions stored, YouTubeCaptions youTube, Path scratchRoot) {
        this.stored = stored;
        this.youTube = youTube;
        this.scratchRoot = scratchRoot;
    }

    /**
     * From the subtitles phase 2 stored with these videos (the rows of one recording).
     *
     * @param captionLanguages {@code transcription.caption_languages}, in order of preference
     */
    public Optional<CaptionTranscript> fromStored(Collection<Long> videoIds, List<String> captionLanguages) {
        return firstReadable(CaptionChoice.ranked(stored.forVideos(videoIds), captionLanguages));
    }

    /**
     * From a YouTube video's captions, fetched with yt-dlp without the video.
     *
     * @param video            a YouTube id or a watch URL
     * @param captionLanguages {@code transcription.caption_languages}, in order of preference
     * @throws JobFailure yt-dlp failed ({@link org.creatorarchiver.tools.ToolException}, to retry)
     */
    public Optional<CaptionTranscript> fromYouTube(String video, List<String> captionLanguages)
            throws JobFailure, InterruptedException {
        if (captionLanguages.isEmpty()) {
            return Optional.empty();
        }
        try (ScratchDirectory scratch = ScratchDirectory.under(scratchRoot)) {
            List<CaptionTrack> tracks = youTube.fetch(video, captionLanguages, scratch.path());
            return firstReadable(CaptionChoice.ranked(tracks, captionLanguages));
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
