package org.creatorarchiver.phase2;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.jobs.JobTypes.ProcessPost;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.patreon.content.MalformedContentException;
import org.creatorarchiver.phase2.decide.MediaDecision;
import org.creatorarchiver.phase2.decide.MediaPolicy;
import org.creatorarchiver.phase2.media.MediaItem;
import org.creatorarchiver.phase2.media.MediaItems;
import org.creatorarchiver.phase2.post.PostDetailsWriter;
import org.creatorarchiver.phase2.post.PostFetcher;
import org.creatorarchiver.phase2.post.PostPage;
import org.creatorarchiver.phase2.store.PostMediaWriter;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.queue.JobHandler;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.transcripts.TranscriptRequests;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2's job for one post: fetch it fresh, record its details and text, decide for each media item
 * ({@link MediaPolicy}), write the decisions, enqueue one download job per item to download, and release files the
 * post no longer shows. A post Patreon no longer has, or whose text cannot be read, ends {@code failed} with the
 * reason, without retries.
 */
public final class ProcessPostHandler implements JobHandler<ProcessPost> {

    private static final Logger log = LoggerFactory.getLogger(ProcessPostHandler.class);

    private final DSLContext dsl;
    private final PostFetcher fetcher;
    private final PostDetailsWriter details;
    private final MediaPolicy policy;
    private final DurationPolicy durations;
    private final PostMediaWriter mediaWriter;
    private final JobQueue queue;
    private final MediaStore mediaStore;
    private final TranscriptRequests transcripts;

    public ProcessPostHandler(
            DSLContext dsl,
            PostFetcher fetcher,
            PostDetailsWriter details,
            MediaPolicy policy,
            DurationPolicy durations,
            PostMediaWriter mediaWriter,
            JobQueue queue,
            MediaStore mediaStore,
            TranscriptRequests transcripts) {
        this.dsl = dsl;
        this.fetcher = fetcher;
        this.details = details;
        this.policy = policy;
        this.durations = durations;
        this.mediaWriter = mediaWriter;
        this.queue = queue;
        this.mediaStore = mediaStore;
        this.transcripts = transcripts;
    }

    @Override
    public void handle(ProcessPost job, JobContext context) throws Exception {
        Optional<PostDetailsWriter.ProcessingPost> found = details.processing(dsl, job.postId());
        if (found.isEmpty()) {
            log.info("post {} no longer exists: nothing to process", job.postId());
            return;
        }
        PostsRecord post = found.get().post();
        PostPage page = fetch(post);
        List<PostMediaWriter.Planned> planned =
                plan(post, page, durations.limitFor(found.get().sourceDurationLimit()));
        PostMediaWriter.Written written = store(post, page, planned);
        afterCommit(written);
        logProcessed(post, page, planned.size(), written.toDownload().size());
    }

    /** What the committed decisions start: the downloads, the release of dropped files, the embeds' transcripts. */
    private void afterCommit(PostMediaWriter.Written written) {
        queue.enqueueAll(
                JobTypes.DOWNLOAD_MEDIA,
                written.toDownload().stream().map(JobTypes.DownloadMedia::new).toList());
        mediaStore.release(written.maybeReleased());
        transcripts.requestEmbedded(written.embeddedYouTube());
    }

    /** The decision for each media item of the post, in reading order. */
    private List<PostMediaWriter.Planned> plan(PostsRecord post, PostPage page, int limit) {
        List<MediaItem> items = MediaItems.of(page.document(), page.resource(), page.content());
        Set<String> processAnyway = anyVideo(items) ? processAnyway(post.getId()) : Set.of();
        boolean locked = page.summary().locked();
        return items.stream()
                .map(item -> locked ? withoutPreviewUrl(item) : item)
                .map(item -> new PostMediaWriter.Planned(item, decide(item, locked, limit, processAnyway)))
                .toList();
    }

    /** Only a video can carry a process-anyway mark: a post without one spares the query (most posts). */
    private static boolean anyVideo(List<MediaItem> items) {
        return items.stream()
                .anyMatch(item ->
                        item.provider().isPresent() && item.externalMediaId().isPresent());
    }

    private MediaDecision decide(MediaItem item, boolean locked, int limit, Set<String> processAnyway) {
        boolean anyway = item.externalMediaId().map(processAnyway::contains).orElse(false);
        return policy.decide(item, locked, limit, anyway);
    }

    /** The post's details and its media decisions, in one transaction. */
    private PostMediaWriter.Written store(PostsRecord post, PostPage page, List<PostMediaWriter.Planned> planned) {
        PostMediaWriter.PostRef ref = new PostMediaWriter.PostRef(
                post.getSourceId(),
                post.getId(),
                page.summary().url(),
                page.summary().title());
        return dsl.transactionResult(configuration -> {
            details.completed(configuration.dsl(), post.getId(), page);
            return mediaWriter.write(configuration.dsl(), ref, planned);
        });
    }

    private static void logProcessed(PostsRecord post, PostPage page, int items, int downloads) {
        log.info(
                "post {} ({}): {} media item(s), {} download(s) enqueued{}",
                post.getExternalId(),
                page.summary().postType(),
                items,
                downloads,
                page.summary().locked() ? "; locked for this viewer" : "");
    }

    /** The post fresh from Patreon; failures that no retry heals become permanent with a readable reason. */
    private PostPage fetch(PostsRecord post) throws Exception {
        try {
            return fetcher.fetch(post.getExternalId());
        } catch (HttpFailureException e) {
            if (e.retryable()) {
                throw e;
            }
            throw JobFailure.permanent("post " + post.getExternalId() + ": " + e.getMessage(), e);
        } catch (MalformedContentException e) {
            throw JobFailure.permanent("post " + post.getExternalId() + ": " + e.getMessage(), e);
        }
    }

    /** Videos an operator chose to process once despite the duration limit. */
    private Set<String> processAnyway(long postId) {
        return dsl
                .select(VIDEOS.EXTERNAL_ID, VIDEOS.EXTRA_METADATA)
                .from(VIDEOS)
                .where(VIDEOS.POST_ID.eq(postId))
                // Narrows the rows in SQL; parsing still decides, so a mark set to false stays unmarked.
                .and(DSL.jsonbKeyExists(VIDEOS.EXTRA_METADATA, VideoMetadata.PROCESS_ANYWAY))
                .fetch()
                .stream()
                .filter(row -> VideoMetadata.parse(row.value2()).processAnyway())
                .map(row -> row.value1())
                .collect(Collectors.toSet());
    }

    /** A locked post's media URLs point at blurred previews or nothing: never content, so not kept. */
    private static MediaItem withoutPreviewUrl(MediaItem item) {
        return item.provider().filter(p -> p != MediaItem.VideoSource.PATREON).isPresent()
                ? item
                : new MediaItem(
                        item.kind(),
                        Optional.empty(),
                        item.externalMediaId(),
                        item.provider(),
                        item.durationSeconds(),
                        item.metadata());
    }

    @Override
    public void onGaveUp(ProcessPost job, JobContext context, String reason) {
        details.failed(dsl, job.postId(), reason);
    }
}
