package org.creatorarchiver.phase4;

import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.tables.records.TranscriptsRecord;
import org.creatorarchiver.jobs.JobTypes.Summarize;
import org.creatorarchiver.phase4.store.SegmentsJson;
import org.creatorarchiver.phase4.store.SummaryRows;
import org.creatorarchiver.phase4.summarize.Summarizer;
import org.creatorarchiver.phase4.summarize.SummaryPrompt;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobHandler;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 4's summary job for a completed transcript, in the settings' model and language and the current prompt
 * version. A summary already made for that key is never paid for again, whoever enqueued the job and how often.
 */
public final class SummarizeHandler implements JobHandler<Summarize> {

    private static final Logger log = LoggerFactory.getLogger(SummarizeHandler.class);

    private final DSLContext dsl;
    private final Summarizer summarizer;
    private final Settings.Summary settings;

    public SummarizeHandler(DSLContext dsl, Summarizer summarizer, Settings.Summary settings) {
        this.dsl = dsl;
        this.summarizer = summarizer;
        this.settings = settings;
    }

    @Override
    public void handle(Summarize job, JobContext context) throws Exception {
        Optional<TranscriptsRecord> transcript = completed(job.transcriptId());
        if (transcript.isEmpty()) {
            return;
        }
        SummaryRows.Key key =
                new SummaryRows.Key(job.transcriptId(), settings.model(), settings.language(), SummaryPrompt.VERSION);
        if (SummaryRows.exists(dsl, key)) {
            log.info("transcript {} already has its summary ({}): nothing to pay for", key.transcriptId(), key);
            return;
        }
        summarizer.summarize(key, SegmentsJson.read(transcript.get().getSegments()));
        log.info("transcript {} summarized in {} by {}", key.transcriptId(), key.language(), key.model());
    }

    /** The transcript when it is completed and says something; a summary of nothing is not paid for. */
    private Optional<TranscriptsRecord> completed(long transcriptId) {
        Optional<TranscriptsRecord> found = dsl.selectFrom(TRANSCRIPTS)
                .where(TRANSCRIPTS.ID.eq(transcriptId))
                .fetchOptional();
        if (found.isEmpty() || found.get().getStatus() != TranscriptStatus.completed) {
            log.info(
                    "transcript {} is not completed ({}): nothing to summarize",
                    transcriptId,
                    found.map(row -> row.getStatus().getLiteral()).orElse("gone"));
            return Optional.empty();
        }
        if (found.get().getText() == null || found.get().getText().isBlank()) {
            log.info("transcript {} has no text: nothing to summarize", transcriptId);
            return Optional.empty();
        }
        return found;
    }

    @Override
    public void onGaveUp(Summarize job, JobContext context, String reason) {
        // Summaries have no status column: the dead job (retry-dead) and this line are the record.
        log.warn("gave up the summary of transcript {}: {}", job.transcriptId(), reason);
    }
}
