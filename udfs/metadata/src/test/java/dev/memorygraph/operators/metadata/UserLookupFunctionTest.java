package dev.memorygraph.operators.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.UserInfo;
import dev.memorygraph.testing.LocalUserDirectory;
import dev.memorygraph.testing.TestEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user lookup against a local HTTP directory speaking the job's contract. */
class UserLookupFunctionTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir Path tmp;

    LocalUserDirectory directory;
    UserLookupFunction function;

    @BeforeEach
    void start() throws Exception {
        directory =
                LocalUserDirectory.start("user-key")
                        .put(
                                new LocalUserDirectory.User(
                                        "user-1",
                                        "acme",
                                        "acme-eu",
                                        Map.of("team", "search", "salary", "secret")));
    }

    @AfterEach
    void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        directory.close();
    }

    @Test
    void aPromptWithoutATenantTakesItsUsersAndOnlyAllowedAttributesAreKept() throws Exception {
        open(Duration.ofMinutes(10));
        EnrichedEvent prompt = call(prompt("p1", "user-1", null));

        assertThat(prompt.tenantId()).isEqualTo("acme");
        assertThat(prompt.event().prompt().prompt().metadata()).contains("\"tenantId\":\"acme\"");
        UserInfo user = prompt.metadata().user();
        assertThat(user.orgId()).isEqualTo("acme-eu");
        assertThat(user.attributesJson()).isEqualTo("{\"team\":\"search\"}");
        assertThat(user.source()).isEqualTo(UserInfo.SOURCE_DIRECTORY);
        assertThat(prompt.metadata().missing()).isEmpty();
    }

    @Test
    void theEventsOwnTenantWins() throws Exception {
        open(Duration.ofMinutes(10));
        EnrichedEvent prompt = call(prompt("p1", "user-1", "globex"));
        assertThat(prompt.tenantId()).isEqualTo("globex");
        assertThat(prompt.metadata().user().tenantId()).isEqualTo("acme");
    }

    @Test
    void eventsOfOneUserShareOneRequestAndTheCacheAnswersUntilItsTtl() throws Exception {
        open(Duration.ofMillis(300));
        List<CompletableFuture<EnrichedEvent>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(AsyncCalls.invoke(function, prompt("p" + i, "user-1", null)));
        }
        AsyncCalls.await(calls);
        assertThat(directory.requests()).isEqualTo(1);
        call(prompt("again", "user-1", null));
        assertThat(directory.requests()).isEqualTo(1);
        Thread.sleep(400);
        call(prompt("later", "user-1", null));
        assertThat(directory.requests()).isEqualTo(2);
    }

    @Test
    void anUnknownUserIsRememberedAndMissesNothing() throws Exception {
        open(Duration.ofMinutes(10));
        EnrichedEvent prompt = call(prompt("p1", "nobody", null));
        call(prompt("p2", "nobody", null));
        assertThat(prompt.metadata()).isNull();
        assertThat(prompt.tenantId()).isNull();
        assertThat(directory.requests()).isEqualTo(1);
    }

    @Test
    void withTheDirectoryDownEventsGoOnAtOnceWithStaleDataOrSayUserIsMissing() throws Exception {
        open(Duration.ofMillis(100));
        call(prompt("p1", "user-1", null));
        directory.setDown(true);
        Thread.sleep(150);

        EnrichedEvent stale = call(prompt("p2", "user-1", null));
        assertThat(stale.metadata().user().source()).isEqualTo(UserInfo.SOURCE_STALE);
        assertThat(stale.tenantId()).isEqualTo("acme");

        EnrichedEvent missing = call(prompt("p3", "user-2", null));
        assertThat(missing.metadata().missing()).containsExactly(Metadata.MISSING_USER);
        assertThat(missing.tenantId()).isNull();
        // 503 retried per user.retry (2 retries), then paused: the next user is not asked
        int asked = directory.requests();
        call(prompt("p4", "user-3", null));
        assertThat(directory.requests()).isEqualTo(asked);
    }

    @Test
    void responsesAndEventsWithoutAUserPassUnchanged() throws Exception {
        open(Duration.ofMinutes(10));
        EnrichedEvent response = new EnrichedEvent(TestEvents.response("r1", T0, "p1", "hi"), null);
        assertThat(call(response)).isSameAs(response);
        assertThat(directory.requests()).isZero();
    }

    private void open(Duration ttl) throws Exception {
        Path key = Files.writeString(tmp.resolve("user.key"), "user-key\n");
        function =
                AsyncCalls.opened(
                        new UserLookupFunction(
                                new UserDirectorySettings(
                                        directory.uri().toString(),
                                        key.toString(),
                                        ttl,
                                        Duration.ofSeconds(2),
                                        RetryPolicy.of(
                                                "user.retry",
                                                Duration.ofMillis(10),
                                                2.0,
                                                Duration.ofMillis(20),
                                                2,
                                                0.0),
                                        List.of("team", "role"),
                                        100)));
    }

    private EnrichedEvent call(EnrichedEvent event) throws Exception {
        return AsyncCalls.await(List.of(AsyncCalls.invoke(function, event))).get(0);
    }

    private static EnrichedEvent prompt(String id, String user, String tenant) {
        InboundEvent prompt = TestEvents.prompt(id, T0, "hello", "session-1", "gpt-4o");
        var p = prompt.prompt();
        var withUser =
                new dev.memorygraph.model.PromptEvent(
                        p.eventId(),
                        p.timestamp(),
                        p.prompt(),
                        new dev.memorygraph.model.SessionRef(
                                p.session().id(), user, p.session().applicationId(), null),
                        p.model(),
                        p.context(),
                        p.tags(),
                        p.traceContext());
        InboundEvent event = InboundEvent.of(withUser, prompt.origin());
        if (tenant != null) {
            event = InboundEvent.of(event.prompt().withTenant(tenant), event.origin());
        }
        return new EnrichedEvent(event, null);
    }
}
