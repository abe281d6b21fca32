//! A queue item the way a careful volunteer fills the form in, and the
//! small drivers the queue screen tests share. All data is synthetic.

use chrono::{DateTime, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::phone::Phone;
use vakt::store::Store;
use vakt::store::callbacks::{Added, NewVoicemail, Snapshots};
use vakt::tui::App;

use super::{TestDb, monday_morning};

pub fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn oslo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

pub fn app_at(db: &TestDb, lang: Lang, w: u16, h: u16) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.resize(w, h);
    app
}

/// A voicemail from `phone` received `at`, with no name, no summary and no
/// safety instructions. Give it the rest with struct update syntax:
/// `NewVoicemail { summary: "..".into(), ..voicemail(phone, at) }`.
pub fn voicemail(phone: &str, at: DateTime<Utc>) -> NewVoicemail {
    NewVoicemail {
        received_at: at,
        phone: Phone::parse(phone).unwrap(),
        label: String::new(),
        summary: String::new(),
        safety: Safety::default(),
    }
}

/// Adds `v` as `TEST` at `now` with the default calendar; its id.
pub fn store_voicemail(store: &mut Store, v: &NewVoicemail, now: DateTime<Utc>) -> i64 {
    store_voicemail_by(store, v, "TEST", now).id
}

/// Adds `v` as `actor` at `now` with the default calendar, and gives back
/// all the store says (id, deadline, undo). What a joined item was before
/// is not kept (a fresh [`Snapshots`]): a test that undoes a join calls
/// `Store::add_voicemail` with its own.
pub fn store_voicemail_by(
    store: &mut Store,
    v: &NewVoicemail,
    actor: &str,
    now: DateTime<Utc>,
) -> Added {
    store
        .add_voicemail(
            v,
            &CalendarSettings::default(),
            &mut Snapshots::default(),
            actor,
            now,
        )
        .unwrap()
}

pub fn add(db: &TestDb, phone: &str, at: DateTime<Utc>, summary: &str, safety: Safety) -> i64 {
    let v = NewVoicemail {
        summary: summary.into(),
        safety,
        ..voicemail(phone, at)
    };
    store_voicemail(&mut db.store(), &v, monday_morning())
}

/// One item with everything the detail box can say about a caller's
/// safety, the way a careful volunteer fills the form in.
pub fn careful_item(db: &TestDb) -> i64 {
    add(
        db,
        "+47 412 34 512",
        oslo(2026, 11, 19, 14, 5),
        "Ønsker å snakke om søster og om det som skjedde i helgen",
        Safety {
            wants_callback: Some(true),
            may_leave_message: Some(false),
            may_say_who_we_are: Some(false),
            safe_times: "etter kl. 16 på hverdager".into(),
            note: "bor med eksen".into(),
        },
    )
}

pub fn footer(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_string()
}
