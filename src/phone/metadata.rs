//! libphonenumber's metadata, through the `rlibphonenumber` crate: which
//! country codes exist, whether a full number is in use, how a foreign number
//! is written, and what is wrong with one that cannot be real.
//!
//! Kept apart so the rest of the phone module never sees the crate's types.

use std::sync::LazyLock;

use rlibphonenumber::{
    NumberLengthType, PHONE_NUMBER_UTIL, ParseError, PhoneNumber, PhoneNumberFormat,
    PhoneNumberType,
};

use super::{NumberKind, PhoneError};

/// Every country calling code the metadata knows, sorted.
static CALLING_CODES: LazyLock<Vec<u16>> = LazyLock::new(|| {
    let mut codes: Vec<u16> = PHONE_NUMBER_UTIL
        .get_supported_calling_codes()
        .filter_map(|c| u16::try_from(c).ok())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
});

/// True if `code` is a country calling code in use.
pub(super) fn is_calling_code(code: u16) -> bool {
    CALLING_CODES.binary_search(&code).is_ok()
}

/// True if some calling code starts with these (one or two) digits.
pub(super) fn is_calling_code_prefix(digits: &str) -> bool {
    CALLING_CODES
        .iter()
        .any(|code| code.to_string().starts_with(digits))
}

/// The main region of a calling code (`46` -> `"SE"`), for messages.
pub(super) fn main_region(code: u16) -> Option<String> {
    PHONE_NUMBER_UTIL
        .get_region_for_country_code(i32::from(code))
        .map(|r| (*r.as_region_str()).to_owned())
}

/// A full number `+{cc}{rest}` checked against the metadata: `Ok` with its
/// E.164 form if the number is in use, or why it cannot be a real number.
/// `rest` may still hold a trunk prefix (`+92 0300 …`); libphonenumber drops
/// it where the country's numbering plan says so.
pub(super) fn check_full(cc: u16, rest: &str) -> Result<String, PhoneError> {
    let got_all = cc_len(cc) + rest.len();
    let number = match PHONE_NUMBER_UTIL.parse(format!("+{cc}{rest}"), None) {
        Ok(n) => n,
        Err(e) => {
            return Err(match e {
                ParseError::InvalidCountryCode => PhoneError::UnknownCountryCode,
                ParseError::TooLongNsn => PhoneError::TooManyDigits { got: got_all },
                _ => PhoneError::TooFewDigits { got: got_all },
            });
        }
    };
    if number.is_valid() {
        return Ok(number.format_as(PhoneNumberFormat::E164).into_owned());
    }
    Err(diagnose(cc, &number))
}

/// True if `+{cc}{national}` is a number in use (no trunk prefix handling
/// beyond libphonenumber's own).
pub(super) fn is_valid(cc: u16, national: &str) -> bool {
    PHONE_NUMBER_UTIL
        .parse(format!("+{cc}{national}"), None)
        .is_ok_and(|n| n.is_valid())
}

/// libphonenumber's international format, with spaces only:
/// `+44 20 7946 0958`, `+1 212 555 0123`. `None` if it cannot be read.
pub(super) fn international(e164: &str) -> Option<String> {
    let n = PHONE_NUMBER_UTIL.parse(e164, None).ok()?;
    let formatted = n.format_as(PhoneNumberFormat::International);
    Some(formatted.replace('-', " "))
}

fn cc_len(cc: u16) -> usize {
    cc.to_string().len()
}

/// Why a parsed but invalid number cannot be real, as specifically as the
/// metadata allows: the length a mobile or fixed-line number of that country
/// has, a range not in use, or the lengths any number there has.
fn diagnose(cc: u16, number: &PhoneNumber) -> PhoneError {
    let national = number.get_national_significant_number();
    let got = national.len();
    let region = main_region(cc);
    for kind in [NumberKind::Mobile, NumberKind::FixedLine] {
        let lengths = possible_lengths(cc, Some(kind));
        if lengths.is_empty() || lengths.contains(&got) {
            continue;
        }
        if could_be(cc, &national, kind, &lengths) {
            return PhoneError::KindLength {
                country_code: cc,
                region,
                kind,
                got,
                lengths,
            };
        }
    }
    let all = possible_lengths(cc, None);
    if all.contains(&got) || all.is_empty() {
        return PhoneError::NotInUse {
            country_code: cc,
            region,
        };
    }
    PhoneError::CountryLength {
        country_code: cc,
        got,
        min: all[0],
        max: all[all.len() - 1],
    }
}

fn lib_type(kind: Option<NumberKind>) -> PhoneNumberType {
    match kind {
        None => PhoneNumberType::Unknown,
        Some(NumberKind::Mobile) => PhoneNumberType::Mobile,
        Some(NumberKind::FixedLine) => PhoneNumberType::FixedLine,
    }
}

/// National lengths the metadata allows for a kind of number (or any
/// number) under a calling code, sorted.
fn possible_lengths(cc: u16, kind: Option<NumberKind>) -> Vec<usize> {
    (2..=17)
        .filter(|&len| {
            let probe = PhoneNumber {
                country_code: i32::from(cc),
                national_number: "1".repeat(len).parse().unwrap_or(0),
                ..Default::default()
            };
            matches!(
                PHONE_NUMBER_UTIL.is_possible_number_for_type_with_reason(&probe, lib_type(kind)),
                Ok(NumberLengthType::IsPossible)
            )
        })
        .collect()
}

/// True if the digits typed are the start (or a too-long version) of a
/// number of this kind: padded or cut to one of its lengths, some such
/// number is valid and of this kind.
fn could_be(cc: u16, national: &str, kind: NumberKind, lengths: &[usize]) -> bool {
    let wanted = |n: &PhoneNumber| {
        n.is_valid()
            // Where the plan cannot tell mobile from fixed line (NANP), no
            // kind is named: the country's length says it all.
            && match kind {
                NumberKind::Mobile => n.get_type() == PhoneNumberType::Mobile,
                NumberKind::FixedLine => n.get_type() == PhoneNumberType::FixedLine,
            }
    };
    let check = |candidate: &str| {
        PHONE_NUMBER_UTIL
            .parse(format!("+{cc}{candidate}"), None)
            .is_ok_and(|n| wanted(&n))
    };
    lengths.iter().any(|&len| {
        if len < national.len() {
            check(&national[..len])
        } else {
            (b'0'..=b'9').any(|d| {
                let fill = char::from(d).to_string().repeat(len - national.len());
                check(&format!("{national}{fill}"))
            })
        }
    })
}
