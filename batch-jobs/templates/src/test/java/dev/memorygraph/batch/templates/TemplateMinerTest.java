package dev.memorygraph.batch.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alignment, the placeholder rule, noise tolerance and the split of merged templates. */
class TemplateMinerTest {

    final TemplateMiner miner = new TemplateMiner(3);

    @Test
    void tokensKeepEmailsUrlsDatesAndIdentifiersWholeAndPunctuationApart() {
        Tokens t = Tokens.of("Mail ana.lima@example.org about https://x.io/a-b on 2026-03-14, ok?");
        assertThat(t.keys)
                .containsExactly(
                        "mail",
                        "ana.lima@example.org",
                        "about",
                        "https://x.io/a-b",
                        "on",
                        "2026-03-14",
                        ",",
                        "ok",
                        "?");
        assertThat(Tokens.of("  two   spaces\n").keys).containsExactly("two", "spaces");
    }

    @Test
    void constantTokensStayAndVariableSpansBecomeNamedPlaceholdersWithTheirValues() {
        List<TemplateMiner.Mined> mined =
                miner.mine(
                        List.of(
                                "What is the weather in Paris on 2026-03-14?",
                                "What is the weather in New York on 14 March 2026?",
                                "What is the weather in Tokyo on 03/14/2026?",
                                "What is the weather in Rio de Janeiro on 2026-07-01?"));

        assertThat(mined).hasSize(1);
        assertThat(mined.get(0).template())
                .isEqualTo("What is the weather in {{var1}} on {{date}}?");
        assertThat(mined.get(0).instances())
                .extracting(TemplateMiner.Instance::values)
                .contains(Map.of("var1", "New York", "date", "14 March 2026"))
                .contains(Map.of("var1", "Rio de Janeiro", "date", "2026-07-01"));
    }

    @Test
    void placeholdersAreNamedByTheirValuesAndNumberedWhenUsedTwice() {
        assertThat(
                        Placeholders.names(
                                List.of(
                                        List.of("a@b.io", "c.d@e.org"),
                                        List.of("https://a.io", "www.b.org/x"),
                                        List.of("12", "3,400", "7.5"),
                                        List.of("4", "19"),
                                        List.of("Lisbon", "Osaka"),
                                        List.of("2026-01-02", "3 May 2026"))))
                .containsExactly("email", "url", "number", "number2", "var1", "date");
    }

    @Test
    void caseWhitespaceAndTrailingPunctuationNoiseDoNotChangeTheTemplate() {
        List<TemplateMiner.Mined> mined =
                miner.mine(
                        List.of(
                                "Summarize ticket 4411 for the billing team.",
                                "summarize ticket 5120 for the  billing team",
                                "Summarize ticket 77 for the billing team!",
                                "Summarize ticket 9 for the billing team.",
                                " Summarize ticket 1203 for the billing team.\n"));

        assertThat(mined).hasSize(1);
        assertThat(TemplateMiner.shape(mined.get(0).template()))
                .isEqualTo(
                        TemplateMiner.shape("Summarize ticket {{number}} for the billing team."));
        assertThat(mined.get(0).instances()).hasSize(5);
    }

    @Test
    void twoTemplatesMergedIntoOneClusterAreSplitApart() {
        List<TemplateMiner.Mined> mined =
                miner.mine(
                        List.of(
                                "Translate good morning into Spanish.",
                                "Translate see you tomorrow into German.",
                                "Translate the invoice is late into French.",
                                "Translate thank you very much into Italian.",
                                "Translate where is the station into Dutch.",
                                "Translate happy birthday into Polish.",
                                "Translate good night to Spanish, keep the tone and the formality.",
                                "Translate call me later to German, keep the tone and the formality.",
                                "Translate we are closed to French, keep the tone and the formality.",
                                "Translate nice to meet you to Greek, keep the tone and the formality."));

        assertThat(mined)
                .extracting(m -> TemplateMiner.shape(m.template()))
                .contains(
                        TemplateMiner.shape("Translate {{a}} into {{b}}."),
                        TemplateMiner.shape(
                                "Translate {{a}} to {{b}}, keep the tone and the formality."));
    }

