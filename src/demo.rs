//! `vakt demo`: a database full of synthetic, realistic data — never real
//! people — to try the app on, and to measure it at sizes no helpline will
//! reach. Rows are written straight in batches of one transaction each, the
//! same shape the app writes them.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use rusqlite::params;

use crate::calendar::ItemKind;
use crate::directory::{Hours, PhoneLine, Service};
use crate::domain::promise::{self as callback, DEFAULT_RETRY_GAP};
use crate::store::{Result, Store, ts};

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub callbacks: u64,
    pub notes: u64,
    pub services: u64,
    pub days: u32,
}

impl Scale {
    pub fn small() -> Scale {
        Scale {
            callbacks: 240,
            notes: 90,
            services: 0,
            days: 30,
        }
    }

    pub fn large() -> Scale {
        Scale {
            callbacks: 100_000,
            notes: 100_000,
            services: 10_000,
            days: 3650,
        }
    }

    pub fn huge() -> Scale {
        Scale {
            callbacks: 1_000_000,
            notes: 1_000_000,
            services: 100_000,
            days: 3650,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub callbacks: u64,
    pub open: u64,
    pub attempts: u64,
    pub notes: u64,
    pub shifts: u64,
}

const PEOPLE: [&str; 8] = ["KH", "AB", "MO", "SL", "TJ", "EN", "RV", "IL"];
const NAMES: [&str; 10] = [
    "", "", "", "Kari", "Ola", "Mina", "anonym", "Per", "Sara", "Ali",
];
const SUMMARIES: [&str; 12] = [
    "Ønsker å snakke om noe som skjedde",
    "Spørsmål om pårørendegruppe",
    "Vil ha råd om å anmelde",
    "Ringte om kurs",
    "Trenger noen å snakke med",
    "Lurer på hva dere kan hjelpe med",
    "Bekymret for en venninne",
    "Ønsker time til samtale",
    "Har vanskelige minner",
    "",
    "Spør om juridisk hjelp",
    "Vil snakke om søvn og angst",
];
const NOTES: [&str; 8] = [
    "Samtale om bekymring for søster; henvist til VO-linjen.",
    "Ringte tilbake, ingen svar. Prøver igjen etter lunsj.",
    "Innringer ønsket brosjyre om pårørendegruppe.",
    "Lang samtale; avtalt ny samtale neste uke.",
    "Telefonsvareren ble tømt kl. 09:05.",
    "Kort samtale, innringer takket for hjelpen.",
    "Henvist til legevakt 116 117.",
    "Husk å ringe sak fra i går etter kl. 16.",
];

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

/// A random synthetic Norwegian number (stored normalised), in a range in
/// use so it reads back as the number the rules would store.
fn phone(rng: &mut fastrand::Rng) -> String {
    let first = ["22", "33", "41", "55", "69", "73", "91"][rng.usize(..7)];
    format!("+47{first}{:06}", rng.u32(..1_000_000))
}

/// Fills `store` (which should be new) with `scale` of data ending at
/// `now`. The same `seed` gives the same data.
pub fn generate(store: &mut Store, scale: Scale, now: DateTime<Utc>, seed: u64) -> Result<Summary> {
    let cal = store.calendar()?;
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut sum = Summary::default();
    let days = i64::from(scale.days.max(1));
    let keep = crate::config::Config::default().privacy.retention();
    let closed_cut = now - Duration::days(i64::from(keep.closed_days));
    let note_cut = now - Duration::days(i64::from(keep.note_days));
    let start = now - Duration::days(days);
    // Items due in the last three working days may have been missed, so
    // there is something overdue after a weekend or a holiday too.
    let missed_cut = {
        let mut day = cal.local_date(now);
        let mut open_days = 0;
        while open_days < 3 && day > cal.local_date(start) {
            day = day.pred_opt().unwrap_or(day);
            open_days += usize::from(cal.hours_on(day).is_some());
        }
        cal.local_instant(day, NaiveTime::MIN)
    };
    // Callbacks in batches, oldest first, spread evenly over the period.
    let batch = 20_000u64;
    let mut made = 0u64;
    while made < scale.callbacks {
        let n = batch.min(scale.callbacks - made);
        let from = made;
        store.write(|tx| {
            let mut cb = tx.prepare_cached(
                "INSERT INTO callbacks(kind, received_at, deadline_at, next_attempt_at, sort_at, phone,
                     caller_label, summary, wants_callback, may_leave_message, may_say_who, safe_times,
                     status, outcome, closed_at, closed_by, message_count, attempt_count,
                     first_attempt_at, last_attempt_at, created_at, created_by, purged_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20, ?21, ?22, ?23)",
            )?;
            let mut msg = tx.prepare_cached(
                "INSERT INTO messages(received_at, callback_id, withheld, created_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?1)",
            )?;
            let mut att = tx.prepare_cached(
                "INSERT INTO attempts(callback_id, at, by, result, note) VALUES (?1, ?2, ?3, ?4, '')",
            )?;
            for i in from..from + n {
                let frac = (i as f64 + rng.f64()) / scale.callbacks as f64;
                let mut received = start + Duration::seconds((frac * (days * 86_400) as f64) as i64);
                // Most messages are left in the daytime.
                let local = received.with_timezone(&cal.tz);
                if rng.f32() < 0.7 {
                    let h = 8 + rng.u32(..9);
                    if let Some(t) = NaiveTime::from_hms_opt(h, rng.u32(..60), 0) {
                        received = cal.local_instant(local.date_naive(), t).min(now - Duration::minutes(5));
                    }
                }
                let complaint = rng.u32(..40) == 0;
                let kind = if complaint { ItemKind::Complaint } else { ItemKind::Voicemail };
                let Ok(dl) = cal.deadline(kind, received) else {
                    continue;
                };
                let deadline = dl.at;
                let who = pick(&mut rng, &PEOPLE);
                // Items not yet due are mostly open; a few recent ones were
                // missed and are overdue; the rest are done.
                let open = if deadline >= now {
                    rng.f32() < 0.85
                } else {
                    deadline > missed_cut && rng.f32() < 0.25
                };
                let attempts: u32 = if complaint {
                    0
                } else if open {
                    if deadline < now || rng.f32() < 0.6 { 0 } else { 1 }
                } else {
                    1 + u32::from(rng.f32() < 0.3) + u32::from(rng.f32() < 0.15)
                };
                // Calls are made while the line is open; one in ten late.
                let first_at = if rng.f32() < 0.9 {
                    let wait = Duration::minutes(20 + i64::from(rng.u32(..600)));
                    callback::next_attempt(&cal, received, wait).min(deadline)
                } else {
                    let late = Duration::hours(i64::from(1 + rng.u32(..30)));
                    callback::next_attempt(&cal, deadline, late)
                }
                .min(now - Duration::minutes(1));
                let last_at = first_at + Duration::hours(2 * i64::from(attempts.saturating_sub(1)));
                let outcome = if open {
                    None
                } else if attempts >= 3 && rng.f32() < 0.5 {
                    Some("gave_up")
                } else {
                    Some(match rng.u32(..20) {
                        0 => "not_in_use",
                        1 | 2 => "not_needed",
                        _ => "reached",
                    })
                };
                let phone_s = (!complaint).then(|| phone(&mut rng));
                let next = (attempts > 0 && open)
                    .then(|| callback::next_attempt(&cal, first_at, DEFAULT_RETRY_GAP));
                let sort = callback::sort_key(deadline, attempts, next);
                // Past the retention period the caller data is gone, as the
                // daily purge leaves it: the demo opens without a purge of
                // years of data.
                let closed_at = outcome.map(|_| last_at + Duration::minutes(5));
                let purged = closed_at.filter(|c| *c <= closed_cut);
                let gone = purged.is_some();
                cb.execute(params![
                    if complaint { "complaint" } else { "voicemail" },
                    ts(received),
                    ts(deadline),
                    next.map(ts),
                    ts(sort),
                    phone_s.filter(|_| !gone),
                    if gone { "" } else { pick(&mut rng, &NAMES) },
                    if gone { "" } else { pick(&mut rng, &SUMMARIES) },
                    (!gone).then_some(1),
                    match rng.u32(..3) { _ if gone => None, 0 => None, 1 => Some(1), _ => Some(0) },
                    match rng.u32(..3) { _ if gone => None, 0 => None, 1 => Some(1), _ => Some(0) },
                    if rng.u32(..5) == 0 && !gone { "etter kl. 16" } else { "" },
                    if open { "open" } else { "closed" },
                    outcome,
                    closed_at.map(ts),
                    outcome.map(|_| who),
                    1,
                    attempts,
                    (attempts > 0).then(|| ts(first_at)),
                    (attempts > 0).then(|| ts(last_at)),
                    ts(received + Duration::minutes(3)),
                    who,
                    purged.map(|_| ts(now)),
                ])?;
                let id = tx.last_insert_rowid();
                msg.execute(params![ts(received), id, 0, who])?;
                for a in 0..attempts {
                    let at = first_at + Duration::hours(2 * i64::from(a));
                    let result = if a + 1 == attempts && outcome == Some("reached") {
                        "reached"
                    } else if rng.f32() < 0.7 {
                        "no_answer"
                    } else {
                        "busy"
                    };
                    att.execute(params![id, ts(at), who, result])?;
                    sum.attempts += 1;
                }
                if rng.u32(..20) == 0 {
                    msg.execute(params![ts(received + Duration::minutes(7)), Option::<i64>::None, 1, who])?;
                }
                sum.callbacks += 1;
                sum.open += u64::from(open);
            }
            Ok(())
        })?;
        made += n;
    }

    // More directory entries (the starter list is already there), then
    // referrals to the starter services for a third of the callers reached,
    // and now and then a problem reported with an entry.
    let mut left = scale.services as usize;
    while left > 0 {
        let n = left.min(10_000);
        let batch: Vec<_> = synthetic_services(n)
            .into_iter()
            .enumerate()
            .map(|(i, mut s)| {
                // Unique across batches.
                s.uid = crate::directory::ids::derived_uuid(&["demo", &(left - i).to_string()]);
                s.name = format!("{} {}", s.name, left - i);
                s
            })
            .collect();
        crate::store::directory::bulk_insert(store, &batch, "demo", now)?;
        left -= n;
    }
    store.write(|tx| {
        tx.execute(
            "INSERT INTO referrals(service_id, callback_id, at, by)
             SELECT s.id, c.id, c.last_attempt_at, c.created_by
             FROM callbacks c
             JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k,
                          count(*) OVER () AS n
                   FROM (SELECT id FROM services WHERE status = 'active' ORDER BY id LIMIT 19)) s
               ON s.k = (c.id * 7) % s.n
             WHERE c.outcome = 'reached' AND c.id % 3 = 0 AND c.last_attempt_at IS NOT NULL",
            [],
        )?;
        Ok(())
    })?;

