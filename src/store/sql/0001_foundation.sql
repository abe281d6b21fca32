-- Foundation: calendar settings shared by every terminal on the file (time
-- zone, weekly opening hours, extra closed dates, different closing times on
-- given dates) and the audit trail of who did what.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
INSERT INTO settings(key, value) VALUES ('time_zone', 'Europe/Oslo');

-- weekday 0 = Monday. NULL open/close means closed that weekday.
CREATE TABLE opening_hours (
    weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
    open    TEXT,
    close   TEXT,
    CHECK ((open IS NULL) = (close IS NULL)),
    CHECK (open IS NULL OR open < close)
) STRICT;
INSERT INTO opening_hours(weekday, open, close) VALUES
    (0, '09:00', '15:00'), (1, '09:00', '15:00'), (2, '09:00', '15:00'),
    (3, '09:00', '15:00'), (4, '09:00', '15:00'), (5, NULL, NULL), (6, NULL, NULL);

CREATE TABLE closed_dates (
    date   TEXT PRIMARY KEY,   -- YYYY-MM-DD, local to the time zone
    reason TEXT NOT NULL
) STRICT;

CREATE TABLE closing_overrides (
    date  TEXT PRIMARY KEY,    -- YYYY-MM-DD
    close TEXT NOT NULL        -- HH:MM
) STRICT;

-- Who did what, when, to which row. Never the caller's data.
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,     -- RFC 3339 UTC
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    entity  TEXT NOT NULL,
    ref_id  INTEGER,
    detail  TEXT
) STRICT;
CREATE INDEX audit_at ON audit(at);
