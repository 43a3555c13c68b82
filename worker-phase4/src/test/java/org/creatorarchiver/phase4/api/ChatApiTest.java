package org.creatorarchiver.phase4.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.testing.openai.Endpoint;
import org.creatorarchiver.testing.openai.FakeOpenAi;
import org.creatorarchiver.testing.openai.OpenAiCall;
import org.creatorarchiver.testing.openai.ScriptedAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phase 4's chat client against the fake OpenAI. */
class ChatApiTest {

    private static final String SYSTEM = "Summarize the transcript in Spanish, in a few sentences.";
    private static final String TRANSCRIPT =
            "Welcome back to the workshop. Today we glue the legs of the oak table and let them dry overnight.";

    private FakeOpenAi fake;
    private HostPauses pauses;
    private ChatApi api;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start(PaidApis.KEY);
        pauses = PaidApis.freshPauses();
        api = ChatApi.create(PaidApis.summary(fake.baseUrl()), PaidApis.KEYS, pauses, PaidApis.QUICK);
    }

    @AfterEach
    void stop() {
        api.close();
        fake.close();
    }

    @Test
    void anAnswerComesWithTheTokensTheApiBilled() throws Exception {
        ChatAnswer answer = api.complete(SYSTEM, TRANSCRIPT);

        assertThat(answer.text()).contains("Spanish").contains("\"Welcome back to the workshop. Today we glue");
        OpenAiCall call = fake.paidCalls(Endpoint.CHAT).getFirst();
        assertThat(answer.inputTokens()).isEqualTo(call.promptTokens()).isPositive();
        assertThat(answer.outputTokens()).isEqualTo(call.completionTokens()).isPositive();
        assertThat(call.model()).isEqualTo("deepseek-chat");
    }

    @Test
    void aPromptOverTheContextAsksForSmallerParts() {
        fake.contextLimit(10);

        assertThatThrownBy(() -> api.complete(SYSTEM, TRANSCRIPT))
                .isInstanceOf(PromptTooLongException.class)
                .hasMessageStartingWith("400 from POST " + fake.baseUrl() + "/chat/completions: This model's maximum")
                .satisfies(failure ->
                        assertThat(((JobFailure) failure).retryable()).isFalse());
    }

    @Test
    void anAnswerWithoutUsageIsMalformed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "application/json")
                    .body(
                            "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                                    + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}")
                    .build());
            server.start();
            try (ChatApi direct = ChatApi.create(
                    PaidApis.summary(server.url("/v1").toString()), PaidApis.KEYS, pauses, PaidApis.QUICK)) {
                assertThatThrownBy(() -> direct.complete(SYSTEM, TRANSCRIPT))
                        .isInstanceOf(JobFailure.class)
                        .hasMessage("malformed answer from POST " + server.url("/v1/chat/completions")
                                + ": no usage: the tokens to bill are unknown");
            }
        }
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithoutTheKey() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.enqueue(new MockResponse.Builder().code(500).body("{}").build());
            elsewhere.start(InetAddress.getByName("127.0.0.2"), 0);
            fake.failNext(
                    Endpoint.CHAT,
                    1,
                    ScriptedAnswer.redirectTo(
                            elsewhere.url("/v1/chat/completions").toString()));

            assertThatThrownBy(() -> api.complete(SYSTEM, TRANSCRIPT))
                    .isInstanceOf(JobFailure.class)
                    .hasMessageStartingWith("500 from POST " + fake.baseUrl() + "/chat/completions");

            RecordedRequest followed = elsewhere.takeRequest(5, TimeUnit.SECONDS);
            assertThat(followed).isNotNull();
            assertThat(followed.getBody().utf8()).contains("oak table");
            assertThat(followed.getHeaders().get("Authorization")).isNull();
            assertThat(followed.getHeaders().toString()).doesNotContain(PaidApis.KEY);
        }
        assertThat(fake.calls(Endpoint.CHAT)).extracting(OpenAiCall::status).containsExactly(307);
    }
}
