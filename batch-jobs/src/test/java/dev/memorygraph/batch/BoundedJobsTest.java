package dev.memorygraph.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedJobsTest {

    @Test
    void aDateAndAnHourAreWindowsOfTheirOwn() {
        assertThat(BoundedJobs.aliases(new String[] {"--date", "2026-12-01", "--x", "1"}))
                .containsExactly(
                        "--batch.from",
                        "2026-12-01T00:00:00Z",
                        "--batch.until",
                        "2026-12-02T00:00:00Z",
                        "--x",
                        "1");
        assertThat(BoundedJobs.aliases(new String[] {"--hour", "2026-12-01T23"}))
                .containsExactly(
                        "--batch.from",
                        "2026-12-01T23:00:00Z",
                        "--batch.until",
                        "2026-12-02T00:00:00Z");
        assertThat(BoundedJobs.aliases(new String[] {"--from", "a", "--until", "b"}))
                .containsExactly("--batch.from", "a", "--batch.until", "b");
    }

    @Test
    void aMalformedDateIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> BoundedJobs.aliases(new String[] {"--date", "2026-13-01"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("date")
                .hasMessageContaining("2026-13-01");
    }
}
