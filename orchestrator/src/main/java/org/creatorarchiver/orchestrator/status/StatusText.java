package org.creatorarchiver.orchestrator.status;

import java.util.Map;
import java.util.stream.Collectors;
import org.creatorarchiver.orchestrator.costs.CostsText;
import org.creatorarchiver.queue.QueueCounts;

/**
 * The human-readable form of {@code status}: a queue table, then workers, rows by status and, when a daily budget is
 * set, today's spending against it.
 */
public final class StatusText {

    private StatusText() {}

    public static String render(SystemStatus status) {
        StringBuilder out = new StringBuilder();
        appendQueues(out, status.queues());
        appendWorkers(out, status);
        out.append(line("sources", status.sources()));
        out.append(line("posts", status.posts()));
        out.append(line("videos", status.videos()));
        out.append(line("transcripts", status.transcripts()));
        if (status.spending().dailyBudgetUsd().isPresent()) {
            out.append(CostsText.todayAgainstBudget(status.spending())).append(System.lineSeparator());
        }
        status.alerts()
                .forEach(alert -> out.append("ALERT: ").append(alert.message()).append(System.lineSeparator()));
        return out.toString();
    }

    private static void appendQueues(StringBuilder out, Map<String, QueueCounts> queues) {
        out.append(String.format("%-10s %8s %8s %10s %8s%n", "queue", "ready", "delayed", "processing", "dead"));
        for (Map.Entry<String, QueueCounts> entry : queues.entrySet()) {
            QueueCounts counts = entry.getValue();
            out.append(String.format(
                    "%-10s %8d %8d %10d %8d%n",
                    entry.getKey(), counts.ready(), counts.delayed(), counts.processing(), counts.dead()));
        }
    }

    private static void appendWorkers(StringBuilder out, SystemStatus status) {
        out.append(String.format(
                "%nworkers alive: %d%n",
                status.workers().stream()
                        .map(SystemStatus.WorkerQueue::id)
                        .distinct()
                        .count()));
        status.workers().forEach(worker -> out.append(String.format("  %s (%s)%n", worker.id(), worker.queue())));
    }

    private static String line(String what, Map<String, Long> counts) {
        String nonZero = counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return String.format("%s: %s%n", what, nonZero.isEmpty() ? "none" : nonZero);
    }
}
