package dev.memorygraph.batch.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Features} on small hand-built days: each contextual feature rises for its kind of trouble
 * and stays low for the look-alike that is normal (one slow answer, one failure, one long document,
 * a user's ordinary request inside their flood), and no feature is ever NaN or outside [0, CAP].
 */
class FeaturesTest {

    static final long DAY = 1_764_547_200_000L; // 2025-12-01T00:00:00Z
    static final int SPELL = Features.NAMES.indexOf("latency_spell");
    static final int FLOOD = Features.NAMES.indexOf("prompt_flood");
    static final int BURST = Features.NAMES.indexOf("error_burst");
    static final int COMPLETION = Features.NAMES.indexOf("completion_tokens");

    final Random random = new Random(11);

    @Test
    void aSpellOfSlowResponsesScoresButOneSlowAnswerDoesNot() {
        List<ResponseRow> rows = normalDay(4_000);
        int spellStart = rows.size();
        for (int i = 0; i < 60; i++) {
            ResponseRow r = normal(DAY + 10 * 3_600_000L + i * 10_000L, "user-" + i % 40);
            slow(r, 8);
            rows.add(r);
        }
        ResponseRow lone = normal(DAY + 16 * 3_600_000L, "user-3");
        slow(lone, 8);
        rows.add(lone);

        double[][] x = Features.of(rows);

        for (int i = spellStart; i < spellStart + 60; i++) {
            assertThat(x[i][SPELL]).as("spell row %d", i).isGreaterThanOrEqualTo(3.5);
        }
        assertThat(x[rows.size() - 1][SPELL]).as("one slow answer").isLessThan(3.5);
        assertBounded(x);
    }

    @Test
    void anErrorBurstScoresItsFailuresButNotALoneFailureOrTheSuccesses() {
        List<ResponseRow> rows = normalDay(4_000);
        int burstStart = rows.size();
        for (int i = 0; i < 40; i++) {
            ResponseRow r = normal(DAY + 12 * 3_600_000L + i * 5_000L, "user-" + i % 40);
            fail(r);
            rows.add(r);
        }
        ResponseRow lone = normal(DAY + 18 * 3_600_000L, "user-7");
        fail(lone);
        rows.add(lone);

        double[][] x = Features.of(rows);

        for (int i = burstStart; i < burstStart + 40; i++) {
            assertThat(x[i][BURST]).isGreaterThanOrEqualTo(3.5);
            assertThat(x[i][COMPLETION]).as("a failure's own measurements").isZero();
        }
        assertThat(x[rows.size() - 1][BURST]).as("a lone failure").isLessThan(3.5);
        for (int i = 0; i < burstStart; i++) {
            if (!rows.get(i).error) {
                assertThat(x[i][BURST]).isZero();
            }
        }
        assertBounded(x);
    }

    @Test
    void aUsersFloodOfLongPromptsScoresButTheirOrdinaryRequestAndOneLongDocumentDoNot() {
        List<ResponseRow> rows = normalDay(4_000);
        // user-5's usual day, then a flood of 150 long prompts in 30 minutes
        int floodStart = rows.size();
        for (int i = 0; i < 150; i++) {
            ResponseRow r = normal(DAY + 14 * 3_600_000L + i * 12_000L, "user-5");
            r.promptTokens = 30_000 + random.nextInt(40_000);
            rows.add(r);
        }
        ResponseRow ordinary = normal(DAY + 14 * 3_600_000L + 600_000L, "user-5");
        rows.add(ordinary);
        ResponseRow document = normal(DAY + 9 * 3_600_000L, "user-9");
        document.promptTokens = 25_000;
        rows.add(document);

        double[][] x = Features.of(rows);

        for (int i = floodStart; i < floodStart + 150; i++) {
            assertThat(x[i][FLOOD]).as("flood row %d", i).isGreaterThanOrEqualTo(3.5);
        }
        assertThat(x[rows.size() - 2][FLOOD]).as("their ordinary request").isLessThan(3.5);
        assertThat(x[rows.size() - 1][FLOOD]).as("one long document").isLessThan(3.5);
        assertBounded(x);
    }

    @Test
    void missingMeasurementsGiveZeroNotNaN() {
        List<ResponseRow> rows = normalDay(1_000);
        ResponseRow bare = new ResponseRow();
        bare.eventId = "bare";
        bare.modelId = "m";
        bare.userId = "user-1";
        bare.time = DAY + 3_600_000L;
        rows.add(bare);

        double[][] x = Features.of(rows);

        assertThat(x[rows.size() - 1]).containsOnly(0.0);
        assertBounded(x);
    }

    /** {@code n} ordinary responses of model m from 40 users, spread over the day. */
    List<ResponseRow> normalDay(int n) {
        List<ResponseRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ResponseRow r =
                    normal(DAY + (long) (random.nextDouble() * 86_400_000L), "user-" + i % 40);
            if (random.nextDouble() < 0.01) {
                fail(r);
            }
            rows.add(r);
        }
        return rows;
    }

    ResponseRow normal(long time, String user) {
        ResponseRow r = new ResponseRow();
        r.eventId = "r" + time + user + random.nextInt();
        r.modelId = "m";
        r.tenantId = "acme";
        r.userId = user;
        r.time = time;
        r.promptTokens = Math.round(600 * Math.exp(0.8 * random.nextGaussian()));
        r.completionTokens = Math.max(1, Math.round(300 * Math.exp(0.8 * random.nextGaussian())));
        r.ttftMs = 400 * Math.exp(0.3 * random.nextGaussian());
        r.latencyMs = r.ttftMs + r.completionTokens * 12 * Math.exp(0.25 * random.nextGaussian());
        r.costUsd = (r.promptTokens * 2.5 + r.completionTokens * 10) / 1e6;
        return r;
    }

    static void slow(ResponseRow r, double factor) {
        r.latencyMs = r.ttftMs + (r.latencyMs - r.ttftMs) * factor;
    }

    static void fail(ResponseRow r) {
        r.error = true;
        r.completionTokens = 0;
        r.ttftMs = Double.NaN;
        r.latencyMs = 300;
    }

    static void assertBounded(double[][] x) {
        for (double[] row : x) {
            for (double v : row) {
                assertThat(v).isBetween(0.0, Features.CAP);
            }
        }
    }
}
