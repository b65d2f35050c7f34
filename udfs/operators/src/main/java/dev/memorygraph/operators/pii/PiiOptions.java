package dev.memorygraph.operators.pii;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** Configuration of stage 4 (PII detection and policies). */
public final class PiiOptions {

    private PiiOptions() {}

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("pii.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Whether the PII stage runs.");

    public static final ConfigOption<String> DEFAULT_POLICY =
            ConfigOptions.key("pii.policy.default")
                    .stringType()
                    .defaultValue("flag")
                    .withDescription(
                            "flag, redact or vault for tenants without their own policy, and for"
                                    + " responses (which carry no tenant).");

    public static final ConfigOption<String> TENANT_POLICIES =
            ConfigOptions.key("pii.policy.tenants")
                    .stringType()
                    .defaultValue("")
                    .withDescription("Per-tenant policies, e.g. acme:redact,globex:vault.");

    public static final ConfigOption<String> PHONE_REGION =
            ConfigOptions.key("pii.phone.default-region")
                    .stringType()
                    .defaultValue("US")
                    .withDescription("Region whose national phone formats are recognised.");

    public static final ConfigOption<String> PRESIDIO_URL =
            ConfigOptions.key("pii.ner.presidio-url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Presidio Analyzer base URL; when set, PERSON/ORG/GPE come from its"
                                    + " POST /analyze instead of the in-process recognizer.");

    public static final ConfigOption<String> VAULT_URL =
            ConfigOptions.key("pii.vault.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Data Vault base URL (https), required for the vault policy.");

    public static final ConfigOption<String> VAULT_API_KEY_FILE =
            ConfigOptions.key("pii.vault.api-key-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the vault's bearer key.");

    public static final ConfigOption<String> VAULT_KEY_STORE =
            ConfigOptions.key("pii.vault.key-store")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("PKCS#12 file with the client certificate and key (mTLS).");

    public static final ConfigOption<String> VAULT_KEY_STORE_PASSWORD_FILE =
            ConfigOptions.key("pii.vault.key-store-password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the key store's password.");

    public static final ConfigOption<String> VAULT_TRUST_STORE =
            ConfigOptions.key("pii.vault.trust-store")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "PKCS#12 file with the CA that signed the vault's certificate; the"
                                    + " JDK's trust store when unset.");

    public static final ConfigOption<String> VAULT_TRUST_STORE_PASSWORD_FILE =
            ConfigOptions.key("pii.vault.trust-store-password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the trust store's password.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("pii.http.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Timeout of one vault or Presidio request.");

    public static final ConfigOption<Duration> RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("pii.http.retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("First retry delay of a failed request; doubles per try.");

    public static final ConfigOption<Integer> RETRY_MAX_RETRIES =
            ConfigOptions.key("pii.http.retry.max-retries")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Retries of a failed vault or Presidio request (1 s, 2 s, 4 s).");

    public static final ConfigOption<Duration> ASYNC_TIMEOUT =
            ConfigOptions.key("pii.async.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "Per event; must exceed a Presidio call and a vault call with all their"
                                    + " retries (2 x 27 s with the defaults). An event that takes"
                                    + " longer goes to the dead-letter queue, redacted.");

    public static final ConfigOption<Integer> ASYNC_CAPACITY =
            ConfigOptions.key("pii.async.capacity")
                    .intType()
                    .defaultValue(100)
                    .withDescription("Events in flight per subtask.");

    /** The longest one HTTP call can take with its retries: every attempt times out. */
    static Duration worstCaseCall(ReadableConfig config) {
        int retries = config.get(RETRY_MAX_RETRIES);
        Duration backoffs = config.get(RETRY_INITIAL_BACKOFF).multipliedBy((1L << retries) - 1);
        return config.get(REQUEST_TIMEOUT).multipliedBy(retries + 1L).plus(backoffs);
    }
}
