-- attest store, schema 5: reports are indexed for search by the statement that stores a batch,
-- not by a trigger per row.
--
-- With the trigger of schema 4 every `INSERT INTO reports` opened a statement savepoint, and
-- FTS5 writes its pending terms to disk at each savepoint: one tiny index segment per report,
-- merged again and again (most of an ingest's time went there). The store now indexes the
-- reports a transaction stored with one `INSERT INTO reports_fts ... SELECT` at its end, inside
-- that same transaction: a report is never committed without its index entry, nor the reverse.
-- The index itself marks how far it goes: its docsize table holds one row per indexed report,
-- so reports with an id above its largest are the ones to index (none, unless something wrote
-- reports without the store), and the store catches those up when it opens and on each write.
-- Every report stored so far was indexed by the trigger, so nothing needs indexing here.
DROP TRIGGER reports_fts_insert;

-- Merge index segments 8 at a time rather than 4: a large ingest rewrites its index about half
-- as often, and a search reads at most twice as many segments (measured at 100,000 reports: the
-- same milliseconds).
INSERT INTO reports_fts (reports_fts, rank) VALUES ('automerge', 8);
