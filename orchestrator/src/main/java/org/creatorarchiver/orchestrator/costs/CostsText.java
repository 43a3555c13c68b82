package org.creatorarchiver.orchestrator.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.creatorarchiver.costs.SpendingReport;

/**
 * The human-readable forms of the spending: {@code costs} prints a short invoice, {@code status} one line. Dollars
 * are shown with four decimals, since a summary can cost a fraction of a cent.
 */
public final class CostsText {

    private CostsText() {}

    /** Today, all time, the budget, then what was sent: audio minutes and tokens. */
    public static String invoice(SpendingReport spending) {
        StringBuilder out = new StringBuilder();
        out.append(row("today (UTC)", dollars(spending.todayUsd())));
        out.append(row("total", dollars(spending.totalUsd())));
        out.append(row("daily budget", budget(spending)));
        out.append(row("audio transcribed", String.format(Locale.ROOT, "%.2f min", spending.audioMinutes())));
        out.append(row("input tokens", String.format(Locale.ROOT, "%,d", spending.inputTokens())));
        out.append(row("output tokens", String.format(Locale.ROOT, "%,d", spending.outputTokens())));
        return out.toString();
    }

    /** {@code spent today: $0.4200 of $1.0000 daily budget}, with {@code (budget reached)} when so. */
    public static String todayAgainstBudget(SpendingReport spending) {
        return "spent today: " + dollars(spending.todayUsd()) + " of "
                + spending.dailyBudgetUsd().map(CostsText::dollars).orElse("no") + " daily budget"
                + (spending.budgetReached() ? " (budget reached)" : "");
    }

    private static String budget(SpendingReport spending) {
        if (spending.dailyBudgetUsd().isEmpty()) {
            return "none (budget.daily_usd is null)";
        }
        return dollars(spending.dailyBudgetUsd().get()) + (spending.budgetReached() ? ", budget reached" : "");
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-18s %s%n", label, value);
    }

    static String dollars(BigDecimal amount) {
        return "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
