-- creator-archiver schema, version 1.
--
-- jOOQ generates its classes from this file with DDLDatabase, which runs it on H2. What H2 cannot take
-- (PL/pgSQL, triggers, regular-expression checks) sits in "jooq ignore" blocks: PostgreSQL still runs it.
-- Keys and indexed columns are varchar, never text (H2 cannot index text).
-- External ids are Patreon's (or YouTube's, Vimeo's) identifiers, always kept as strings.

CREATE TYPE source_status AS ENUM ('pending', 'active', 'not_found', 'unauthorized', 'blocked', 'failed');
CREATE TYPE post_status AS ENUM ('discovered', 'queued', 'processing', 'completed', 'failed');
CREATE TYPE post_media_kind AS ENUM ('image', 'audio', 'video', 'attachment', 'embed');
CREATE TYPE post_media_status AS ENUM ('url_only', 'queued', 'downloaded', 'view_on_patreon', 'embedded', 'skipped', 'failed');
CREATE TYPE video_provider AS ENUM ('patreon', 'youtube', 'vimeo');
CREATE TYPE video_status AS ENUM ('pending', 'queued', 'processing', 'completed', 'embedded', 'view_on_patreon', 'skipped', 'failed');

-- A creator to archive. Enqueued by vanity, campaign id or creator user id; the campaign id is resolved later.
CREATE TABLE sources (
    id                         bigint GENERATED ALWAYS AS IDENTITY,
    platform                   varchar(32)   NOT NULL DEFAULT 'patreon',
    external_id                varchar(64),
    vanity                     varchar(255),
    user_external_id           varchar(64),
    name                       text,
    url                        text,
    status                     source_status NOT NULL DEFAULT 'pending',
    last_error                 text,
    max_video_duration_seconds integer,
    sync_cursor                text,
    last_synced_at             timestamptz,
    collections_synced_at      timestamptz,
    created_at                 timestamptz   NOT NULL DEFAULT now(),
    updated_at                 timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT sources_pkey PRIMARY KEY (id),
    -- NULLs never conflict, so unresolved sources coexist and each key is a plain ON CONFLICT target.
    CONSTRAINT sources_platform_external_id_key UNIQUE (platform, external_id),
    CONSTRAINT sources_platform_vanity_key UNIQUE (platform, vanity),
    CONSTRAINT sources_platform_user_external_id_key UNIQUE (platform, user_external_id),
    CONSTRAINT sources_identified CHECK (external_id IS NOT NULL OR vanity IS NOT NULL OR user_external_id IS NOT NULL),
    CONSTRAINT sources_max_video_duration_positive CHECK (max_video_duration_seconds > 0)
);
CREATE INDEX sources_status_idx ON sources (status);

COMMENT ON COLUMN sources.external_id IS 'Patreon campaign id; NULL until resolved';
COMMENT ON COLUMN sources.user_external_id IS 'Patreon user id of the creator, when enqueued by a /user?u= URL';
COMMENT ON COLUMN sources.max_video_duration_seconds IS 'NULL = the global MAX_VIDEO_DURATION_SECONDS';
COMMENT ON COLUMN sources.sync_cursor IS 'phase 1 checkpoint: the links.next URL of the next listing page; NULL when no listing is in progress';
COMMENT ON COLUMN sources.last_synced_at IS 'end of the last complete phase 1 listing';
COMMENT ON COLUMN sources.collections_synced_at IS 'end of the last complete phase 3 listing';

