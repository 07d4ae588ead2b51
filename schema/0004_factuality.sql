-- chronograph schema, version 4: factuality of every claim's content, event
-- and relation.
--
-- A fact read from "if Russia invades" or "officials fear that ..." is not a
-- plain fact: views show asserted rows unless asked for the rest. Rows
-- written before this version read as asserted, as a bundle without the
-- field does (the interchange default), so a store and a re-ingest of the
-- same bundles agree. The `v_*` views gain the column.

ALTER TABLE claims ADD COLUMN factuality TEXT NOT NULL DEFAULT 'asserted'
    CHECK (factuality IN ('asserted', 'negated', 'hypothetical', 'feared', 'predicted', 'planned',
                          'proposed', 'questioned', 'denied'));
ALTER TABLE events ADD COLUMN factuality TEXT NOT NULL DEFAULT 'asserted'
    CHECK (factuality IN ('asserted', 'negated', 'hypothetical', 'feared', 'predicted', 'planned',
                          'proposed', 'questioned', 'denied'));
ALTER TABLE relations ADD COLUMN factuality TEXT NOT NULL DEFAULT 'asserted'
    CHECK (factuality IN ('asserted', 'negated', 'hypothetical', 'feared', 'predicted', 'planned',
                          'proposed', 'questioned', 'denied'));

DROP VIEW IF EXISTS v_claims;
CREATE VIEW v_claims AS
SELECT c.id, d.published, d.publisher, a.name AS claimant,
       (SELECT group_concat(name, ' > ') FROM (SELECT va.name FROM claim_via v
          JOIN actors va ON va.id = v.actor_id WHERE v.claim_id = c.id ORDER BY v.position)) AS via,
       c.subject, c.statement, c.q_value, c.q_lower, c.q_upper, c.q_unit,
       c.polarity, c.modality, c.factuality, c.stated_value, c.valid_value, c.valid_start,
       c.valid_end, c.ev_text AS evidence, d.key AS document, d.title, d.url
FROM claims c JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.claimant_id;

DROP VIEW IF EXISTS v_timeline;
CREATE VIEW v_timeline AS
SELECT e.id, e.t_start, e.t_end, e.t_value, e.t_modifier, e.kind, e.label, e.status,
       e.factuality, e.place,
       (SELECT group_concat(name, ', ') FROM (SELECT a.name FROM event_participants p
          JOIN actors a ON a.id = p.actor_id WHERE p.event_id = e.id ORDER BY a.name)) AS participants,
       d.publisher, d.published, e.ev_text AS evidence, d.key AS document
FROM events e JOIN documents d ON d.id = e.document_id
ORDER BY e.t_start IS NULL, e.t_start, e.id;

DROP VIEW IF EXISTS v_relations;
CREATE VIEW v_relations AS
SELECT r.id, s.name AS source, r.kind, t.name AS target, r.factuality, r.t_value, r.t_start,
       r.t_end, d.publisher, d.published, r.ev_text AS evidence, d.key AS document
FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
JOIN documents d ON d.id = r.document_id;
