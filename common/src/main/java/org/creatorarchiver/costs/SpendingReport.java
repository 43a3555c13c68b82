package org.creatorarchiver.costs;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the paid calls cost, as {@code costs}, {@code GET /api/v1/stats/costs} and phase 4's budget check read it.
 *
 * @param todayUsd       the current UTC day's calls, a reservation not yet answered counted at its estimate
 * @param totalUsd       every call ever made, counted the same way
 * @param dailyBudgetUsd {@code budget.daily_usd}, empty when there is no cap
 * @param audioMinutes   audio sent for transcription by the answered calls, in minutes
 * @param inputTokens    tokens sent to the summary API by the answered calls
 * @param outputTokens   tokens the summary API answered with
 */
public record SpendingReport(
        BigDecimal todayUsd,
        BigDecimal totalUsd,
        Optional<BigDecimal> dailyBudgetUsd,
        double audioMinutes,
        long inputTokens,
        long outputTokens) {

    /** True when a daily budget is set and today's spending has reached it: no new paid call until the next UTC day. */
    public boolean budgetReached() {
        return dailyBudgetUsd.isPresent() && todayUsd.compareTo(dailyBudgetUsd.get()) >= 0;
    }
}
