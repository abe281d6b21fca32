-- Open escalations, kept by triggers.
--
-- An escalation stays open until released (escalation_releases). Finding
-- the open ones meant reading every escalation ever written and looking
-- each up among the releases: on ten years of notes that is tens of
-- thousands of lookups every time the handover review opens. This table
-- holds just the open ones; the triggers keep it in step with notes and
-- releases in the same transaction as each write, so it cannot drift.
CREATE TABLE open_escalations (
    note_id  INTEGER PRIMARY KEY REFERENCES notes(id)
) STRICT;

INSERT INTO open_escalations(note_id)
    SELECT n.id FROM notes n
    WHERE n.escalation = 1
      AND NOT EXISTS (SELECT 1 FROM escalation_releases r WHERE r.note_id = n.id);

CREATE TRIGGER notes_escalation_opened AFTER INSERT ON notes
WHEN NEW.escalation = 1
BEGIN
    INSERT INTO open_escalations(note_id) VALUES (NEW.id);
END;

CREATE TRIGGER escalation_released AFTER INSERT ON escalation_releases
BEGIN
    DELETE FROM open_escalations WHERE note_id = NEW.note_id;
END;
