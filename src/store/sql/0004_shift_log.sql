-- Shift log and handover: who is on duty (shifts), the append-only duty book
-- (notes; a correction is a new note that amends an earlier one), pins and
-- escalation releases kept in their own tables so a note never changes, and
-- the handover acknowledgements. Triggers make the append-only rule hold in
-- the database itself: a note can only ever be blanked once, by the
-- retention purge, and never deleted.
CREATE TABLE shifts (
    id          INTEGER PRIMARY KEY,
    person      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    ended_at    TEXT
) STRICT;
CREATE INDEX shifts_started ON shifts(started_at);
CREATE INDEX shifts_open ON shifts(person) WHERE ended_at IS NULL;

CREATE TABLE notes (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    author        TEXT NOT NULL,
    shift_id      INTEGER REFERENCES shifts(id),
    body          TEXT NOT NULL,
    callback_id   INTEGER,            -- optional link to a callback item
    for_handover  INTEGER NOT NULL DEFAULT 0 CHECK (for_handover IN (0, 1)),
    escalation    INTEGER NOT NULL DEFAULT 0 CHECK (escalation IN (0, 1)),
    amends        INTEGER REFERENCES notes(id),
    purged_at     TEXT                -- set once, when the retention purge erases the text
) STRICT;
CREATE INDEX notes_at ON notes(at, id);
CREATE INDEX notes_handover ON notes(at, id) WHERE for_handover = 1;
CREATE INDEX notes_escalation ON notes(at, id) WHERE escalation = 1;
CREATE INDEX notes_amends ON notes(amends) WHERE amends IS NOT NULL;

CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN
    SELECT RAISE(ABORT, 'the shift log is append-only');
END;

CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
WHEN NOT (
    OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL AND NEW.body = ''
    AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.author = OLD.author
    AND NEW.shift_id IS OLD.shift_id AND NEW.callback_id IS OLD.callback_id
    AND NEW.for_handover = OLD.for_handover AND NEW.escalation = OLD.escalation
    AND NEW.amends IS OLD.amends
)
BEGIN
    SELECT RAISE(ABORT, 'the shift log is append-only');
END;

CREATE TABLE note_pins (
    note_id    INTEGER PRIMARY KEY REFERENCES notes(id),
    pinned_at  TEXT NOT NULL,
    pinned_by  TEXT NOT NULL
) STRICT;

-- An escalation stays open (and exempt from the purge) until released.
CREATE TABLE escalation_releases (
    note_id      INTEGER PRIMARY KEY REFERENCES notes(id),
    released_at  TEXT NOT NULL,
    released_by  TEXT NOT NULL
) STRICT;

CREATE TABLE handovers (
    id               INTEGER PRIMARY KEY,
    shift_id         INTEGER REFERENCES shifts(id),
    given_at         TEXT NOT NULL,
    given_by         TEXT NOT NULL,
    acknowledged_at  TEXT,
    acknowledged_by  TEXT
) STRICT;
CREATE INDEX handovers_open ON handovers(given_at) WHERE acknowledged_at IS NULL;

-- The handover counts the items added during a shift.
CREATE INDEX callbacks_created ON callbacks(created_at);
