-- Referral directory: the public services volunteers refer callers to.
--
-- services holds one HSDS-shaped entry per row. Lists that are filtered on
-- (categories, areas served) also live in small join tables with indexes;
-- phones are a JSON array (number, type, note) since they are only ever
-- read with their service. search_name is the folded name (see
-- src/directory/fold.rs) for "name starts with" lookups and sorting.
--
-- services_fts is the search index over a folded copy of the text (the
-- unicode61 tokenizer keeps æ and ø, so folding happens in Rust before
-- indexing, and queries are folded the same way). prefix='1 2 3' keeps
-- the first keystrokes cheap: a one- to three-letter prefix reads one
-- doclist instead of merging every term that starts with it. The store
-- keeps it in step with services in the same transaction as each write.
--
-- referrals count which service was given to which caller (a callback or,
-- later, a log note) without copying anything about the caller.
-- service_problems are reports from the phone ("wrong number", "closed")
-- that the handover review lists.
--
-- directory_seed is a one-row flag: the starter list is imported by the
-- program right after this migration, once, on the first open.
CREATE TABLE categories (
    key      TEXT PRIMARY KEY,
    name_nb  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    sort     INTEGER NOT NULL DEFAULT 100
) STRICT, WITHOUT ROWID;

INSERT INTO categories(key, name_nb, name_en, sort) VALUES
    ('violence', 'Vold og overgrep', 'Violence and abuse', 1),
    ('sexual_abuse', 'Seksuelle overgrep', 'Sexual abuse', 2),
    ('children_youth', 'Barn og unge', 'Children and youth', 3),
    ('mental_health', 'Psykisk helse', 'Mental health', 4),
    ('substance_use', 'Rus', 'Substance use', 5),
    ('relatives', 'Pårørende', 'Relatives', 6),
    ('crisis', 'Krise / selvmord', 'Crisis / suicide', 7),
    ('legal_aid', 'Rettshjelp', 'Legal aid', 8),
    ('emergency', 'Politi og nød', 'Police and emergency', 9),
    ('health', 'Helse', 'Health', 10),
    ('housing', 'Bolig / krisesenter', 'Housing / shelter', 11),
    ('other', 'Annet', 'Other', 12);

CREATE TABLE services (
    id                INTEGER PRIMARY KEY,
    uid               TEXT NOT NULL UNIQUE,          -- HSDS id (UUID)
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    alternate_name    TEXT NOT NULL DEFAULT '',
    organization      TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    audience          TEXT NOT NULL DEFAULT '',
    min_age           INTEGER,
    max_age           INTEGER,
    categories        TEXT NOT NULL DEFAULT '',      -- keys, one per line (copy of service_categories)
    phones            TEXT NOT NULL DEFAULT '[]',    -- JSON [{number, type, note}]
    chat              TEXT NOT NULL DEFAULT '',
    web               TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    address_withheld  INTEGER NOT NULL DEFAULT 0 CHECK (address_withheld IN (0, 1)),
    national          INTEGER NOT NULL DEFAULT 0 CHECK (national IN (0, 1)),
    areas             TEXT NOT NULL DEFAULT '',      -- one per line (copy of service_areas)
    hours             TEXT NOT NULL DEFAULT '',      -- 24/7, weekly hours, or free text
    languages         TEXT NOT NULL DEFAULT '',      -- one per line
    free              INTEGER CHECK (free IN (0, 1)),
    anonymous         INTEGER CHECK (anonymous IN (0, 1)),
    alert             TEXT NOT NULL DEFAULT '',
    alert_until       TEXT,                          -- local date YYYY-MM-DD
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'do_not_refer', 'closed')),
    internal_note     TEXT NOT NULL DEFAULT '',
    last_verified_at  TEXT,                          -- UTC
    verified_by       TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL DEFAULT '',
    search_name       TEXT NOT NULL DEFAULT '',      -- folded name
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX services_search_name ON services(search_name, id) WHERE status != 'closed';
CREATE INDEX services_name_all ON services(search_name, id);

CREATE TABLE service_categories (
    service_id  INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    PRIMARY KEY (category, service_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX service_categories_service ON service_categories(service_id);

CREATE TABLE service_areas (
    service_id  INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    area        TEXT NOT NULL,                       -- folded
    PRIMARY KEY (area, service_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX service_areas_service ON service_areas(service_id);

CREATE VIRTUAL TABLE services_fts USING fts5(
    name,            -- folded name and alternate name
    body,            -- folded description, organisation, audience, categories, areas
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TABLE referrals (
    id           INTEGER PRIMARY KEY,
    service_id   INTEGER NOT NULL REFERENCES services(id),
    callback_id  INTEGER REFERENCES callbacks(id) ON DELETE SET NULL,
    note_id      INTEGER,                            -- a shift-log note (later issue)
    at           TEXT NOT NULL,
    by           TEXT NOT NULL
) STRICT;
CREATE INDEX referrals_service ON referrals(service_id, at);
CREATE INDEX referrals_at ON referrals(at);
CREATE INDEX referrals_callback ON referrals(callback_id);

CREATE TABLE service_problems (
    id          INTEGER PRIMARY KEY,
    service_id  INTEGER NOT NULL REFERENCES services(id),
    kind        TEXT NOT NULL CHECK (kind IN ('wrong_number', 'closed', 'other')),
    note        TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,
    by          TEXT NOT NULL
) STRICT;
CREATE INDEX service_problems_at ON service_problems(at);
CREATE INDEX service_problems_service ON service_problems(service_id, at);

CREATE TABLE directory_seed (
    pending  INTEGER NOT NULL CHECK (pending IN (0, 1))
) STRICT;
INSERT INTO directory_seed(pending) VALUES (1);
