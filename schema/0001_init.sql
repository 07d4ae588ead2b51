-- chronograph schema, version 1.
-- Applied by src/store in order of the number in the file name; the number
-- of the last applied file is kept in PRAGMA user_version.
--
-- Conventions: dates are ISO 8601 text (YYYY-MM-DD), so they sort and compare
-- as text. A time value is stored as six columns with a common prefix:
-- <p>_text, <p>_value (TimeML), <p>_start and <p>_end (inclusive bounds),
-- <p>_granularity, <p>_modifier. Evidence is ev_start/ev_end (UTF-8 byte
-- offsets into the article), ev_text (the sentence) and ev_rule. Quantities
-- are q_value, q_lower, q_upper, q_unit and four 0/1 flags.

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,        -- the interchange document id
    title         TEXT,
    publisher     TEXT,
    publisher_id  INTEGER REFERENCES actors(id),
    url           TEXT,
    published     TEXT NOT NULL,               -- published time (clock 3)
    recorded_at   TEXT NOT NULL,               -- recorded time (clock 4)
    content_hash  TEXT,
    bundle_hash   TEXT NOT NULL                -- hash of the ingested facts
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_publisher ON documents(publisher_id);

-- One row per real-world actor after merging across documents. `name`,
-- `kind` and `part_of` come from the earliest link (see actor_links).
CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,                    -- canonical name
    norm     TEXT NOT NULL,                    -- case- and diacritics-folded name
    kind     TEXT NOT NULL,
    part_of  INTEGER REFERENCES actors(id)
);
CREATE INDEX actors_norm ON actors(norm);
CREATE INDEX actors_part_of ON actors(part_of);
CREATE INDEX actors_kind ON actors(kind);

-- Every name an actor is known by, rebuilt from its links. Rows with
-- mergeable = 1 are the merge key across documents; generic names ("the
-- president", "officials") and anonymous actors' names have mergeable = 0
-- and are kept only for lookups.
CREATE TABLE actor_names (
    actor_id   INTEGER NOT NULL REFERENCES actors(id),
    norm       TEXT NOT NULL,
    name       TEXT NOT NULL,                  -- first spelling seen
    canonical  INTEGER NOT NULL,               -- 1 when it is some link's canonical name
    mergeable  INTEGER NOT NULL,
    PRIMARY KEY (actor_id, norm)
) WITHOUT ROWID;
CREATE INDEX actor_names_norm ON actor_names(norm, mergeable);

-- Which local actor of which document became which stored actor, and through
-- which name: the evidence of every merge, and what `unmerge` undoes. The
-- local actor is kept whole (name, kind, aliases, part_of) so that it can be
-- split off again. local_id '@publisher' is the document's publisher.
CREATE TABLE actor_links (
    document_id   INTEGER NOT NULL REFERENCES documents(id),
    local_id      TEXT NOT NULL,
    actor_id      INTEGER NOT NULL REFERENCES actors(id),
    local_name    TEXT NOT NULL,
    local_kind    TEXT NOT NULL,
    local_aliases TEXT NOT NULL,               -- JSON array of strings
    local_part_of TEXT,                        -- local id of the parent actor
    matched_norm  TEXT,                        -- NULL when the link created the actor
    PRIMARY KEY (document_id, local_id)
) WITHOUT ROWID;
CREATE INDEX actor_links_actor ON actor_links(actor_id, document_id);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id),
    local_id       TEXT NOT NULL,
    kind           TEXT NOT NULL,
    label          TEXT NOT NULL,
    t_text TEXT, t_value TEXT, t_start TEXT, t_end TEXT, t_granularity TEXT, t_modifier TEXT,
    place          TEXT,
    status         TEXT NOT NULL,
    ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL, ev_rule TEXT,
    UNIQUE (document_id, local_id)
);
CREATE INDEX events_time ON events(t_start, t_end);
CREATE INDEX events_kind ON events(kind);

CREATE TABLE event_participants (
    event_id  INTEGER NOT NULL REFERENCES events(id),
    actor_id  INTEGER NOT NULL REFERENCES actors(id),
    role      TEXT NOT NULL,
    PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participants_actor ON event_participants(actor_id, event_id);

CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id),
    local_id       TEXT NOT NULL,
    claimant_id    INTEGER NOT NULL REFERENCES actors(id),
    subject        TEXT,                       -- normalised thing counted or asserted
    statement      TEXT NOT NULL,
    q_value REAL, q_lower REAL, q_upper REAL, q_unit TEXT,
    q_approximate INTEGER, q_vague INTEGER, q_lower_open INTEGER, q_upper_open INTEGER,
    polarity       TEXT NOT NULL,
    modality       TEXT NOT NULL,
    stated_text TEXT, stated_value TEXT, stated_start TEXT, stated_end TEXT,
    stated_granularity TEXT, stated_modifier TEXT,
    valid_text TEXT, valid_value TEXT, valid_start TEXT, valid_end TEXT,
    valid_granularity TEXT, valid_modifier TEXT,
    ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL, ev_rule TEXT,
    UNIQUE (document_id, local_id)
);
CREATE INDEX claims_claimant ON claims(claimant_id);
CREATE INDEX claims_subject ON claims(subject, q_unit);
CREATE INDEX claims_valid ON claims(valid_start, valid_end);
CREATE INDEX claims_stated ON claims(stated_start);

