-- Finding the right service when the words are not quite right.
--
-- * services_vocab exposes the search index's vocabulary (each word and
--   how many entries have it), so a word found nowhere can be read as the
--   nearest word the index does have (a typo) or as two of its words
--   written together.
-- * Phone digits joined the indexed text (a caller says "one one six, one
--   one seven"): every entry's index rows are rebuilt by the Rust step that
--   runs after this file in the same transaction
--   (store::directory::reindex_all).
-- * The starter list grew (crisis centres, centres against incest and
--   sexual abuse, sexual assault centres): the seed runs once more on the
--   next open and adds only the entries this file does not have yet (by
--   their fixed ids); nothing already there is changed.
-- * A reported problem stays visible on the entry until it is verified
--   again; the entry's latest report is read through
--   service_problems_service (from 0003).
-- * A place typed into the search lists the national services after the
--   local ones; they are read by name from this small index.
CREATE INDEX services_national ON services(search_name) WHERE national = 1;
CREATE VIRTUAL TABLE services_vocab USING fts5vocab(services_fts, row);
UPDATE directory_seed SET pending = 1;
