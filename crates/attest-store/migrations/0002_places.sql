-- Places of the user's own: added one by one (`attest place add`) or imported from GeoNames
-- dumps (`attest gazetteer import`). They take part in geocoding beside the embedded gazetteer.

CREATE TABLE places (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    aliases       TEXT NOT NULL DEFAULT '[]',
    lat           REAL NOT NULL,
    lon           REAL NOT NULL,
    precision     TEXT NOT NULL,
    country_code  TEXT NOT NULL,
    admin1        TEXT,
    geonameid     INTEGER UNIQUE,
    population    INTEGER NOT NULL DEFAULT 0,
    origin        TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX places_name ON places(name);
