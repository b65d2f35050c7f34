package dev.memorygraph.operators.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void collapsesHorizontalWhitespaceAndTrims() {
        assertThat(TextNormalizer.normalize("  Hello \t\u00a0 world\u3000!  "))
                .isEqualTo("Hello world !");
    }

    @Test
    void unifiesLineBreaksAndKeepsOneEmptyLine() {
        assertThat(TextNormalizer.normalize("a  \r\nb\rc\u2028d\n\n\n\n  e  \n"))
                .isEqualTo("a\nb\nc\nd\n\ne");
    }

    @Test
    void removesZeroWidthAndControlCharactersButKeepsJoiners() {
        assertThat(TextNormalizer.normalize("\uFEFFa\u200Bb\u0000c\u0007")).isEqualTo("abc");
        assertThat(TextNormalizer.normalize("👩\u200D💻")).isEqualTo("👩\u200D💻");
    }

    @Test
    void composesToNfc() {
        assertThat(TextNormalizer.normalize("Cafe\u0301")).isEqualTo("Caf\u00e9");
    }

    @Test
    void layoutVariantsNormaliseAlike() {
        assertThat(TextNormalizer.normalize("Summarise   this\n\n\n\ttext."))
                .isEqualTo(TextNormalizer.normalize(" Summarise this\r\n\r\ntext. "));
    }

    @Test
    void blankMeansNothingLeftAfterNormalisation() {
        assertThat(TextNormalizer.isBlank(" \n\t\u00a0\u200B\r ")).isTrue();
        assertThat(TextNormalizer.isBlank(" x ")).isFalse();
        assertThat(TextNormalizer.normalize(" \n\t\u00a0\u200B\r ")).isEmpty();
    }
}