CREATE TABLE media_files (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    file_hash       char(64)    NOT NULL,
    file_path       text        NOT NULL,
    file_type       text,
    file_size       bigint      NOT NULL,
    reference_count integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT media_files_pkey PRIMARY KEY (id),
    CONSTRAINT media_files_file_hash_key UNIQUE (file_hash),
    CONSTRAINT media_files_file_size_not_negative CHECK (file_size >= 0),
    CONSTRAINT media_files_reference_count_not_negative CHECK (reference_count >= 0)
    /* [jooq ignore start] */,
    CONSTRAINT media_files_file_hash_sha256_hex CHECK (file_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT media_files_file_path_from_hash CHECK (
        file_path ~ ('^sha256/' || substr(file_hash, 1, 2) || '/' || substr(file_hash, 3, 2) || '/' || file_hash || '(\.[A-Za-z0-9]+)?$'))
    /* [jooq ignore stop] */
);
-- Files no row points at any more: the application deletes their row and bytes.
CREATE INDEX media_files_unreferenced_idx ON media_files (id) WHERE reference_count = 0;

COMMENT ON COLUMN media_files.file_hash IS 'SHA-256 of the bytes, 64 lowercase hex digits';
COMMENT ON COLUMN media_files.file_path IS 'relative to MEDIA_DIR: sha256/<hash[0:2]>/<hash[2:4]>/<hash>.<ext>';
COMMENT ON COLUMN media_files.file_type IS 'content type of the bytes, e.g. video/mp4';
COMMENT ON COLUMN media_files.reference_count IS 'rows of post_media, videos and video_subtitles pointing here; kept by triggers';

CREATE TABLE posts (
    id                   bigint GENERATED ALWAYS AS IDENTITY,
    source_id            bigint       NOT NULL,
    external_id          varchar(64)  NOT NULL,
    url                  text,
    title                text,
    post_type            text,
    published_at         timestamptz,
    edited_at            timestamptz,
    content_html         text,
    content_text         text,
    teaser_text          text,
    is_locked            boolean      NOT NULL DEFAULT false,
    status               post_status  NOT NULL DEFAULT 'discovered',
    attempts             integer      NOT NULL DEFAULT 0,
    last_error           text,
    raw                  jsonb,
    details_extracted_at timestamptz,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT posts_pkey PRIMARY KEY (id),
    CONSTRAINT posts_source_id_fkey FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE CASCADE,
    CONSTRAINT posts_source_id_external_id_key UNIQUE (source_id, external_id),
    CONSTRAINT posts_attempts_not_negative CHECK (attempts >= 0)
);
CREATE INDEX posts_status_idx ON posts (status);
CREATE INDEX posts_external_id_idx ON posts (external_id);

COMMENT ON COLUMN posts.post_type IS 'Patreon''s post_type, verbatim';
COMMENT ON COLUMN posts.raw IS 'the post as the API last returned it';

-- One row per media item of a post (inline ones too): its place in the post and the decision taken for it.
CREATE TABLE post_media (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    post_id           bigint            NOT NULL,
    position          integer           NOT NULL,
    kind              post_media_kind   NOT NULL,
    source_url        text,
    external_media_id varchar(255),
    status            post_media_status NOT NULL,
    media_file_id     bigint,
    metadata          jsonb             NOT NULL DEFAULT '{}',
    last_error        text,
    created_at        timestamptz       NOT NULL DEFAULT now(),
    updated_at        timestamptz       NOT NULL DEFAULT now(),
    CONSTRAINT post_media_pkey PRIMARY KEY (id),
    CONSTRAINT post_media_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
    CONSTRAINT post_media_media_file_id_fkey FOREIGN KEY (media_file_id) REFERENCES media_files (id) ON DELETE RESTRICT,
    CONSTRAINT post_media_post_id_position_key UNIQUE (post_id, position),
    CONSTRAINT post_media_position_not_negative CHECK (position >= 0)
);
CREATE INDEX post_media_status_idx ON post_media (status);
CREATE INDEX post_media_media_file_id_idx ON post_media (media_file_id);
CREATE INDEX post_media_external_media_id_idx ON post_media (external_media_id);

COMMENT ON COLUMN post_media.position IS 'place of the item in the post, from 0';
COMMENT ON COLUMN post_media.external_media_id IS 'Patreon media id, or the provider id of an embed';

-- The lifecycle of a video (Patreon-hosted, YouTube, Vimeo) found in a post.
CREATE TABLE videos (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    source_id        bigint         NOT NULL,
    post_id          bigint         NOT NULL,
    provider         video_provider NOT NULL,
    external_id      varchar(255)   NOT NULL,
    url              text,
    title            text,
    duration_seconds integer,
    status           video_status   NOT NULL DEFAULT 'pending',
    media_file_id    bigint,
    extra_metadata   jsonb          NOT NULL DEFAULT '{}',
    last_error       text,
    created_at       timestamptz    NOT NULL DEFAULT now(),
    updated_at       timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT videos_pkey PRIMARY KEY (id),
    CONSTRAINT videos_source_id_fkey FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE CASCADE,
    CONSTRAINT videos_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
    CONSTRAINT videos_media_file_id_fkey FOREIGN KEY (media_file_id) REFERENCES media_files (id) ON DELETE RESTRICT,
    CONSTRAINT videos_post_id_provider_external_id_key UNIQUE (post_id, provider, external_id),
    CONSTRAINT videos_duration_not_negative CHECK (duration_seconds >= 0)
);
CREATE INDEX videos_status_idx ON videos (status);
CREATE INDEX videos_source_id_status_idx ON videos (source_id, status);
CREATE INDEX videos_provider_external_id_idx ON videos (provider, external_id);
CREATE INDEX videos_media_file_id_idx ON videos (media_file_id);

COMMENT ON COLUMN videos.external_id IS 'Patreon media id, YouTube id or Vimeo numeric id';
COMMENT ON COLUMN videos.duration_seconds IS 'as Patreon reports it, else as measured';
COMMENT ON COLUMN videos.extra_metadata IS 'skips: {skip_reason, max_allowed_seconds, actual_duration_seconds, skipped_at}';

CREATE TABLE video_subtitles (
    video_id       bigint      NOT NULL,
    language       varchar(35) NOT NULL,
    auto_generated boolean     NOT NULL DEFAULT false,
    media_file_id  bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT video_subtitles_pkey PRIMARY KEY (video_id, language, auto_generated),
    CONSTRAINT video_subtitles_video_id_fkey FOREIGN KEY (video_id) REFERENCES videos (id) ON DELETE CASCADE,
    CONSTRAINT video_subtitles_media_file_id_fkey FOREIGN KEY (media_file_id) REFERENCES media_files (id) ON DELETE RESTRICT
);
CREATE INDEX video_subtitles_media_file_id_idx ON video_subtitles (media_file_id);

COMMENT ON COLUMN video_subtitles.language IS 'language tag as yt-dlp names it, e.g. en, es, en-US';

CREATE TABLE collections (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    source_id   bigint       NOT NULL,
    external_id varchar(64)  NOT NULL,
    title       text,
    description text,
    num_posts   integer,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT collections_pkey PRIMARY KEY (id),
    CONSTRAINT collections_source_id_fkey FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE CASCADE,
    CONSTRAINT collections_source_id_external_id_key UNIQUE (source_id, external_id),
    CONSTRAINT collections_num_posts_not_negative CHECK (num_posts >= 0)
);

-- Membership by the post's external id, so it does not matter whether phase 1 has stored the post yet.
CREATE TABLE collection_posts (
    collection_id    bigint      NOT NULL,
    post_external_id varchar(64) NOT NULL,
    position         integer     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT collection_posts_pkey PRIMARY KEY (collection_id, post_external_id),
    CONSTRAINT collection_posts_collection_id_fkey FOREIGN KEY (collection_id) REFERENCES collections (id) ON DELETE CASCADE,
    CONSTRAINT collection_posts_position_not_negative CHECK (position >= 0)
);
CREATE INDEX collection_posts_post_external_id_idx ON collection_posts (post_external_id);

/* [jooq ignore start] */

-- media_files.reference_count follows every row that points at the file, whatever code path writes the row.
-- The row lock taken by the UPDATE serialises concurrent changes to one file's count.
CREATE FUNCTION adjust_media_file_reference_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.media_file_id IS NOT NULL THEN
            UPDATE media_files SET reference_count = reference_count + 1 WHERE id = NEW.media_file_id;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.media_file_id IS NOT NULL THEN
            UPDATE media_files SET reference_count = reference_count - 1 WHERE id = OLD.media_file_id;
        END IF;
    ELSIF NEW.media_file_id IS DISTINCT FROM OLD.media_file_id THEN
        IF OLD.media_file_id IS NOT NULL THEN
            UPDATE media_files SET reference_count = reference_count - 1 WHERE id = OLD.media_file_id;
        END IF;
        IF NEW.media_file_id IS NOT NULL THEN
            UPDATE media_files SET reference_count = reference_count + 1 WHERE id = NEW.media_file_id;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER post_media_reference_count
    AFTER INSERT OR DELETE OR UPDATE OF media_file_id ON post_media
    FOR EACH ROW EXECUTE FUNCTION adjust_media_file_reference_count();
CREATE TRIGGER videos_reference_count
    AFTER INSERT OR DELETE OR UPDATE OF media_file_id ON videos
    FOR EACH ROW EXECUTE FUNCTION adjust_media_file_reference_count();
CREATE TRIGGER video_subtitles_reference_count
    AFTER INSERT OR DELETE OR UPDATE OF media_file_id ON video_subtitles
    FOR EACH ROW EXECUTE FUNCTION adjust_media_file_reference_count();

-- updated_at moves on every update unless the statement sets it itself (e.g. from an injected clock).
CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER sources_touch_updated_at BEFORE UPDATE ON sources
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER posts_touch_updated_at BEFORE UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER post_media_touch_updated_at BEFORE UPDATE ON post_media
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER videos_touch_updated_at BEFORE UPDATE ON videos
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER collections_touch_updated_at BEFORE UPDATE ON collections
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

/* [jooq ignore stop] */
