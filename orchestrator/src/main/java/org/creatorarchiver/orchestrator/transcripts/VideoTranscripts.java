package org.creatorarchiver.orchestrator.transcripts;

import static org.creatorarchiver.db.generated.Tables.SUMMARIES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.tables.records.TranscriptsRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Finds a video's transcript and the summary to show with it, for {@code transcript} and the API alike.
 *
 * <p>A transcript belongs to content, not to a video (docs/ARCHITECTURE.md, "Transcripts and summaries"): a YouTube
 * video's is the row whose {@code youtube_id} is the video's {@code external_id} (embedded or downloaded alike); any
 * other video's is the row of its stored file ({@code media_file_id}), so a video not downloaded has none. Only a
 * {@code completed} transcript is shown.
 *
 * <p>Of the transcript's summaries, the newest written with the configured {@code summary.model} and
 * {@code summary.language} is shown; when there is none (the settings changed since), the newest of any model and
 * language, rather than nothing.
 */
public final class VideoTranscripts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext dsl;
    private final Settings.Summary summarySettings;

    public VideoTranscripts(DSLContext dsl, Settings.Summary summarySettings) {
        this.dsl = dsl;
        this.summarySettings = summarySettings;
    }

    /** The completed transcript of video {@code videoId}, with its summary when it has one. */
    public VideoTranscript of(long videoId) throws TranscriptNotFoundException {
        VideosRecord video = dsl.selectFrom(VIDEOS).where(VIDEOS.ID.eq(videoId)).fetchOne();
        if (video == null) {
            throw new TranscriptNotFoundException("no video with id " + videoId);
        }
        TranscriptsRecord transcript = completedTranscript(video);
        return new VideoTranscript(
                videoId,
                transcript.getSource() == null ? null : transcript.getSource().getLiteral(),
                transcript.getLanguage(),
                transcript.getText() == null ? "" : transcript.getText(),
                segments(transcript.getSegments()),
                summary(transcript.getId()));
    }

    private TranscriptsRecord completedTranscript(VideosRecord video) throws TranscriptNotFoundException {
        Optional<Condition> content = contentOf(video);
        TranscriptsRecord transcript = content.isEmpty()
                ? null
                : dsl.selectFrom(TRANSCRIPTS).where(content.get()).fetchOne();
        if (transcript == null) {
            throw new TranscriptNotFoundException("video " + video.getId() + " has no transcript");
        }
        if (transcript.getStatus() != TranscriptStatus.completed) {
            throw new TranscriptNotFoundException("video " + video.getId() + " has no completed transcript (it is "
                    + transcript.getStatus().getLiteral() + ")");
        }
        return transcript;
    }

    /** The transcripts row of the video's content; empty for a non-YouTube video with no stored file. */
    private static Optional<Condition> contentOf(VideosRecord video) {
        if (video.getProvider() == VideoProvider.youtube) {
            return Optional.of(TRANSCRIPTS.YOUTUBE_ID.eq(video.getExternalId()));
        }
        return Optional.ofNullable(video.getMediaFileId()).map(TRANSCRIPTS.MEDIA_FILE_ID::eq);
    }

    private Optional<ShownSummary> summary(long transcriptId) {
        Field<Boolean> configured = DSL.field(
                SUMMARIES.MODEL.eq(summarySettings.model()).and(SUMMARIES.LANGUAGE.eq(summarySettings.language())));
        return dsl.select(SUMMARIES.TEXT, SUMMARIES.MODEL, SUMMARIES.LANGUAGE)
                .from(SUMMARIES)
                .where(SUMMARIES.TRANSCRIPT_ID.eq(transcriptId))
                .orderBy(configured.desc(), SUMMARIES.CREATED_AT.desc(), SUMMARIES.ID.desc())
                .limit(1)
                .fetchOptional(row -> new ShownSummary(row.value1(), row.value2(), row.value3()));
    }

    /** {@code [{"start", "end", "text"}]} as stored; a segment missing a time reads it as 0. */
    private static List<TranscriptSegment> segments(JSONB stored) {
        List<TranscriptSegment> segments = new ArrayList<>();
        for (JsonNode segment : parse(stored)) {
            segments.add(new TranscriptSegment(
                    segment.path("start").asDouble(),
                    segment.path("end").asDouble(),
                    segment.path("text").asText("")));
        }
        return segments;
    }

    private static JsonNode parse(JSONB stored) {
        try {
            return stored == null ? JSON.createArrayNode() : JSON.readTree(stored.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcripts.segments is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
