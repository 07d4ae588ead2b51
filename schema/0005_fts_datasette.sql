-- chronograph schema, version 5: the full-text tables as Datasette finds them.
--
-- Datasette offers `?_search=` on a table when an FTS virtual table names it
-- as its content in double quotes or brackets (`content="claims"`); version
-- 1 wrote `content='claims'`, which FTS5 reads the same way but Datasette
-- does not recognise, so its search was silently ignored. Same tables, same
-- columns, same tokenizer, same external content: only the quoting changes,
-- and the index is rebuilt once from the rows already stored. Queries on
-- `claims_fts` and `events_fts` keep working unchanged.

DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    statement, subject, ev_text,
    content="claims", content_rowid="id", tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');

DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(
    label, place, ev_text,
    content="events", content_rowid="id", tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
