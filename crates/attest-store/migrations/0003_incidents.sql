-- Incidents: what several reports say about one event. Each extracted incident of a report is a
-- mention; each mention belongs to one incident. Linking is recomputed as a whole and applied in
-- one transaction; codes, analyst constraints, overrides and notes persist across re-linking.

CREATE TABLE incidents (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE,
    status               TEXT NOT NULL DEFAULT 'active',  -- active | merged | withdrawn
    merged_into          INTEGER REFERENCES incidents(id),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    -- Columns for filtering and sorting, derived from the mentions and analyst overrides.
    event_type           TEXT,
    date_start           TEXT,
    date_end             TEXT,
    country_code         TEXT,
    lat                  REAL,
    lon                  REAL,
    grade                TEXT,
    killed_low           INTEGER,
    killed_high          INTEGER,
    sources              INTEGER NOT NULL DEFAULT 0,
    independent_sources  INTEGER NOT NULL DEFAULT 0,
    targets              TEXT NOT NULL DEFAULT '[]',
    search_text          TEXT NOT NULL DEFAULT '',
    -- The whole derived record (location, ranges per source, claims ledger, grade reasons...).
    summary              TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX incidents_date ON incidents(status, date_start);
CREATE INDEX incidents_country ON incidents(country_code);
CREATE INDEX incidents_type ON incidents(event_type);

-- Every code ever issued and the incident it resolves to now (an absorbed code follows the merge).
CREATE TABLE incident_codes (
    code         TEXT PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id)
);

CREATE TABLE mentions (
    report_id      INTEGER NOT NULL REFERENCES reports(id),
    idx            INTEGER NOT NULL,
    incident_id    INTEGER NOT NULL REFERENCES incidents(id),
    extraction_id  INTEGER NOT NULL REFERENCES extractions(id),
    link           TEXT,   -- JSON: the link (score, features) that joined this mention, if any
    PRIMARY KEY (report_id, idx)
);
CREATE INDEX mentions_incident ON mentions(incident_id);

-- Analyst merges (must_link) and splits (cannot_link) between mentions; re-linking obeys them.
CREATE TABLE link_constraints (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('must_link', 'cannot_link')),
    a_report    INTEGER NOT NULL,
    a_idx       INTEGER NOT NULL,
    b_report    INTEGER NOT NULL,
    b_idx       INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    reason      TEXT,
    created_at  TEXT NOT NULL
);

-- Analyst values: the newest per field overrides the extracted value; all are kept.
CREATE TABLE incident_overrides (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id),
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    reason       TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX incident_overrides_incident ON incident_overrides(incident_id, field, id);

CREATE TABLE incident_notes (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id),
    text         TEXT NOT NULL,
    private      INTEGER NOT NULL DEFAULT 1,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
