package org.creatorarchiver.orchestrator.costs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.creatorarchiver.costs.SpendingReport;

/**
 * The one JSON shape of the spending, printed by {@code costs --json} and answered by {@code GET /api/v1/stats/costs}:
 * {@code {"today_usd", "total_usd", "daily_budget_usd" (null: no cap), "budget_reached", "audio_minutes",
 * "input_tokens", "output_tokens"}}. Dollars are numbers with up to six decimals (as stored), minutes two.
 */
public final class CostsJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CostsJson() {}

    public static ObjectNode of(SpendingReport spending) {
        return NODES.objectNode()
                .put("today_usd", dollars(spending.todayUsd()))
                .put("total_usd", dollars(spending.totalUsd()))
                .put(
                        "daily_budget_usd",
                        spending.dailyBudgetUsd().map(CostsJson::dollars).orElse(null))
                .put("budget_reached", spending.budgetReached())
                .put("audio_minutes", minutes(spending.audioMinutes()))
                .put("input_tokens", spending.inputTokens())
                .put("output_tokens", spending.outputTokens());
    }

    /** As a plain JSON number: 0.5, not 0.500000 nor 5E-1. */
    private static Double dollars(BigDecimal amount) {
        return amount.setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    static double minutes(double minutes) {
        return BigDecimal.valueOf(minutes).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
