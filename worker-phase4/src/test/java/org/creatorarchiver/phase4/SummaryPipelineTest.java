package org.creatorarchiver.phase4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;
import static org.creatorarchiver.db.generated.Tables.SUMMARIES;
import static org.creatorarchiver.db.generated.Tables.SUMMARY_PARTS;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.tables.records.SummariesRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.phase4.store.SegmentsJson;
import org.creatorarchiver.phase4.summarize.SummaryPrompt;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.phase4.text.TimedText;
import org.creatorarchiver.testing.openai.Endpoint;
import org.creatorarchiver.testing.openai.OpenAiCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A completed transcript's summary: one call when it fits, map-reduce when not, never paid twice. */
class SummaryPipelineTest {

    @TempDir
    Path dir;

    private Phase4Harness archive;

    @BeforeEach
    void anEmptyArchiveAndAFreshFake() {
        archive = new Phase4Harness(dir.resolve("media"));
    }

    @AfterEach
    void stopTheFake() {
        archive.close();
    }

    @Test
    void aTranscriptThatFitsIsSummarizedInOneCallInTheConfiguredLanguageAndNeverAgain() throws Exception {
        long id = completedTranscript(segments(20));
        Settings settings = archive.settings();
        SummarizeHandler handler = archive.summarizeHandler(settings);

        handler.handle(new JobTypes.Summarize(id), archive.context());
        handler.handle(new JobTypes.Summarize(id), archive.context());

        List<OpenAiCall> calls = archive.api.paidCalls(Endpoint.CHAT);
        assertThat(calls).hasSize(1);
        SummariesRecord summary = archive.db.selectFrom(SUMMARIES).fetchSingle();
        assertThat(summary.getLanguage()).isEqualTo("es");
        assertThat(summary.getModel()).isEqualTo("deepseek-chat");
        assertThat(summary.getPromptVersion()).isEqualTo(SummaryPrompt.VERSION);
        assertThat(summary.getText()).isNotBlank();
        assertThat(summary.getInputTokens()).isEqualTo((int) calls.getFirst().promptTokens());
        assertThat(summary.getOutputTokens()).isEqualTo((int) calls.getFirst().completionTokens());
        BigDecimal expected = BigDecimal.valueOf(summary.getInputTokens() * 0.28 + summary.getOutputTokens() * 0.42)
                .movePointLeft(6);
        assertThat(summary.getCostUsd()).isEqualByComparingTo(expected.setScale(6, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void aTranscriptLongerThanTheInputLimitIsSummarizedByPartsThenCombinedEachRequestUnderTheLimit() throws Exception {
        archive.api.contextLimit(4_000);
        long id = completedTranscript(segments(400));
        Settings settings = archive.settings(600, Optional.empty(), 4_000);

        archive.summarizeHandler(settings).handle(new JobTypes.Summarize(id), archive.context());

        int parts = archive.db.fetchCount(SUMMARY_PARTS);
        assertThat(parts).isGreaterThanOrEqualTo(3);
        List<OpenAiCall> calls = archive.api.paidCalls(Endpoint.CHAT);
        assertThat(calls).hasSize(parts + 1);
        assertThat(calls).allSatisfy(call -> assertThat(call.promptTokens()).isLessThanOrEqualTo(4_000));
        SummariesRecord summary = archive.db.selectFrom(SUMMARIES).fetchSingle();
        assertThat(summary.getInputTokens()).isEqualTo((int)
                calls.stream().mapToLong(OpenAiCall::promptTokens).sum());
        assertThat(archive.db.fetchCount(PAID_CALLS, PAID_CALLS.COST_USD.isNotNull()))
                .isEqualTo(parts + 1);
    }

    @Test
    void aTranscriptNotCompletedOrWithoutTextIsNotSummarized() throws Exception {
        long empty = completedTranscript(List.of());
        long pending = archive.db
                .insertInto(TRANSCRIPTS)
                .set(TRANSCRIPTS.YOUTUBE_ID, "pendingvid1")
                .returning(TRANSCRIPTS.ID)
                .fetchSingle(TRANSCRIPTS.ID);
        SummarizeHandler handler = archive.summarizeHandler(archive.settings());

        handler.handle(new JobTypes.Summarize(empty), archive.context());
        handler.handle(new JobTypes.Summarize(pending), archive.context());

        assertThat(archive.api.calls()).isEmpty();
        assertThat(archive.db.fetchCount(SUMMARIES)).isZero();
    }

    /** {@code count} segments of about 100 characters each, five seconds apart. */
    private static List<Segment> segments(int count) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            segments.add(new Segment(
                    i * 5,
                    i * 5 + 5,
                    "In part " + i + " the speaker explains how the melody of"
                            + " the song changes, and why the chorus comes back twice."));
        }
        return segments;
    }

    private long completedTranscript(List<Segment> segments) {
        TimedText text = new TimedText(segments, Optional.of("en"));
        return archive.db
                .insertInto(TRANSCRIPTS)
                .set(TRANSCRIPTS.YOUTUBE_ID, "vid" + segments.size())
                .set(TRANSCRIPTS.STATUS, TranscriptStatus.completed)
                .set(TRANSCRIPTS.TEXT, text.text())
                .set(TRANSCRIPTS.SEGMENTS, SegmentsJson.write(segments))
                .returning(TRANSCRIPTS.ID)
                .fetchSingle(TRANSCRIPTS.ID);
    }
}
