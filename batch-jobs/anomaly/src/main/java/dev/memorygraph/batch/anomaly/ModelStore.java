package dev.memorygraph.batch.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The trained models, versioned by day under {@code anomaly.model-path} (any Flink file system: a
 * directory beside the lake, {@code s3://…}):
 *
 * <pre>
 *   &lt;path&gt;/day=2026-12-01/&lt;model&gt;.model   the model (Java serialization, Smile's forest inside)
 *   &lt;path&gt;/day=2026-12-01/&lt;model&gt;.json    what it is: model, version, day, features, threshold,
 *                                           rows trained on, the features' names
 * </pre>
 *
 * A rerun of a day loads that day's models and scores exactly as the first run; the next day's run
 * loads them as {@code previous} and trains on their samples and its own rows. Files are written
 * under a temporary name and renamed, so a crashed run leaves no half model.
 */
public final class ModelStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public ModelStore(String root) {
        this.root = new Path(root);
    }

    /** The models stored for {@code day}, by group; empty when there are none. */
    public Map<String, AnomalyModel> load(LocalDate day) throws IOException {
        Path dir = new Path(root, "day=" + day);
        FileSystem fs = dir.getFileSystem();
        Map<String, AnomalyModel> out = new TreeMap<>();
        if (!fs.exists(dir)) {
            return out;
        }
        for (FileStatus file : fs.listStatus(dir)) {
            String name = file.getPath().getName();
            if (!name.endsWith(".model")) {
                continue;
            }
            try (InputStream in = fs.open(file.getPath());
                    ObjectInputStream objects = new ObjectInputStream(in)) {
                AnomalyModel model = (AnomalyModel) objects.readObject();
                out.put(model.modelId, model);
            } catch (ClassNotFoundException e) {
                throw new IOException("unreadable model " + file.getPath(), e);
            }
        }
        return out;
    }

    /** Stores {@code models} as {@code day}'s (those already stored are left as they are). */
    public void save(LocalDate day, Map<String, AnomalyModel> models) throws IOException {
        Path dir = new Path(root, "day=" + day);
        FileSystem fs = dir.getFileSystem();
        fs.mkdirs(dir);
        for (AnomalyModel model : models.values()) {
            String name = model.modelId.replaceAll("[^A-Za-z0-9._-]", "_");
            Path target = new Path(dir, name + ".model");
            if (fs.exists(target)) {
                continue;
            }
            Path json = new Path(dir, name + ".json");
            write(
                    fs,
                    json,
                    out ->
                            out.write(
                                    JSON.writerWithDefaultPrettyPrinter()
                                            .writeValueAsBytes(describe(model))));
            write(
                    fs,
                    target,
                    out -> {
                        ObjectOutputStream objects = new ObjectOutputStream(out);
                        objects.writeObject(model);
                        objects.flush();
                    });
        }
    }

    private static ObjectNode describe(AnomalyModel model) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", model.modelId);
        node.put("version", model.version);
        node.put("day", model.day.toString());
        node.put("window_from", model.day.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        node.put(
                "window_until",
                model.day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        node.put("trained_on_rows", model.trainedOn);
        var thresholds = node.putArray("group_thresholds");
        for (int g = 0; g < AnomalyModel.GROUPS.length; g++) {
            var group = thresholds.addObject();
            var names = group.putArray("features");
            for (int f : AnomalyModel.GROUPS[g]) {
                names.add(model.features.get(f));
            }
            group.put("threshold", model.thresholds[g]);
            group.put("trees", model.forests[g].size());
        }
        var features = node.putArray("features");
        for (int f = 0; f < model.features.size(); f++) {
            features.add(model.features.get(f));
        }
        return node;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void write(FileSystem fs, Path target, Writer writer) throws IOException {
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".inprogress");
        try (OutputStream out = fs.create(temporary, FileSystem.WriteMode.OVERWRITE)) {
            writer.write(out);
        }
        if (!fs.rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
    }
}
