package org.creatorarchiver.testing.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.creatorarchiver.tools.Command;
import org.creatorarchiver.tools.Subprocess;
import org.creatorarchiver.tools.ToolException;

/**
 * {@code POST /audio/transcriptions} as Whisper answers it with {@code response_format=verbose_json}: the upload is
 * checked as the real service checks it (a {@code file} of audio ffprobe can read, within the size limit, a model),
 * and its measured duration drives the answer: one segment every {@link #SEGMENT_SECONDS} covering the whole audio,
 * whose words follow from the chunk's duration and the segment's index, so that different chunks say different
 * things and the same chunk always says the same.
 */
final class FakeTranscriptions {

    /** OpenAI's limit on an upload: 25 MB. */
    static final long MAX_FILE_BYTES = 26_214_400;

    static final double SEGMENT_SECONDS = 5.0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORDS = List.of(
            "archive", "river", "lantern", "copper", "meadow", "signal", "harbor", "violet", "timber", "orbit",
            "pepper", "glacier", "thunder", "saddle", "marble", "falcon", "cinder", "velvet", "anchor", "prism",
            "willow", "ember", "quartz", "nectar", "summit", "tundra", "beacon", "compass", "fable", "garnet", "hollow",
            "juniper");
    private static final int WORDS_PER_SEGMENT = 6;

    private final Subprocess subprocess = new Subprocess();

    String answer(RecordedRequest request, OpenAiCall.Facts facts, long maxFileBytes) throws Refusal {
        Map<String, MultipartForm.Field> form = MultipartForm.parse(request);
        MultipartForm.Field file = form.get("file");
        if (file == null || file.filename().isEmpty()) {
            throw Refusal.invalidRequest(
                    "file", "You must provide a file to transcribe ('file' is a required property).");
        }
        facts.uploadBytes = file.bytes().length;
        facts.uploadSha256 = sha256(file.bytes());
        if (file.bytes().length > maxFileBytes) {
            throw new Refusal(
                    413,
                    "server_error",
                    null,
                    null,
                    "Maximum content size limit (" + maxFileBytes + ") exceeded (" + file.bytes().length
                            + " bytes read)");
        }
        facts.model = required(form, "model");
        String format = required(form, "response_format");
        if (!format.equals("verbose_json")) {
            throw Refusal.invalidRequest(
                    "response_format",
                    "This project expects response_format=verbose_json, got '" + format
                            + "' (the fake refuses others so a mistake shows).");
        }
        facts.language = form.containsKey("language") ? form.get("language").text() : "";
        facts.audioSeconds = audioSeconds(file);
        return verboseJson(facts.audioSeconds, facts.language);
    }

    private static String required(Map<String, MultipartForm.Field> form, String name) throws Refusal {
        MultipartForm.Field field = form.get(name);
        if (field == null || field.text().isBlank()) {
            throw Refusal.invalidRequest(name, "'" + name + "' is a required property.");
        }
        return field.text().strip();
    }

    /** The duration of the audio in {@code file}, measured by the real ffprobe; not audio -> 400. */
    private double audioSeconds(MultipartForm.Field file) throws Refusal {
        String name = Path.of(file.filename()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Path directory = Files.createTempDirectory("fake-openai-upload");
            Path upload = Files.write(directory.resolve("upload-" + name), file.bytes());
            try {
                return probe(upload);
            } finally {
                Files.delete(upload);
                Files.delete(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double probe(Path upload) throws Refusal, IOException {
        List<String> arguments = List.of(
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "stream=codec_type:format=duration",
                "-of",
                "json",
                upload.toAbsolutePath().toString());
        try {
            String printed = subprocess
                    .run(new Command("ffprobe of an upload", arguments, upload.getParent(), Duration.ofSeconds(30)))
                    .stdout();
            JsonNode probed = JSON.readTree(printed);
            boolean audio = false;
            for (JsonNode stream : probed.path("streams")) {
                audio |= stream.path("codec_type").asText().equals("audio");
            }
            double seconds = probed.path("format").path("duration").asDouble(0);
            if (audio && seconds > 0) {
                return seconds;
            }
        } catch (ToolException e) {
            // ffprobe could not read it: not media at all.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw Refusal.invalidRequest(
                "file",
                "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4',"
                        + " 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']");
    }

    private static String verboseJson(double seconds, String requestedLanguage) {
        ObjectNode root = JSON.createObjectNode();
        root.put("task", "transcribe");
        root.put("language", languageName(requestedLanguage));
        root.put("duration", seconds);
        ArrayNode segments = root.putArray("segments");
        StringBuilder text = new StringBuilder();
        int count = (int) Math.ceil(seconds / SEGMENT_SECONDS);
        for (int index = 0; index < count; index++) {
            String said = " " + spokenIn(seconds, index);
            text.append(said);
            segment(
                    segments.addObject(),
                    index,
                    index * SEGMENT_SECONDS,
                    Math.min(seconds, (index + 1) * SEGMENT_SECONDS),
                    said);
        }
        root.put("text", text.toString().strip());
        root.putObject("usage").put("type", "duration").put("seconds", (long) Math.ceil(seconds));
        return root.toString();
    }

    private static void segment(ObjectNode segment, int index, double start, double end, String text) {
        segment.put("id", index);
        segment.put("seek", (long) (start * 100));
        segment.put("start", start);
        segment.put("end", end);
        segment.put("text", text);
        segment.putArray("tokens").add(50364 + index);
        segment.put("temperature", 0.0);
        segment.put("avg_logprob", -0.25);
        segment.put("compression_ratio", 1.4);
        segment.put("no_speech_prob", 0.01);
    }

    /**
     * What segment {@code index} of audio lasting {@code seconds} says: six words picked by a small mixing function
     * of both, ending with a full stop. Deterministic, yet it differs between segments and between chunks.
     */
    static String spokenIn(double seconds, int index) {
        long state = Math.round(seconds * 1000) * 1_000_003L + index * 7919L;
        StringBuilder said = new StringBuilder();
        for (int word = 0; word < WORDS_PER_SEGMENT; word++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            said.append(word == 0 ? "" : " ").append(WORDS.get((int) ((state >>> 33) % WORDS.size())));
        }
        return Character.toUpperCase(said.charAt(0)) + said.substring(1) + ".";
    }

    /** Whisper names the language in English words ({@code "spanish"}); without a hint it "detects" English. */
    private static String languageName(String code) {
        String name = code.isBlank() ? "" : Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? "english" : name.toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
