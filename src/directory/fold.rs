//! Folding text for search, so that what a volunteer types finds what the
//! directory says however either is spelt.
//!
//! Both the indexed text and every query go through [`fold`], so a match
//! only depends on the folded forms agreeing. The rules:
//!
//! * lower case; punctuation becomes a space (it separates words);
//! * Norwegian letters: `æ`→`ae`, `ø`→`o`, `å`→`a`, so `tromso` finds
//!   Tromsø and `parorende` finds pårørende;
//! * other Latin diacritics are dropped (`é`→`e`, `ü`→`u`, `ß`→`ss`);
//! * `aa`→`a`: `aa` is the old and the keyboard-less spelling of `å`
//!   (Aasane/Åsane, "paarorende"). Folding it on both sides can only merge
//!   spellings, never lose a match, and Norwegian has almost no words where
//!   a double `a` means anything else.
//! * `oe` is *not* folded to `o`, although `oe` is sometimes typed for `ø`:
//!   it is an ordinary letter pair in common words (poeng, koeffisient), and
//!   merging those would flood results.
//!
//! Folding a prefix of a word gives a prefix of the folded word, so prefix
//! search as you type keeps working.

/// Longest query that is looked at (in characters); the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words of a query are used.
pub const MAX_QUERY_TOKENS: usize = 8;
/// Longest word used from a query.
pub const MAX_TOKEN_CHARS: usize = 40;

/// The folded form of `s`: lower case, Norwegian letters and diacritics
/// folded, words separated by single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'æ' | 'ǽ' => "ae",
            'ø' | 'ǿ' | 'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ő' | 'ō' => "o",
            'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' | 'ā' | 'ą' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
            'í' | 'ì' | 'î' | 'ï' | 'ī' => "i",
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ç' | 'č' | 'ć' => "c",
            'ñ' | 'ń' | 'ň' => "n",
            'š' | 'ś' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ł' => "l",
            'ř' => "r",
            'ť' => "t",
            'ď' | 'đ' | 'ð' => "d",
            'þ' => "th",
            'ß' => "ss",
            'œ' => "oe",
            c if c.is_alphanumeric() => {
                out.push(c);
                space = false;
                continue;
            }
            _ => {
                if !space {
                    out.push(' ');
                    space = true;
                }
                continue;
            }
        };
        out.push_str(mapped);
        space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    collapse_aa(&out)
}

fn collapse_aa(s: &str) -> String {
    if !s.contains("aa") {
        return s.to_string();
    }
    s.replace("aa", "a")
}

/// The words of a query, folded, bounded in number and length. Never
/// panics, whatever is pasted.
pub fn query_tokens(query: &str) -> Vec<String> {
    let head: String = query.chars().take(MAX_QUERY_CHARS).collect();
    fold(&head)
        .split(' ')
        .filter(|t| !t.is_empty())
        .take(MAX_QUERY_TOKENS)
        .map(|t| t.chars().take(MAX_TOKEN_CHARS).collect())
        .collect()
}

/// Little words that name nothing ("rus og psykisk helse"), folded. In the
/// directory's text nearly every entry has them, so requiring them makes a
/// search slow and narrows nothing.
const LITTLE_WORDS: &[&str] = &[
    "og", "i", "for", "til", "med", "av", "pa", "om", "en", "et", "ei", "the", "and", "of",
];

/// The tokens the full-text index is asked for: the query's tokens without
/// its little words and single letters (a letter just typed after a word,
/// as in "rus o", is a prefix of a good part of the index and narrows
/// little), unless that would leave none.
pub fn index_tokens(tokens: &[String]) -> Vec<String> {
    let not_little: Vec<String> = tokens
        .iter()
        .filter(|t| !LITTLE_WORDS.contains(&t.as_str()))
        .cloned()
        .collect();
    let words: Vec<String> = not_little
        .iter()
        .filter(|t| t.chars().count() > 1)
        .cloned()
        .collect();
    if !words.is_empty() {
        words
    } else if !not_little.is_empty() {
        not_little
    } else {
        tokens.to_vec()
    }
}

/// An FTS5 query matching every token as a prefix, optionally only in one
/// column. Tokens come from [`query_tokens`] (letters and digits only), and
/// are quoted anyway so no FTS5 syntax can slip through.
pub fn fts_query(tokens: &[String], column: Option<&str>) -> String {
    tokens
        .iter()
        .map(|t| {
            let quoted = format!("\"{}\"*", t.replace('"', ""));
            match column {
                Some(c) => format!("{c} : {quoted}"),
                None => quoted,
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn little_words_and_letters_are_left_out_of_the_index_query_unless_alone() {
        let t = |q: &str| index_tokens(&query_tokens(q));
        assert_eq!(t("Rus og psykisk helse"), ["rus", "psykisk", "helse"]);
        assert_eq!(t("hjelp til pårørende"), ["hjelp", "parorende"]);
        assert_eq!(t("rus o"), ["rus"]);
        assert_eq!(t("k sos"), ["sos"]);
        assert_eq!(t("o"), ["o"]);
        assert_eq!(t("a b"), ["a", "b"]);
        assert_eq!(t("og"), ["og"]);
        assert_eq!(t("i og"), ["i", "og"]);
        assert_eq!(t(""), Vec::<String>::new());
    }

    #[test]
    fn norwegian_letters_fold() {
        assert_eq!(fold("Tromsø"), "tromso");
        assert_eq!(fold("Pårørende"), "parorende");
        assert_eq!(fold("parorende"), "parorende");
        assert_eq!(fold("Ærlig"), "aerlig");
        assert_eq!(fold("ÆØÅ"), "aeoa");
        assert_eq!(fold("Åsane"), fold("Aasane"));
        assert_eq!(fold("paarørende"), "parorende");
        assert_eq!(fold("Café Müller"), "cafe muller");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(
            fold("  Vold- og overgrepslinjen (VO-linjen) "),
            "vold og overgrepslinjen vo linjen"
        );
        assert_eq!(fold("116 123"), "116 123");
        assert_eq!(fold("—"), "");
    }

    #[test]
    fn oe_is_not_folded() {
        assert_eq!(fold("poeng"), "poeng");
    }

    #[test]
    fn folding_a_prefix_gives_a_prefix() {
        for word in ["Tromsø", "pårørende", "Aasane", "Blåaas", "æøå"] {
            let full = fold(word);
            let chars: Vec<char> = word.chars().collect();
            for n in 1..=chars.len() {
                let p: String = chars[..n].iter().collect();
                let fp = fold(&p);
                assert!(
                    full.starts_with(&fp),
                    "{p:?} → {fp:?} not a prefix of {full:?}"
                );
            }
        }
    }

    #[test]
    fn queries_are_bounded_and_safe() {
        let huge = "å\"*(){}:^".repeat(2_000_000);
        let t = query_tokens(&huge);
        assert!(t.len() <= MAX_QUERY_TOKENS);
        assert!(t.iter().all(|w| w.chars().count() <= MAX_TOKEN_CHARS));
        let q = fts_query(&query_tokens("barne\"vern OR x*"), Some("name"));
        assert_eq!(
            q,
            "name : \"barne\"* AND name : \"vern\"* AND name : \"or\"* AND name : \"x\"*"
        );
        assert!(query_tokens("  ,.; ").is_empty());
    }
}
