package org.creatorarchiver.orchestrator.web.files;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creatorarchiver.db.JsonbObjects;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.orchestrator.web.PageRoutes;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.jooq.DSLContext;

/**
 * {@code /files/{sha256}}: a stored file, found only by a hash {@code media_files} knows (never by a path from the
 * request), streamed with HTTP Range ({@link ByteRange}) so that video seeks and large files never sit in memory. Video, audio, subtitles
 * and images play inline; anything else (an attachment: HTML, SVG, a zip...) is sent as a download, under its
 * original name with {@code ?download=<post_media id>}, and sandboxed, so a stored file can never run as the dashboard.
 */
public final class StoredFiles implements WebPages {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** A stored file's own policy: it may be media and nothing else; as a document it runs nothing. */
    static final String FILE_POLICY = "default-src 'none'; media-src 'self'; img-src 'self'; sandbox";

    private final DSLContext dsl;
    private final MediaStore store;

    public StoredFiles(DSLContext dsl, MediaStore store) {
        this.dsl = dsl;
        this.store = store;
    }

    @Override
    public void addTo(PageRoutes routes) {
        routes.get("/files/{sha256}", this::serve);
    }

    private void serve(Context ctx) throws Exception {
        MediaFilesRecord file = known(ctx.pathParam("sha256"));
        Path path = store.pathOf(file.getFilePath());
        if (!Files.isRegularFile(path)) {
            throw new NotFoundResponse("file " + file.getFileHash() + " is not in the media store");
        }
        FileType type = FileType.of(file.getFileType(), file.getFilePath());
        ctx.header("Content-Security-Policy", FILE_POLICY);
        Optional<String> name = downloadName(ctx, file);
        ctx.header("Content-Disposition", Disposition.of(type.inline() && name.isEmpty(), name));
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        send(ctx, path, type.contentType());
    }

    /**
     * The file, or the byte range asked for (video seeking, a resumed download), copied from disk to the socket: never
     * held in memory whatever its size. Stored media are already compressed, so none is applied.
     */
    private static void send(Context ctx, Path path, String contentType) throws IOException {
        long size = Files.size(path);
        ctx.disableCompression().contentType(contentType).header("Accept-Ranges", "bytes");
        ByteRange.Answer answer = ByteRange.of(ctx.header("Range"), size);
        if (answer instanceof ByteRange.Unsatisfiable) {
            ctx.status(416).header("Content-Range", "bytes */" + size);
            return;
        }
        ByteRange range = answer instanceof ByteRange.Partial partial ? partial.range() : new ByteRange(0, size - 1);
        if (answer instanceof ByteRange.Partial) {
            ctx.status(206).header("Content-Range", range.contentRange(size));
        }
        ctx.header("Content-Length", Long.toString(Math.max(0, range.length())));
        if (ctx.method() != HandlerType.HEAD && range.length() > 0) {
            try (FileChannel file = FileChannel.open(path)) {
                copy(file, range, Channels.newChannel(ctx.outputStream()));
            }
        }
    }

    private static void copy(FileChannel file, ByteRange range, WritableByteChannel out) throws IOException {
        long position = range.first();
        long end = range.last() + 1;
        while (position < end) {
            position += file.transferTo(position, end - position, out);
        }
    }

    private MediaFilesRecord known(String hash) {
        if (!SHA256.matcher(hash).matches()) {
            throw new NotFoundResponse("no such file");
        }
        MediaFilesRecord file = dsl.selectFrom(MEDIA_FILES)
                .where(MEDIA_FILES.FILE_HASH.eq(hash))
                .fetchOne();
        if (file == null) {
            throw new NotFoundResponse("no such file");
        }
        return file;
    }

    /** The original name of the attachment {@code ?download=} names, if that item is this file; else the hash. */
    private Optional<String> downloadName(Context ctx, MediaFilesRecord file) {
        String item = ctx.queryParam("download");
        if (item == null || !item.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return dsl.select(POST_MEDIA.METADATA)
                .from(POST_MEDIA)
                .where(POST_MEDIA.ID.eq(Long.parseLong(item)), POST_MEDIA.MEDIA_FILE_ID.eq(file.getId()))
                .fetchOptional(row ->
                        JsonbObjects.parse(row.value1()).path("file_name").asText(null));
    }
}
