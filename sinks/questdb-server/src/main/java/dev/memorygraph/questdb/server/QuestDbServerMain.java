package dev.memorygraph.questdb.server;

import dev.memorygraph.childjvm.ChildJvm;

/**
 * Entry point of the child JVM that {@link EmbeddedQuestDb} starts: QuestDB's own server main,
 * stopped when the parent goes away. Its binds come from the environment ({@code QDB_*}).
 */
public final class QuestDbServerMain {

    private QuestDbServerMain() {}

    public static void main(String[] args) throws Exception {
        ChildJvm.exitWhenParentGone();
        io.questdb.ServerMain.main(args);
    }
}
