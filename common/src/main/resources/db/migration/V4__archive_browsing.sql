-- creator-archiver schema, version 4: what the dashboard's archive browser reads. A creator's posts are listed newest
-- first, a page at a time, and a post page links to the posts before and after it; without this index each page
-- would sort every post of the creator.
CREATE INDEX posts_source_id_published_at_idx ON posts (source_id, published_at DESC NULLS LAST, id DESC);
