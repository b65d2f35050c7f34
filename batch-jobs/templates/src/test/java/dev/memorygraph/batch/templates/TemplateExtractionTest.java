package dev.memorygraph.batch.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A day's prompts through {@link TemplateExtraction#forPrompts}: every copy of a text gets its
 * text's template, and copies beyond {@link TemplateExtraction#MAX_COPIES} change nothing.
 */
class TemplateExtractionTest {

    static final String[] CITIES = {"Lisbon", "Osaka", "Nairobi", "Toronto", "Krakow", "Quito"};

    @Test
    void everyCopyGetsItsTextsTemplateAndCopiesBeyondTheBoundChangeNothing() {
        TemplateExtraction.Result many = day(TemplateExtraction.MAX_COPIES * 3);
        TemplateExtraction.Result bounded = day(TemplateExtraction.MAX_COPIES);

        List<String> texts = texts(TemplateExtraction.MAX_COPIES * 3);
        assertThat(many.templates()).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int firstIndex = texts.indexOf(texts.get(i));
            assertThat(many.templates()[i]).isEqualTo(many.templates()[firstIndex]);
            assertThat(many.values().get(i)).isEqualTo(many.values().get(firstIndex));
        }
        // the texts sent many times (a text sent once beside them may be left alone: their
        // neighbour lists are full of their own copies, see TemplateClustering)
        for (int i = 2; i < texts.size() - 1; i++) {
            String text = texts.get(i);
            assertThat(many.templates()[i])
                    .as(text)
                    .isEqualTo("What will the weather be like in {{var1}} tomorrow?");
            assertThat(many.values().get(i))
                    .containsValue(text.substring(33, text.indexOf(" tomorrow")));
        }
        assertThat(many.templates()[texts.size() - 1]).isNull();
        assertThat(java.util.Arrays.stream(many.templates()).distinct().toList())
                .isEqualTo(java.util.Arrays.stream(bounded.templates()).distinct().toList());
        assertThat(many.clusters()).isEqualTo(bounded.clusters());
    }

    /** Two instances sent once, four sent {@code copies} times, and a one-off. */
    static List<String> texts(int copies) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < CITIES.length; i++) {
            for (int c = 0; c < (i < 2 ? 1 : copies); c++) {
                texts.add("What will the weather be like in " + CITIES[i] + " tomorrow?");
            }
        }
        texts.add("Write a haiku about autumn rain");
        return texts;
    }

    static TemplateExtraction.Result day(int copies) {
        Random random = new Random(3);
        float[] base = unit(random, null, 0);
        java.util.Map<String, float[]> byText = new java.util.HashMap<>();
        List<String> texts = texts(copies);
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            vectors.add(
                    byText.computeIfAbsent(
                            text,
                            t ->
                                    t.startsWith("Write")
                                            ? unit(random, null, 0)
                                            : unit(random, base, 0.02)));
        }
        return TemplateExtraction.forPrompts(
                texts, vectors.toArray(float[][]::new), TemplateExtraction.Options.defaults());
    }

    /**
     * A unit vector near {@code near} (at most {@code spread} off in each dimension), or random.
     */
    static float[] unit(Random random, float[] near, double spread) {
        float[] v = new float[384];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] =
                    near == null
                            ? (float) random.nextGaussian()
                            : near[d] + (float) ((random.nextDouble() * 2 - 1) * spread);
            norm += v[d] * v[d];
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
