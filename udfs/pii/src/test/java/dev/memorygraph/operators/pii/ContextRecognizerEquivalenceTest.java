package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules recognizer's findings on a fixed corpus (the PII and NER evaluation sets, generated
 * traffic, random strings: {@link PatternEquivalenceTest#corpus}), as a digest recorded before the
 * scan was made cheaper for issue 16 (a hand-written tokenizer instead of a regular expression,
 * cheap checks before expensive ones): the faster scan finds exactly the same spans and types. A
 * change of the rules changes the digest on purpose; record the new one with the change, after the
 * evaluation tests have measured it.
 */
class ContextRecognizerEquivalenceTest {

    static final String RECORDED =
            "f773cd416223089e8356211622a1dcf660b24e493441cd02a0b69f630218bf3e";

    @Test
    void findsExactlyWhatItFoundBeforeTheFasterScan() throws IOException {
        ContextRecognizer recognizer = new ContextRecognizer();
        MessageDigest digest = sha256();
        int findings = 0;
        List<String> texts = PatternEquivalenceTest.corpus();
        for (int i = 0; i < texts.size(); i++) {
            for (PiiFinding f : recognizer.find(texts.get(i))) {
                digest.update(
                        (i
                                        + ":"
                                        + f.type()
                                        + ":"
                                        + f.start()
                                        + ":"
                                        + f.end()
                                        + ":"
                                        + f.confidence()
                                        + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                findings++;
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        System.out.println("ContextRecognizer on the corpus: " + findings + " findings, " + actual);
        assertThat(findings).isGreaterThan(1_000);
        assertThat(actual).isEqualTo(RECORDED);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
