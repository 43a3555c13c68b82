package org.creatorarchiver.phase4.summarize;

import java.util.Locale;

/**
 * The instructions sent with every summary request. A summary is paid once per (transcript, model, language,
 * {@link #VERSION}): change any text here and bump the version, so that the change is visible in the table and
 * {@code reconcile} does not pay again for summaries already made (it asks only for missing ones).
 */
public final class SummaryPrompt {

    public static final int VERSION = 1;

    private SummaryPrompt() {}

    /** For a transcript that fits one request. */
    public static String whole(String language) {
        return "You summarize the transcript of a video or audio recording from a creator's post. Write in "
                + named(language) + ", whatever the language of the transcript. Begin with one sentence that says "
                + "what the recording is about, then give its key points as a short list. Use only what the "
                + "transcript says; do not add facts.";
    }

    /** For one part of a transcript too long for one request (the map step). */
    public static String part(String language, int part, int parts) {
        return "You summarize part " + part + " of " + parts + " of the transcript of a long video or audio "
                + "recording. Write in " + named(language) + ". List the key points of this part only, briefly; "
                + "use only what it says.";
    }

    /** For the partial summaries of consecutive parts (the reduce step). */
    public static String combine(String language) {
        return "You receive summaries of consecutive parts of one recording's transcript. Combine them into one "
                + "summary in " + named(language) + ": one sentence on what the whole recording is about, then its "
                + "key points as a short list, without repeating yourself. Use only what the summaries say.";
    }

    /** "Spanish (es)": a model follows a language's name more reliably than a bare code. */
    static String named(String language) {
        String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equals(language) ? language : name + " (" + language + ")";
    }
}
