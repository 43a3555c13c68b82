package org.creatorarchiver.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.creatorarchiver.config.Settings.Budget;
import org.creatorarchiver.config.Settings.Summary;
import org.creatorarchiver.config.Settings.Transcription;

/** The settings of phase 4 ({@code transcription}, {@code summary}, {@code budget}), in {@link SettingsParser}'s way. */
final class TranscriptSettingsParser {

    static final int MIN_CHUNK_SECONDS = 30;
    /** 30 minutes of the compact audio phase 4 sends stays far under the APIs' 25 MB request limit. */
    static final int MAX_CHUNK_SECONDS = 1_800;

    /** Below this, a prompt and a few partial summaries no longer fit one request. */
    static final int MIN_INPUT_TOKENS = 4_000;

    static final int MAX_INPUT_TOKENS = 2_000_000;
    static final double MAX_PRICE = 1_000;
    static final double MAX_DAILY_USD = 1_000_000;

    private TranscriptSettingsParser() {}

    static Transcription transcription(JsonObjectReader json, Transcription d) {
        return new Transcription(
                json.bool("enabled", d.enabled()),
                baseUrl(json, d.baseUrl()),
                json.text("model", d.model()),
                json.field("language").map(node -> language(json, node)).orElse(d.language()),
                json.bool("use_captions", d.useCaptions()),
                json.field("caption_languages")
                        .map(node -> SettingsParser.languageCodes(json, "caption_languages", node))
                        .orElse(d.captionLanguages()),
                json.integer("chunk_seconds", d.chunkSeconds(), MIN_CHUNK_SECONDS, MAX_CHUNK_SECONDS, "seconds"),
                price(json, "price_per_minute", d.pricePerMinute()));
    }

    static Summary summary(JsonObjectReader json, Summary d) {
        return new Summary(
                json.bool("enabled", d.enabled()),
                baseUrl(json, d.baseUrl()),
                json.text("model", d.model()),
                json.field("language")
                        .map(node -> language(json, node)
                                .orElseThrow(() -> json.error("language", "must be a language code such as \"es\"")))
                        .orElse(d.language()),
                json.integer("max_input_tokens", d.maxInputTokens(), MIN_INPUT_TOKENS, MAX_INPUT_TOKENS, "tokens"),
                price(json, "price_per_million_input", d.pricePerMillionInput()),
                price(json, "price_per_million_output", d.pricePerMillionOutput()));
    }

    static Budget budget(JsonObjectReader json, Budget d) {
        return new Budget(json.field("daily_usd")
                .map(node -> {
                    if (node.isNull()) {
                        return Optional.<Double>empty();
                    }
                    if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > MAX_DAILY_USD) {
                        throw json.error("daily_usd", "must be null (no cap) or a number from 0 to 1000000", node);
                    }
                    return Optional.of(node.doubleValue());
                })
                .orElse(d.dailyUsd()));
    }

    /** Null (the API detects the language) or a code such as "en". */
    private static Optional<String> language(JsonObjectReader json, JsonNode node) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!SettingsParser.isLanguageCode(node)) {
            throw json.error("language", "must be null or a language code such as \"en\" or \"es\"", node);
        }
        return Optional.of(node.textValue());
    }

    /** A price in US dollars: 0 (a free local server) up to {@link #MAX_PRICE}. */
    private static double price(JsonObjectReader json, String key, double defaultValue) {
        return json.field(key)
                .map(node -> {
                    if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > MAX_PRICE) {
                        throw json.error(key, "must be a number of US dollars from 0 to 1000", node);
                    }
                    return node.doubleValue();
                })
                .orElse(defaultValue);
    }

    /**
     * An http(s) URL without credentials, query or fragment: the API key is sent to this host and no other, so the
     * host must be plain to see. A trailing slash is dropped ({@code /v1/} and {@code /v1} are the same endpoint).
     */
    private static String baseUrl(JsonObjectReader json, String defaultValue) {
        return json.field("base_url")
                .map(node -> checkedBaseUrl(json, node).replaceAll("/+$", ""))
                .orElse(defaultValue);
    }

    private static String checkedBaseUrl(JsonObjectReader json, JsonNode node) {
        String rule = "must be an http or https URL such as \"https://api.openai.com/v1\"";
        URI uri = node.isTextual() ? uri(node.textValue()).orElse(null) : null;
        if (uri == null) {
            throw json.error("base_url", rule, node);
        }
        boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw json.error("base_url", rule + " (no user:password@)", node);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw json.error("base_url", rule + " (no ?query or #fragment)", node);
        }
        return node.textValue();
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
