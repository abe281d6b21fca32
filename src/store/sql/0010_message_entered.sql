-- When each message was entered (typed in, or taken in from the e-mail),
-- besides when the caller left it. The handover counts what the person on
-- duty entered in the shift, so a voicemail left overnight and entered in
-- the morning counts in the morning's shift, and the messages entered add
-- up to the new items, the messages joined to open items and the withheld
-- calls. Messages from before this step did not record it: their entered
-- time is taken to be their item's creation for a first message, else the
-- time they were left.
ALTER TABLE messages ADD COLUMN entered_at TEXT;
UPDATE messages SET entered_at = coalesce(
    (SELECT c.created_at FROM callbacks c
      WHERE c.id = messages.callback_id
        AND messages.id = (SELECT min(m.id) FROM messages m WHERE m.callback_id = c.id)),
    received_at);
CREATE INDEX messages_entered ON messages(entered_at);
