-- chronograph schema, version 6: a link names its local actor by reference.
--
-- `actor_links` held each local actor whole (name, kind, aliases, parent,
-- the folded name it merged through) in every row: one row per actor per
-- document, the largest table of a store (a third of the file for
-- synthetic wire copy, where the same few thousand actors recur in every
-- document). A local actor's description is now stored once in
-- `local_actors`, and each link points at it; the link rows keep only what
-- queries look up (document, local id, stored actor). The old columns are
-- still read together through `v_actor_links`. Descriptions are never
-- changed or deleted once written, so a link may point at any of them; one
-- no link uses any more (after a document is replaced) is harmless and is
-- reused when the same description comes back.
--
-- Absent values are '' rather than NULL here so that the unique key finds
-- equal descriptions (NULLs are all distinct in a UNIQUE constraint); the
-- view turns them back into NULL. Neither a local id nor a folded name is
-- ever empty.

CREATE TABLE local_actors (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    aliases       TEXT NOT NULL,               -- JSON array of strings
    part_of       TEXT NOT NULL,               -- local id of the parent actor, '' for none
    matched_norm  TEXT NOT NULL,               -- '' when the link created the actor
    UNIQUE (name, kind, aliases, part_of, matched_norm)
);

INSERT INTO local_actors (name, kind, aliases, part_of, matched_norm)
SELECT DISTINCT local_name, local_kind, local_aliases, coalesce(local_part_of, ''),
       coalesce(matched_norm, '')
FROM actor_links;

CREATE TABLE actor_links_v6 (
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    local_id     TEXT NOT NULL,
    actor_id     INTEGER NOT NULL REFERENCES actors(id),
    local_actor  INTEGER NOT NULL REFERENCES local_actors(id),
    PRIMARY KEY (document_id, local_id)
) WITHOUT ROWID;

INSERT INTO actor_links_v6 (document_id, local_id, actor_id, local_actor)
SELECT l.document_id, l.local_id, l.actor_id, s.id
FROM actor_links l JOIN local_actors s
  ON s.name = l.local_name AND s.kind = l.local_kind AND s.aliases = l.local_aliases
 AND s.part_of = coalesce(l.local_part_of, '') AND s.matched_norm = coalesce(l.matched_norm, '');

DROP VIEW IF EXISTS v_actors;
DROP VIEW IF EXISTS v_actor_merges;
DROP TABLE actor_links;
ALTER TABLE actor_links_v6 RENAME TO actor_links;
CREATE INDEX actor_links_actor ON actor_links(actor_id, document_id);

-- Every link with its local actor, as version 5 stored it.
CREATE VIEW v_actor_links AS
SELECT l.document_id, l.local_id, l.actor_id, s.name AS local_name, s.kind AS local_kind,
       s.aliases AS local_aliases, nullif(s.part_of, '') AS local_part_of,
       nullif(s.matched_norm, '') AS matched_norm
FROM actor_links l JOIN local_actors s ON s.id = l.local_actor;

CREATE VIEW v_actors AS
SELECT a.id, a.name, a.kind, p.name AS part_of,
       (SELECT group_concat(name, '; ') FROM (SELECT n.name FROM actor_names n
          WHERE n.actor_id = a.id AND n.norm <> a.norm ORDER BY n.name)) AS aliases,
       (SELECT count(DISTINCT l.document_id) FROM actor_links l WHERE l.actor_id = a.id) AS documents
FROM actors a LEFT JOIN actors p ON p.id = a.part_of;

CREATE VIEW v_actor_merges AS
SELECT a.id AS actor_id, a.name AS actor, d.key AS document, l.local_id, l.local_name,
       l.matched_norm
FROM v_actor_links l JOIN actors a ON a.id = l.actor_id JOIN documents d ON d.id = l.document_id
WHERE l.matched_norm IS NOT NULL;
