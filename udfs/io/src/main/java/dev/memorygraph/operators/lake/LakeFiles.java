package dev.memorygraph.operators.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads the committed files of a lake on a local file system, for operators' tools and tests:
 * in-progress and pending files (hidden, dot-prefixed) are not counted.
 */
public final class LakeFiles {

    private LakeFiles() {}

    /** Committed Parquet files under {@code root}, or none if it does not exist yet. */
    public static List<Path> committedFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(
                            f -> {
                                String name = f.getFileName().toString();
                                return name.endsWith(EventLake.FILE_SUFFIX)
                                        && !name.startsWith(".");
                            })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Committed files per partition ({@code dt=.../hour=...}), in partition order. */
    public static java.util.SortedMap<String, Long> filesPerPartition(Path root) {
        java.util.SortedMap<String, Long> partitions = new java.util.TreeMap<>();
        for (Path file : committedFiles(root)) {
            partitions.merge(root.relativize(file.getParent()).toString(), 1L, Long::sum);
        }
        return partitions;
    }

    /** Rows in the committed files, from their Parquet footers. */
    public static long committedRows(Path root) {
        long rows = 0;
        for (Path file : committedFiles(root)) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                rows += reader.getRecordCount();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read footer of " + file, e);
            }
        }
        return rows;
    }
}
