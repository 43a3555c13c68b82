/**
 * The external programs phase 2 runs: yt-dlp ({@link org.creatorarchiver.phase2.tools.YtDlp}), ffprobe
 * ({@link org.creatorarchiver.phase2.tools.FfProbe}) and, through yt-dlp, ffmpeg. Every run goes through
 * {@link org.creatorarchiver.phase2.tools.Subprocess}: an argument list, no shell, URLs after {@code --}, a clean
 * environment, a timeout that stops the whole process tree, and stderr in the error.
 * {@link org.creatorarchiver.phase2.tools.ToolCheck} checks at start-up that the tools the settings need run.
 */
package org.creatorarchiver.phase2.tools;
