package dev.memorygraph.batch.retention;

import java.util.List;

/**
 * One user's erasure: the user (in {@code tenant}, or in every tenant when it is {@code null}),
 * what the lake holds of them (event ids, Data Vault secrets, the files that hold their rows), and
 * the value an anonymised tag takes where a store cannot delete by user ({@code erased-<key>}).
 */
record UserErasure(
        String user,
        String tenant,
        String key,
        ArchivedIds ids,
        List<String> secrets,
        List<String> files) {

    /** The stand-in for the user id in a store that anonymises rather than deletes. */
    String anonymous() {
        return "erased-" + key.substring(0, 16);
    }
}
