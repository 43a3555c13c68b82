package org.creatorarchiver.orchestrator.web.dead;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.orchestrator.web.Forms;
import org.creatorarchiver.orchestrator.web.PageRoutes;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueCounts;
import org.creatorarchiver.queue.Queues;

/**
 * {@code /dead}: each queue's dead jobs (type, attempts, last error), oldest first, with Retry for one job and Retry
 * all for a queue; a retried job goes back to the end of the ready list with its attempts reset.
 */
public final class DeadJobsPages implements WebPages {

    /** Jobs listed per queue; the count says how many more there are. */
    static final int SHOWN = 100;

    /** A queue's dead list as the page shows it. */
    public record DeadQueue(String name, long total, List<Job> jobs) {}

    private final JobQueue queue;

    public DeadJobsPages(JobQueue queue) {
        this.queue = queue;
    }

    @Override
    public void addTo(PageRoutes routes) {
        routes.page(
                "/dead", ctx -> new PageRoutes.View("dead.jte", Map.of("queues", deadQueues(), "notice", notice(ctx))));
        routes.action("/dead/{queue}/retry-all", ctx -> {
            String name = queueNamed(ctx);
            int moved = queue.retryDead(name);
            Forms.back(ctx, "/dead?queue=" + name + "&retried=" + moved + "#" + name);
        });
        routes.action("/dead/{queue}/{job}/retry", ctx -> {
            String name = queueNamed(ctx);
            boolean moved = queue.retryDeadJob(name, ctx.pathParam("job"));
            Forms.back(ctx, "/dead?queue=" + name + "&retried=" + (moved ? 1 : 0) + "#" + name);
        });
    }

    private List<DeadQueue> deadQueues() {
        Map<String, QueueCounts> counts = queue.counts(Queues.ALL);
        Map<String, DeadQueue> dead = new LinkedHashMap<>();
        counts.forEach((name, count) -> dead.put(
                name, new DeadQueue(name, count.dead(), count.dead() == 0 ? List.of() : queue.deadJobs(name, SHOWN))));
        return List.copyOf(dead.values());
    }

    /** What the last action did, from the redirect's query ({@code ?queue=media&retried=3}). */
    private static String notice(Context ctx) {
        String name = ctx.queryParam("queue");
        String retried = ctx.queryParam("retried");
        if (name == null || retried == null || !Queues.ALL.contains(name) || !retried.matches("\\d{1,9}")) {
            return "";
        }
        return retried.equals("0")
                ? "Nothing was retried in " + name + ": no such job was left on its dead list."
                : retried + " job(s) of " + name + " moved back to ready.";
    }

    private static String queueNamed(Context ctx) {
        String name = ctx.pathParam("queue");
        if (!Queues.ALL.contains(name)) {
            throw new NotFoundResponse("no queue named " + name);
        }
        return name;
    }
}
