//! The ages a service is for, as a volunteer types them: "12-18", "18-",
//! "-17" or "16". Pure: the service form reads and writes them here.

/// Ages that could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadAges;

/// Reads "12-18", "18-", "-17" or "16" (an exact age).
pub fn parse_ages(s: &str) -> Result<(Option<u32>, Option<u32>), BadAges> {
    let t = s.trim();
    if t.is_empty() {
        return Ok((None, None));
    }
    let num = |x: &str| -> Result<Option<u32>, BadAges> {
        let x = x.trim();
        if x.is_empty() {
            Ok(None)
        } else {
            x.parse::<u32>()
                .ok()
                .filter(|a| *a <= 150)
                .map(Some)
                .ok_or(BadAges)
        }
    };
    match t.split_once(['-', '–']) {
        Some((lo, hi)) => {
            let (lo, hi) = (num(lo)?, num(hi)?);
            if lo.is_none() && hi.is_none() || matches!((lo, hi), (Some(a), Some(b)) if a > b) {
                return Err(BadAges);
            }
            Ok((lo, hi))
        }
        None => {
            let a = num(t)?;
            Ok((a, a))
        }
    }
}

/// Writes ages the way [`parse_ages`] reads them.
pub fn ages_text(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (None, None) => String::new(),
        (Some(a), Some(b)) if a == b => a.to_string(),
        (a, b) => format!(
            "{}-{}",
            a.map(|x| x.to_string()).unwrap_or_default(),
            b.map(|x| x.to_string()).unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_and_write() {
        assert_eq!(parse_ages(""), Ok((None, None)));
        assert_eq!(parse_ages("12-18"), Ok((Some(12), Some(18))));
        assert_eq!(parse_ages("18-"), Ok((Some(18), None)));
        assert_eq!(parse_ages("–17"), Ok((None, Some(17))));
        assert_eq!(parse_ages("16"), Ok((Some(16), Some(16))));
        assert!(parse_ages("18-12").is_err());
        assert!(parse_ages("-").is_err());
        assert!(parse_ages("abc").is_err());
        for (a, b) in [
            (Some(12), Some(18)),
            (Some(18), None),
            (None, Some(17)),
            (Some(5), Some(5)),
        ] {
            assert_eq!(parse_ages(&ages_text(a, b)), Ok((a, b)));
        }
    }
}
