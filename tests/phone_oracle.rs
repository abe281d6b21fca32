//! vakt's phone rules against libphonenumber's own verdicts
//! (tests/data/phone_oracle.csv, made by tools/gen_phone_oracle.py with
//! Python's `phonenumbers`; the version is on the file's first line).

use vakt::phone::Phone;

#[test]
fn vakt_agrees_with_libphonenumber_on_every_oracle_row() {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_path(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/phone_oracle.csv"
        ))
        .unwrap();
    let mut rows = 0;
    let mut valid = 0;
    let mut wrong = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let (input, expected, region) = (&record[0], &record[1], &record[2]);
        rows += 1;
        let got = match Phone::parse(input) {
            Ok(phone) => phone.as_str().to_owned(),
            Err(_) => "invalid".to_owned(),
        };
        if expected != "invalid" {
            valid += 1;
        }
        if got != expected {
            wrong.push(format!(
                "{region} {input:?}: expected {expected}, got {got}"
            ));
        }
    }
    assert!(rows >= 300 && valid >= 150, "{rows} rows, {valid} valid");
    assert!(
        wrong.is_empty(),
        "{} of {rows} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
