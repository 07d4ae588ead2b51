-- chronograph schema, version 2: "do not merge" records left by `unmerge`.
--
-- When `unmerge` splits a document's share off a stored actor, every folded
-- name of that document's local actor is recorded here against the actor it
-- was split from. A later ingest of the same document (a changed version of
-- it) then never joins those names to that actor again; other documents are
-- not affected. Rows go when the actor goes.
CREATE TABLE actor_merge_blocks (
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    actor_id     INTEGER NOT NULL REFERENCES actors(id),
    norm         TEXT NOT NULL,
    PRIMARY KEY (document_id, actor_id, norm)
) WITHOUT ROWID;
CREATE INDEX actor_merge_blocks_actor ON actor_merge_blocks(actor_id);
