-- chronograph schema, version 1.
-- Applied by src/store in order of the number in the file name; the number
-- of the last applied file is kept in PRAGMA user_version.
--
-- Conventions: dates are ISO 8601 text (YYYY-MM-DD), so they sort and compare
-- as text. A time value is stored as six columns with a common prefix:
-- <p>_text, <p>_value (TimeML), <p>_start and <p>_end (inclusive bounds),
-- <p>_granularity, <p>_modifier. Evidence is ev_start/ev_end (UTF-8 byte
-- offsets into the article), ev_text (the sentence) and ev_rule.

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

CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,                    -- canonical name
    norm     TEXT NOT NULL,                    -- case- and diacritics-folded name
    kind     TEXT NOT NULL,
    part_of  INTEGER REFERENCES actors(id)
);
CREATE INDEX actors_norm ON actors(norm);
CREATE INDEX actors_part_of ON actors(part_of);

-- Every name an actor is known by; the merge key across documents.
CREATE TABLE actor_names (
    actor_id  INTEGER NOT NULL REFERENCES actors(id),
    name      TEXT NOT NULL,
    norm      TEXT NOT NULL,
    PRIMARY KEY (actor_id, norm)
) WITHOUT ROWID;
CREATE INDEX actor_names_norm ON actor_names(norm);

-- Which local actor of which document became which stored actor, and through
-- which name: the evidence of every merge, and what an unmerge undoes.
CREATE TABLE actor_links (
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    local_id     TEXT NOT NULL,
    actor_id     INTEGER NOT NULL REFERENCES actors(id),
    local_name   TEXT NOT NULL,
    matched_norm TEXT,                         -- NULL when the actor was created
    PRIMARY KEY (document_id, local_id)
) WITHOUT ROWID;
CREATE INDEX actor_links_actor ON actor_links(actor_id);

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

CREATE TABLE timexes (
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    type         TEXT NOT NULL,
    value        TEXT NOT NULL,
    begin TEXT, until TEXT, granularity TEXT, modifier TEXT,
    PRIMARY KEY (document_id, start, end)
) WITHOUT ROWID;

-- Full-text search (external content: the store writes the rows).
CREATE VIRTUAL TABLE claims_fts USING fts5(statement, subject, evidence, content='');
CREATE VIRTUAL TABLE events_fts USING fts5(label, evidence, content='');

-- Views for people opening the file in sqlite3 or Datasette.
CREATE VIEW v_claims AS
SELECT c.id, d.published, d.publisher, a.name AS claimant,
       (SELECT group_concat(va.name, ' > ') FROM claim_via v JOIN actors va ON va.id = v.actor_id
         WHERE v.claim_id = c.id ORDER BY v.position) AS via,
       c.subject, c.statement, c.q_value, c.q_lower, c.q_upper, c.q_unit,
       c.polarity, c.modality, c.stated_value, c.valid_value, c.ev_text AS evidence,
       d.title, d.url
FROM claims c JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.claimant_id;

CREATE VIEW v_timeline AS
SELECT e.id, e.t_start, e.t_end, e.t_value, e.t_modifier, e.kind, e.label, e.status, e.place,
       (SELECT group_concat(a.name, ', ') FROM event_participants p JOIN actors a ON a.id = p.actor_id
         WHERE p.event_id = e.id) AS participants,
       d.publisher, d.published, e.ev_text AS evidence
FROM events e JOIN documents d ON d.id = e.document_id
ORDER BY e.t_start IS NULL, e.t_start, e.id;

CREATE VIEW v_relations AS
SELECT r.id, s.name AS source, r.kind, t.name AS target, r.t_value, d.publisher, d.published,
       r.ev_text AS evidence
FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
JOIN documents d ON d.id = r.document_id;
