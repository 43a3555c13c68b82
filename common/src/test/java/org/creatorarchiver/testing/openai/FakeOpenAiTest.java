package org.creatorarchiver.testing.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake OpenAI refuses what the real one refuses, and answers the rest from what it was sent. */
class FakeOpenAiTest {

    private static final String KEY = "sk-test-4242";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private FakeOpenAi fake;
    private final OkHttpClient http =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start(KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aTranscriptionHasSegmentsEveryFiveSecondsCoveringTheWholeAudio() throws Exception {
        Path audio = TestAudio.tone(directory.resolve("talk.mp3"), 12);

        Answer answer = transcribe(KEY, audio, "verbose_json", "es");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode segments = answer.json().get("segments");
        assertThat(segments).hasSize(3);
        assertThat(segments.get(0).get("start").asDouble()).isZero();
        assertThat(segments.get(1).get("start").asDouble()).isEqualTo(5.0);
        assertThat(segments.get(2).get("end").asDouble()).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(answer.json().get("duration").asDouble())
                .isEqualTo(segments.get(2).get("end").asDouble());
        assertThat(answer.json().get("language").asText()).isEqualTo("spanish");
        List<String> texts = new ArrayList<>();
        segments.forEach(segment -> texts.add(segment.get("text").asText().strip()));
        assertThat(texts).doesNotHaveDuplicates().allMatch(text -> text.split(" ").length == 6);
        assertThat(answer.json().get("text").asText()).isEqualTo(String.join(" ", texts));
    }

    @Test
    void theSameAudioIsTranscribedTheSameAndOtherAudioDifferently() throws Exception {
        Path audio = TestAudio.tone(directory.resolve("a.mp3"), 7);
        Path longer = TestAudio.tone(directory.resolve("b.mp3"), 9);

        String first =
                transcribe(KEY, audio, "verbose_json", null).json().get("text").asText();
        String again =
                transcribe(KEY, audio, "verbose_json", null).json().get("text").asText();
        String other =
                transcribe(KEY, longer, "verbose_json", null).json().get("text").asText();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        List<OpenAiCall> calls = fake.paidCalls(Endpoint.TRANSCRIPTIONS);
        assertThat(calls)
                .extracting(OpenAiCall::uploadSha256)
                .containsExactly(
                        calls.get(0).uploadSha256(),
                        calls.get(0).uploadSha256(),
                        calls.get(2).uploadSha256());
        assertThat(calls.get(0).uploadSha256()).isNotEqualTo(calls.get(2).uploadSha256());
        assertThat(calls.get(0).audioSeconds()).isCloseTo(7.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(calls.get(0).uploadBytes()).isEqualTo(Files.size(audio));
        assertThat(calls).extracting(OpenAiCall::model).containsOnly("whisper-1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> calls.stream().allMatch(OpenAiCall::delivered));
    }

    @Test
    void aWrongOrMissingKeyIsRefusedWith401() throws Exception {
        Path audio = TestAudio.tone(directory.resolve("talk.mp3"), 2);

        Answer wrong = transcribe("sk-wrong", audio, "verbose_json", null);
        Answer missing = chat(null, chatRequest("deepseek-chat", "Summarize in Spanish.", "hello"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(wrong.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().at("/error/message").asText()).contains("didn't provide an API key");
        assertThat(fake.calls()).extracting(OpenAiCall::paid).containsExactly(false, false);
    }

    @Test
    void aFileThatIsNotAudioIsAnInvalidFileFormat() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.mp3"), "these are not sounds");
        Path image = TestAudio.image(directory.resolve("cover.png"));

        Answer notMedia = transcribe(KEY, text, "verbose_json", null);
        Answer noAudio = transcribe(KEY, image, "verbose_json", null);

        assertThat(List.of(notMedia, noAudio)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().at("/error/message").asText()).startsWith("Invalid file format");
            assertThat(answer.json().at("/error/param").asText()).isEqualTo("file");
        });
    }

    @Test
    void aFileOverTheLimitIs413AndTheLimitIsOpenAisByDefault() throws Exception {
        Path audio = TestAudio.tone(directory.resolve("talk.wav"), 4);
        assertThat(FakeOpenAi.MAX_FILE_BYTES).isEqualTo(26_214_400);

        fake.maxFileBytes(Files.size(audio) - 1);
        Answer tooLarge = transcribe(KEY, audio, "verbose_json", null);
        fake.maxFileBytes(Files.size(audio));
        Answer justFits = transcribe(KEY, audio, "verbose_json", null);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().at("/error/message").asText()).contains("Maximum content size limit");
        assertThat(justFits.status()).isEqualTo(200);
    }

    @Test
    void anotherResponseFormatOrNoModelIsRefused() throws Exception {
        Path audio = TestAudio.tone(directory.resolve("talk.mp3"), 2);

        Answer plainJson = transcribe(KEY, audio, "json", null);

        assertThat(plainJson.status()).isEqualTo(400);
        assertThat(plainJson.json().at("/error/param").asText()).isEqualTo("response_format");
        RequestBody noModel = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("file", "talk.mp3", RequestBody.create(audio.toFile(), MediaType.get("audio/mpeg")))
                .addFormDataPart("response_format", "verbose_json")
                .build();
        Answer answer = post(KEY, "/audio/transcriptions", noModel);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/param").asText()).isEqualTo("model");
    }

    @Test
    void aChatAnswerNamesTheLanguageAskedForQuotesTheInputAndCountsTokens() throws Exception {
        String system = "You summarize transcripts. Write the summary in Spanish, whatever the transcript's language.";
        String user = "Today we finish the oak table: sanding, oiling and the last coat of wax before delivery.";

        Answer answer = chat(KEY, chatRequest("deepseek-chat", system, user));

        assertThat(answer.status()).isEqualTo(200);
        String content = answer.json().at("/choices/0/message/content").asText();
        assertThat(content).contains("Spanish").contains("\"Today we finish the oak table: sanding, oiling");
        assertThat(answer.json().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = answer.json().get("usage");
        assertThat(usage.get("prompt_tokens").asLong()).isEqualTo((system.length() + 3) / 4 + (user.length() + 3) / 4);
        assertThat(usage.get("completion_tokens").asLong()).isEqualTo((content.length() + 3) / 4);
        assertThat(fake.paidCalls(Endpoint.CHAT)).singleElement().satisfies(call -> {
            assertThat(call.promptTokens()).isEqualTo(usage.get("prompt_tokens").asLong());
            assertThat(call.model()).isEqualTo("deepseek-chat");
        });
    }

    @Test
    void aMessageOfAnotherShapeIsRefused() throws Exception {
        String toolRole = "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}";
        String partsContent =
                "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}";
        String noModel = "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

        assertThat(List.of(chat(KEY, toolRole), chat(KEY, partsContent), chat(KEY, noModel), chat(KEY, "{not json")))
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(400))
                .extracting(answer -> answer.json().at("/error/param").asText())
                .containsExactly("messages[0]", "messages[0]", "model", "null");
    }

    @Test
    void aPromptOverTheContextLimitIsRefusedWithItsCode() throws Exception {
        fake.contextLimit(10);

        Answer fits = chat(KEY, chatRequest("m", "Spanish.", "a".repeat(32)));
        Answer over = chat(KEY, chatRequest("m", "Spanish.", "a".repeat(36)));

        assertThat(fits.status()).isEqualTo(200);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().at("/error/code").asText()).isEqualTo("context_length_exceeded");
    }

