-- Searching the shift log without reading every note.
--
-- The log's search is literal and live (each character typed searches),
-- and a word found in no recent note used to mean reading every note ever
-- written. notes_fts is a trigram index over the notes' text: any
-- substring of three characters or more is found through it. It stores no
-- copy of the text (content='notes'), and detail='none' keeps it small:
-- it only says which notes may match, and the store checks each one with
-- the same literal LIKE as before, so results are exactly what they were.
--
-- The text of a note can hold what a caller said. When the retention
-- purge blanks a note, the trigger below takes its words out of the index
-- in the same transaction, and secure-delete makes FTS5 remove them from
-- the index pages rather than leave them to be merged away later (with
-- PRAGMA secure_delete, freed pages are zeroed too).
CREATE VIRTUAL TABLE notes_fts USING fts5(
    body,
    content = 'notes',
    content_rowid = 'id',
    tokenize = 'trigram',
    detail = 'none'
);
INSERT INTO notes_fts(notes_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');

CREATE TRIGGER notes_fts_added AFTER INSERT ON notes
BEGIN
    INSERT INTO notes_fts(rowid, body) VALUES (NEW.id, NEW.body);
END;

-- Notes are append-only (see 0004): the only change allowed is the purge
-- blanking the text, and there is no DELETE.
CREATE TRIGGER notes_fts_purged AFTER UPDATE OF body ON notes
BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
    INSERT INTO notes_fts(rowid, body) VALUES (NEW.id, NEW.body);
END;
