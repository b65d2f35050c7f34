package dev.memorygraph.local;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CPU time of this JVM's threads while a job runs, grouped by thread name: in a MiniCluster each
 * task runs in a thread named after its operators ("Text features (stage 3) (1/2)#0"), so with
 * chaining off this is each operator's CPU time, all subtasks together. Sampled every 200 ms (a
 * thread's CPU time is only readable while it lives); the last sample of each thread counts.
 */
final class ThreadCpu extends Thread {

    /** " (1/2)#0" and the like: the subtask and attempt of a task thread's name. */
    private static final Pattern SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)(#\\d+)?$");

    /** The numbers of pooled threads: "-3", " 12", "#1". */
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> cpuNanos = new HashMap<>();
    private final Map<Long, Long> before = new HashMap<>();
    private volatile boolean running = true;

    /** Threads that already run (main, the JIT's) count from now on. */
    ThreadCpu() {
        super("thread-cpu-sampler");
        setDaemon(true);
        threads.setThreadCpuTimeEnabled(true);
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                before.put(id, cpu);
            }
        }
    }

    @Override
    public void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (infos[i] != null && cpu >= 0) {
                names.put(ids[i], infos[i].getThreadName());
                cpuNanos.put(ids[i], cpu);
            }
        }
    }

    /** Stops sampling; CPU ms by thread name without its subtask suffix. */
    Map<String, Double> finish() throws InterruptedException {
        running = false;
        interrupt();
        join();
        return snapshot(true);
    }

    /**
     * CPU ms of every thread so far by thread name without its subtask suffix and, with {@code
     * numbered} false, without the numbers of pooled threads ("kafka-request-handler-3" counts as
     * "kafka-request-handler-#"). Sampled now; the sampler keeps running.
     */
    synchronized Map<String, Double> snapshot(boolean numbered) {
        sample();
        Map<String, Double> byName = new TreeMap<>();
        cpuNanos.forEach(
                (id, nanos) -> {
                    String name = SUBTASK.matcher(names.get(id)).replaceAll("");
                    byName.merge(
                            numbered ? name : NUMBER.matcher(name).replaceAll("#"),
                            (nanos - before.getOrDefault(id, 0L)) / 1e6,
                            Double::sum);
                });
        return byName;
    }
}
