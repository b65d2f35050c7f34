package dev.memorygraph.batch.retention;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The ids the hot stores are cleared of after an archive is verified: its prompt and response event
 * ids and the ids of the sessions its events belong to. Kept as a gzip text object beside the
 * journal ({@code TYPE<TAB>id} lines), because the archive itself cannot be read back from {@code
 * GLACIER} without a restore.
 */
record ArchivedIds(
        List<String> prompts,
        List<String> responses,
        List<String> sessions,
        Map<String, String> promptTenants) {

    /** Collects ids in first-seen order, each once. */
    static final class Builder {
        private final Set<String> prompts = new LinkedHashSet<>();
        private final Set<String> responses = new LinkedHashSet<>();
        private final Set<String> sessions = new LinkedHashSet<>();
        private final Map<String, String> promptTenants = new HashMap<>();

        void prompt(String id, String tenant) {
            prompts.add(id);
            if (tenant != null) {
                promptTenants.put(id, tenant);
            }
        }

        void response(String id) {
            responses.add(id);
        }

        void session(String id) {
            if (id != null) {
                sessions.add(id);
            }
        }

        ArchivedIds build() {
            return new ArchivedIds(
                    List.copyOf(prompts),
                    List.copyOf(responses),
                    List.copyOf(sessions),
                    Map.copyOf(promptTenants));
        }
    }

    void write(Path file) throws IOException {
        try (BufferedWriter out =
                new BufferedWriter(
                        new OutputStreamWriter(
                                new GZIPOutputStream(Files.newOutputStream(file)),
                                StandardCharsets.UTF_8))) {
            for (String id : prompts) {
                String tenant = promptTenants.get(id);
                out.write("PROMPT\t" + id + (tenant == null ? "" : "\t" + tenant) + "\n");
            }
            lines(out, "RESPONSE", responses);
            lines(out, "SESSION", sessions);
        }
    }

    private static void lines(BufferedWriter out, String type, Collection<String> ids)
            throws IOException {
        for (String id : ids) {
            out.write(type);
            out.write('\t');
            out.write(id);
            out.write('\n');
        }
    }

    static ArchivedIds read(byte[] gzip) throws IOException {
        Builder ids = new Builder();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(new java.io.ByteArrayInputStream(gzip)),
                                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IOException("not an id list line");
                }
                String id = line.substring(tab + 1);
                switch (line.substring(0, tab)) {
                    case "PROMPT" -> {
                        int second = id.indexOf('\t');
                        if (second < 0) {
                            ids.prompt(id, null);
                        } else {
                            ids.prompt(id.substring(0, second), id.substring(second + 1));
                        }
                    }
                    case "RESPONSE" -> ids.response(id);
                    case "SESSION" -> ids.session(id);
                    default -> throw new IOException("unknown id type in an id list");
                }
            }
        }
        return ids.build();
    }

    /** The archived prompts by tenant ({@code null} for those without one). */
    Map<String, List<String>> promptsByTenant() {
        Map<String, List<String>> out = new HashMap<>();
        for (String id : prompts) {
            out.computeIfAbsent(promptTenants.get(id), t -> new ArrayList<>()).add(id);
        }
        return out;
    }

    /** All ids, for counts. */
    List<String> all() {
        List<String> all = new ArrayList<>(prompts);
        all.addAll(responses);
        all.addAll(sessions);
        return all;
    }
}
