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

/// Whether `token` (folded) is one of the little words that name nothing.
pub fn is_little_word(token: &str) -> bool {
    LITTLE_WORDS.contains(&token)
}

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

/// The digits of a query that is a phone number as a caller says it
/// ("116 117", "22 40 00 40", "+47 22 40 00 40", "(0047) 224-00"): only
/// digits, spaces and `+ - ( ) .`, at least three digits. A leading `+47`
/// or `0047` is dropped, so the national digits are searched (the index
/// holds both forms). `None` for anything else.
pub fn phone_digits(query: &str) -> Option<String> {
    let q = query.trim();
    if !q
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'))
    {
        return None;
    }
    let digits: String = q
        .chars()
        .filter(char::is_ascii_digit)
        .take(MAX_TOKEN_CHARS)
        .collect();
    if digits.len() < 3 {
        return None;
    }
    let national = if q.starts_with('+') {
        digits.strip_prefix("47")
    } else {
        digits.strip_prefix("0047")
    };
    Some(match national {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => digits,
    })
}

/// The words a phone number is indexed under: its digits as stored
/// (`4722400040`, `116117`) and, for a Norwegian number, the eight national
/// digits too, so a number is found however much of it is typed.
pub fn phone_index_words(normalised: &str) -> String {
    let digits: String = normalised.chars().filter(char::is_ascii_digit).collect();
    match normalised.strip_prefix("+47") {
        Some(national) if !national.is_empty() => format!("{digits} {national}"),
        _ => digits,
    }
}

/// Like [`fts_query`], and a compound written apart also matches it
/// written together: `krise senter` asks for `krise* AND senter*` or
/// `krisesenter*` (each pair of neighbouring words joined in turn).
pub fn fts_query_compounds(tokens: &[String], column: Option<&str>) -> String {
    let plain = fts_query(tokens, column);
    if tokens.len() < 2 {
        return plain;
    }
    let mut alts = vec![format!("({plain})")];
    for i in 0..tokens.len() - 1 {
        let mut joined: Vec<String> = tokens[..i].to_vec();
        joined.push(format!("{}{}", tokens[i], tokens[i + 1]));
        joined.extend_from_slice(&tokens[i + 2..]);
        alts.push(format!("({})", fts_query(&joined, column)));
    }
    alts.join(" OR ")
}

/// How far a typed word may be from a word of the index to be read as a
/// typo of it: none below four letters (too many words are that close),
/// one edit up to five letters, two from six.
pub fn typo_budget(token: &str) -> usize {
    match token.chars().count() {
        0..=3 => 0,
        4 | 5 => 1,
        _ => 2,
    }
}

/// The edit distance (insertions, deletions, substitutions, swaps of
/// neighbours) from `typed` to `term`, or to the start of `term` when
/// `typed` reads as a word still being typed: `legvak` is one edit from
/// `legevakt`, as it is from `legevak`.
pub fn typo_distance(typed: &str, term: &str) -> usize {
    let n = typed.chars().count();
    let whole = strsim::osa_distance(typed, term);
    (n.saturating_sub(1)..=n + 1)
        .filter(|&k| k < term.chars().count())
        .map(|k| {
            let head: String = term.chars().take(k).collect();
            strsim::osa_distance(typed, &head)
        })
        .fold(whole, usize::min)
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

    #[test]
    fn phone_digits_in_any_spacing() {
        assert_eq!(phone_digits("116 117").as_deref(), Some("116117"));
        assert_eq!(phone_digits(" 116117 ").as_deref(), Some("116117"));
        assert_eq!(phone_digits("22 40 00 40").as_deref(), Some("22400040"));
        assert_eq!(phone_digits("+47 22 40 00 40").as_deref(), Some("22400040"));
        assert_eq!(phone_digits("0047 224-00").as_deref(), Some("22400"));
        assert_eq!(phone_digits("(+47)"), None, "a country code alone");
        assert_eq!(phone_digits("11"), None);
        assert_eq!(phone_digits("116 kirke"), None);
        assert_eq!(phone_digits(""), None);
        assert_eq!(phone_index_words("+4722400040"), "4722400040 22400040");
        assert_eq!(phone_index_words("116117"), "116117");
    }

    #[test]
    fn compounds_written_apart_also_match_together() {
        let t = |q: &str| query_tokens(q);
        assert_eq!(fts_query_compounds(&t("krise"), None), "\"krise\"*");
        assert_eq!(
            fts_query_compounds(&t("krise senter"), None),
            "(\"krise\"* AND \"senter\"*) OR (\"krisesenter\"*)"
        );
        assert_eq!(
            fts_query_compounds(&t("a b c"), Some("name")),
            "(name : \"a\"* AND name : \"b\"* AND name : \"c\"*) OR (name : \"ab\"* AND name : \"c\"*) OR (name : \"a\"* AND name : \"bc\"*)"
        );
    }

    #[test]
    fn typos_are_measured_against_the_word_or_its_start() {
        assert_eq!(typo_distance("legvakt", "legevakt"), 1);
        assert_eq!(typo_distance("legvak", "legevakt"), 1);
        assert_eq!(typo_distance("lgeevakt", "legevakt"), 1);
        assert_eq!(typo_distance("legevakt", "legevakt"), 0);
        assert_eq!(typo_distance("barnvern", "barnevern"), 1);
        assert!(typo_distance("politi", "legevakt") > 2);
        assert_eq!(typo_budget("sos"), 0);
        assert_eq!(typo_budget("rusk"), 1);
        assert_eq!(typo_budget("legvakt"), 2);
    }
}
