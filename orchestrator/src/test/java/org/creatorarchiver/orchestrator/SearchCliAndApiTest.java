package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code search} and {@code GET /api/v1/search} over posts, transcripts and summaries in Spanish and English: the same
 * results from both, each transcript once under the earliest video showing it, snippets marking the matched words.
 */
class SearchCliAndApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptRows rows;
    private TestApi api;
    private long creator;
    private long other;
    private long spanishPost;
    private long englishPost;
    private long videoPost;
    private long firstVideo;
    private long othersPost;
    private long repost;
    private long repostVideo;

    @BeforeEach
    void anArchiveInTwoLanguages() throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        rows = new TranscriptRows(TestDatabase.migrated());
        creator = new ArchiveRows().source("skyforge");
        other = new ArchiveRows().source("otra");
        spanishPost = rows.post(creator, "Mis canciones favoritas", "Tres canciones para el otoño.");
        englishPost = rows.post(creator, "A song for you", "I wrote this song last winter.");
        videoPost = rows.post(creator, "Directo del martes", "El vídeo del directo.");
        long file = rows.mediaFile();
        firstVideo = rows.downloadedVideo(creator, videoPost, "El directo", file);
        repost = rows.post(other, "Repost", "Mismo vídeo otra vez.");
        repostVideo = rows.downloadedVideo(other, repost, "Repost video", file);
        long transcript =
                rows.fileTranscript(file, "es", "Empezamos con una canción nueva y luego hablamos de la gira.", "[]");
        rows.summary(transcript, "deepseek-chat", "es", "El directo estrena una canción.", "2026-12-01T10:00:00Z");
        long pending = rows.mediaFile();
        rows.downloadedVideo(creator, videoPost, "Sin transcribir", pending);
        rows.youtubeTranscript("notdoneyet1", TranscriptStatus.pending, "canción pendiente");
        othersPost = rows.post(other, "Canción de cuna", "Una nana.");
        api = TestApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void cliAndApiAnswerTheSameResults() throws Exception {
        JsonNode cli = cli("search", "canción", "--json");

        assertThat(cli).isEqualTo(api("?q=" + encoded("canción")));
        assertThat(cli.fieldNames()).toIterable().containsExactly("total", "results");
        assertThat(cli.at("/results/0").fieldNames())
                .toIterable()
                .containsExactly("kind", "post_id", "video_id", "title", "snippet");
    }

    @Test
    void anAccentedSpanishWordFindsItsPluralInPostsTranscriptsAndSummaries() throws Exception {
        JsonNode found = api("?q=" + encoded("canción"));

        assertThat(found.path("total").asLong()).isEqualTo(4);
        assertThat(kindsAndPosts(found))
                .containsExactlyInAnyOrder(
                        "post " + spanishPost, "post " + othersPost, "transcript " + videoPost, "summary " + videoPost);
        JsonNode post = resultOf(found, "post", spanishPost);
        assertThat(post.path("title").asText()).isEqualTo("Mis canciones favoritas");
        assertThat(post.path("video_id").isNull()).isTrue();
        assertThat(post.path("snippet").asText()).contains("**canciones**");
        JsonNode transcript = resultOf(found, "transcript", videoPost);
        assertThat(transcript.path("video_id").asLong())
                .as("the earliest video showing it")
                .isEqualTo(firstVideo);
        assertThat(transcript.path("title").asText()).isEqualTo("El directo");
        assertThat(transcript.path("snippet").asText()).contains("una **canción** nueva");
    }

    @Test
    void theQueryMatchesWithoutItsAccentAndInCapitals() throws Exception {
        assertThat(api("?q=cancion").path("total").asLong()).isEqualTo(4);
        assertThat(api("?q=CANCIONES").path("total").asLong()).isEqualTo(4);
    }

    @Test
    void anEnglishPluralFindsTheSingular() throws Exception {
        JsonNode found = api("?q=songs");

        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.at("/results/0/post_id").asLong()).isEqualTo(englishPost);
        assertThat(found.at("/results/0/snippet").asText()).contains("**song**");
    }

    @Test
    void aSourceKeepsItsPostsAndTheTranscriptsItsVideosShowUnderItsOwnVideo() throws Exception {
        JsonNode others = cli("search", "canción", "--source", Long.toString(other), "--json");

        assertThat(others).isEqualTo(api("?q=canci%C3%B3n&source_id=" + other));
        assertThat(others.path("total").asLong()).isEqualTo(3);
        assertThat(kindsAndPosts(others))
                .containsExactlyInAnyOrder("post " + othersPost, "transcript " + repost, "summary " + repost);
        assertThat(resultOf(others, "transcript", repost).path("video_id").asLong())
                .isEqualTo(repostVideo);
        assertThat(resultOf(others, "summary", repost).path("title").asText()).isEqualTo("Repost video");
    }

    @Test
    void aTranscriptOfAnAudioItemNamesItsPostAndNoVideo() throws Exception {
        long podcast = rows.post(creator, "Episodio 3", null);
        long audio = rows.mediaFile();
        rows.audioItem(podcast, audio);
        rows.fileTranscript(audio, "es", "Hoy hablamos de guitarras eléctricas.", "[]");

        JsonNode found = api("?q=guitarra");

        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.at("/results/0")).isEqualTo(JSON.readTree("""
                {"kind": "transcript", "post_id": %d, "video_id": null, "title": "Episodio 3",
                 "snippet": "Hoy hablamos de **guitarras** eléctricas."}""".formatted(podcast)));
    }

    @Test
    void aYoutubeTranscriptNamesTheEarliestVideoEmbeddingItAndItsPostsTitle() throws Exception {
        long talk = rows.post(creator, "Charla en inglés", null);
        long embed = rows.youtubeVideo(creator, talk, "yt000000001");
        rows.youtubeVideo(other, rows.post(other, "Shared", null), "yt000000001");
        rows.youtubeTranscript("yt000000001", TranscriptStatus.completed, "A talk about bicycles.");

        JsonNode found = api("?q=bicycle");

        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.at("/results/0")).isEqualTo(JSON.readTree("""
                {"kind": "transcript", "post_id": %d, "video_id": %d, "title": "Charla en inglés",
                 "snippet": "A talk about **bicycles**."}""".formatted(talk, embed)));
    }

    @Test
    void limitShortensTheListButNotTheTotal() throws Exception {
        JsonNode cli = cli("search", "canción", "--limit", "2", "--json");

        assertThat(cli.path("total").asLong()).isEqualTo(4);
        assertThat(cli.path("results")).hasSize(2);
        assertThat(cli).isEqualTo(api("?q=canci%C3%B3n&limit=2"));
    }

    @Test
    void theTextListShowsKindPlaceTitleAndSnippet() {
        CommandRun run = CommandRun.of("search", "songs");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("[post] post " + englishPost + ": A song for you\n"
                        + "    A **song** for you | I wrote this **song** last winter.\n"
                        + "1 of 1 result(s) shown\n");
        assertThat(CommandRun.of("search", "zanahoria").out()).isEqualTo("nothing found\n");
    }

    @Test
    void badInputIsRefusedNamingIt() throws Exception {
        CommandRun empty = CommandRun.of("search", "  ");
        CommandRun limit = CommandRun.of("search", "canción", "--limit", "201");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).startsWith("QUERY is empty");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).startsWith("--limit=201: must be between 1 and 200");
        assertThat(api.json("/api/v1/search?q=+", 400).path("error").asText()).startsWith("q: empty");
        assertThat(api.json("/api/v1/search", 400).path("error").asText()).startsWith("q: missing");
        assertThat(api.json("/api/v1/search?q=x&limit=0", 400).path("error").asText())
                .isEqualTo("limit=0: must be between 1 and 200");
    }

    private static JsonNode resultOf(JsonNode found, String kind, long postId) {
        for (JsonNode result : found.path("results")) {
            if (result.path("kind").asText().equals(kind)
                    && result.path("post_id").asLong() == postId) {
                return result;
            }
        }
        throw new AssertionError("no " + kind + " result for post " + postId + " in " + found);
    }

    private static List<String> kindsAndPosts(JsonNode found) {
        List<String> kinds = new ArrayList<>();
        found.path("results")
                .forEach(result -> kinds.add(result.path("kind").asText() + " "
                        + result.path("post_id").asLong()));
        return kinds;
    }

    private JsonNode api(String query) throws Exception {
        return api.json("/api/v1/search" + query);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode cli(String... args) throws Exception {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }
}
