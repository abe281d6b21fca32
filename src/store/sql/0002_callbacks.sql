-- Callback queue: every promised callback (voicemails and written complaints)
-- with its deadline and the caller's safety instructions; each attempt; and
-- each received message, so that several voicemails from one number join one
-- item and withheld numbers still count in statistics. sort_at holds the
-- queue order (the deadline until someone has tried, then the next planned
-- attempt) so SQLite sorts from an index instead of the app sorting rows.
CREATE TABLE callbacks (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('voicemail', 'complaint')),
    received_at        TEXT NOT NULL,  -- earliest message, UTC
    deadline_at        TEXT NOT NULL,  -- UTC, from the calendar
    next_attempt_at    TEXT,           -- planned retry after an unreached attempt
    sort_at            TEXT NOT NULL,  -- queue order key
    phone              TEXT,           -- normalised; NULL for complaints and after purge
    caller_label       TEXT NOT NULL DEFAULT '',
    summary            TEXT NOT NULL DEFAULT '',
    wants_callback     INTEGER CHECK (wants_callback IN (0, 1)),
    may_leave_message  INTEGER CHECK (may_leave_message IN (0, 1)),
    may_say_who        INTEGER CHECK (may_say_who IN (0, 1)),
    safe_times         TEXT NOT NULL DEFAULT '',
    safety_note        TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome            TEXT CHECK (outcome IN ('reached', 'gave_up', 'not_in_use', 'not_needed')),
    closed_at          TEXT,
    closed_by          TEXT,
    message_count      INTEGER NOT NULL DEFAULT 1,
    attempt_count      INTEGER NOT NULL DEFAULT 0,
    first_attempt_at   TEXT,
    last_attempt_at    TEXT,
    created_at         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 0,  -- bumped on every change (undo checks it)
    CHECK ((status = 'closed') = (outcome IS NOT NULL))
) STRICT;
CREATE INDEX callbacks_queue ON callbacks(sort_at, id) WHERE status = 'open';
CREATE INDEX callbacks_open_deadline ON callbacks(deadline_at) WHERE status = 'open' AND attempt_count = 0;
CREATE INDEX callbacks_open_phone ON callbacks(phone) WHERE status = 'open';
CREATE INDEX callbacks_closed ON callbacks(closed_at) WHERE status = 'closed';
CREATE INDEX callbacks_received ON callbacks(received_at);

CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    callback_id  INTEGER NOT NULL REFERENCES callbacks(id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    by           TEXT NOT NULL,
    result       TEXT NOT NULL CHECK (result IN ('reached', 'no_answer', 'busy', 'left_message', 'wrong_number')),
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX attempts_callback ON attempts(callback_id, at);
CREATE INDEX attempts_at ON attempts(at);

-- One row per message received (voicemail, letter, withheld call).
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    received_at  TEXT NOT NULL,
    callback_id  INTEGER REFERENCES callbacks(id) ON DELETE CASCADE,
    withheld     INTEGER NOT NULL DEFAULT 0 CHECK (withheld IN (0, 1)),
    created_by   TEXT NOT NULL
) STRICT;
CREATE INDEX messages_received ON messages(received_at);
CREATE INDEX messages_callback ON messages(callback_id);
