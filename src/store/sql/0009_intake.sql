-- Voicemail intake from the switchboard's e-mail.
--
-- messages gains what the volunteer needs to find the recording in the
-- mailbox (vakt never stores the recording itself): that one exists, its
-- length if the e-mail said, and whether the message came in by e-mail.
-- The message's date is its received_at.
--
-- intake_taken remembers which e-mails were taken in, so the same e-mail
-- (delivered twice, or seen again after a crash) creates nothing the second
-- time. The key is a salted SHA-256 of the Message-ID (or of sender, number
-- and time when there is none): it holds no caller data, and the salt,
-- made once per database, keeps the number from being guessed back from it.
-- Rows go with the retention purge.
--
-- intake_failures counts e-mails that could not be read or were refused:
-- the reason (a fixed word), when, and the file name in the Maildir's
-- .failed folder; never sender, subject or number.
ALTER TABLE messages ADD COLUMN via TEXT NOT NULL DEFAULT 'manual' CHECK (via IN ('manual', 'email'));
ALTER TABLE messages ADD COLUMN recording INTEGER NOT NULL DEFAULT 0 CHECK (recording IN (0, 1));
ALTER TABLE messages ADD COLUMN recording_secs INTEGER CHECK (recording_secs >= 0);

CREATE TABLE intake_salt (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    salt  BLOB NOT NULL
) STRICT;
INSERT INTO intake_salt(id, salt) VALUES (1, randomblob(32));

CREATE TABLE intake_taken (
    key         TEXT PRIMARY KEY,
    taken_at    TEXT NOT NULL,
    message_id  INTEGER REFERENCES messages(id) ON DELETE SET NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX intake_taken_at ON intake_taken(taken_at);

CREATE TABLE intake_failures (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    at      TEXT NOT NULL,
    reason  TEXT NOT NULL,
    source  TEXT NOT NULL CHECK (source IN ('mail', 'maildir')),
    file    TEXT
) STRICT;
CREATE INDEX intake_failures_at ON intake_failures(at);
