package org.creatorarchiver.transcripts;

import java.util.Objects;

/**
 * What one transcript is of, whichever posts show it: a stored file (a Patreon video or audio, a downloaded Vimeo
 * video) or a YouTube video, by id, embedded or downloaded alike. Exactly one of the two, as in the table.
 */
public sealed interface TranscriptContent {

    record StoredFile(long mediaFileId) implements TranscriptContent {}

    record YouTubeVideo(String youtubeId) implements TranscriptContent {
        public YouTubeVideo {
            Objects.requireNonNull(youtubeId, "youtubeId");
        }
    }

    static TranscriptContent ofFile(long mediaFileId) {
        return new StoredFile(mediaFileId);
    }

    static TranscriptContent ofYouTube(String youtubeId) {
        return new YouTubeVideo(youtubeId);
    }
}
