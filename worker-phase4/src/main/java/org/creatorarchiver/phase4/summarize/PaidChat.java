package org.creatorarchiver.phase4.summarize;

import java.net.URI;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PaidCallKind;
import org.creatorarchiver.phase4.api.ChatAnswer;
import org.creatorarchiver.phase4.api.ChatApi;
import org.creatorarchiver.phase4.budget.DailyBudget;
import org.creatorarchiver.phase4.budget.PaidCall;
import org.creatorarchiver.phase4.budget.Usage;

/** One chat completion under the daily budget: reserved at its estimate, sent, and priced by the reported usage. */
final class PaidChat {

    /** An answer not yet settled: the caller settles it in the transaction that keeps the text. */
    record Paid(String text, Usage usage, DailyBudget.Reservation reservation) {}

    private final ChatApi chat;
    private final DailyBudget budget;
    private final Settings.Summary settings;
    private final String host;

    PaidChat(ChatApi chat, DailyBudget budget, Settings.Summary settings) {
        this.chat = chat;
        this.budget = budget;
        this.settings = settings;
        this.host = URI.create(settings.baseUrl()).getHost();
    }

    /** Reserved at its estimate and sent; a failed request cancels its reservation ({@link DailyBudget#pay}). */
    Paid complete(long transcriptId, String system, String user) throws Exception {
        DailyBudget.Answered<ChatAnswer> answered = budget.pay(
                new PaidCall(PaidCallKind.summary, transcriptId, settings.model(), host, estimate(system, user)),
                () -> chat.complete(system, user));
        ChatAnswer answer = answered.answer();
        Usage usage = Usage.ofTokens(
                Math.toIntExact(answer.inputTokens()),
                Math.toIntExact(answer.outputTokens()),
                settings.pricePerMillionInput(),
                settings.pricePerMillionOutput());
        return new Paid(answer.text(), usage, answered.reservation());
    }

    private java.math.BigDecimal estimate(String system, String user) {
        return Usage.tokenCost(
                TokenEstimate.of(system) + TokenEstimate.of(user),
                TokenEstimate.ANSWER_TOKENS,
                settings.pricePerMillionInput(),
                settings.pricePerMillionOutput());
    }
}
