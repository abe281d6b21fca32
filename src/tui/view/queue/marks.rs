//! The signs the queue list shows, each with what it means (the `?`
//! legend lists the same table), and the marks cell built from them.

use crate::domain::promise::Kind;
use crate::i18n::{Lang, Msg, queue as q};
use crate::store::callbacks::Item;

/// A sign the list shows, and what it means. The cells take their
/// signs from these, and the help's legend is [`MARKS`], so the two cannot
/// drift: a new sign in the list is a new entry here.
#[derive(Debug, Clone, Copy)]
pub struct ListMark {
    /// The sign; `{n}` is a count (the legend shows 2).
    pub sign: Msg,
    pub meaning: Msg,
}

impl ListMark {
    /// The sign as the legend shows it.
    pub fn shown(&self, lang: Lang) -> String {
        self.sign.fill(lang, &[("n", &2)])
    }
}

pub const MARK_MSG_YES: ListMark = ListMark {
    sign: q::SAFE_MSG_YES,
    meaning: q::DETAIL_MSG_YES,
};
pub const MARK_MSG_NO: ListMark = ListMark {
    sign: q::SAFE_MSG_NO,
    meaning: q::DETAIL_MSG_NO,
};
pub const MARK_MSG_UNKNOWN: ListMark = ListMark {
    sign: q::SAFE_MSG_UNKNOWN,
    meaning: q::DETAIL_MSG_UNKNOWN,
};
pub const MARK_SAFE_TIME: ListMark = ListMark {
    sign: q::SAFE_TIME,
    meaning: q::LEGEND_SAFE_TIME,
};
pub const MARK_JOINED: ListMark = ListMark {
    sign: q::JOINED,
    meaning: q::LEGEND_JOINED,
};
pub const MARK_NEXT_TRY: ListMark = ListMark {
    sign: q::NEXT_TRY_MARK,
    meaning: q::LEGEND_NEXT_TRY,
};
pub const MARK_CLOSED: ListMark = ListMark {
    sign: q::CLOSED_MARK,
    meaning: q::LEGEND_CLOSED,
};
pub const MARK_NO_NUMBER: ListMark = ListMark {
    sign: q::NO_NUMBER_MARK,
    meaning: q::LEGEND_NO_NUMBER,
};
pub const MARK_NO_CALLBACK: ListMark = ListMark {
    sign: q::NO_CALLBACK_MARK,
    meaning: q::LEGEND_NO_CALLBACK,
};
pub const MARK_KEPT: ListMark = ListMark {
    sign: q::MARK_KEPT,
    meaning: q::LEGEND_KEPT,
};
pub const MARK_UNMET: ListMark = ListMark {
    sign: q::MARK_UNMET,
    meaning: q::LEGEND_UNMET,
};

/// Every sign the list can show, in the order the legend lists them.
pub const MARKS: &[ListMark] = &[
    MARK_MSG_YES,
    MARK_MSG_NO,
    MARK_MSG_UNKNOWN,
    MARK_NO_CALLBACK,
    MARK_SAFE_TIME,
    MARK_JOINED,
    MARK_NEXT_TRY,
    MARK_CLOSED,
    MARK_NO_NUMBER,
    MARK_KEPT,
    MARK_UNMET,
];

/// The marks cell: kept from erasing (⚑), a safe time the line's hours
/// never meet (⚠), the message wish and the safe time.
pub(super) fn safety_marks(item: &Item, never_open: bool, lang: Lang) -> String {
    let mut marks: Vec<&str> = Vec::new();
    if item.on_hold {
        marks.push(MARK_KEPT.sign.get(lang));
    }
    if never_open {
        marks.push(MARK_UNMET.sign.get(lang));
    }
    let own = wish_marks(item, lang);
    if !own.is_empty() {
        marks.push(&own);
    }
    marks.join(" ")
}

fn wish_marks(item: &Item, lang: Lang) -> String {
    if item.kind == Kind::Complaint {
        return String::new();
    }
    let wish = match item.safety.may_leave_message {
        Some(true) => MARK_MSG_YES,
        Some(false) => MARK_MSG_NO,
        None => MARK_MSG_UNKNOWN,
    }
    .sign
    .get(lang);
    // Said they do not want a call back: first, before the message wish.
    let msg = if item.safety.wants_callback == Some(false) {
        format!("{} {wish}", MARK_NO_CALLBACK.sign.get(lang))
    } else {
        wish.to_string()
    };
    if item.safety.safe_times.is_empty() {
        msg
    } else {
        format!(
            "{msg} {} {}",
            MARK_SAFE_TIME.sign.get(lang),
            item.safety.safe_times
        )
    }
}
