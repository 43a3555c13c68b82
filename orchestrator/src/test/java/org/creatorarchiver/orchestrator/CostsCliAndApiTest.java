package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.costs.Spending;
import org.creatorarchiver.db.generated.enums.PaidCallKind;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code costs} and {@code GET /api/v1/stats/costs} over paid_calls rows: the same figures in the invoice, the JSON
 * of the CLI and the API's, today being the current UTC day and a reservation counting at its estimate.
 */
class CostsCliAndApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptRows rows;

    @BeforeEach
    void noCalls() {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        rows = new TranscriptRows(TestDatabase.migrated());
    }

    @Test
    void cliAndApiShowTheSameFiguresAndTheInvoiceReadsThem() throws Exception {
        callsYesterdayAndToday(Clock.systemUTC());

        JsonNode cli = cli("costs", "--json");
        CommandRun invoice = CommandRun.of("costs");

        try (TestApi api = TestApi.start()) {
            assertThat(cli).isEqualTo(api.json("/api/v1/stats/costs"));
        }
        assertThat(cli).isEqualTo(JSON.readTree("""
                {"today_usd": 0.62164, "total_usd": 1.62164, "daily_budget_usd": null, "budget_reached": false,
                 "audio_minutes": 30.0, "input_tokens": 10000, "output_tokens": 2000}"""));
        assertThat(invoice.exitCode()).as(invoice.err()).isZero();
        assertThat(invoice.out()).isEqualTo("""
                today (UTC)        $0.6216
                total              $1.6216
                daily budget       none (budget.daily_usd is null)
                audio transcribed  30.00 min
                input tokens       10,000
                output tokens      2,000
                """);
    }

    @Test
    void theBudgetIsReachedForTheRestOfTheUtcDayOnly() throws Exception {
        SettableClock clock = SettableClock.at("2026-12-03T20:00:00Z");
        callsYesterdayAndToday(clock);

        try (TestApi api = TestApi.start(withDailyBudget(0.5), clock)) {
            JsonNode today = api.json("/api/v1/stats/costs");
            clock.set(Instant.parse("2026-12-04T00:00:00Z"));
            JsonNode tomorrow = api.json("/api/v1/stats/costs");

            assertThat(today.path("daily_budget_usd").asDouble()).isEqualTo(0.5);
            assertThat(today.path("today_usd").asDouble()).isEqualTo(0.62164);
            assertThat(today.path("budget_reached").asBoolean()).isTrue();
            assertThat(tomorrow.path("today_usd").asDouble()).isZero();
            assertThat(tomorrow.path("total_usd").asDouble()).isEqualTo(1.62164);
            assertThat(tomorrow.path("budget_reached").asBoolean()).isFalse();
        }
    }

    @Test
    void anEmptyLedgerCostsNothing() throws Exception {
        assertThat(cli("costs", "--json")).isEqualTo(JSON.readTree("""
                {"today_usd": 0.0, "total_usd": 0.0, "daily_budget_usd": null, "budget_reached": false,
                 "audio_minutes": 0.0, "input_tokens": 0, "output_tokens": 0}"""));
    }

    /**
     * Yesterday $1 (1000 s); today $0.118 (1200 s), a summary of $0.00364 and an unanswered reservation of $0.5 (its
     * 5000 s never reached the API).
     */
    static void callsYesterdayAndToday(TranscriptRows rows, Clock clock) {
        Instant midnight = Spending.startOfDay(clock);
        rows.paidCall(PaidCallKind.transcription, midnight.minusMillis(1), 600, 0, 0, "1.000000", "1.000000");
        rows.paidCall(PaidCallKind.transcription, midnight, 1200, 0, 0, "0.120000", "0.118000");
        rows.paidCall(PaidCallKind.summary, clock.instant(), 0, 10_000, 2_000, "0.004000", "0.003640");
        rows.paidCall(PaidCallKind.transcription, midnight, 5000, 0, 0, "0.500000", null);
    }

    private void callsYesterdayAndToday(Clock clock) {
        callsYesterdayAndToday(rows, clock);
    }

    static Settings withDailyBudget(double usd) {
        Settings defaults = Settings.defaults();
        return new Settings(
                defaults.media(),
                defaults.queue(),
                defaults.scraping(),
                defaults.transcription(),
                defaults.summary(),
                new Settings.Budget(Optional.of(usd)));
    }

    private static JsonNode cli(String... args) throws Exception {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }
}
