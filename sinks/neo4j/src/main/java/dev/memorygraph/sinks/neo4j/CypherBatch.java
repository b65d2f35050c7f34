package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.model.graph.RelationshipType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a batch of {@link GraphMutation}s into the parameterised Cypher statements of one
 * transaction. Statement texts are built from {@link NodeLabel} and {@link RelationshipType}
 * constants only; every data value travels as a parameter.
 *
 * <p>Statements run in this order: node upserts by label; relationship upserts by the label of
 * their shared end ({@link RelationshipType#sharedEnd}, in {@link NodeLabel} order), with rows
 * sorted by that end's id, so every transaction takes the write locks of shared nodes in one order
 * (label, then id) and session writers do not close lock cycles on them; then sequence links in
 * their original order. Within a node or relationship group, mutations of the same element are
 * coalesced (later properties win, as sequential {@code SET +=} would give) and rows are sorted by
 * id.
 *
 * <p>A relationship with an end that one sink subtask owns (a prompt, response or session, see
 * {@link NodeLabel#perSession}) is created with a guarded {@code CREATE} (create it unless that
 * relationship already exists, else update its properties) instead of {@code MERGE}. A {@code
 * MERGE} that creates a relationship locks both of its ends exclusively until commit, so every
 * transaction held write locks on the shared models, texts, templates and users it linked to, and
 * two subtasks' transactions deadlocked on them. Only the owning subtask writes such a
 * relationship, one batch at a time, so the guard cannot race and replays still leave one
 * relationship. Relationships between shared nodes ({@code BELONGS_TO}) keep {@code MERGE}.
 */
public final class CypherBatch {

    private static final Map<NodeLabel, String> NODE_STATEMENTS = new EnumMap<>(NodeLabel.class);
    private static final Map<RelationshipType, String> RELATIONSHIP_STATEMENTS =
            new EnumMap<>(RelationshipType.class);
    private static final Map<RelationshipType, String> SEQUENCE_STATEMENTS =
            new EnumMap<>(RelationshipType.class);

    static {
        for (NodeLabel label : NodeLabel.values()) {
            NODE_STATEMENTS.put(
                    label,
                    "UNWIND $rows AS row MERGE (n:"
                            + label.cypherName()
                            + " {id: row.id}) SET n += row.props");
        }
        for (RelationshipType type : RelationshipType.values()) {
            String ends =
                    "MERGE (a:"
                            + type.from().cypherName()
                            + " {id: row.from}) MERGE (b:"
                            + type.to().cypherName()
                            + " {id: row.to}) ";
            RELATIONSHIP_STATEMENTS.put(
                    type,
                    type.writtenBySessionOwner()
                            ? "UNWIND $rows AS row "
                                    + ends
                                    + "WITH a, b, row, COLLECT { MATCH (a)-[x:"
                                    + type.cypherName()
                                    + "]->(b) RETURN x } AS existing "
                                    + "FOREACH (x IN existing | SET x += row.props) "
                                    + "FOREACH (_ IN CASE WHEN size(existing) = 0 THEN [1] ELSE []"
                                    + " END | CREATE (a)-[r:"
                                    + type.cypherName()
                                    + "]->(b) SET r += row.props)"
                            : "UNWIND $rows AS row "
                                    + ends
                                    + "MERGE (a)-[r:"
                                    + type.cypherName()
                                    + "]->(b) SET r += row.props");
            // One row at a time (CALL per row), so each link sees the ones before it.
            SEQUENCE_STATEMENTS.put(
                    type,
                    "UNWIND $rows AS row CALL (row) { "
                            + ends
                            + "WITH a, b "
                            + "CALL (a, b) { MATCH (a)-[old:"
                            + type.cypherName()
                            + "]->(x) WHERE x <> b DELETE old } "
                            + "CALL (a, b) { MATCH (y)-[old:"
                            + type.cypherName()
                            + "]->(b) WHERE y <> a DELETE old } "
                            + "MERGE (a)-[r:"
                            + type.cypherName()
                            + "]->(b) SET r += row.props }");
        }
    }

    private static final Comparator<Group> BY_ID =
            Comparator.comparing((Group g) -> g.first)
                    .thenComparing(g -> g.second, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Relationship rows by their end node's id first: the shared end of a session's link. */
    private static final Comparator<Group> BY_SECOND_ID =
            Comparator.comparing((Group g) -> g.second).thenComparing(g -> g.first);

    /** One statement of the transaction and the number of mutations it carries. */
    public record Statement(String query, Map<String, Object> parameters, int mutations) {
        @Override
        public String toString() {
            return "Statement{" + query + ", " + mutations + " mutations}";
        }
    }

    private CypherBatch() {}

    public static List<Statement> plan(List<GraphMutation> batch) {
        Map<NodeLabel, Map<String, Group>> nodes = new EnumMap<>(NodeLabel.class);
        Map<RelationshipType, Map<String, Group>> relationships =
                new EnumMap<>(RelationshipType.class);
        Map<RelationshipType, List<GraphMutation>> sequences =
                new EnumMap<>(RelationshipType.class);
        for (GraphMutation m : batch) {
            switch (m.kind()) {
                case NODE ->
                        nodes.computeIfAbsent(m.label(), k -> new HashMap<>())
                                .computeIfAbsent(m.id(), k -> new Group(m.id(), null))
                                .add(m);
                case RELATIONSHIP ->
                        relationships
                                .computeIfAbsent(m.type(), k -> new HashMap<>())
                                .computeIfAbsent(
                                        m.fromId() + '\u0000' + m.toId(),
                                        k -> new Group(m.fromId(), m.toId()))
                                .add(m);
                case SEQUENCE_LINK ->
                        sequences.computeIfAbsent(m.type(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Statement> statements = new ArrayList<>();
        nodes.forEach(
                (label, groups) ->
                        statements.add(
                                statement(NODE_STATEMENTS.get(label), groups.values(), BY_ID)));
        // Shared nodes are locked in one order in every transaction: by label, then by id. A
        // session's batch locks them only in its relationship statements, one shared label each.
        List<RelationshipType> types = new ArrayList<>(relationships.keySet());
        types.sort(Comparator.comparingInt(CypherBatch::lockOrder));
        for (RelationshipType type : types) {
            Comparator<Group> order = type.sharedEnd() == type.to() ? BY_SECOND_ID : BY_ID;
            statements.add(
                    statement(
                            RELATIONSHIP_STATEMENTS.get(type),
                            relationships.get(type).values(),
                            order));
        }
        sequences.forEach(
                (type, links) -> {
                    List<Map<String, Object>> rows = new ArrayList<>(links.size());
                    for (GraphMutation link : links) {
                        rows.add(linkRow(link.fromId(), link.toId(), link.properties()));
                    }
                    statements.add(
                            new Statement(
                                    SEQUENCE_STATEMENTS.get(type),
                                    Map.of("rows", rows),
                                    rows.size()));
                });
        return statements;
    }

    private static int lockOrder(RelationshipType type) {
        return type.sharedEnd() == null ? -1 : type.sharedEnd().ordinal();
    }

    private static Statement statement(
            String query, Collection<Group> groups, Comparator<Group> order) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(order);
        List<Map<String, Object>> rows = new ArrayList<>(sorted.size());
        int mutations = 0;
        for (Group group : sorted) {
            rows.add(
                    group.second == null
                            ? Map.of("id", group.first, "props", driverValues(group.properties))
                            : linkRow(group.first, group.second, group.properties));
            mutations += group.count;
        }
        return new Statement(query, Map.of("rows", rows), mutations);
    }

    private static Map<String, Object> linkRow(
            String from, String to, Map<String, Object> properties) {
        return Map.of("from", from, "to", to, "props", driverValues(properties));
    }

    /** Instants become UTC date-times (Cypher {@code DATETIME}); other values pass as they are. */
    private static Map<String, Object> driverValues(Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>(Math.max(4, properties.size() * 2));
        properties.forEach(
                (name, value) ->
                        values.put(
                                name,
                                value instanceof Instant t
                                        ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC)
                                        : value));
        return values;
    }

    /** The mutations of one node or relationship in a batch, coalesced. */
    private static final class Group {
        final String first;
        final String second;
        final Map<String, Object> properties = new LinkedHashMap<>();
        int count;

        Group(String first, String second) {
            this.first = first;
            this.second = second;
        }

        void add(GraphMutation m) {
            properties.putAll(m.properties());
            count++;
        }
    }
}
