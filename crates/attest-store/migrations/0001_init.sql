-- attest store, schema 1: sources, ingest batches, reports with their originals, extraction
-- results, and the append-only audit log.

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind        TEXT NOT NULL DEFAULT 'unknown',
    leaning     TEXT,
    country     TEXT,
    url         TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE batches (
    id            INTEGER PRIMARY KEY,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    command       TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'running',
    new_count     INTEGER NOT NULL DEFAULT 0,
    dup_count     INTEGER NOT NULL DEFAULT 0,
    failed_count  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE reports (
    id             INTEGER PRIMARY KEY,
    external_id    TEXT NOT NULL,
    source_id      INTEGER REFERENCES sources(id),
    url            TEXT,
    title          TEXT,
    published_at   TEXT,
    captured_at    TEXT NOT NULL,
    language       TEXT,
    format         TEXT NOT NULL,
    sha256         TEXT NOT NULL UNIQUE,
    original_size  INTEGER NOT NULL,
    original_zstd  BLOB NOT NULL,
    text           TEXT NOT NULL,
    batch_id       INTEGER NOT NULL REFERENCES batches(id),
    status         TEXT NOT NULL DEFAULT 'ingested',
    warnings       TEXT NOT NULL DEFAULT '[]',
    origin         TEXT
);
CREATE INDEX reports_external_id ON reports(external_id);
CREATE INDEX reports_source ON reports(source_id);
CREATE INDEX reports_published ON reports(published_at);

-- What a report says never changes: only its processing status may move on.
CREATE TRIGGER reports_immutable
BEFORE UPDATE OF external_id, source_id, url, title, published_at, captured_at, language, format,
                 sha256, original_size, original_zstd, text, batch_id, warnings, origin ON reports
BEGIN
    SELECT RAISE(ABORT, 'reports are immutable; record a correction in the audit log');
END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN
    SELECT RAISE(ABORT, 'reports are never deleted');
END;

CREATE TABLE ingest_failures (
    id        INTEGER PRIMARY KEY,
    batch_id  INTEGER NOT NULL REFERENCES batches(id),
    path      TEXT NOT NULL,
    line      INTEGER,
    reason    TEXT NOT NULL
);

-- Every extraction result kept: re-extraction adds a row, the newest per report is current.
CREATE TABLE extractions (
    id               INTEGER PRIMARY KEY,
    report_id        INTEGER NOT NULL REFERENCES reports(id),
    lexicon_version  TEXT NOT NULL,
    extracted_at     TEXT NOT NULL,
    result           TEXT NOT NULL
);
CREATE INDEX extractions_report ON extractions(report_id, id);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT,
    details    TEXT NOT NULL DEFAULT '{}',
    reason     TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
