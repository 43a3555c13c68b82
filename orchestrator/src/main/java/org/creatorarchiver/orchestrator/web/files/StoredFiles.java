package org.creatorarchiver.orchestrator.web.files;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.InputStream;
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
 * request), streamed with HTTP Range so that video seeks and large files never sit in memory. Video, audio, subtitles
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
        InputStream in = Files.newInputStream(path);
        ctx.writeSeekableStream(in, type.contentType(), Files.size(path));
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