    @Test
    void promptsWithoutEnoughConstantTextGiveNoTemplate() {
        assertThat(
                        miner.mine(
                                List.of(
                                        "Which houseplants survive in a dark bathroom?",
                                        "What causes the northern lights over Norway?",
                                        "Which wines go well with a spicy curry?",
                                        "What is a good gift for a retiring colleague?")))
                .isEmpty();
    }

    @Test
    void theShapeIgnoresCaseWhitespaceAndPlaceholderNames() {
        assertThat(TemplateMiner.shape("Hello {{name}} ,  see you on {{date}}!"))
                .isEqualTo(TemplateMiner.shape("hello {{var1}}, see you on {{var2}} !"));
    }

    @Test
    void quotedFreeTextOwnsItsPunctuation() {
        List<TemplateMiner.Mined> mined =
                miner.mine(
                        List.of(
                                "Classify this review: The battery died after two days, sadly.",
                                "Classify this review: Shipping was fast and nothing was damaged.",
                                "Classify this review: Bright screen but weak speakers.",
                                "Classify this review: I returned it because my strap broke.",
                                "Classify this review: Works as described, would buy it again.",
                                "Classify this review: Colours are not what photos show!"));

        assertThat(mined).hasSize(1);
        assertThat(TemplateMiner.shape(mined.get(0).template()))
                .isEqualTo(TemplateMiner.shape("Classify this review: {{text}}"));
        assertThat(mined.get(0).instances().get(0).values())
                .containsValue("The battery died after two days, sadly.");
    }

    @Test
    void aClauseThatGoesOnTheTemplatesSentenceLeavesItsMarkToTheTemplate() {
        List<TemplateMiner.Mined> mined =
                miner.mine(
                        List.of(
                                "Write a function called parse_rows that parses a CSV file into a list of rows.",
                                "Write a function called slugify that turns a post title into a URL slug.",
                                "Write a function called chunked that splits a list into batches of a given size.",
                                "Write a function called mask_card that masks all but the last four digits.",
                                "Write a function called retry that retries a request with exponential backoff."));

        assertThat(mined).hasSize(1);
        assertThat(TemplateMiner.shape(mined.get(0).template()))
                .isEqualTo(TemplateMiner.shape("Write a function called {{code}} that {{task}}."));
    }

    @Test
    void aQuantityAndItsUnitAreTwoPlaceholders() {
        List<TemplateMiner.Mined> mined =
                miner.mine(
                        List.of(
                                "Convert 12 kg to pounds.",
                                "Convert 3.5 miles to kilometres.",
                                "Convert 250 fluid ounces to litres.",
                                "Convert 1,200 grams to ounces!",
                                "Convert 40 km/h to mph."));

        assertThat(mined).hasSize(1);
        assertThat(mined.get(0).template()).isEqualTo("Convert {{number}} {{var1}} to {{var2}}.");
        assertThat(mined.get(0).instances())
                .extracting(TemplateMiner.Instance::values)
                .contains(Map.of("number", "250", "var1", "fluid ounces", "var2", "litres"));
        assertThat(Placeholders.quantityAndUnit(List.of("2026-03-14", "3 May 2026"))).hasSize(1);
    }

    @Test
    void aSpanMostMembersFillAlikeIsConstantEvenWhenTheReferenceParaphrasedIt() {
        List<String> texts = new java.util.ArrayList<>();
        String[] cities = {"Lisbon", "Osaka", "Quito", "Accra", "Hanoi", "Oslo", "Lima", "Perth"};
        for (String city : cities) {
            texts.add("Plan an itinerary of 3 days for " + city + " with one museum each day.");
        }
        texts.set(0, "Plan an trip of 3 days for Lisbon with one museum each day.");
        texts.set(4, "Plan an trip of 5 days for Hanoi with one museum each day.");

        List<TemplateMiner.Mined> mined = miner.mine(texts);

        assertThat(mined)
                .extracting(m -> TemplateMiner.shape(m.template()))
                .contains(
                        TemplateMiner.shape(
                                "Plan an itinerary of 3 days for {{city}} with one museum each day."));
    }
}
