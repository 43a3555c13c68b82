package org.creatorarchiver.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PaidCallKind;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The day's and all-time spending read from real paid_calls rows, the UTC day boundary moved with a clock. */
class SpendingTest {

    private static final Settings.Budget NO_CAP = Settings.Budget.DEFAULTS;
    private static final Settings.Budget ONE_DOLLAR = new Settings.Budget(Optional.of(1.0));

    private final SettableClock clock = SettableClock.at("2026-12-03T23:59:59Z");
    private DSLContext db;

    @BeforeEach
    void noCalls() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
    }

    @Test
    void noCallsCostNothing() {
        SpendingReport report = Spending.read(db, clock, ONE_DOLLAR);

        assertThat(report.todayUsd()).isZero();
        assertThat(report.totalUsd()).isZero();
        assertThat(report.audioMinutes()).isZero();
        assertThat(report.inputTokens()).isZero();
        assertThat(report.budgetReached()).isFalse();
    }

    @Test
    void todayCountsOnlyTheCurrentUtcDayAndAReservationAtItsEstimate() {
        transcription("2026-12-02T23:59:59.999Z", 600, "0.060000", "0.060000");
        transcription("2026-12-03T00:00:00Z", 1200, "0.120000", "0.118000");
        summary("2026-12-03T12:00:00Z", 10_000, 2_000, "0.004000", "0.003640");
        reservation("2026-12-03T23:59:00Z", "0.500000");

        SpendingReport report = Spending.read(db, clock, NO_CAP);

        assertThat(report.todayUsd()).isEqualByComparingTo("0.621640");
        assertThat(report.totalUsd()).isEqualByComparingTo("0.681640");
        assertThat(report.audioMinutes()).isEqualTo(30.0);
        assertThat(report.inputTokens()).isEqualTo(10_000);
        assertThat(report.outputTokens()).isEqualTo(2_000);
        assertThat(report.dailyBudgetUsd()).isEmpty();
        assertThat(report.budgetReached()).as("no cap, nothing is ever reached").isFalse();
        assertThat(Spending.spentOnDayOf(db, Instant.parse("2026-12-02T00:00:00Z")))
                .isEqualByComparingTo("0.06");
    }

    @Test
    void theNextUtcDayStartsFromNothingWhateverTheClocksZone() {
        transcription("2026-12-03T10:00:00Z", 600, "1.000000", "1.000000");
        assertThat(Spending.budgetReached(db, clock, ONE_DOLLAR)).isTrue();

        clock.advance(Duration.ofSeconds(1));

        assertThat(Spending.todayUsd(db, clock)).isZero();
        assertThat(Spending.todayUsd(db, clock.withZone(ZoneId.of("America/Los_Angeles"))))
                .isZero();
        assertThat(Spending.budgetReached(db, clock, ONE_DOLLAR)).isFalse();
        assertThat(Spending.read(db, clock, ONE_DOLLAR).totalUsd()).isEqualByComparingTo("1");
    }

    @Test
    void theBudgetIsReachedAtItsAmountNotBefore() {
        transcription("2026-12-03T10:00:00Z", 600, "0.999999", "0.999999");
        assertThat(Spending.read(db, clock, ONE_DOLLAR).budgetReached()).isFalse();

        reservation("2026-12-03T11:00:00Z", "0.000001");

        SpendingReport report = Spending.read(db, clock, ONE_DOLLAR);
        assertThat(report.budgetReached()).isTrue();
        assertThat(report.dailyBudgetUsd()).hasValue(new BigDecimal("1.0"));
    }

    @Test
    void theDayRunsFromMidnightToMidnightUtc() {
        assertThat(Spending.startOfDay(clock)).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(Spending.startOfNextDay(clock)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(Spending.startOfDay(clock)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    }

    private void transcription(String calledAt, double audioSeconds, String estimated, String cost) {
        db.insertInto(PAID_CALLS)
                .set(PAID_CALLS.KIND, PaidCallKind.transcription)
                .set(PAID_CALLS.MODEL, "whisper-1")
                .set(PAID_CALLS.HOST, "api.openai.com")
                .set(PAID_CALLS.AUDIO_SECONDS, audioSeconds)
                .set(PAID_CALLS.ESTIMATED_USD, new BigDecimal(estimated))
                .set(PAID_CALLS.COST_USD, new BigDecimal(cost))
                .set(PAID_CALLS.CALLED_AT, at(calledAt))
                .set(PAID_CALLS.SETTLED_AT, at(calledAt))
                .execute();
    }

    private void summary(String calledAt, int input, int output, String estimated, String cost) {
        db.insertInto(PAID_CALLS)
                .set(PAID_CALLS.KIND, PaidCallKind.summary)
                .set(PAID_CALLS.MODEL, "deepseek-chat")
                .set(PAID_CALLS.HOST, "api.deepseek.com")
                .set(PAID_CALLS.INPUT_TOKENS, input)
                .set(PAID_CALLS.OUTPUT_TOKENS, output)
                .set(PAID_CALLS.ESTIMATED_USD, new BigDecimal(estimated))
                .set(PAID_CALLS.COST_USD, new BigDecimal(cost))
                .set(PAID_CALLS.CALLED_AT, at(calledAt))
                .set(PAID_CALLS.SETTLED_AT, at(calledAt))
                .execute();
    }

    /** A call reserved and never answered: its estimated audio does not count as minutes sent. */
    private void reservation(String calledAt, String estimated) {
        db.insertInto(PAID_CALLS)
                .set(PAID_CALLS.KIND, PaidCallKind.transcription)
                .set(PAID_CALLS.MODEL, "whisper-1")
                .set(PAID_CALLS.HOST, "api.openai.com")
                .set(PAID_CALLS.AUDIO_SECONDS, 5000.0)
                .set(PAID_CALLS.ESTIMATED_USD, new BigDecimal(estimated))
                .set(PAID_CALLS.CALLED_AT, at(calledAt))
                .execute();
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