    // Shifts on working days, with notes spread over them.
    let first_day = cal.local_date(start);
    let last_day = cal.local_date(now);
    let mut working = Vec::new();
    let mut d = first_day;
    while d <= last_day {
        if cal.is_working_day(d) {
            working.push(d);
        }
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
    }
    // Every day gets its even share of the notes, the last day too.
    let days_n = working.len().max(1) as u64;
    let share = |i: u64| scale.notes * (i + 1) / days_n - scale.notes * i / days_n;
    let today = cal.local_date(now);
    // A log has a handful of pinned notes (standing instructions, shown
    // above the rest), not one in forty.
    let mut pins_left = 5;
    for (c, chunk) in working.chunks(200).enumerate() {
        store.write(|tx| {
            let mut shift = tx.prepare_cached(
                "INSERT INTO shifts(person, started_at, ended_at) VALUES (?1, ?2, ?3)",
            )?;
            let mut note = tx.prepare_cached(
                "INSERT INTO notes(at, author, shift_id, body, for_handover, escalation, purged_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut rel = tx.prepare_cached(
                "INSERT INTO escalation_releases(note_id, released_at, released_by) VALUES (?1, ?2, ?3)",
            )?;
            let mut pin = tx.prepare_cached(
                "INSERT INTO note_pins(note_id, pinned_at, pinned_by) VALUES (?1, ?2, ?3)",
            )?;
            let mut hand = tx.prepare_cached(
                "INSERT INTO handovers(shift_id, given_at, given_by, acknowledged_at, acknowledged_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (j, day) in chunk.iter().enumerate() {
                let day_index = (c * 200 + j) as u64;
                let Some(hours) = cal.hours_on(*day) else {
                    continue;
                };
                let who = pick(&mut rng, &PEOPLE);
                let open_at = cal.local_instant(*day, hours.open);
                let close_at = cal.local_instant(*day, hours.close);
                if open_at > now {
                    continue;
                }
                let is_today = *day == today;
                // Today's shift is still on until closing time.
                let ongoing = is_today && now < close_at;
                let ended = (!ongoing).then(|| ts(close_at));
                shift.execute(params![who, ts(open_at), ended])?;
                let shift_id = tx.last_insert_rowid();
                sum.shifts += 1;
                let span = (close_at.min(now) - open_at).num_seconds().max(0);
                let count = share(day_index);
                for k in 0..count {
                    let at = open_at + Duration::seconds(span * (k as i64 + 1) / (count as i64 + 1));
                    let escalation = rng.u32(..100) == 0;
                    // Released escalations and other notes past the
                    // retention period are blanked, as the purge does.
                    let gone = at <= note_cut && !(escalation && is_today);
                    let body = pick(&mut rng, &NOTES);
                    note.execute(params![
                        ts(at),
                        who,
                        shift_id,
                        if gone { "" } else { body },
                        rng.u32(..10) == 0,
                        escalation,
                        gone.then(|| ts(now)),
                    ])?;
                    let id = tx.last_insert_rowid();
                    if escalation && !is_today {
                        rel.execute(params![id, ts(at + Duration::hours(1)), who])?;
                    }
                    if rng.u32(..40) == 0 && !gone && pins_left > 0 {
                        pins_left -= 1;
                        pin.execute(params![id, ts(at), who])?;
                    }
                    sum.notes += 1;
                }
                if !ongoing {
                    // The next person acknowledges soon after the line
                    // opens again; until then the handover waits.
                    let next = pick(&mut rng, &PEOPLE);
                    let ack = crate::handover::next_opening(&cal, close_at)
                        .map(|t| t + Duration::minutes(5));
                    let acked = ack.filter(|t| *t < now);
                    hand.execute(params![
                        shift_id,
                        ts(close_at),
                        who,
                        acked.map(ts),
                        acked.map(|_| next)
                    ])?;
                }
            }
            Ok(())
        })?;
    }
    store.write(|tx| {
        tx.execute(
            "INSERT INTO service_problems(service_id, kind, note, at, by)
             SELECT s.id,
                    CASE sh.id % 3 WHEN 0 THEN 'wrong_number' WHEN 1 THEN 'closed' ELSE 'other' END,
                    'Oppdiktet: nummeret svarte ikke', sh.started_at, sh.person
             FROM shifts sh
             JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n
                   FROM (SELECT id FROM services ORDER BY id LIMIT 19)) s
               ON s.k = sh.id % s.n
             WHERE sh.id % 7 = 0",
            [],
        )?;
        Ok(())
    })?;
    Ok(sum)
}

