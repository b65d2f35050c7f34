package dev.memorygraph.batch.retention;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings archives back as a lake: for the catalog's archives of a tenant and window, each object
 * still in {@code GLACIER} gets a restore request (the run then ends {@link ExitCode#INCOMPLETE};
 * rerun it once S3 has restored them, hours later), each readable one is downloaded, checked
 * against its recorded SHA-256, and its rows written into {@code dt=…/hour=…} partitions under
 * {@code restore.dir} in the lake's own format. Every bounded job then reads the restored data with
 * {@code --lake.path} set to that directory, through the same lake reader.
 */
public final class ArchiveRestore {

    public static final String NAME = "memory-graph archive restore";

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRestore.class);

    public static final ConfigOption<String> DIR =
            ConfigOptions.key("restore.dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Local directory the restored lake is written to.");

    public static final ConfigOption<Integer> DAYS =
            ConfigOptions.key("restore.days")
                    .intType()
                    .defaultValue(7)
                    .withDescription("How long S3 keeps a restored copy of a GLACIER object.");

    private ArchiveRestore() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, ArchiveRestore::run);
    }

    static BoundedJobs.Outcome run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        ArchivalOptions.Settings settings = ArchivalOptions.settings(config);
        Path dir =
                Path.of(
                        config.getOptional(DIR)
                                .orElseThrow(
                                        () ->
                                                dev.memorygraph.core.config.JobConfig.invalid(
                                                        DIR.key(), null, "where to restore to")));
        BoundedJobs.Window window =
                BoundedJobs.window(config)
                        .orElse(
                                new BoundedJobs.Window(
                                        Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z")));
        String tenant = config.get(ArchiveCatalog.TENANT);
        int objects = 0;
        int pending = 0;
        long rows = 0;
        try (ArchiveStore bucket = ArchiveStore.open(config, settings.bucket())) {
            for (Archive archive :
                    ArchiveCatalog.query(
                            bucket, settings.prefix(), tenant, window.from(), window.until())) {
                for (Archive.ArchiveObject object : archive.objects) {
                    if (tenant != null && !tenant.equals(object.tenant)) {
                        continue;
                    }
                    Path download =
                            dir.resolve(".download").resolve(object.sha256.replace('/', '_'));
                    if (!bucket.downloadOrRestore(object.key, download, config.get(DAYS))) {
                        pending++;
                        continue;
                    }
                    if (!object.sha256.equals(ArchivalJob.sha256(Files.readAllBytes(download)))) {
                        throw new IOException(object.key + " does not match its recorded checksum");
                    }
                    rows +=
                            partition(
                                    download,
                                    dir,
                                    object,
                                    config.get(EventLakeOptions.COMPRESSION));
                    Files.delete(download);
                    objects++;
                }
            }
        }
        LOG.info(
                "{}: {} objects, {} rows restored to {}; {} waiting for S3",
                NAME,
                objects,
                rows,
                dir,
                pending);
        return new BoundedJobs.Outcome(
                pending == 0 ? ExitCode.SUCCESS : ExitCode.INCOMPLETE,
                String.format(
                        "%d objects restored (%d rows) to %s; %d objects asked back from S3, rerun"
                                + " once they are restored",
                        objects, rows, dir.toUri(), pending));
    }

    /** Writes {@code file}'s rows into hour partitions under {@code dir}; returns the rows. */
    private static long partition(
            Path file, Path dir, Archive.ArchiveObject object, String compression)
            throws IOException {
        BulkWriter.Factory<EnrichedEvent> format = EventLake.fileWriter(compression);
        Map<String, BulkWriter<EnrichedEvent>> writers = new HashMap<>();
        Map<String, FSDataOutputStream> streams = new HashMap<>();
        // the tenant and the object's name: unique across the archives restored into one lake
        String name =
                "restored-"
                        + java.net.URLEncoder.encode(
                                object.tenant, java.nio.charset.StandardCharsets.UTF_8)
                        + "-"
                        + object.key.substring(object.key.lastIndexOf('/') + 1);
        long rows = 0;
        StreamFormat.Reader<EnrichedEvent> reader =
                EventLake.openFile(new org.apache.flink.core.fs.Path(file.toUri()));
        try {
            for (EnrichedEvent row = reader.read(); row != null; row = reader.read()) {
                String hour = EventLake.partitionOf(row.event().eventTime());
                BulkWriter<EnrichedEvent> writer = writers.get(hour);
                if (writer == null) {
                    Path target = dir.resolve(hour).resolve(name);
                    Files.createDirectories(target.getParent());
                    FSDataOutputStream out =
                            FileSystem.getLocalFileSystem()
                                    .create(
                                            new org.apache.flink.core.fs.Path(target.toUri()),
                                            FileSystem.WriteMode.OVERWRITE);
                    streams.put(hour, out);
                    writer = format.create(out);
                    writers.put(hour, writer);
                }
                writer.addElement(row);
                rows++;
            }
        } finally {
            reader.close();
            for (Map.Entry<String, BulkWriter<EnrichedEvent>> writer : writers.entrySet()) {
                writer.getValue().finish();
                streams.get(writer.getKey()).close();
            }
        }
        return rows;
    }
}
