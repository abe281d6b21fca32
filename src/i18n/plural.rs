//! Counts in words, with real singular and plural forms in both languages
//! ("1 attempt", "2 attempts"; "1 henvendelse", "2 henvendelser"), never a
//! "(s)". Both languages use the singular for exactly one and the plural
//! for every other count, zero included. Every count the program shows in
//! a sentence comes through here.

use super::{Lang, fill};

/// One counted word: `{n}` in each form is the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub key: &'static str,
    /// Norwegian: one, other.
    pub nb: [&'static str; 2],
    /// English: one, other.
    pub en: [&'static str; 2],
}

impl Plural {
    /// The count with the right form of its word.
    pub fn count(&self, lang: Lang, n: u64) -> String {
        let forms = match lang {
            Lang::Nb => self.nb,
            Lang::En => self.en,
        };
        fill(forms[usize::from(n != 1)], &[("n", &n)])
    }
}

macro_rules! plurals {
    ($( $name:ident => [$nb1:expr, $nbn:expr], [$en1:expr, $enn:expr]; )*) => {
        $( pub const $name: Plural = Plural {
            key: stringify!($name),
            nb: [$nb1, $nbn],
            en: [$en1, $enn],
        }; )*
        /// Every counted word, for the catalogue tests.
        pub const ALL: &[Plural] = &[$($name),*];
    };
}

plurals! {
    ATTEMPTS => ["{n} forsøk", "{n} forsøk"], ["{n} attempt", "{n} attempts"];
    MESSAGES => ["{n} beskjed", "{n} beskjeder"], ["{n} message", "{n} messages"];
    NEW_ITEMS => ["{n} ny sak", "{n} nye saker"], ["{n} new item", "{n} new items"];
    JOINED => ["{n} lagt til en åpen sak", "{n} lagt til åpne saker"], ["{n} added to an open item", "{n} added to open items"];
    WITHHELD => ["{n} med skjult nummer", "{n} med skjult nummer"], ["{n} from a withheld number", "{n} from withheld numbers"];
    REACHED => ["{n} nådd", "{n} nådd"], ["{n} reached", "{n} reached"];
    CLOSED => ["{n} lukket", "{n} lukket"], ["{n} closed", "{n} closed"];
    REFERRALS => ["{n} henvisning", "{n} henvisninger"], ["{n} referral", "{n} referrals"];
    NOTES => ["{n} notat", "{n} notater"], ["{n} note", "{n} notes"];
    TIMES_REFERRED => ["Henvist {n} gang", "Henvist {n} ganger"], ["Referred {n} time", "Referred {n} times"];
    HANDOVERS => ["{n} overlevering", "{n} overleveringer"], ["{n} handover", "{n} handovers"];
    DIGITS => ["{n} siffer", "{n} siffer"], ["{n} digit", "{n} digits"];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(ATTEMPTS.count(Lang::En, 1), "1 attempt");
        assert_eq!(ATTEMPTS.count(Lang::En, 0), "0 attempts");
        assert_eq!(ATTEMPTS.count(Lang::En, 2), "2 attempts");
        assert_eq!(MESSAGES.count(Lang::Nb, 1), "1 beskjed");
        assert_eq!(MESSAGES.count(Lang::Nb, 4), "4 beskjeder");
        assert_eq!(TIMES_REFERRED.count(Lang::En, 1), "Referred 1 time");
        assert_eq!(TIMES_REFERRED.count(Lang::Nb, 3), "Henvist 3 ganger");
    }

    #[test]
    fn every_form_has_the_count_and_no_hack() {
        for p in ALL {
            for form in p.nb.iter().chain(p.en.iter()) {
                assert!(form.contains("{n}"), "{} {form}", p.key);
                assert!(!form.contains("(s)") && !form.contains("(er)"), "{}", p.key);
            }
        }
    }
}
