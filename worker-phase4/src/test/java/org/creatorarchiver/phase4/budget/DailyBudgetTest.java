package org.creatorarchiver.phase4.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creatorarchiver.db.generated.enums.PaidCallKind;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code budget.daily_usd}: calls reserved against the UTC day, postponed (not failed) once it is spent. */
class DailyBudgetTest {

    private final DSLContext db = TestDatabase.migrated();
    private final SettableClock clock = SettableClock.at("2026-12-03T22:30:00Z");

    private long transcriptId;

    @BeforeEach
    void aTranscriptAndNoCallsYet() {
        TestDatabase.truncateAll();
        transcriptId = db.insertInto(TRANSCRIPTS)
                .set(TRANSCRIPTS.YOUTUBE_ID, "dQw4w9WgXcQ")
                .returning(TRANSCRIPTS.ID)
                .fetchSingle(TRANSCRIPTS.ID);
    }

    @Test
    void callsAreReservedUntilTheDayIsSpentThenPostponedToTheNextUtcDayWithTheFigures() throws Exception {
        DailyBudget budget = new DailyBudget(db, Optional.of(0.10), clock);

        DailyBudget.Reservation first = budget.reserve(call("0.04"));
        budget.settle(db, first, new Usage(600, 0, 0, new BigDecimal("0.06")));
        budget.reserve(call("0.04"));

        assertThatThrownBy(() -> budget.reserve(call("0.01"))).isInstanceOfSatisfying(JobFailure.class, failure -> {
            assertThat(failure.outcome()).isEqualTo(new JobFailure.Postpone(Instant.parse("2026-12-04T00:00:00Z")));
            assertThat(failure.getMessage())
                    .isEqualTo("daily budget reached: $0.10 of $0.10 spent today (UTC);"
                            + " paid calls wait until 2026-12-04T00:00:00Z");
        });
        assertThat(db.fetchCount(PAID_CALLS)).isEqualTo(2);

        clock.advance(Duration.ofHours(2));
        budget.reserve(call("0.09"));
        assertThat(db.fetchCount(PAID_CALLS)).isEqualTo(3);
    }

    @Test
    void aCancelledCallNoLongerCountsButASettledOneCannotBeCancelled() throws Exception {
        DailyBudget budget = new DailyBudget(db, Optional.of(0.05), clock);
        DailyBudget.Reservation refused = budget.reserve(call("0.05"));
        budget.cancel(refused);

        DailyBudget.Reservation paid = budget.reserve(call("0.05"));
        budget.settle(db, paid, new Usage(0, 1000, 200, new BigDecimal("0.05")));
        budget.cancel(paid);

        assertThat(db.fetchCount(PAID_CALLS)).isEqualTo(1);
        assertThatThrownBy(() -> budget.reserve(call("0.01"))).isInstanceOf(JobFailure.class);
    }

    @Test
    void oneCallDearerThanTheWholeBudgetFailsForGoodNamingTheSettings() {
        DailyBudget budget = new DailyBudget(db, Optional.of(0.02), clock);

        assertThatThrownBy(() -> budget.reserve(call("0.06")))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("budget.daily_usd")
                .hasMessageContaining("transcription.chunk_seconds");
    }

    @Test
    void withoutABudgetEveryCallIsReservedAndRecorded() throws Exception {
        DailyBudget budget = new DailyBudget(db, Optional.empty(), clock);
        for (int i = 0; i < 5; i++) {
            budget.reserve(call("100"));
        }
        assertThat(db.fetchCount(PAID_CALLS)).isEqualTo(5);
    }

    @Test
    void workersReservingAtOnceNeverTogetherExceedTheBudget() throws Exception {
        DailyBudget budget = new DailyBudget(db, Optional.of(1.00), clock);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> attempts = new ArrayList<>();
        Callable<Boolean> reserveOne = () -> {
            try {
                budget.reserve(call("0.30"));
                return true;
            } catch (JobFailure postponed) {
                return false;
            }
        };
        for (int i = 0; i < 8; i++) {
            attempts.add(workers.submit(reserveOne));
        }
        int reserved = 0;
        for (Future<Boolean> attempt : attempts) {
            reserved += attempt.get() ? 1 : 0;
        }
        workers.shutdown();

        assertThat(reserved).isEqualTo(3);
        assertThat(db.fetchCount(PAID_CALLS)).isEqualTo(3);
    }

    private PaidCall call(String usd) {
        return new PaidCall(
                PaidCallKind.transcription, transcriptId, "whisper-1", "api.openai.com", new BigDecimal(usd));
    }
}
