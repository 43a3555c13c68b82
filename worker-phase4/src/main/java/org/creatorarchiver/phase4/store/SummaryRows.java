package org.creatorarchiver.phase4.store;

import static org.creatorarchiver.db.generated.Tables.SUMMARIES;
import static org.creatorarchiver.db.generated.Tables.SUMMARY_PARTS;

import java.math.BigDecimal;
import java.util.List;
import org.creatorarchiver.phase4.budget.Usage;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The {@code summaries} and {@code summary_parts} rows: a summary is paid once per {@link Key}. */
public final class SummaryRows {

    /** What a summary is of and how it was asked for: the same key is never paid twice. */
    public record Key(long transcriptId, String model, String language, int promptVersion) {}

    /** A partial summary of the map step, with what its call cost. */
    public record Part(int index, String text, Usage usage) {}

    private SummaryRows() {}

    public static boolean exists(DSLContext dsl, Key key) {
        return dsl.fetchExists(SUMMARIES, keyOf(key));
    }

    /** The parts answered so far, in order (a job resumed after a crash pays only for the others). */
    public static List<Part> parts(DSLContext dsl, Key key) {
        return dsl.selectFrom(SUMMARY_PARTS)
                .where(partsOf(key))
                .orderBy(SUMMARY_PARTS.PART_INDEX)
                .fetch(row -> new Part(
                        row.getPartIndex(),
                        row.getText(),
                        new Usage(0, row.getInputTokens(), row.getOutputTokens(), row.getCostUsd())));
    }

    public static void savePart(DSLContext tx, Key key, Part part) {
        tx.insertInto(SUMMARY_PARTS)
                .set(SUMMARY_PARTS.TRANSCRIPT_ID, key.transcriptId())
                .set(SUMMARY_PARTS.MODEL, key.model())
                .set(SUMMARY_PARTS.LANGUAGE, key.language())
                .set(SUMMARY_PARTS.PROMPT_VERSION, key.promptVersion())
                .set(SUMMARY_PARTS.PART_INDEX, part.index())
                .set(SUMMARY_PARTS.TEXT, part.text())
                .set(SUMMARY_PARTS.INPUT_TOKENS, part.usage().inputTokens())
                .set(SUMMARY_PARTS.OUTPUT_TOKENS, part.usage().outputTokens())
                .set(SUMMARY_PARTS.COST_USD, part.usage().costUsd())
                .execute();
    }

    /** @param total what every call of this summary cost, parts included */
    public static void save(DSLContext tx, Key key, String text, Usage total) {
        tx.insertInto(SUMMARIES)
                .set(SUMMARIES.TRANSCRIPT_ID, key.transcriptId())
                .set(SUMMARIES.MODEL, key.model())
                .set(SUMMARIES.LANGUAGE, key.language())
                .set(SUMMARIES.PROMPT_VERSION, key.promptVersion())
                .set(SUMMARIES.TEXT, text)
                .set(SUMMARIES.INPUT_TOKENS, total.inputTokens())
                .set(SUMMARIES.OUTPUT_TOKENS, total.outputTokens())
                .set(SUMMARIES.COST_USD, total.costUsd())
                .onConflictDoNothing()
                .execute();
    }

    public static Usage sum(List<Usage> usages) {
        return new Usage(
                usages.stream().mapToDouble(Usage::audioSeconds).sum(),
                usages.stream().mapToInt(Usage::inputTokens).sum(),
                usages.stream().mapToInt(Usage::outputTokens).sum(),
                usages.stream().map(Usage::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static Condition keyOf(Key key) {
        return SUMMARIES
                .TRANSCRIPT_ID
                .eq(key.transcriptId())
                .and(SUMMARIES.MODEL.eq(key.model()))
                .and(SUMMARIES.LANGUAGE.eq(key.language()))
                .and(SUMMARIES.PROMPT_VERSION.eq(key.promptVersion()));
    }

    private static Condition partsOf(Key key) {
        return SUMMARY_PARTS
                .TRANSCRIPT_ID
                .eq(key.transcriptId())
                .and(SUMMARY_PARTS.MODEL.eq(key.model()))
                .and(SUMMARY_PARTS.LANGUAGE.eq(key.language()))
                .and(SUMMARY_PARTS.PROMPT_VERSION.eq(key.promptVersion()));
    }
}
