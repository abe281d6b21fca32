"""Writes tests/data/phone_oracle.csv: phone numbers in many spellings with
libphonenumber's own verdict, through Python's `phonenumbers` (a port of
libphonenumber). tests/phone_oracle.rs checks vakt against the file; the
test needs neither Python nor a network.

    pip install phonenumbers==9.0.43
    python3 tools/gen_phone_oracle.py > tests/data/phone_oracle.csv

The numbers are the metadata's own example numbers (synthetic, chosen by the
numbering plans for documentation), changed in fixed ways to make invalid
ones. Norway's short numbers (113, 116 123, 02800) follow vakt's own rule
and are tested in src/phone/; they are left out here.
"""
import csv
import random
import sys

import phonenumbers as p
from phonenumbers import PhoneNumberFormat as F, PhoneNumberType as T

REGIONS = """NO SE DK FI IS DE GB FR NL BE ES PT IT PL LT LV EE UA RU TR GR RO BG
HU CZ SK AT CH IE US CA MX BR AR CL CO PE VE CU AU NZ JP CN KR IN PK BD LK NP
AF IR IQ SY JO LB IL SA AE EG MA DZ TN LY ET ER SO SD KE UG TZ NG GH SN CD ZA
PH VN TH MY ID MM RS BA HR AL XK MK""".split()

rng = random.Random(15)
out = csv.writer(sys.stdout, lineterminator="\n")
print(f"# made by tools/gen_phone_oracle.py with phonenumbers {p.__version__}; expected is E.164 or 'invalid'")
out.writerow(["input", "expected", "region"])
seen = set()


def verdict(text):
    try:
        n = p.parse(text, "NO")
    except p.NumberParseException:
        return "invalid"
    if not p.is_valid_number(n):
        return "invalid"
    return p.format_number(n, F.E164)


def emit(text, region):
    if text in seen:
        return
    # vakt accepts digits, a leading +, tel: and common separators only.
    body = text[4:] if text.startswith("tel:") else text
    if any(not (c.isdigit() or c in "+ -./()") for c in body):
        return
    expected = verdict(text)
    # Norway's short numbers are vakt's own rule, not the oracle's.
    if expected.startswith("+47") and len(expected) < 11:
        return
    digits = "".join(c for c in body if c.isdigit())
    if body.lstrip().startswith("+"):
        national = digits[2:] if digits.startswith("47") else None
    elif digits.startswith("00"):
        national = digits[4:] if digits.startswith("0047") else None
    else:
        national = digits
    if national is not None and national[:1] in ("0", "1") and 3 <= len(national) <= 6:
        return
    seen.add(text)
    out.writerow([text, expected, region])


def spaced(digits):
    parts, i = [], 0
    while i < len(digits):
        step = rng.choice([2, 3, 4])
        parts.append(digits[i : i + step])
        i += step
    return rng.choice([" ", "-", "."]).join(parts)


for region in REGIONS:
    cc = p.country_code_for_region(region)
    for kind in (T.MOBILE, T.FIXED_LINE):
        n = p.example_number_for_type(region, kind)
        if n is None:
            continue
        nsn = p.national_significant_number(n)
        e164 = p.format_number(n, F.E164)
        national = p.format_number(n, F.NATIONAL)
        emit(e164, region)
        emit(p.format_number(n, F.INTERNATIONAL), region)
        emit(p.format_number(n, F.RFC3966), region)
        emit(f"00{cc} {spaced(nsn)}", region)
        # The trunk prefix kept after the country code, as people write it.
        if national[0] == "0" or national.startswith("("):
            emit(f"+{cc} {national}", region)
            emit(f"+{cc} (0){spaced(nsn)}", region) if national[0] == "0" else None
        if region == "NO":
            emit(national, region)
            emit(spaced(nsn), region)
        # Wrong lengths and ranges not in use.
        emit(f"+{cc} {nsn[:-2]}", region)
        emit(f"+{cc} {nsn}{rng.randrange(10)}{rng.randrange(10)}", region)
        emit(f"+{cc} {nsn[:-1]}", region)
        for first in "0123456789":
            if first != nsn[0] and rng.random() < 0.25:
                emit(f"+{cc} {first}{nsn[1:]}", region)

# Norwegian 8-digit numbers in every first two digits, valid or not.
for prefix in range(20, 100):
    rest = "".join(str(rng.randrange(10)) for _ in range(6))
    emit(f"{prefix}{rest}", "NO")
    emit(f"+47 {prefix} {rest[:2]} {rest[2:4]} {rest[4:]}", "NO")
