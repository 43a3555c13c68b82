package org.creatorarchiver.testing.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/**
 * One request the {@link FakeOpenAi} received, with what a bill would count: the audio seconds and upload of a
 * transcription, the tokens of a chat completion. Only a {@code 200} is paid for; {@link #delivery()} tells whether its
 * answer reached the client (a worker killed while the call was held never got it).
 */
public final class OpenAiCall {

    private final Endpoint endpoint;
    private final Instant arrivedAt;
    private final int status;
    private final Facts facts;
    private volatile Delivery delivery = Delivery.PENDING;

    /** Where the answer is: not yet written, read by the client, or lost on the way (the client had gone). */
    public enum Delivery {
        PENDING,
        DELIVERED,
        LOST
    }

    OpenAiCall(Endpoint endpoint, Instant arrivedAt, int status, Facts facts) {
        this.endpoint = endpoint;
        this.arrivedAt = arrivedAt;
        this.status = status;
        this.facts = facts;
    }

    /** What the fake learnt about a call while checking it; the parts it never reached stay empty or 0. */
    static final class Facts {
        String model = "";
        double audioSeconds;
        long uploadBytes;
        String uploadSha256 = "";
        String language = "";
        long promptTokens;
        long completionTokens;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    /** The status the fake answered (a scripted failure's, a refusal's, or 200). */
    public int status() {
        return status;
    }

    /** Whether it was answered 200: the calls a real service bills. */
    public boolean paid() {
        return status == 200;
    }

    public String model() {
        return facts.model;
    }

    /** The uploaded audio's duration as ffprobe measured it; 0 for chat and refused uploads. */
    public double audioSeconds() {
        return facts.audioSeconds;
    }

    /** The size of the uploaded {@code file} part; 0 for chat. */
    public long uploadBytes() {
        return facts.uploadBytes;
    }

    /** The SHA-256 (hex) of the uploaded {@code file} part: the same chunk sent twice shows here. */
    public String uploadSha256() {
        return facts.uploadSha256;
    }

    /** The {@code language} form field of a transcription, empty when none was sent. */
    public String language() {
        return facts.language;
    }

    public long promptTokens() {
        return facts.promptTokens;
    }

    public long completionTokens() {
        return facts.completionTokens;
    }

    /**
     * Whether the answer reached the client. It is settled a moment after the client has read the answer (the fake
     * learns it once its last write returns): tests await it rather than read it at once.
     */
    public Delivery delivery() {
        return delivery;
    }

    /** Whether the whole answer was written to the client without a network error. */
    public boolean delivered() {
        return delivery == Delivery.DELIVERED;
    }

    void settle(Delivery outcome) {
        delivery = outcome;
    }

    /** The call as the fake's {@code /_fake/calls} lists it, with snake_case names as in OpenAI's JSON. */
    void describeIn(ObjectNode json) {
        json.put("endpoint", endpoint.path());
        json.put("arrived_at", arrivedAt.toString());
        json.put("status", status);
        json.put("model", facts.model);
        json.put("audio_seconds", facts.audioSeconds);
        json.put("upload_bytes", facts.uploadBytes);
        json.put("upload_sha256", facts.uploadSha256);
        json.put("language", facts.language);
        json.put("prompt_tokens", facts.promptTokens);
        json.put("completion_tokens", facts.completionTokens);
        json.put("delivery", delivery.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return endpoint + " " + status + " model=" + facts.model + " audio=" + facts.audioSeconds + "s tokens="
                + facts.promptTokens + "+" + facts.completionTokens + " " + delivery;
    }
}
