package org.creatorarchiver.phase4.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.phase4.api.ChatApi;
import org.creatorarchiver.phase4.budget.DailyBudget;
import org.creatorarchiver.phase4.budget.Usage;
import org.creatorarchiver.phase4.store.SummaryRows;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.queue.JobFailure;
import org.jooq.DSLContext;

/**
 * Writes a transcript's summary: one request when the transcript fits {@code summary.max_input_tokens}, else
 * map-reduce: a partial summary per part (kept as it arrives, so a crash pays only for the parts not yet answered),
 * then one that combines them (in rounds, should the partial summaries themselves be too long for one request).
 */
public final class Summarizer {

    /** Room kept for the request's framing (roles, separators) besides the prompt and the text. */
    private static final int FRAMING_TOKENS = 100;

    private final DSLContext dsl;
    private final PaidChat chat;
    private final DailyBudget budget;
    private final Settings.Summary settings;

    public Summarizer(DSLContext dsl, ChatApi chat, DailyBudget budget, Settings.Summary settings) {
        this.dsl = dsl;
        this.chat = new PaidChat(chat, budget, settings);
        this.budget = budget;
        this.settings = settings;
    }

    public void summarize(SummaryRows.Key key, List<Segment> segments) throws Exception {
        String text = segments.stream().map(Segment::text).collect(Collectors.joining(" "));
        String whole = SummaryPrompt.whole(key.language());
        if (TokenEstimate.of(text) <= room(whole)) {
            PaidChat.Paid paid = chat.complete(key.transcriptId(), whole, text);
            keep(key, paid, paid.text(), List.of(paid.usage()));
            return;
        }
        mapReduce(key, segments);
    }

    private void mapReduce(SummaryRows.Key key, List<Segment> segments) throws Exception {
        List<SummaryRows.Part> parts = mapParts(key, segments);
        List<Usage> usages =
                new ArrayList<>(parts.stream().map(SummaryRows.Part::usage).toList());
        List<String> summaries = parts.stream().map(SummaryRows.Part::text).toList();
        while (summaries.size() > 1 && TokenEstimate.of(numbered(summaries)) > room(combinePrompt(key))) {
            summaries = combineInGroups(key, summaries, usages);
        }
        PaidChat.Paid paid = chat.complete(key.transcriptId(), combinePrompt(key), numbered(summaries));
        usages.add(paid.usage());
        keep(key, paid, paid.text(), usages);
    }

    /** The map step: every part's partial summary, answered now or by an earlier attempt. */
    private List<SummaryRows.Part> mapParts(SummaryRows.Key key, List<Segment> segments) throws Exception {
        List<String> texts = TranscriptParts.split(segments, room(SummaryPrompt.part(key.language(), 99, 99)));
        List<SummaryRows.Part> parts = new ArrayList<>(SummaryRows.parts(dsl, key));
        for (int index = parts.size(); index < texts.size(); index++) {
            String prompt = SummaryPrompt.part(key.language(), index + 1, texts.size());
            PaidChat.Paid paid = chat.complete(key.transcriptId(), prompt, texts.get(index));
            SummaryRows.Part part = new SummaryRows.Part(index, paid.text(), paid.usage());
            dsl.transaction(configuration -> {
                budget.settle(configuration.dsl(), paid.reservation(), paid.usage());
                SummaryRows.savePart(configuration.dsl(), key, part);
            });
            parts.add(part);
        }
        return parts;
    }

    /** One round of the reduce step when the partial summaries do not fit one request together. */
    private List<String> combineInGroups(SummaryRows.Key key, List<String> summaries, List<Usage> usages)
            throws Exception {
        List<Segment> asSegments =
                summaries.stream().map(text -> new Segment(0, 0, text)).toList();
        List<String> combined = new ArrayList<>();
        for (String group : TranscriptParts.split(asSegments, room(combinePrompt(key)))) {
            PaidChat.Paid paid = chat.complete(key.transcriptId(), combinePrompt(key), group);
            dsl.transaction(configuration -> budget.settle(configuration.dsl(), paid.reservation(), paid.usage()));
            usages.add(paid.usage());
            combined.add(paid.text());
        }
        if (combined.size() >= summaries.size()) {
            throw JobFailure.permanent("summary.max_input_tokens (" + settings.maxInputTokens()
                    + ") is too small to combine the partial summaries of transcript " + key.transcriptId());
        }
        return combined;
    }

    private void keep(SummaryRows.Key key, PaidChat.Paid paid, String text, List<Usage> usages) {
        dsl.transaction(configuration -> {
            budget.settle(configuration.dsl(), paid.reservation(), paid.usage());
            SummaryRows.save(configuration.dsl(), key, text, SummaryRows.sum(usages));
        });
    }

    private int room(String prompt) {
        return settings.maxInputTokens() - TokenEstimate.of(prompt) - FRAMING_TOKENS;
    }

    private static String combinePrompt(SummaryRows.Key key) {
        return SummaryPrompt.combine(key.language());
    }

    private static String numbered(List<String> summaries) {
        return IntStream.range(0, summaries.size())
                .mapToObj(i -> "Part " + (i + 1) + ":\n" + summaries.get(i))
                .collect(Collectors.joining("\n\n"));
    }
}
