package org.creatorarchiver.orchestrator.web.archive;

import static org.creatorarchiver.db.generated.Tables.SUMMARIES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.tables.records.TranscriptsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The transcripts of a post's recordings (by stored file, or by YouTube id for an embed) with each one's summary: the
 * summary of the configured model and language first, else the newest.
 */
final class RecordingTranscripts {

    /** What was found for one post's recordings. */
    record Found(Map<Long, MediaView.TranscriptView> byFile, Map<String, MediaView.TranscriptView> byYouTubeId) {

        /** The transcript of a recording: by its stored file, else by its YouTube id; null when it has none. */
        MediaView.TranscriptView forRecording(Long mediaFileId, String youTubeId) {
            MediaView.TranscriptView byFileFound = mediaFileId == null ? null : byFile.get(mediaFileId);
            return byFileFound != null || youTubeId == null ? byFileFound : byYouTubeId.get(youTubeId);
        }
    }

    private final DSLContext dsl;
    private final Settings.Summary summarySettings;

    RecordingTranscripts(DSLContext dsl, Settings.Summary summarySettings) {
        this.dsl = dsl;
        this.summarySettings = summarySettings;
    }

    Found of(List<Long> mediaFileIds, List<String> youTubeIds) {
        if (mediaFileIds.isEmpty() && youTubeIds.isEmpty()) {
            return new Found(Map.of(), Map.of());
        }
        List<TranscriptsRecord> found = dsl.selectFrom(TRANSCRIPTS)
                .where(TRANSCRIPTS.MEDIA_FILE_ID.in(mediaFileIds).or(TRANSCRIPTS.YOUTUBE_ID.in(youTubeIds)))
                .fetch();
        return filed(
                found, summaries(found.stream().map(TranscriptsRecord::getId).toList()));
    }

    /** Each transcript under its content: its stored file, else its YouTube id. */
    private static Found filed(List<TranscriptsRecord> found, Map<Long, String[]> summaries) {
        Map<Long, MediaView.TranscriptView> byFile = new HashMap<>();
        Map<String, MediaView.TranscriptView> byYouTubeId = new HashMap<>();
        for (TranscriptsRecord transcript : found) {
            MediaView.TranscriptView view = view(transcript, summaries.get(transcript.getId()));
            if (transcript.getMediaFileId() != null) {
                byFile.put(transcript.getMediaFileId(), view);
            } else {
                byYouTubeId.put(transcript.getYoutubeId(), view);
            }
        }
        return new Found(byFile, byYouTubeId);
    }

    private static MediaView.TranscriptView view(TranscriptsRecord transcript, String[] summary) {
        return new MediaView.TranscriptView(
                transcript.getStatus().getLiteral(),
                transcript.getSource() == null ? null : transcript.getSource().getLiteral(),
                transcript.getText(),
                summary == null ? null : summary[0],
                summary == null ? null : summary[1]);
    }

    /** {text, language} of the summary shown for each transcript. */
    private Map<Long, String[]> summaries(List<Long> transcriptIds) {
        Field<Boolean> configured = DSL.field(
                SUMMARIES.MODEL.eq(summarySettings.model()).and(SUMMARIES.LANGUAGE.eq(summarySettings.language())));
        Map<Long, String[]> shown = new HashMap<>();
        dsl.select(SUMMARIES.TRANSCRIPT_ID, SUMMARIES.TEXT, SUMMARIES.LANGUAGE)
                .from(SUMMARIES)
                .where(SUMMARIES.TRANSCRIPT_ID.in(transcriptIds))
                .orderBy(configured.desc(), SUMMARIES.CREATED_AT.desc(), SUMMARIES.ID.desc())
                .forEach(row -> shown.putIfAbsent(row.value1(), new String[] {row.value2(), row.value3()}));
        return shown;
    }
}
