-- creator-archiver schema, version 3: phase 4's transcripts and summaries, what each paid call cost, and full-text
-- search over posts (post_search), transcripts and summaries. (jOOQ generates from this file on H2 too: see V1's header.)

CREATE TYPE transcript_status AS ENUM ('pending', 'processing', 'completed', 'skipped', 'failed');
CREATE TYPE transcript_source AS ENUM ('captions', 'whisper');
CREATE TYPE paid_call_kind AS ENUM ('transcription', 'summary');

-- One transcript per content: a stored file (a Patreon video or audio, a downloaded Vimeo video) or a YouTube id
-- (embedded or downloaded), whichever posts show it. It goes with its file: a file no post keeps takes it along.
CREATE TABLE transcripts (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    media_file_id    bigint,
    youtube_id       varchar(64),
    source           transcript_source,
    language         varchar(35),
    text             text,
    segments         jsonb             NOT NULL DEFAULT '[]',
    duration_seconds double precision,
    model            varchar(255),
    cost_usd         numeric(14, 6)    NOT NULL DEFAULT 0,
    status           transcript_status NOT NULL DEFAULT 'pending',
    attempts         integer           NOT NULL DEFAULT 0,
    last_error       text,
    created_at       timestamptz       NOT NULL DEFAULT now(),
    updated_at       timestamptz       NOT NULL DEFAULT now(),
    CONSTRAINT transcripts_pkey PRIMARY KEY (id),
    CONSTRAINT transcripts_media_file_id_fkey FOREIGN KEY (media_file_id) REFERENCES media_files (id) ON DELETE CASCADE,
    CONSTRAINT transcripts_media_file_id_key UNIQUE (media_file_id),
    CONSTRAINT transcripts_youtube_id_key UNIQUE (youtube_id),
    CONSTRAINT transcripts_one_content CHECK ((media_file_id IS NULL) <> (youtube_id IS NULL)),
    CONSTRAINT transcripts_cost_not_negative CHECK (cost_usd >= 0),
    CONSTRAINT transcripts_attempts_not_negative CHECK (attempts >= 0)
);
CREATE INDEX transcripts_status_idx ON transcripts (status);

COMMENT ON COLUMN transcripts.segments IS '[{"start", "end", "text"}], seconds from the start of the recording';
COMMENT ON COLUMN transcripts.model IS 'the transcription model; NULL for captions';
COMMENT ON COLUMN transcripts.cost_usd IS 'what its paid calls cost, summed (0 from captions)';

-- The whisper path's chunks as their answers arrive: a job that dies mid-recording resumes after the last one kept,
-- and no chunk already answered is paid for again.
CREATE TABLE transcript_chunks (
    transcript_id bigint           NOT NULL,
    chunk_index   integer          NOT NULL,
    start_seconds double precision NOT NULL,
    end_seconds   double precision NOT NULL,
    language      varchar(35),
    segments      jsonb            NOT NULL,
    created_at    timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT transcript_chunks_pkey PRIMARY KEY (transcript_id, chunk_index),
    CONSTRAINT transcript_chunks_transcript_id_fkey FOREIGN KEY (transcript_id) REFERENCES transcripts (id) ON DELETE CASCADE,
    CONSTRAINT transcript_chunks_ordered CHECK (end_seconds > start_seconds AND start_seconds >= 0)
);

-- A summary is paid once per (transcript, model, language, prompt version).
CREATE TABLE summaries (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    transcript_id  bigint         NOT NULL,
    model          varchar(255)   NOT NULL,
    language       varchar(35)    NOT NULL,
    prompt_version integer        NOT NULL,
    text           text           NOT NULL,
    input_tokens   integer        NOT NULL DEFAULT 0,
    output_tokens  integer        NOT NULL DEFAULT 0,
    cost_usd       numeric(14, 6) NOT NULL DEFAULT 0,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT summaries_pkey PRIMARY KEY (id),
    CONSTRAINT summaries_transcript_id_fkey FOREIGN KEY (transcript_id) REFERENCES transcripts (id) ON DELETE CASCADE,
    CONSTRAINT summaries_transcript_id_model_language_prompt_version_key UNIQUE (transcript_id, model, language, prompt_version),
    CONSTRAINT summaries_tokens_not_negative CHECK (input_tokens >= 0 AND output_tokens >= 0),
    CONSTRAINT summaries_cost_not_negative CHECK (cost_usd >= 0)
);

-- The partial summaries of a long transcript's map step, kept as they arrive (the same resume as transcript_chunks).
CREATE TABLE summary_parts (
    transcript_id  bigint         NOT NULL,
    model          varchar(255)   NOT NULL,
    language       varchar(35)    NOT NULL,
    prompt_version integer        NOT NULL,
    part_index     integer        NOT NULL,
    text           text           NOT NULL,
    input_tokens   integer        NOT NULL DEFAULT 0,
    output_tokens  integer        NOT NULL DEFAULT 0,
    cost_usd       numeric(14, 6) NOT NULL DEFAULT 0,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT summary_parts_pkey PRIMARY KEY (transcript_id, model, language, prompt_version, part_index),
    CONSTRAINT summary_parts_transcript_id_fkey FOREIGN KEY (transcript_id) REFERENCES transcripts (id) ON DELETE CASCADE,
    CONSTRAINT summary_parts_tokens_not_negative CHECK (input_tokens >= 0 AND output_tokens >= 0),
    CONSTRAINT summary_parts_cost_not_negative CHECK (cost_usd >= 0)
);

-- Every paid call: reserved with its estimate before it is sent (so concurrent workers see it against the day's
-- budget), then settled with what the API reported. A reservation left by a crash keeps counting: the call may have
-- been paid. It outlives its transcript, as an invoice line does.
CREATE TABLE paid_calls (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    kind           paid_call_kind NOT NULL,
    transcript_id  bigint,
    model          varchar(255)   NOT NULL,
    host           varchar(255)   NOT NULL,
    audio_seconds  double precision NOT NULL DEFAULT 0,
    input_tokens   integer        NOT NULL DEFAULT 0,
    output_tokens  integer        NOT NULL DEFAULT 0,
    estimated_usd  numeric(14, 6) NOT NULL,
    cost_usd       numeric(14, 6),
    called_at      timestamptz    NOT NULL,
    settled_at     timestamptz,
    CONSTRAINT paid_calls_pkey PRIMARY KEY (id),
    CONSTRAINT paid_calls_transcript_id_fkey FOREIGN KEY (transcript_id) REFERENCES transcripts (id) ON DELETE SET NULL,
    CONSTRAINT paid_calls_amounts_not_negative CHECK (
        estimated_usd >= 0 AND (cost_usd IS NULL OR cost_usd >= 0) AND audio_seconds >= 0
        AND input_tokens >= 0 AND output_tokens >= 0)
);
CREATE INDEX paid_calls_called_at_idx ON paid_calls (called_at);

COMMENT ON COLUMN paid_calls.cost_usd IS 'NULL while the call is reserved and not answered: estimated_usd counts instead';
COMMENT ON COLUMN paid_calls.called_at IS 'when the reservation was taken; the budget counts UTC days by it';

/* [jooq ignore start] */

CREATE TRIGGER transcripts_touch_updated_at BEFORE UPDATE ON transcripts
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Full-text search for Spanish and English alike: a text is indexed under both stemmers (a query is matched the
-- same way, so "canciones" finds "canción" and "songs" finds "song"). Immutable, so generated columns can use it.
CREATE FUNCTION archiver_search_vector(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('spanish', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(body, '')), 'B')
        || setweight(to_tsvector('spanish', coalesce(body, '')), 'B')
$$;

CREATE FUNCTION archiver_search_query(query text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT websearch_to_tsquery('english', query) || websearch_to_tsquery('spanish', query)
$$;

-- A post's vector lives beside it, not in it: phase 2 updates every post twice per processing (its status, then its
-- details), and a column of posts would be stemmed again and re-indexed each time. Here it is computed only when the
-- title or the text actually changes.
CREATE TABLE post_search (
    post_id       bigint   NOT NULL,
    search_vector tsvector NOT NULL,
    CONSTRAINT post_search_pkey PRIMARY KEY (post_id),
    CONSTRAINT post_search_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX post_search_search_vector_idx ON post_search USING gin (search_vector);

CREATE FUNCTION index_post_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO post_search (post_id, search_vector)
    VALUES (NEW.id, archiver_search_vector(NEW.title, NEW.content_text))
    ON CONFLICT (post_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
    RETURN NULL;
END
$$;

CREATE TRIGGER posts_index_new_text AFTER INSERT ON posts
    FOR EACH ROW EXECUTE FUNCTION index_post_text();
CREATE TRIGGER posts_index_changed_text AFTER UPDATE OF title, content_text ON posts
    FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.content_text IS DISTINCT FROM NEW.content_text)
    EXECUTE FUNCTION index_post_text();

ALTER TABLE transcripts ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (archiver_search_vector(NULL, text)) STORED;
CREATE INDEX transcripts_search_vector_idx ON transcripts USING gin (search_vector);

ALTER TABLE summaries ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (archiver_search_vector(NULL, text)) STORED;
CREATE INDEX summaries_search_vector_idx ON summaries USING gin (search_vector);

/* [jooq ignore stop] */
