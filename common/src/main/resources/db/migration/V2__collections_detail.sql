-- creator-archiver schema, version 2: what phase 3 keeps of a collection, and its posts joined to the archive.
-- (jOOQ generates from this file on H2 too: see V1's header.)

ALTER TABLE collections ADD COLUMN thumbnail_url text;
ALTER TABLE collections ADD COLUMN edited_at timestamptz;

COMMENT ON COLUMN collections.thumbnail_url IS 'the thumbnail''s URL as Patreon gives it (signed: it expires); no bytes are stored';
COMMENT ON COLUMN collections.edited_at IS 'Patreon''s edited_at of the collection';
COMMENT ON COLUMN collections.updated_at IS 'last time phase 3 found the collection changed (attributes or posts)';
COMMENT ON COLUMN collection_posts.position IS 'place of the post in the collection''s order, from 0';

/* [jooq ignore start] */

-- Outside jOOQ's classes on purpose: generated, it would count as a table, and the tests' truncate of every
-- table would fail on it. It is read with plain SQL.
-- Membership is stored by post external id whether or not phase 1 has stored the post; this view joins the post
-- when it exists (post_id, post_title and post_url are NULL until then).
CREATE VIEW collection_posts_resolved AS
SELECT c.source_id,
       c.id                AS collection_id,
       c.external_id       AS collection_external_id,
       c.title             AS collection_title,
       cp.position,
       cp.post_external_id,
       p.id                AS post_id,
       p.title             AS post_title,
       p.url               AS post_url
  FROM collection_posts cp
  JOIN collections c ON c.id = cp.collection_id
  LEFT JOIN posts p ON p.source_id = c.source_id AND p.external_id = cp.post_external_id;

COMMENT ON VIEW collection_posts_resolved IS 'each collection''s posts in order, with the archived post once phase 1 has stored it';

/* [jooq ignore stop] */
