-- Items due at the same time (the same order key) are listed in the order
-- they were received, then by id: a voicemail typed in late no longer
-- jumps ahead of one that came in earlier. The queue's keyset pages run on
-- (sort_at, received_at, id), so the index follows.
DROP INDEX callbacks_queue;
CREATE INDEX callbacks_queue ON callbacks(sort_at, received_at, id) WHERE status = 'open';
