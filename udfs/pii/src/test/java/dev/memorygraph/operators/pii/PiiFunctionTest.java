package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.testing.TestEvents;
import dev.memorygraph.testing.TestPki;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link PiiFunction} in Flink's async operator (a harness, no cluster) with the Data Vault down:
 * what each policy makes of an event with PII, and what an operator timeout makes of it. Clear text
 * never leaves the stage, in events or in letters.
 */
class PiiFunctionTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String TEXT = "Please forward the contract to " + EMAIL + " by Friday";

    @TempDir static Path dir;
    static TestPki pki;
    static Path keyFile;

    @BeforeAll
    static void certificates() throws Exception {
        pki = new TestPki(dir);
        keyFile = dir.resolve("vault-key.txt");
        Files.writeString(keyFile, "vault-key-123", StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(PiiPolicy.class)
    void theVaultBeingDownMattersOnlyToTheVaultPolicy(PiiPolicy policy) throws Exception {
        PiiFunction function = new PiiFunction(options(policy));
        List<PiiResult> results = run(function, event());

        assertThat(results).hasSize(1);
        PiiResult result = results.get(0);
        switch (policy) {
            case FLAG -> {
                assertThat(result.deadLetter()).isNull();
                assertThat(result.event().event().text()).isEqualTo(TEXT);
                assertThat(result.event().pii().types()).contains("EMAIL");
            }
            case REDACT -> {
                assertThat(result.deadLetter()).isNull();
                assertThat(result.event().event().text()).doesNotContain(EMAIL).contains("<EMAIL>");
            }
            case VAULT -> {
                assertThat(result.event()).isNull();
                assertThat(result.deadLetter().reason()).isEqualTo(ReasonCode.VAULT_UNAVAILABLE);
                assertThat(new String(result.deadLetter().value(), StandardCharsets.UTF_8))
                        .doesNotContain(EMAIL)
                        .contains("<EMAIL>");
                assertThat(result.deadLetter().message()).doesNotContain(EMAIL);
            }
        }
    }

    @Test
    void featuresDescribeTheRedactedTextSoEqualRedactionsShareThem() throws Exception {
        InboundEvent a =
                TestEvents.prompt(
                        "e-a", Instant.now(), "Write to jane.doe@example.com today please");
        InboundEvent b =
                TestEvents.prompt(
                        "e-b",
                        Instant.now(),
                        "Write to someone.with.a.much.longer.address@example.org today please");
        TextEnricher text = new TextEnricher(TextOptions.defaults());
        List<PiiResult> results = new ArrayList<>();
        for (InboundEvent event : List.of(a, b)) {
            results.addAll(
                    run(
                            new PiiFunction(options(PiiPolicy.REDACT)),
                            new EnrichedEvent(event, text.enrich(event))));
        }

        EnrichedEvent first = results.get(0).event();
        EnrichedEvent second = results.get(1).event();
        assertThat(first.event().text()).isEqualTo("Write to <EMAIL> today please");
        assertThat(first.text()).isEqualTo(second.text());
        assertThat(first.text()).isEqualTo(text.enrich(first.event()));
        assertThat(first.text().normalizedLength()).isEqualTo(first.event().text().length());
    }

    @Test
    void anOperatorTimeoutBecomesARedactedLetter() throws Exception {
        PiiFunction function = new PiiFunction(options(PiiPolicy.VAULT));
        OneInputStreamOperatorTestHarness<EnrichedEvent, PiiResult> harness = harness(function);
        harness.open();
        try {
            Collecting timedOut = new Collecting();
            function.timeout(event(), timedOut);

            assertThat(timedOut.results).hasSize(1);
            PiiResult result = timedOut.results.get(0);
            assertThat(result.deadLetter().reason()).isEqualTo(ReasonCode.VAULT_UNAVAILABLE);
            assertThat(new String(result.deadLetter().value(), StandardCharsets.UTF_8))
                    .doesNotContain(EMAIL);
        } finally {
            harness.close();
        }
    }

    private static List<PiiResult> run(PiiFunction function, EnrichedEvent event) throws Exception {
        OneInputStreamOperatorTestHarness<EnrichedEvent, PiiResult> harness = harness(function);
        harness.open();
        try {
            harness.processElement(new StreamRecord<>(event, 0L));
            harness.endInput();
            return new ArrayList<>(harness.extractOutputValues());
        } finally {
            harness.close();
        }
    }

    private static OneInputStreamOperatorTestHarness<EnrichedEvent, PiiResult> harness(
            PiiFunction function) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(
                        function,
                        TimeUnit.SECONDS.toMillis(60),
                        10,
                        AsyncDataStream.OutputMode.UNORDERED),
                TypeInformation.of(EnrichedEvent.class)
                        .createSerializer(new SerializerConfigImpl()));
    }

    private static EnrichedEvent event() {
        InboundEvent prompt = TestEvents.prompt("e-1", Instant.now(), TEXT);
        return new EnrichedEvent(prompt, new TextEnricher(TextOptions.defaults()).enrich(prompt));
    }

    /** Every PII option valid; the vault at a port where nothing listens. */
    private static PiiOptions options(PiiPolicy policy) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Configuration config = new Configuration();
        config.set(PiiOptions.DEFAULT_POLICY, policy.name().toLowerCase(java.util.Locale.ROOT));
        config.set(PiiOptions.VAULT_URL, "https://127.0.0.1:" + closed);
        config.set(PiiOptions.VAULT_API_KEY_FILE, keyFile.toString());
        config.set(PiiOptions.VAULT_KEY_STORE, pki.clientStore.toString());
        config.set(PiiOptions.VAULT_KEY_STORE_PASSWORD_FILE, pki.passwordFile.toString());
        config.set(PiiOptions.VAULT_TRUST_STORE, pki.trustStore.toString());
        config.set(PiiOptions.VAULT_TRUST_STORE_PASSWORD_FILE, pki.passwordFile.toString());
        config.set(PiiOptions.RETRY.initialBackoff, Duration.ofMillis(1));
        config.set(PiiOptions.REQUEST_TIMEOUT, Duration.ofSeconds(2));
        return PiiOptions.fromConfig(config);
    }

    private static final class Collecting implements ResultFuture<PiiResult> {
        final List<PiiResult> results = new ArrayList<>();

        @Override
        public void complete(Collection<PiiResult> result) {
            results.addAll(result);
        }

        @Override
        public void completeExceptionally(Throwable error) {
            throw new AssertionError(error);
        }

        @Override
        public void complete(CollectionSupplier<PiiResult> supplier) {
            try {
                results.addAll(supplier.get());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
