-- A planned callback: a time the person on duty agreed with the caller or
-- chose inside the caller's safe window and the line's opening hours ("call
-- Thursday after 12"). Stored as a UTC instant; while it is set it is the
-- item's place in the queue (sort_at), as the next planned attempt is after
-- a failed one. Recording an attempt uses it up. It is a time, not caller
-- data, and stays through the retention purge like the other times.
ALTER TABLE callbacks ADD COLUMN planned_at TEXT;
