package dev.memorygraph.operators.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-jar model: its dimension, unit vectors, and paraphrases nearer than unrelated text. */
class LocalEmbedderTest {

    @Test
    void paraphrasesAreCloserThanUnrelatedTextInUnitVectorsOf384() throws Exception {
        try (Embedder embedder = LocalEmbedder.factory().create()) {
            float[] a = embedder.embed("How do I reset my password?").get();
            float[] b = embedder.embed("What are the steps to change my password?").get();
            float[] c = embedder.embed("The quarterly revenue grew by four percent.").get();
            assertThat(a).hasSize(384);
            assertThat(dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(dot(a, b)).isGreaterThan(dot(a, c) + 0.3);
            assertThat(embedder.model()).isEqualTo("all-minilm-l6-v2-q");
        }
    }

    static double dot(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