    @Test
    void scriptedFailuresAnswerTheNextCallsThenTheFakeAnswersAgain() throws Exception {
        fake.failNext(Endpoint.CHAT, 2, ScriptedAnswer.rateLimited(Duration.ofSeconds(7)));
        String request = chatRequest("m", "Spanish.", "hello there");

        Response first = send(KEY, "/chat/completions", RequestBody.create(request, MediaType.get("application/json")));
        Answer second = chat(KEY, request);
        Answer third = chat(KEY, request);

        assertThat(first.code()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("7");
        first.close();
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(fake.calls(Endpoint.CHAT)).extracting(OpenAiCall::status).containsExactly(429, 429, 200);
    }

    @Test
    void aHeldCallWhoseClientLeftIsRecordedAsNotDelivered() throws Exception {
        fake.holdCalls();
        OkHttpClient impatient =
                http.newBuilder().callTimeout(Duration.ofSeconds(30)).build();
        Call call = impatient.newCall(request(
                KEY,
                "/chat/completions",
                RequestBody.create(chatRequest("m", "Spanish.", "hello"), MediaType.get("application/json"))));
        Thread caller = Thread.ofVirtual().start(() -> {
            try (Response ignored = call.execute()) {
                // the answer would be read here; the call is cancelled first
            } catch (IOException expected) {
                // cancelled while held
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> fake.heldCalls() == 1);

        call.cancel();
        caller.join(Duration.ofSeconds(10));
        fake.releaseCalls();

        Answer later = chat(KEY, chatRequest("m", "Spanish.", "hello"));
        assertThat(later.status()).isEqualTo(200);
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> fake.calls().stream().noneMatch(c -> c.delivery() == OpenAiCall.Delivery.PENDING));
        assertThat(fake.calls(Endpoint.CHAT))
                .extracting(OpenAiCall::delivery)
                .containsExactly(OpenAiCall.Delivery.LOST, OpenAiCall.Delivery.DELIVERED);
    }

    @Test
    void aScriptCountsTheCallsAtTheCallLog() throws Exception {
        Answer refused = chat("sk-wrong", chatRequest("m", "Spanish.", "hello"));
        Answer answered = chat(KEY, chatRequest("deepseek-chat", "Spanish.", "hello there"));
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> fake.calls().stream().allMatch(c -> c.delivery() != OpenAiCall.Delivery.PENDING));

        try (Response response = http.newCall(new Request.Builder()
                        .url(fake.baseUrl().replace("/v1", "") + FakeOpenAi.CALLS_PATH)
                        .build())
                .execute()) {
            JsonNode log = JSON.readTree(response.body().string());
            assertThat(log).hasSize(2);
            assertThat(log.get(0).get("status").asInt()).isEqualTo(refused.status());
            assertThat(log.get(1).get("endpoint").asText()).isEqualTo("/chat/completions");
            assertThat(log.get(1).get("model").asText()).isEqualTo("deepseek-chat");
            assertThat(log.get(1).get("prompt_tokens").asLong())
                    .isEqualTo(answered.json().at("/usage/prompt_tokens").asLong());
            assertThat(log.get(1).get("delivery").asText()).isEqualTo("delivered");
        }
    }

    private record Answer(int status, JsonNode json) {}

    private Answer transcribe(String key, Path file, String format, String language) throws IOException {
        MultipartBody.Builder form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart(
                        "file",
                        file.getFileName().toString(),
                        RequestBody.create(file.toFile(), MediaType.get("application/octet-stream")))
                .addFormDataPart("model", "whisper-1")
                .addFormDataPart("response_format", format);
        if (language != null) {
            form.addFormDataPart("language", language);
        }
        return post(key, "/audio/transcriptions", form.build());
    }

    private Answer chat(String key, String json) throws IOException {
        return post(key, "/chat/completions", RequestBody.create(json, MediaType.get("application/json")));
    }

    private static String chatRequest(String model, String system, String user) {
        var root = JSON.createObjectNode().put("model", model);
        var messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        return root.toString();
    }

    private Answer post(String key, String path, RequestBody body) throws IOException {
        try (Response response = send(key, path, body)) {
            return new Answer(response.code(), JSON.readTree(response.body().string()));
        }
    }

    private Response send(String key, String path, RequestBody body) throws IOException {
        return http.newCall(request(key, path, body)).execute();
    }

    private Request request(String key, String path, RequestBody body) {
        Request.Builder request =
                new Request.Builder().url(fake.baseUrl() + path).post(body);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }
}
