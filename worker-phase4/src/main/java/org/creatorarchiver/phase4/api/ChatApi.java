package org.creatorarchiver.phase4.api;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import org.creatorarchiver.config.ApiKeys;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.queue.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat API of {@code summary.base_url} ({@code POST /chat/completions}, DeepSeek by default) with
 * {@code SUMMARY_API_KEY}: a system prompt and a text in, the model's answer and its token counts out.
 */
public final class ChatApi implements AutoCloseable {

    /** The environment variable of the key, named in the messages about it. */
    public static final String KEY_SETTING = "SUMMARY_API_KEY";

    private static final String PATH = "/chat/completions";
    private static final Logger log = LoggerFactory.getLogger(ChatApi.class);

    private final OpenAiConnection connection;
    private final String model;

    private ChatApi(OpenAiConnection connection, String model) {
        this.connection = connection;
        this.model = model;
    }

    /** @throws IllegalArgumentException the key is not set, or the base URL is not an http(s) URL */
    public static ChatApi create(Settings.Summary settings, ApiKeys keys, HostPauses pauses) {
        return create(settings, keys, pauses, ApiTimeouts.CHAT);
    }

    public static ChatApi create(Settings.Summary settings, ApiKeys keys, HostPauses pauses, ApiTimeouts timeouts) {
        return new ChatApi(
                OpenAiConnection.open(settings.baseUrl(), KEY_SETTING, keys.summary(), pauses, timeouts),
                settings.model());
    }

    /**
     * One completion of {@code userText} under {@code systemPrompt}.
     *
     * @throws PromptTooLongException the prompt is over the model's context: summarize smaller parts
     * @throws JobFailure any other failure, classified (see {@link ApiFailures})
     */
    public ChatAnswer complete(String systemPrompt, String userText) throws JobFailure, InterruptedException {
        ChatCompletionCreateParams request = ChatCompletionCreateParams.builder()
                .model(model)
                .addSystemMessage(systemPrompt)
                .addUserMessage(userText)
                .build();
        return connection.call(
                PATH, client -> answer(client.chat().completions().create(request)));
    }

    private static ChatAnswer answer(ChatCompletion completion) {
        ChatCompletion.Choice choice = completion.choices().stream()
                .findFirst()
                .orElseThrow(() -> new OpenAiConnection.MalformedAnswer("no choices"));
        String text = choice.message()
                .content()
                .orElseThrow(() -> new OpenAiConnection.MalformedAnswer("the message has no content"));
        CompletionUsage usage = completion
                .usage()
                .orElseThrow(() -> new OpenAiConnection.MalformedAnswer("no usage: the tokens to bill are unknown"));
        warnIfCut(completion, choice, usage);
        return new ChatAnswer(text.strip(), usage.promptTokens(), usage.completionTokens());
    }

    /** A cut answer is still an answer (a summary without its last words), but whoever reads it should know. */
    private static void warnIfCut(ChatCompletion completion, ChatCompletion.Choice choice, CompletionUsage usage) {
        if (choice.finishReason().equals(ChatCompletion.Choice.FinishReason.LENGTH)) {
            log.warn(
                    "the answer of {} was cut at its length limit ({} tokens)",
                    completion.model(),
                    usage.completionTokens());
        }
    }

    /** The full URL calls go to, for messages and cost records. */
    public String endpoint() {
        return ApiFailures.loggable(connection.endpoint(PATH));
    }

    @Override
    public void close() {
        connection.close();
    }
}
