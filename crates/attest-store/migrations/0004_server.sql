-- attest store, schema 4: what `attest serve` needs. API tokens (only their sha256 is kept),
-- full-text search over reports, and an index for paging incidents by date.

CREATE TABLE api_tokens (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('reader', 'analyst', 'admin')),
    sha256      TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
-- A name is unique among the tokens still in use; revoked ones keep their row.
CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens(name) WHERE revoked_at IS NULL;

-- Reports' title and text, indexed for search. The reports table is the content (nothing is
-- stored twice); reports are immutable and never deleted, so inserts are all there is to follow.
CREATE VIRTUAL TABLE reports_fts USING fts5(
    title,
    text,
    content = 'reports',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports
BEGIN
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO reports_fts (rowid, title, text) SELECT id, title, text FROM reports;

-- Keyset pages of active incidents by date (then code), both directions.
CREATE INDEX incidents_page ON incidents(status, coalesce(date_start, ''), code);

-- An incident's page looks up its code case-insensitively, lists its previous codes, and reads
-- its notes and audit history.
CREATE INDEX incident_codes_nocase ON incident_codes(code COLLATE NOCASE);
CREATE INDEX incident_codes_incident ON incident_codes(incident_id);
CREATE INDEX incident_notes_incident ON incident_notes(incident_id);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
