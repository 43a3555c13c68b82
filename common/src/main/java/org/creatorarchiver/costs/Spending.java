package org.creatorarchiver.costs;

import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;

/**
 * Reads what the paid calls ({@code paid_calls}) cost, for the budget check of phase 4 and for {@code costs} and
 * {@code status}. A call counts by {@code coalesce(cost_usd, estimated_usd)}: a reservation never answered (a crash
 * between the request and its answer) may have been paid, so it keeps counting at its estimate.
 *
 * <p>The budget's day is the UTC calendar day of the call's {@code called_at}, whatever the time zone of the machine
 * or of {@code clock}: from 00:00:00 UTC inclusive to the next 00:00:00 UTC exclusive, so every worker of every host
 * agrees on when the day starts again.
 */
public final class Spending {

    private static final Field<BigDecimal> AMOUNT = coalesce(PAID_CALLS.COST_USD, PAID_CALLS.ESTIMATED_USD);

    /** An answered call: its audio and tokens are what the API reported, a reservation's only an estimate. */
    private static final Condition SETTLED = PAID_CALLS.COST_USD.isNotNull();

    private Spending() {}

    /** The figures at {@code clock}'s instant, with {@code budget.daily_usd} to compare today's spending with. */
    public static SpendingReport read(DSLContext dsl, Clock clock, Settings.Budget budget) {
        Record5<BigDecimal, BigDecimal, BigDecimal, BigDecimal, BigDecimal> sums = sums(dsl, clock);
        return new SpendingReport(
                sums.value1(),
                sums.value2(),
                budget.dailyUsd().map(BigDecimal::valueOf),
                sums.value3().doubleValue() / 60,
                sums.value4().longValue(),
                sums.value5().longValue());
    }

    /** Today's and all-time amounts, then audio seconds and tokens of the answered calls (what the APIs reported). */
    private static Record5<BigDecimal, BigDecimal, BigDecimal, BigDecimal, BigDecimal> sums(
            DSLContext dsl, Clock clock) {
        return dsl.select(
                        zeroIfNull(sum(AMOUNT).filterWhere(today(clock))),
                        zeroIfNull(sum(AMOUNT)),
                        zeroIfNull(sum(PAID_CALLS.AUDIO_SECONDS).filterWhere(SETTLED)),
                        zeroIfNull(sum(PAID_CALLS.INPUT_TOKENS).filterWhere(SETTLED)),
                        zeroIfNull(sum(PAID_CALLS.OUTPUT_TOKENS).filterWhere(SETTLED)))
                .from(PAID_CALLS)
                .fetchSingle();
    }

    /** Only what today's calls cost (the cheaper query a worker runs before each paid call). */
    public static BigDecimal todayUsd(DSLContext dsl, Clock clock) {
        return spentOnDayOf(dsl, clock.instant());
    }

    /**
     * What the calls of the UTC day holding {@code instant} cost; for a caller inside a transaction that has already
     * read the time (a reservation checks and inserts at one instant).
     */
    public static BigDecimal spentOnDayOf(DSLContext dsl, Instant instant) {
        return dsl.select(zeroIfNull(sum(AMOUNT)))
                .from(PAID_CALLS)
                .where(dayOf(instant))
                .fetchSingle(0, BigDecimal.class);
    }

    /** True when {@code budget} caps the day and today's calls have reached it. */
    public static boolean budgetReached(DSLContext dsl, Clock clock, Settings.Budget budget) {
        Optional<Double> cap = budget.dailyUsd();
        return cap.isPresent() && todayUsd(dsl, clock).compareTo(BigDecimal.valueOf(cap.get())) >= 0;
    }

    /** When the current UTC day started (00:00:00 UTC). */
    public static Instant startOfDay(Clock clock) {
        return startOfDay(clock.instant());
    }

    /** When the next UTC day starts: a job held back by the budget may run again from then. */
    public static Instant startOfNextDay(Clock clock) {
        return startOfDay(clock.instant()).plus(1, ChronoUnit.DAYS);
    }

    /** 00:00:00 UTC of the day holding {@code instant} (an Instant's days are UTC days, whatever the zone). */
    private static Instant startOfDay(Instant instant) {
        return instant.truncatedTo(ChronoUnit.DAYS);
    }

    private static Condition today(Clock clock) {
        return dayOf(clock.instant());
    }

    private static Condition dayOf(Instant instant) {
        Instant start = startOfDay(instant);
        return PAID_CALLS.CALLED_AT.ge(utc(start)).and(PAID_CALLS.CALLED_AT.lt(utc(start.plus(1, ChronoUnit.DAYS))));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Field<BigDecimal> zeroIfNull(Field<BigDecimal> sum) {
        return coalesce(sum, inline(BigDecimal.ZERO));
    }
}
