"""Writes src/i18n/countries.rs: the name of every region libphonenumber
knows, in bokmål and English, from CLDR (through Babel).

Run by hand when the metadata gains a region:
    pip install phonenumbers babel
    python3 tools/gen_country_names.py > src/i18n/countries.rs
"""
import babel
import phonenumbers
from babel import Locale

nb = Locale("nb").territories
en = Locale("en").territories
rows = []
for r in sorted(phonenumbers.SUPPORTED_REGIONS):
    rows.append((r, nb.get(r, r), en.get(r, r)))

print("//! Country and region names for phone-number messages, in bokmål and")
print("//! English. Generated from CLDR by tools/gen_country_names.py")
print(f"//! (Babel {babel.__version__}, phonenumbers {phonenumbers.__version__}); do not edit by hand.")
print()
print("use super::Lang;")
print()
print("/// (ISO 3166 region code, bokmål name, English name), sorted by code.")
print("const NAMES: &[(&str, &str, &str)] = &[")
for r, a, b in rows:
    print(f'    ("{r}", "{a}", "{b}"),')
print("];")
print()
print("/// The name of a region (`\"SE\"` -> \"Sverige\" / \"Sweden\"), if known.")
print("pub fn country_name(region: &str, lang: Lang) -> Option<&'static str> {")
print("    let i = NAMES.binary_search_by(|(code, _, _)| (*code).cmp(region)).ok()?;")
print("    let (_, nb, en) = NAMES[i];")
print("    Some(match lang {")
print("        Lang::Nb => nb,")
print("        Lang::En => en,")
print("    })")
print("}")
