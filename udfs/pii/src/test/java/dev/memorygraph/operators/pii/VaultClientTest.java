package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.core.retry.HttpRetry;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.testing.LocalDataVault;
import dev.memorygraph.testing.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link VaultClient} against a real HTTPS server that requires a client certificate. */
class VaultClientTest {

    @TempDir static Path dir;
    static TestPki pki;

    LocalDataVault vault;

    @BeforeAll
    static void certificates() throws Exception {
        pki = new TestPki(dir);
    }

    @BeforeEach
    void start() throws Exception {
        vault = new LocalDataVault(pki);
    }

    @AfterEach
    void stop() {
        if (vault != null) {
            vault.close();
        }
    }

    @Test
    void storesTheTextWithMutualTlsAndTheBearerKey() throws Exception {
        String id =
                client(pki.clientStore, vault.url())
                        .store("Call Jane at +1 415-555-2671", "acme", Map.of("type", "prompt"))
                        .get();

        assertThat(vault.secrets()).hasSize(1);
        LocalDataVault.Secret secret = vault.secrets().get(0);
        assertThat(id).isEqualTo(secret.id());
        assertThat(secret.text()).isEqualTo("Call Jane at +1 415-555-2671");
        assertThat(secret.tenantId()).isEqualTo("acme");
        assertThat(secret.metadata().get("type").asText()).isEqualTo("prompt");
        assertThat(secret.authorization()).isEqualTo("Bearer vault-key-123");
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        vault.failNext(2);

        String id = client(pki.clientStore, vault.url()).store("text", "acme", Map.of()).get();

        assertThat(id).isEqualTo("secret-3");
        assertThat(vault.requests()).isEqualTo(3);
    }

    @Test
    void aCertificateTheServerDoesNotTrustNeverGetsThrough() throws Exception {
        assertThatThrownBy(
                        () ->
                                client(pki.strangerStore, vault.url())
                                        .store("secret text", "acme", Map.of())
                                        .get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class)
                .satisfies(
                        e -> assertThat(e.getCause().getMessage()).doesNotContain("secret text"));
        assertThat(vault.requests()).isZero();
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() throws Exception {
        assertThatThrownBy(() -> client(null, vault.url()).store("text", "acme", Map.of()).get())
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class);
        assertThat(vault.requests()).isZero();
    }

    @Test
    void aServerThatIsDownFailsAfterTheRetries() throws Exception {
        URI url = vault.url();
        vault.close();
        vault = null;

        assertThatThrownBy(() -> client(pki.clientStore, url).store("text", "acme", Map.of()).get())
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class)
                .hasMessageContaining("after 3 retries");
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        vault.refuseAll();

        assertThatThrownBy(
                        () ->
                                client(pki.clientStore, vault.url())
                                        .store("text", "acme", Map.of())
                                        .get())
                .hasCauseInstanceOf(VaultClient.RejectedException.class);
        assertThat(vault.requests()).isEqualTo(1);
    }

    static VaultClient client(Path keyStore, URI url) throws Exception {
        return new VaultClient(
                url,
                "vault-key-123",
                VaultClient.sslContext(
                        keyStore == null ? null : keyStore.toString(),
                        pki.passwordFile.toString(),
                        pki.trustStore.toString(),
                        pki.passwordFile.toString()),
                Duration.ofSeconds(5),
                RetryPolicy.of("test", Duration.ofMillis(10), 2.0, Duration.ofSeconds(1), 3, 0.0));
    }
}