-- The reporting chain, nearest to the document first (position 0).
CREATE TABLE claim_via (
    claim_id  INTEGER NOT NULL REFERENCES claims(id),
    position  INTEGER NOT NULL,
    actor_id  INTEGER NOT NULL REFERENCES actors(id),
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;
CREATE INDEX claim_via_actor ON claim_via(actor_id);

-- What a claim is about: an actor or an event.
CREATE TABLE claim_about (
    claim_id  INTEGER NOT NULL REFERENCES claims(id),
    actor_id  INTEGER REFERENCES actors(id),
    event_id  INTEGER REFERENCES events(id),
    CHECK ((actor_id IS NULL) <> (event_id IS NULL))
);
CREATE INDEX claim_about_claim ON claim_about(claim_id);
CREATE INDEX claim_about_actor ON claim_about(actor_id);
CREATE INDEX claim_about_event ON claim_about(event_id);

CREATE TABLE relations (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    source_id    INTEGER NOT NULL REFERENCES actors(id),
    kind         TEXT NOT NULL,
    target_id    INTEGER NOT NULL REFERENCES actors(id),
    t_text TEXT, t_value TEXT, t_start TEXT, t_end TEXT, t_granularity TEXT, t_modifier TEXT,
    ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL, ev_rule TEXT
);
CREATE INDEX relations_source ON relations(source_id, kind);
CREATE INDEX relations_target ON relations(target_id, kind);
CREATE INDEX relations_document ON relations(document_id);

-- Every temporal expression of a document, as `timex` prints it.
CREATE TABLE timexes (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    type         TEXT NOT NULL,
    value        TEXT NOT NULL,
    begin TEXT, until TEXT, granularity TEXT, modifier TEXT, rule TEXT
);
CREATE INDEX timexes_document ON timexes(document_id, start);

-- Full-text search over the claim and event tables (external content: the
-- text lives once, in claims and events; the store fills the index in bulk
-- after each batch and removes a document's rows before replacing it).
-- Query with: SELECT c.* FROM claims_fts f JOIN claims c ON c.id = f.rowid
--             WHERE claims_fts MATCH 'troops' ORDER BY rank;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    statement, subject, ev_text,
    content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE events_fts USING fts5(
    label, place, ev_text,
    content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

-- Views for people opening the file in sqlite3 or Datasette.
CREATE VIEW v_claims AS
SELECT c.id, d.published, d.publisher, a.name AS claimant,
       (SELECT group_concat(name, ' > ') FROM (SELECT va.name FROM claim_via v
          JOIN actors va ON va.id = v.actor_id WHERE v.claim_id = c.id ORDER BY v.position)) AS via,
       c.subject, c.statement, c.q_value, c.q_lower, c.q_upper, c.q_unit,
       c.polarity, c.modality, c.stated_value, c.valid_value, c.valid_start, c.valid_end,
       c.ev_text AS evidence, d.key AS document, d.title, d.url
FROM claims c JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.claimant_id;

CREATE VIEW v_timeline AS
SELECT e.id, e.t_start, e.t_end, e.t_value, e.t_modifier, e.kind, e.label, e.status, e.place,
       (SELECT group_concat(name, ', ') FROM (SELECT a.name FROM event_participants p
          JOIN actors a ON a.id = p.actor_id WHERE p.event_id = e.id ORDER BY a.name)) AS participants,
       d.publisher, d.published, e.ev_text AS evidence, d.key AS document
FROM events e JOIN documents d ON d.id = e.document_id
ORDER BY e.t_start IS NULL, e.t_start, e.id;

CREATE VIEW v_relations AS
SELECT r.id, s.name AS source, r.kind, t.name AS target, r.t_value, r.t_start, r.t_end,
       d.publisher, d.published, r.ev_text AS evidence, d.key AS document
FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
JOIN documents d ON d.id = r.document_id;

-- Actors with their names and how many documents mention them.
CREATE VIEW v_actors AS
SELECT a.id, a.name, a.kind, p.name AS part_of,
       (SELECT group_concat(name, '; ') FROM (SELECT n.name FROM actor_names n
          WHERE n.actor_id = a.id AND n.norm <> a.norm ORDER BY n.name)) AS aliases,
       (SELECT count(DISTINCT l.document_id) FROM actor_links l WHERE l.actor_id = a.id) AS documents
FROM actors a LEFT JOIN actors p ON p.id = a.part_of;

-- The evidence of every cross-document merge: which local name of which
-- document was joined to which stored actor, through which folded name.
CREATE VIEW v_actor_merges AS
SELECT a.id AS actor_id, a.name AS actor, d.key AS document, l.local_id, l.local_name,
       l.matched_norm
FROM actor_links l JOIN actors a ON a.id = l.actor_id JOIN documents d ON d.id = l.document_id
WHERE l.matched_norm IS NOT NULL;
