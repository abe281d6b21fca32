//! Literal text search as a person expects it: "ålesund" finds "Ålesund".
//!
//! SQLite's LIKE folds only a–z, so the shift log's search uses this
//! instead (registered as the SQL function `vakt_contains`). Pure; no
//! allocation for the common case.

/// Whether `hay` contains `needle`, letters compared without case (each
/// character by its simple lowercase form: Æ æ, Ø ø, Å å alike). An empty
/// needle is found everywhere.
pub fn contains_ignoring_case(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        return h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    let first = lower(needle.chars().next().unwrap_or_default());
    hay.char_indices().any(|(i, c)| {
        lower(c) == first && {
            let mut rest = hay[i..].chars();
            needle
                .chars()
                .all(|nc| rest.next().is_some_and(|hc| lower(hc) == lower(nc)))
        }
    })
}

/// The simple (one-character) lowercase form.
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::contains_ignoring_case as has;
    use proptest::prelude::*;

    #[test]
    fn norwegian_letters_match_in_either_case() {
        assert!(has("Ringte om Ålesund", "ålesund"));
        assert!(has("ØRJAN ringte", "ørjan"));
        assert!(has("Bærum og Ås", "BÆRUM OG ÅS"));
        assert!(has("pårørende", "PÅRØRENDE"));
        assert!(!has("parorende", "pårørende"));
        assert!(!has("Ås", "aas"));
    }

    #[test]
    fn literal_and_edges() {
        assert!(has("50% rabatt_x", "50% rabatt_x"));
        assert!(!has("50 rabatt", "50%"));
        assert!(has("abc", ""));
        assert!(has("", ""));
        assert!(!has("", "a"));
        assert!(!has("ab", "abc"));
        assert!(has("xxAbC", "abc"));
        assert!(has("ølø", "LØ"));
        assert!(!has("øl", "øla"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The same answer as lowering both texts whole, for text made of
        /// letters whose lowercase is one character.
        #[test]
        fn agrees_with_lowercasing_everything(
            hay in "[a-zA-ZæøåÆØÅ %_.]{0,40}",
            needle in "[a-zA-ZæøåÆØÅ %_.]{0,5}",
        ) {
            let want = hay.to_lowercase().contains(&needle.to_lowercase());
            prop_assert_eq!(has(&hay, &needle), want);
        }

        /// A piece cut from any text is always found.
        #[test]
        fn a_piece_of_the_text_is_found(hay in "\\PC{0,40}", a in 0usize..40, len in 0usize..8) {
            let chars: Vec<char> = hay.chars().collect();
            let a = a.min(chars.len());
            let b = (a + len).min(chars.len());
            let piece: String = chars[a..b].iter().collect();
            prop_assert!(has(&hay, &piece));
        }
    }
}
