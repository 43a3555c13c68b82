package org.creatorarchiver.orchestrator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.patreon.CreatorInputParser;
import org.creatorarchiver.patreon.CreatorRef;
import org.creatorarchiver.patreon.InvalidCreatorInputException;

/**
 * The creators one {@code enqueue} names, read from its arguments and its {@code --file}, then parsed all at once so
 * that every bad input is reported before anything is enqueued.
 */
public final class CreatorInputs {

    /** The name standing for standard input in {@code --file -}. */
    static final String STDIN = "-";

    /**
     * What the user wrote for one creator and where.
     *
     * @param where {@code <file>:<line>} for a line of {@code --file}, empty for an argument
     */
    public record Input(String text, String where) {

        /** A message about this input, led by its file and line when it came from one. */
        String describe(String message) {
            return where.isEmpty() ? message : where + ": " + message;
        }
    }

    /**
     * The creators, each once (inputs naming the same creator collapse into the first), or why some were refused.
     *
     * @param creators every distinct creator with the first input that named it, in input order
     * @param errors   one line per refused input, naming it (and its file and line)
     */
    public record Parsed(Map<CreatorRef, Input> creators, List<String> errors) {}

    /** A {@code --file} that cannot be read: the message says which and why in one line. */
    static final class UnreadableFileException extends Exception {

        UnreadableFileException(String message) {
            super(message);
        }
    }

    private CreatorInputs() {}

    public static List<Input> fromArguments(List<String> arguments) {
        return arguments.stream().map(argument -> new Input(argument, "")).toList();
    }

    /**
     * The creators of a file, one per line; blank lines and lines starting with {@code #} are skipped.
     *
     * @param file a path, or {@value #STDIN} for {@code stdin}
     */
    static List<Input> fromFile(String file, InputStream stdin) throws UnreadableFileException {
        boolean fromStdin = file.equals(STDIN);
        String label = fromStdin ? "stdin" : file;
        List<String> lines = fileLines(fromStdin ? null : file, stdin, label);
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                inputs.add(new Input(line, label + ":" + (i + 1)));
            }
        }
        return inputs;
    }

    /** @param file the path, or null to read {@code stdin} */
    private static List<String> fileLines(String file, InputStream stdin, String label) throws UnreadableFileException {
        try {
            return file == null ? readLines(stdin) : Files.readAllLines(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("cannot read --file " + label + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableFileException("cannot read --file " + label + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("cannot read --file " + label + ": not UTF-8 text");
        } catch (IOException | InvalidPathException e) {
            throw new UnreadableFileException("cannot read --file " + label + ": " + e.getMessage());
        }
    }

    public static Parsed parse(List<Input> inputs, CreatorInputParser parser) {
        Map<CreatorRef, Input> creators = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Input input : inputs) {
            try {
                creators.putIfAbsent(parser.parse(input.text()), input);
            } catch (InvalidCreatorInputException e) {
                errors.add(input.describe(e.getMessage()));
            }
        }
        return new Parsed(creators, errors);
    }

    /** Reads all lines like {@link Files#readAllLines}: bytes that are not UTF-8 are refused, not guessed at. */
    private static List<String> readLines(InputStream in) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, utf8))) {
            return reader.lines().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
