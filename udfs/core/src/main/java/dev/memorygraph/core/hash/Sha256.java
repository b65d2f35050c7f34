package dev.memorygraph.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the one hash the pipeline uses (text hashes, ids, DLQ headers). */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    /** One digest per thread: hashing runs on task threads and on async callback threads. */
    private static final ThreadLocal<MessageDigest> DIGEST =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("Every JDK has SHA-256", e);
                        }
                    });

    private Sha256() {}

    public static String hex(byte[] bytes) {
        return HEX.formatHex(DIGEST.get().digest(bytes));
    }

    /** The hash of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
