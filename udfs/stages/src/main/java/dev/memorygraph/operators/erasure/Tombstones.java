package dev.memorygraph.operators.erasure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The erased users: one small file per erasure in a directory, named by the SHA-256 of the tenant
 * (or {@code *}, any tenant) and the user id, so the list names no user in clear. Written by the
 * erasure job before it deletes anything; read by the streaming job's {@link ErasedUsersFilter}, so
 * a replay of the topic or a late event does not bring an erased user back.
 */
public final class Tombstones {

    /** The tenant of a tombstone that holds in every tenant. */
    public static final String ANY_TENANT = "*";

    static final String SUFFIX = ".tombstone";

    private Tombstones() {}

    /** The key of {@code user} in {@code tenant} ({@link #ANY_TENANT} for all tenants). */
    public static String key(String tenant, String user) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((tenant == null ? ANY_TENANT : tenant).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Records the erasure of {@code user} ({@code tenant} {@code null}: in every tenant). */
    public static String add(String dir, String tenant, String user, Instant at)
            throws IOException {
        String key = key(tenant, user);
        Path file = new Path(dir, key + SUFFIX);
        FileSystem fs = file.getFileSystem();
        fs.mkdirs(new Path(dir));
        try (FSDataOutputStream out = fs.create(file, FileSystem.WriteMode.OVERWRITE)) {
            out.write(
                    ("{\"key\":\"" + key + "\",\"erasedAt\":\"" + at + "\"}\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        return key;
    }

    /** The keys in {@code dir}; none when it does not exist yet. */
    public static Set<String> load(String dir) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem();
        Set<String> keys = new HashSet<>();
        if (!fs.exists(root)) {
            return keys;
        }
        FileStatus[] files = fs.listStatus(root);
        if (files == null) {
            return keys;
        }
        for (FileStatus file : files) {
            String name = file.getPath().getName();
            if (!file.isDir() && name.endsWith(SUFFIX)) {
                keys.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        return keys;
    }

    /** When each erasure in {@code dir} was recorded (for the compliance report). */
    public static java.util.List<Instant> erasedAt(String dir) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem();
        java.util.List<Instant> out = new java.util.ArrayList<>();
        if (!fs.exists(root)) {
            return out;
        }
        for (FileStatus file : fs.listStatus(root)) {
            if (file.isDir() || !file.getPath().getName().endsWith(SUFFIX)) {
                continue;
            }
            try (var in = fs.open(file.getPath())) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("\"erasedAt\":\"([^\"]+)\"").matcher(json);
                if (m.find()) {
                    out.add(Instant.parse(m.group(1)));
                }
            }
        }
        return out;
    }

    /** Whether {@code user} of {@code tenant} is erased, in that tenant or in all. */
    public static boolean erased(Set<String> keys, String tenant, String user) {
        if (user == null || keys.isEmpty()) {
            return false;
        }
        return keys.contains(key(ANY_TENANT, user))
                || (tenant != null && keys.contains(key(tenant, user)));
    }
}