const SERVICE_WORDS: &[&str] = &[
    "barnevern",
    "krise",
    "senter",
    "hjelp",
    "linje",
    "telefon",
    "rus",
    "psykisk",
    "helse",
    "pårørende",
    "vold",
    "overgrep",
    "familie",
    "ung",
    "råd",
    "kontor",
    "tjeneste",
    "støtte",
    "samtale",
    "gruppe",
    "bolig",
    "juss",
    "rettshjelp",
    "legevakt",
    "nød",
    "trygg",
    "dagsenter",
    "kommune",
    "veiledning",
    "selvhjelp",
];

const PLACES: &[&str] = &[
    "Oslo",
    "Bergen",
    "Trondheim",
    "Stavanger",
    "Tromsø",
    "Bodø",
    "Ålesund",
    "Kristiansand",
    "Drammen",
    "Fredrikstad",
    "Hamar",
    "Lillehammer",
    "Molde",
    "Narvik",
    "Alta",
    "Harstad",
    "Gjøvik",
    "Arendal",
];

/// `n` synthetic directory entries (deterministic), for large demos and
/// the search benchmark.
pub fn synthetic_services(n: usize) -> Vec<Service> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let cats = [
        "violence",
        "mental_health",
        "substance_use",
        "relatives",
        "crisis",
        "housing",
        "health",
    ];
    (0..n)
        .map(|i| {
            let w = |r: u64| SERVICE_WORDS[(r % SERVICE_WORDS.len() as u64) as usize];
            let place = PLACES[(next() % PLACES.len() as u64) as usize];
            let name = format!("{}{} {} {place} {i}", w(next()), w(next()), w(next()));
            let description = (0..12).map(|_| w(next())).collect::<Vec<_>>().join(" ");
            let number = format!("9{:07}", next() % 10_000_000);
            Service {
                uid: crate::directory::ids::derived_uuid(&["bench", &i.to_string()]),
                name,
                description,
                categories: vec![cats[(next() % cats.len() as u64) as usize].to_string()],
                phones: PhoneLine::voice(&number).into_iter().collect(),
                areas: vec![place.to_string()],
                hours: if i % 3 == 0 {
                    Hours::Always
                } else {
                    Hours::parse("mon-fri 09:00-15:00")
                },
                ..Service::default()
            }
        })
        .collect()
}

/// Whether a database already holds work (the demo never writes into one).
pub fn has_data(store: &Store) -> Result<bool> {
    Ok(store.conn().query_row(
        "SELECT EXISTS(SELECT 1 FROM callbacks) OR EXISTS(SELECT 1 FROM notes) OR EXISTS(SELECT 1 FROM shifts)",
        [],
        |r| r.get(0),
    )?)
}
