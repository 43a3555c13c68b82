package org.creatorarchiver.phase4.api;

import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import com.openai.models.audio.transcriptions.TranscriptionSegment;
import com.openai.models.audio.transcriptions.TranscriptionVerbose;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.ApiKeys;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.phase4.text.TimedText;
import org.creatorarchiver.queue.JobFailure;

/**
 * The transcription API of {@code transcription.base_url} ({@code POST /audio/transcriptions}, Whisper's
 * {@code verbose_json}) with {@code TRANSCRIPTION_API_KEY}: one audio chunk in, its timed segments out.
 */
public final class TranscriptionApi implements AutoCloseable {

    /** The environment variable of the key, named in the messages about it. */
    public static final String KEY_SETTING = "TRANSCRIPTION_API_KEY";

    private static final String PATH = "/audio/transcriptions";

    private final OpenAiConnection connection;
    private final String model;

    private TranscriptionApi(OpenAiConnection connection, String model) {
        this.connection = connection;
        this.model = model;
    }

    /** @throws IllegalArgumentException the key is not set, or the base URL is not an http(s) URL */
    public static TranscriptionApi create(Settings.Transcription settings, ApiKeys keys, HostPauses pauses) {
        return create(settings, keys, pauses, ApiTimeouts.TRANSCRIPTION);
    }

    public static TranscriptionApi create(
            Settings.Transcription settings, ApiKeys keys, HostPauses pauses, ApiTimeouts timeouts) {
        OpenAiConnection connection =
                OpenAiConnection.open(settings.baseUrl(), KEY_SETTING, keys.transcription(), pauses, timeouts);
        return new TranscriptionApi(connection, settings.model());
    }

    /**
     * Transcribes one chunk of audio (within the API's 25 MB). Times are from the chunk's start.
     *
     * @param language the ISO 639-1 code of the speech when known (it helps Whisper); empty: detected
     * @throws AudioTooLargeException the API refused the file as too large (413): send it in smaller chunks
     * @throws JobFailure any other failure, classified (see {@link ApiFailures})
     */
    public TranscribedChunk transcribe(Path audioChunk, Optional<String> language)
            throws JobFailure, InterruptedException {
        TranscriptionCreateParams.Builder params = TranscriptionCreateParams.builder()
                .file(audioChunk)
                .model(model)
                .responseFormat(AudioResponseFormat.VERBOSE_JSON);
        language.filter(code -> !code.isBlank()).ifPresent(params::language);
        TranscriptionCreateParams request = params.build();
        return connection.call(
                PATH, client -> chunk(client.audio().transcriptions().create(request)));
    }

    private static TranscribedChunk chunk(TranscriptionCreateResponse response) {
        TranscriptionVerbose verbose = response.verbose()
                .orElseThrow(
                        () -> new OpenAiConnection.MalformedAnswer("not a verbose_json transcription: " + response));
        double seconds = verbose.duration();
        List<Segment> segments = verbose.segments()
                .map(said -> said.stream().map(TranscriptionApi::segment).toList())
                .orElseGet(() -> List.of(
                        new Segment(0, Math.max(0, seconds), verbose.text().strip())));
        return new TranscribedChunk(
                new TimedText(segments, WhisperLanguages.code(verbose.language())), Math.max(0, seconds));
    }

    /** Whisper's text starts with a space; a segment's end is rarely a hair before its start, so it is clamped. */
    private static Segment segment(TranscriptionSegment said) {
        double start = Math.max(0, said.start());
        return new Segment(start, Math.max(start, said.end()), said.text().strip());
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
