package org.creatorarchiver.phase1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A creator's posts listed, stored and handed to phase 2; incremental re-syncs. */
class PostListingTest {

    private final Phase1Harness phase1 = new Phase1Harness();
    private final FakePatreon patreon = phase1.patreon;

    @AfterEach
    void close() {
        phase1.close();
    }

    /** 45 posts: pages of 20, 20 and 5; the middle page has no meta, the last no links. */
    private FakeCreator threePageCreator() {
        patreon.pageSize(20).omitMetaOnPage(2);
        return patreon.addCreator("skyforge", "4815162", "90011223").addPosts(45);
    }

    @Test
    void aThreePageCreatorHasEveryPostStoredAndOnePhase2JobPerPost() throws Exception {
        FakeCreator creator = threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");

        phase1.sync(sourceId, false);

        List<PostsRecord> posts = phase1.posts();
        assertThat(posts).extracting(PostsRecord::getExternalId).containsExactlyInAnyOrderElementsOf(creator.postIds());
        assertThat(phase1.phase2Jobs())
                .containsExactlyInAnyOrderElementsOf(
                        posts.stream().map(PostsRecord::getId).toList());
        assertThat(posts).allSatisfy(post -> assertThat(post.getStatus()).isEqualTo(PostStatus.queued));
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 2, 3);

        SourcesRecord source = phase1.source(sourceId);
        assertThat(source.getExternalId()).isEqualTo("4815162");
        assertThat(source.getStatus()).isEqualTo(SourceStatus.active);
        assertThat(source.getLastError()).isNull();
        assertThat(source.getSyncCursor()).isNull();
        assertThat(source.getLastSyncedAt()).isNotNull();
    }

    @Test
    void aPostIsStoredWithWhatTheListingSays() throws Exception {
        FakeCreator creator = threePageCreator();
        phase1.sync(phase1.sourceByVanity("skyforge"), false);

        String newest = creator.postId(44);
        PostsRecord post = phase1.post(newest);
        assertThat(post.getTitle()).isEqualTo("Post 44 of skyforge");
        assertThat(post.getUrl()).isEqualTo("https://www.patreon.com/posts/post-44-of-skyforge-" + newest);
        assertThat(post.getPublishedAt().toInstant()).isEqualTo(Instant.parse("2025-01-03T08:00:00Z"));
        assertThat(post.getEditedAt().toInstant())
                .isEqualTo(post.getPublishedAt().toInstant());
        assertThat(post.getIsLocked()).isFalse();
        // Post 44 copies the shape of sample post 2 (of 7, oldest first): the image post.
        assertThat(post.getPostType()).isEqualTo("image_file");
        JsonNode raw = new ObjectMapper().readTree(post.getRaw().data());
        assertThat(raw.path("data").path("id").asText()).isEqualTo(newest);
        assertThat(raw.path("included")).isNotEmpty();
        assertThat(raw.path("included").findValuesAsText("type")).contains("media");
    }

    @Test
    void aResyncWithNothingChangedRequestsOnePageAndEnqueuesNothing() throws Exception {
        threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.sync(sourceId, false);
        phase1.clearPhase2Jobs();
        patreon.clearRequests();

        phase1.sync(sourceId, false);

        assertThat(phase1.phase2Jobs()).isEmpty();
        assertThat(patreon.postsPagesRequested()).containsExactly(1);
        assertThat(phase1.posts()).hasSize(45);
    }

    @Test
    void oneEditedPostGivesExactlyOneJob() throws Exception {
        FakeCreator creator = threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.sync(sourceId, false);
        phase1.clearPhase2Jobs();
        patreon.clearRequests();
        String edited = creator.postId(40);
        creator.edit(edited);

        phase1.sync(sourceId, false);

        assertThat(phase1.phase2Jobs()).containsExactly(phase1.post(edited).getId());
        assertThat(phase1.post(edited).getEditedAt().toInstant()).isEqualTo(Instant.parse("2025-01-03T05:00:00Z"));
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 2);
    }

    @Test
    void aFullResyncFindsAnEditDeepInTheListing() throws Exception {
        FakeCreator creator = threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.sync(sourceId, false);
        phase1.clearPhase2Jobs();
        patreon.clearRequests();
        String edited = creator.postId(1);
        creator.edit(edited);

        phase1.sync(sourceId, false);
        assertThat(phase1.phase2Jobs())
                .as("an incremental re-sync stops at page 1")
                .isEmpty();

        phase1.sync(sourceId, true);
        assertThat(phase1.phase2Jobs()).containsExactly(phase1.post(edited).getId());
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 1, 2, 3);
    }

    @Test
    void newPostsAreEnqueuedAndTheResyncStopsAtTheFirstKnownPage() throws Exception {
        FakeCreator creator = threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.sync(sourceId, false);
        phase1.clearPhase2Jobs();
        patreon.clearRequests();
        creator.addPosts(25);

        phase1.sync(sourceId, false);

        List<Long> newIds = creator.postIds().subList(45, 70).stream()
                .map(id -> phase1.post(id).getId())
                .toList();
        assertThat(phase1.phase2Jobs()).containsExactlyInAnyOrderElementsOf(newIds);
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 2, 3);
        assertThat(phase1.posts()).hasSize(70);
    }

    @Test
    void lockedPostsAreStoredAsLockedWithTheirTeaser() throws Exception {
        FakeCreator creator =
                patreon.addCreator("skyforge", "4815162", "90011223").addPosts(7);
        String locked = creator.postId(4);
        creator.lock(locked);

        phase1.sync(phase1.sourceByVanity("skyforge"), false);

        assertThat(phase1.post(locked).getIsLocked()).isTrue();
        assertThat(phase1.post(locked).getTeaserText()).isNotBlank();
        assertThat(phase1.posts()).filteredOn(PostsRecord::getIsLocked).hasSize(1);
        assertThat(phase1.phase2Jobs()).hasSize(7);
    }

    @Test
    void aPostThatBecomesViewableIsProcessedAgain() throws Exception {
        FakeCreator creator =
                patreon.addCreator("skyforge", "4815162", "90011223").addPosts(3);
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.sync(sourceId, false);
        phase1.clearPhase2Jobs();
        creator.lock(creator.postId(2));

        phase1.sync(sourceId, false);

        assertThat(phase1.phase2Jobs())
                .containsExactly(phase1.post(creator.postId(2)).getId());
        assertThat(phase1.post(creator.postId(2)).getIsLocked()).isTrue();
    }

    @Test
    void theSessionCookieGoesToTheApiHostOnlyAndNextLinksAreFollowedThere() throws Exception {
        threePageCreator();
        phase1.sync(phase1.sourceByVanity("skyforge"), false);

        // The fake's links.next point at https://www.patreon.com: they were followed on PATREON_BASE_URL.
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 2, 3);
        assertThat(patreon.requests())
                .allSatisfy(request -> assertThat(request.getHeaders().get("Cookie"))
                        .contains("session_id=" + Phase1Harness.SESSION_ID));
        assertThat(new HashSet<>(
                        patreon.requests().stream().map(r -> r.getUrl().port()).toList()))
                .containsExactly(patreon.baseUrl().port());
    }
}
