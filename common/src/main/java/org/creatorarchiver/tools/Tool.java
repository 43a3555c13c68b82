package org.creatorarchiver.tools;

import java.util.List;
import org.creatorarchiver.config.EnvironmentVariables;
import org.creatorarchiver.config.ExternalTools;

/** The external programs phase 2 runs, with the variable that points at each and how to ask its version. */
public enum Tool {
    YT_DLP("yt-dlp", EnvironmentVariables.YTDLP_PATH, "--version"),
    FFMPEG("ffmpeg", EnvironmentVariables.FFMPEG_PATH, "-version"),
    /** Found through FFMPEG_PATH: see {@link Executables#ffprobeFor}. */
    FFPROBE("ffprobe", EnvironmentVariables.FFMPEG_PATH, "-version");

    private final String displayName;
    private final String variable;
    private final String versionFlag;

    Tool(String displayName, String variable, String versionFlag) {
        this.displayName = displayName;
        this.variable = variable;
        this.versionFlag = versionFlag;
    }

    public String displayName() {
        return displayName;
    }

    /** The environment variable a user sets to point at this tool. */
    public String variable() {
        return variable;
    }

    /** The program to start for this tool under {@code tools}. */
    public String command(ExternalTools tools) {
        return switch (this) {
            case YT_DLP -> Executables.command(tools.ytDlp());
            case FFMPEG -> Executables.command(tools.ffmpeg());
            case FFPROBE -> Executables.ffprobeFor(tools.ffmpeg());
        };
    }

    List<String> versionCommand(ExternalTools tools) {
        return List.of(command(tools), versionFlag);
    }
}
