package org.creatorarchiver.testing.patreon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A collection of a {@link FakeCreator}, shaped like the sample {@code collections-list.json}: its title,
 * description and ordered post ids. Switches hide or cut {@code post_ids} (in the list only, or also on the
 * collection's own page) the way a sparse answer would, so that a client has to fall back to other calls.
 */
public final class FakeCollection {

    private static final ObjectNode TEMPLATE = (ObjectNode)
            PatreonSamples.json("collections-list.json").get("data").get(0);
    private static final Instant FIRST_EDIT = Instant.parse("2026-05-02T09:14:55.312Z");

    /** How much of {@code post_ids} an answer shows. */
    private enum Shown {
        ALL,
        NONE,
        FIRST
    }

    private final String id;
    private String title;
    private String description;
    private final List<String> postIds;
    private Instant editedAt = FIRST_EDIT;
    private Shown inList = Shown.ALL;
    private Shown onItsPage = Shown.ALL;
    private int shownCount;

    FakeCollection(String id, String title, String description, List<String> postIds) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.postIds = new ArrayList<>(postIds);
    }

    public String id() {
        return id;
    }

    public synchronized String title() {
        return title;
    }

    public synchronized List<String> postIds() {
        return List.copyOf(postIds);
    }

    /** The creator puts the collection's posts in this order (adding or dropping some, too). */
    public synchronized FakeCollection reorder(String... postIdsInOrder) {
        postIds.clear();
        postIds.addAll(List.of(postIdsInOrder));
        return this;
    }

    /** The creator takes a post out of the collection. */
    public synchronized FakeCollection removePost(String postId) {
        if (!postIds.remove(postId)) {
            throw new IllegalArgumentException("collection " + id + " has no post " + postId);
        }
        return this;
    }

    /** A new title, and {@code edited_at} a minute later, as an edit on Patreon does. */
    public synchronized FakeCollection retitle(String newTitle) {
        title = newTitle;
        editedAt = editedAt.plus(1, ChronoUnit.MINUTES);
        return this;
    }

    /** {@code post_ids} is missing from the collections list but on the collection's own page. */
    public synchronized FakeCollection omitPostIdsFromList() {
        inList = Shown.NONE;
        return this;
    }

    /** {@code post_ids} is missing everywhere: only the posts listing filtered by collection tells the posts. */
    public synchronized FakeCollection omitPostIds() {
        inList = Shown.NONE;
        onItsPage = Shown.NONE;
        return this;
    }

    /** {@code post_ids} shows only the first {@code count} posts (fewer than {@code num_posts}) everywhere. */
    public synchronized FakeCollection truncatePostIds(int count) {
        inList = Shown.FIRST;
        onItsPage = Shown.FIRST;
        shownCount = count;
        return this;
    }

    /** The resource as {@code /api/collection?filter[campaign_id]=...} lists it. */
    synchronized ObjectNode inList() {
        return resource(inList);
    }

    /** The resource as {@code /api/collection/{id}} shows it. */
    synchronized ObjectNode onItsPage() {
        return resource(onItsPage);
    }

    private ObjectNode resource(Shown shown) {
        ObjectNode resource = TEMPLATE.deepCopy();
        resource.put("id", id);
        ObjectNode attributes = (ObjectNode) resource.get("attributes");
        attributes.put("title", title);
        attributes.put("description", description);
        attributes.put("num_posts", postIds.size());
        attributes.put("num_posts_visible_for_creation", postIds.size());
        attributes.put("edited_at", editedAt.toString().replace("Z", "+00:00"));
        attributes.remove("post_ids");
        if (shown != Shown.NONE) {
            ArrayNode ids = attributes.putArray("post_ids");
            List<String> visible =
                    shown == Shown.ALL ? postIds : postIds.subList(0, Math.min(shownCount, postIds.size()));
            // Patreon's post ids are numbers here (strings elsewhere); a non-numeric fake id stays a string.
            visible.forEach(postId -> {
                if (postId.matches("\\d{1,18}")) {
                    ids.add(Long.parseLong(postId));
                } else {
                    ids.add(postId);
                }
            });
        }
        return resource;
    }
}
