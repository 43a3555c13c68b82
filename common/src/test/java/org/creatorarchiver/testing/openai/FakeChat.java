package org.creatorarchiver.testing.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;

/**
 * {@code POST /chat/completions}: checks the request's shape as the real service does (a model, messages whose role is
 * system, user or assistant and whose content is a string), counts tokens as {@code ceil(characters / 4)} of every
 * message's content (the usual rule of thumb for English), refuses a prompt over the context limit with
 * {@code context_length_exceeded}, and answers with a "summary" that shows it read its input: it names the language the
 * system message asks for and quotes the first and last words of the user's text.
 */
final class FakeChat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("(?i)\\blanguage\\W+([a-z]{2})\\b");
    private static final int QUOTED_WORDS = 8;

    private final AtomicLong ids = new AtomicLong();

    static long tokens(String text) {
        return (text.length() + 3) / 4;
    }

    String answer(RecordedRequest request, OpenAiCall.Facts facts, Optional<Long> contextLimit) throws Refusal {
        JsonNode body = body(request);
        facts.model = body.path("model").asText("");
        if (facts.model.isBlank()) {
            throw Refusal.invalidRequest("model", "you must provide a model parameter");
        }
        List<JsonNode> messages = messages(body);
        facts.promptTokens = messages.stream()
                .mapToLong(message -> tokens(message.get("content").asText()))
                .sum();
        if (contextLimit.isPresent() && facts.promptTokens > contextLimit.get()) {
            throw new Refusal(
                    400,
                    "invalid_request_error",
                    "messages",
                    "context_length_exceeded",
                    "This model's maximum context length is " + contextLimit.get() + " tokens. However, you requested "
                            + facts.promptTokens + " tokens. Please reduce the length of the messages.");
        }
        String content = summary(contentOf(messages, "system"), contentOf(messages, "user"));
        facts.completionTokens = tokens(content);
        return completion(facts, content);
    }

    private static JsonNode body(RecordedRequest request) throws Refusal {
        String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
        try {
            JsonNode body = request.getBody() == null
                    ? null
                    : JSON.readTree(request.getBody().utf8());
            if (contentType.startsWith("application/json") && body != null && body.isObject()) {
                return body;
            }
        } catch (JsonProcessingException e) {
            // answered below, as a body that is not JSON
        }
        throw Refusal.invalidRequest(null, "We could not parse the JSON body of your request.");
    }

    private static List<JsonNode> messages(JsonNode body) throws Refusal {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw Refusal.invalidRequest("messages", "'messages' must be a non-empty array.");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!ROLES.contains(message.path("role").asText())
                    || !message.path("content").isTextual()) {
                throw Refusal.invalidRequest(
                        "messages[" + i + "]",
                        "Invalid message at messages[" + i
                                + "]: expected a role of system, user or assistant and a string content.");
            }
        }
        return toList(messages);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String contentOf(List<JsonNode> messages, String role) {
        return messages.stream()
                .filter(message -> message.get("role").asText().equals(role))
                .map(message -> message.get("content").asText())
                .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
    }

    private static String summary(String system, String user) {
        List<String> words = Arrays.stream(user.strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        String first = String.join(" ", words.subList(0, Math.min(QUOTED_WORDS, words.size())));
        String last = String.join(" ", words.subList(Math.max(0, words.size() - QUOTED_WORDS), words.size()));
        return "Summary in " + languageAskedFor(system) + " of a text of " + words.size() + " words. It begins: \""
                + first + "\" and ends: \"" + last + "\".";
    }

    /**
     * The language named first in {@code system} (its English name, e.g. "Spanish"), else the one whose ISO code
     * follows the word "language".
     */
    static String languageAskedFor(String system) {
        String lower = system.toLowerCase(Locale.ROOT);
        String earliest = null;
        int earliestAt = Integer.MAX_VALUE;
        for (String code : Locale.getISOLanguages()) {
            String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
            Matcher named = Pattern.compile("\\b" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\\b")
                    .matcher(lower);
            if (named.find() && named.start() < earliestAt) {
                earliest = name;
                earliestAt = named.start();
            }
        }
        Matcher code = LANGUAGE_CODE.matcher(system);
        if (earliest == null && code.find()) {
            earliest = Locale.of(code.group(1)).getDisplayLanguage(Locale.ENGLISH);
        }
        return earliest == null || earliest.length() <= 2 ? "an unnamed language" : earliest;
    }

    private String completion(OpenAiCall.Facts facts, String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake-" + ids.incrementAndGet());
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", facts.model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        root.putObject("usage")
                .put("prompt_tokens", facts.promptTokens)
                .put("completion_tokens", facts.completionTokens)
                .put("total_tokens", facts.promptTokens + facts.completionTokens);
        return root.toString();
    }
}
