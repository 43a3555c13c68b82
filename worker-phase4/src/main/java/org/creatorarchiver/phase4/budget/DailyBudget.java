package org.creatorarchiver.phase4.budget;

import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.creatorarchiver.costs.Spending;
import org.creatorarchiver.queue.JobFailure;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code budget.daily_usd}: what paid calls may cost per UTC day. Every call is reserved with its estimate before it
 * is sent, so workers calling at once see each other's calls, then settled with what the API reported. A call that
 * does not fit waits for the next UTC day: its job is postponed, not failed. Reservations are serialized by a
 * transaction-level advisory lock, held only for the check and the insert.
 */
public final class DailyBudget {

    /** Any constant works: it only has to differ from other advisory locks of the archive (there are none). */
    private static final long RESERVATION_LOCK = 0x7472616e73637269L;

    private final DSLContext dsl;
    private final Optional<BigDecimal> dailyUsd;
    private final Clock clock;

    public DailyBudget(DSLContext dsl, Optional<Double> dailyUsd, Clock clock) {
        this.dsl = dsl;
        this.dailyUsd = dailyUsd.map(BigDecimal::valueOf);
        this.clock = clock;
    }

    /** A reserved call: settle it with what it cost, or cancel it when the API answered that nothing was done. */
    public record Reservation(long id) {}

    /** A paid request's answer with its reservation, to be settled in the transaction that keeps the answer. */
    public record Answered<T>(T answer, Reservation reservation) {}

    /** The request a reservation pays for. */
    @FunctionalInterface
    public interface PaidRequest<T> {
        T send() throws Exception;
    }

    /**
     * Reserves the call, then sends it. A request that brings no answer cancels its reservation: APIs charge for
     * answers only, and the job's retry reserves anew.
     *
     * @throws JobFailure as {@link #reserve} does, or the request's own failure
     */
    public <T> Answered<T> pay(PaidCall call, PaidRequest<T> request) throws Exception {
        Reservation reservation = reserve(call);
        try {
            return new Answered<>(request.send(), reservation);
        } catch (Exception | Error e) {
            cancel(reservation);
            throw e;
        }
    }

    /**
     * @throws JobFailure postponed to the next UTC day when the call does not fit what is left of today's budget;
     *     permanent when one call costs more than a whole day's budget
     */
    public Reservation reserve(PaidCall call) throws JobFailure {
        Instant now = clock.instant();
        Reserved reserved = dsl.transactionResult(configuration -> reserveIfFits(configuration.dsl(), call, now));
        if (reserved.id().isPresent()) {
            return new Reservation(reserved.id().get());
        }
        throw notReserved(call, reserved.spentToday(), now);
    }

    private JobFailure notReserved(PaidCall call, BigDecimal spentToday, Instant now) {
        BigDecimal budget = dailyUsd.orElseThrow();
        if (budget.signum() > 0 && call.estimatedUsd().compareTo(budget) > 0) {
            return JobFailure.permanent(
                    "one " + call.kind().getLiteral() + " call would cost " + usd(call.estimatedUsd())
                            + ", more than the whole daily budget of " + usd(budget)
                            + ": raise budget.daily_usd or lower transcription.chunk_seconds");
        }
        Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        return JobFailure.postpone(
                tomorrow,
                "daily budget reached: " + usd(spentToday) + " of " + usd(budget)
                        + " spent today (UTC); paid calls wait until " + tomorrow);
    }

    private record Reserved(Optional<Long> id, BigDecimal spentToday) {}

    private Reserved reserveIfFits(DSLContext tx, PaidCall call, Instant now) {
        tx.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(RESERVATION_LOCK)))
                .fetch();
        BigDecimal spent = Spending.spentOnDayOf(tx, now);
        if (dailyUsd.isPresent() && spent.add(call.estimatedUsd()).compareTo(dailyUsd.get()) > 0) {
            return new Reserved(Optional.empty(), spent);
        }
        long id = insert(tx, call, now);
        return new Reserved(Optional.of(id), spent);
    }

    private static long insert(DSLContext tx, PaidCall call, Instant now) {
        return tx.insertInto(PAID_CALLS)
                .set(PAID_CALLS.KIND, call.kind())
                .set(PAID_CALLS.TRANSCRIPT_ID, call.transcriptId())
                .set(PAID_CALLS.MODEL, call.model())
                .set(PAID_CALLS.HOST, call.host())
                .set(PAID_CALLS.ESTIMATED_USD, call.estimatedUsd())
                .set(PAID_CALLS.CALLED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .returning(PAID_CALLS.ID)
                .fetchSingle(PAID_CALLS.ID);
    }

    /** Records what the call used and cost, in the caller's transaction (with the answer it paid for). */
    public void settle(DSLContext tx, Reservation reservation, Usage usage) {
        tx.update(PAID_CALLS)
                .set(PAID_CALLS.COST_USD, usage.costUsd())
                .set(PAID_CALLS.AUDIO_SECONDS, usage.audioSeconds())
                .set(PAID_CALLS.INPUT_TOKENS, usage.inputTokens())
                .set(PAID_CALLS.OUTPUT_TOKENS, usage.outputTokens())
                .set(PAID_CALLS.SETTLED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .where(PAID_CALLS.ID.eq(reservation.id()))
                .execute();
    }

    /** The API refused the call (a status, not a lost answer): nothing was paid, the reservation goes. */
    public void cancel(Reservation reservation) {
        dsl.deleteFrom(PAID_CALLS)
                .where(PAID_CALLS.ID.eq(reservation.id()), PAID_CALLS.COST_USD.isNull())
                .execute();
    }

    /** Dollars as an invoice shows them: cents, or up to four decimals for the fractions of a cent calls cost. */
    static String usd(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$"
                + rounded.setScale(Math.max(2, rounded.scale()), RoundingMode.HALF_UP)
                        .toPlainString();
    }
}
