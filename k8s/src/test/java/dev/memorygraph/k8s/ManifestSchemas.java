package dev.memorygraph.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON schemas for the resources under {@code k8s/}, closed: every object with declared properties
 * refuses others, so a misspelt field fails (the API server would drop it silently from a custom
 * resource, and {@code kubectl} only warns).
 *
 * <ul>
 *   <li>Kubernetes kinds: the schemas fabric8's {@code kubernetes-model-core/-batch/-rbac} 6.13.4
 *       jars carry ({@code schema/validation-schema.json}, Kubernetes 1.30's API), with quantities,
 *       int-or-strings and times as the scalars they are on the wire.
 *   <li>Operator kinds: the {@code openAPIV3Schema} of the Flink Kubernetes Operator's CRDs,
 *       vendored under {@code k8s/schemas/flink-kubernetes-operator-1.15.0/} (see the README
 *       there), open where the CRD says {@code x-kubernetes-preserve-unknown-fields}.
 * </ul>
 */
final class ManifestSchemas {

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** apiVersion/kind → fabric8 definition name. */
    private static final Map<String, String> KUBERNETES_KINDS =
            Map.of(
                    "v1/Namespace", "kubernetes_core_Namespace",
                    "v1/ConfigMap", "kubernetes_core_ConfigMap",
                    "v1/Secret", "kubernetes_core_Secret",
                    "v1/ServiceAccount", "kubernetes_core_ServiceAccount",
                    "batch/v1/CronJob", "kubernetes_batch_v1_CronJob",
                    "rbac.authorization.k8s.io/v1/Role", "kubernetes_rbac_v1_Role",
                    "rbac.authorization.k8s.io/v1/RoleBinding", "kubernetes_rbac_v1_RoleBinding");

    /** apiVersion/kind → vendored CRD file. */
    private static final Map<String, String> OPERATOR_KINDS =
            Map.of(
                    "flink.apache.org/v1beta1/FlinkDeployment",
                    "flinkdeployments.flink.apache.org-v1.yml",
                    "flink.apache.org/v1beta1/FlinkSessionJob",
                    "flinksessionjobs.flink.apache.org-v1.yml");

    /** Wire scalars that fabric8 models as objects. */
    private static final Set<String> SCALARS =
            Set.of(
                    "kubernetes_resource_Quantity",
                    "kubernetes_apimachinery_pkg_util_intstr_IntOrString",
                    "kubernetes_apimachinery_pkg_apis_Time",
                    "kubernetes_apimachinery_pkg_apis_MicroTime");

    private static final List<String> FABRIC8_KEYWORDS =
            List.of(
                    "javaType",
                    "existingJavaType",
                    "javaInterfaces",
                    "javaOmitEmpty",
                    "serializer",
                    "deserializer",
                    "extends",
                    "interfacesImpl",
                    "default");

    private final SchemaRegistry registry =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final ObjectNode kubernetesDefinitions;
    private final Path crdDirectory;

    ManifestSchemas(Path crdDirectory) {
        this.crdDirectory = crdDirectory;
        this.kubernetesDefinitions = JsonNodeFactory.instance.objectNode();
        for (String jar : List.of("core", "batch", "rbac")) {
            JsonNode definitions = fabric8Schema(jar).path("definitions");
            definitions
                    .fields()
                    .forEachRemaining(
                            e -> {
                                if (!kubernetesDefinitions.has(e.getKey())) {
                                    kubernetesDefinitions.set(e.getKey(), e.getValue());
                                }
                            });
        }
        for (String scalar : SCALARS) {
            ArrayNode types = JSON.createArrayNode().add("string").add("integer").add("number");
            kubernetesDefinitions.set(scalar, JSON.createObjectNode().set("type", types));
        }
        kubernetesDefinitions.forEach(ManifestSchemas::closeFabric8);
    }

    /** Whether {@code apiVersion/kind} has a schema here. */
    boolean knows(String apiVersionAndKind) {
        return KUBERNETES_KINDS.containsKey(apiVersionAndKind)
                || OPERATOR_KINDS.containsKey(apiVersionAndKind);
    }

    /** What is wrong with {@code resource}, as {@code path: message} lines; empty when valid. */
    List<String> validate(JsonNode resource) {
        String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
        Schema schema;
        if (KUBERNETES_KINDS.containsKey(type)) {
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/definitions/" + KUBERNETES_KINDS.get(type));
            root.set("definitions", kubernetesDefinitions);
            schema = registry.getSchema(root);
        } else if (OPERATOR_KINDS.containsKey(type)) {
            ObjectNode root = crdSchema(OPERATOR_KINDS.get(type));
            // what the API server adds to every custom resource's schema
            ObjectNode properties = (ObjectNode) root.path("properties");
            properties.set("apiVersion", JSON.createObjectNode().put("type", "string"));
            properties.set("kind", JSON.createObjectNode().put("type", "string"));
            properties.set(
                    "metadata",
                    JSON.createObjectNode()
                            .put(
                                    "$ref",
                                    "#/definitions/kubernetes_apimachinery_pkg_apis_ObjectMeta"));
            root.set("definitions", kubernetesDefinitions);
            schema = registry.getSchema(root);
        } else {
            return List.of("no schema for " + type);
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(resource)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    private ObjectNode crdSchema(String file) {
        JsonNode crd;
        try {
            crd = YAML.readTree(crdDirectory.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode schema = crd.path("spec").path("versions").get(0).path("schema");
        ObjectNode open = schema.path("openAPIV3Schema").deepCopy();
        return (ObjectNode) closeOpenApi(open);
    }

    // --- closing the schemas

    /**
     * fabric8: objects with properties become closed; its own keywords and draft-3 leftovers go.
     */
    private static void closeFabric8(JsonNode node) {
        if (node instanceof ObjectNode object) {
            FABRIC8_KEYWORDS.forEach(object::remove);
            if (object.path("required").isBoolean()) {
                object.remove("required");
            }
            if (object.has("properties")) {
                object.put("additionalProperties", false);
            }
            if (object.has("properties")) {
                object.path("properties").forEach(ManifestSchemas::closeFabric8);
            }
            for (String key : List.of("items", "additionalProperties", "definitions")) {
                JsonNode child = object.get(key);
                if (key.equals("definitions") && child != null) {
                    child.forEach(ManifestSchemas::closeFabric8);
                } else if (child != null && child.isObject()) {
                    closeFabric8(child);
                }
            }
        }
    }

    /** OpenAPI v3 of a CRD: closed unless it preserves unknown fields; int-or-string as scalar. */
    private static JsonNode closeOpenApi(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        if (object.path("x-kubernetes-int-or-string").asBoolean(false)) {
            ArrayNode types = JSON.createArrayNode().add("integer").add("string");
            return JSON.createObjectNode().set("type", types);
        }
        if (object.has("properties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        for (String key : List.of("properties")) {
            if (object.get(key) instanceof ObjectNode properties) {
                Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    field.setValue(closeOpenApi(field.getValue()));
                }
            }
        }
        for (String key : List.of("items", "additionalProperties")) {
            JsonNode child = object.get(key);
            if (child != null && child.isObject()) {
                object.set(key, closeOpenApi(child));
            }
        }
        return object;
    }

    private static JsonNode fabric8Schema(String module) {
        String resource = "schema/validation-schema.json";
        try {
            for (java.net.URL url :
                    java.util.Collections.list(
                            ManifestSchemas.class.getClassLoader().getResources(resource))) {
                if (url.toString().contains("kubernetes-model-" + module + "-")) {
                    try (InputStream in = url.openStream()) {
                        return JSON.readTree(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(
                "kubernetes-model-" + module + " schema not on the class path");
    }

    /** Every document of a multi-document YAML file. */
    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(Files.newInputStream(file))) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    out.add(document);
                }
            }
        }
        return out;
    }
}
