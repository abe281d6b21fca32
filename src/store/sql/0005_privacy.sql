-- Privacy: items on hold are kept whole by the retention purge until
-- released, and purged_at records (once) that an item's caller data was
-- erased, so a purge never counts or touches an item twice.
ALTER TABLE callbacks ADD COLUMN on_hold INTEGER NOT NULL DEFAULT 0 CHECK (on_hold IN (0, 1));
ALTER TABLE callbacks ADD COLUMN purged_at TEXT;
CREATE INDEX callbacks_purge ON callbacks(closed_at) WHERE status = 'closed' AND purged_at IS NULL;
CREATE INDEX notes_purge ON notes(at) WHERE purged_at IS NULL;
