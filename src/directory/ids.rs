//! Identifiers for HSDS export: every service, phone, schedule and area
//! needs a UUID. A service keeps the id it was created or imported with;
//! the parts inside it get ids derived from the service id, so exporting
//! twice gives the same file.

use std::hash::{DefaultHasher, Hash, Hasher};

/// Formats 16 bytes as a UUID string of the given version (4 = random,
/// 8 = derived), with the RFC 9562 variant bits.
pub fn format_uuid(mut b: [u8; 16], version: u8) -> String {
    b[6] = (b[6] & 0x0f) | (version << 4);
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A stable UUID (version 8) derived from some text. Not a secret, just
/// stable: the same parts always give the same id.
pub fn derived_uuid(parts: &[&str]) -> String {
    let mut out = [0u8; 16];
    for (i, half) in out.chunks_mut(8).enumerate() {
        let mut h = DefaultHasher::new();
        ("vakt-directory", i).hash(&mut h);
        parts.hash(&mut h);
        half.copy_from_slice(&h.finish().to_be_bytes());
    }
    format_uuid(out, 8)
}

/// Whether `s` has the 8-4-4-4-12 hex form of a UUID.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_the_right_shape() {
        let a = derived_uuid(&["x", "phone", "0"]);
        assert!(is_uuid(&a), "{a}");
        assert_eq!(a, derived_uuid(&["x", "phone", "0"]));
        assert_ne!(a, derived_uuid(&["x", "phone", "1"]));
        assert_eq!(&a[14..15], "8");
        let r = format_uuid([0xff; 16], 4);
        assert!(is_uuid(&r));
        assert_eq!(&r[14..15], "4");
        assert!(!is_uuid("not-a-uuid"));
        assert!(is_uuid("ac148810-d857-441c-9679-408f346de14b"));
    }
}
