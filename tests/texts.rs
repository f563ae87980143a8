//! The text tables (English, German, Spanish) the wasm build loads at run time
//! (`src/text.rs`, written by `examples/texts.rs`): complete, unambiguous,
//! and refused with a clear error when they are not ours.

use burnout_check::error::ErrorKind;
use burnout_check::model::Locale;
use burnout_check::text::{all, key_of, parse_table, table_json, t, Text, TABLE_VERSION};
use std::collections::BTreeMap;

fn table(l: Locale) -> BTreeMap<u32, String> {
    let (locale, pairs) = parse_table(&table_json(l).expect("no key collides")).expect("our own table reads back");
    assert_eq!(locale, l);
    pairs.into_iter().collect()
}

#[test]
fn every_text_is_in_each_table_with_its_translation() {
    for &l in Locale::ALL {
        let map = table(l);
        for text in all() {
            assert_eq!(map.get(&text.key()).map(String::as_str), Some(text.get(l)), "{:?} in {l:?}", text.en());
        }
        // Nothing else: one entry per distinct English text.
        let distinct: std::collections::BTreeSet<_> = all().iter().map(Text::key).collect();
        assert_eq!(map.len(), distinct.len(), "{l:?}");
    }
}

#[test]
fn the_registry_holds_every_form_and_explanation_text() {
    // Spot checks from each source; the rest is guarded by the debug assertion
    // in `Text::get`, which every other test exercises.
    let en: Vec<&str> = all().iter().map(Text::en).collect();
    for needle in ["never", "I feel tired even after a good night's sleep.", "How long has it felt like this?", " and ", "recognition", "your health"] {
        assert!(en.contains(&needle), "{needle:?} is not registered");
    }
    assert!(all().len() > 120, "{}", all().len());
}

#[test]
fn keys_are_stable_hashes_of_the_english() {
    // FNV-1a 32 of "never": the tables of a build and its wasm must agree.
    assert_eq!(t(["never", "nie", "nunca"]).key(), 0x0ac9_5089);
    assert_eq!(t(["", "", ""]).key(), 0x811c_9dc5);
    // The wasm build keeps only this key, computed when it compiles.
    const NEVER: u32 = key_of("never");
    assert_eq!(NEVER, 0x0ac9_5089);
}

#[test]
fn a_table_is_plain_json_with_sorted_hex_keys() {
    let json = table_json(Locale::De).unwrap();
    assert!(json.starts_with(&format!(r#"{{"format":"burnout-check-texts","version":{TABLE_VERSION},"locale":"de","texts":{{"#)), "{}", &json[..80]);
    let keys: Vec<u32> = table(Locale::De).into_keys().collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn tables_that_are_not_ours_are_refused_naming_the_field() {
    let cases: &[(&str, ErrorKind, &str)] = &[
        ("", ErrorKind::Invalid, "texts"),
        ("[]", ErrorKind::Invalid, ""),
        (r#"{"format":"other","version":1,"locale":"de","texts":{}}"#, ErrorKind::Invalid, "format"),
        (r#"{"format":"burnout-check-texts","version":2,"locale":"de","texts":{}}"#, ErrorKind::NewerVersion, "version"),
        (r#"{"format":"burnout-check-texts","version":0,"locale":"de","texts":{}}"#, ErrorKind::Invalid, "version"),
        (r#"{"format":"burnout-check-texts","version":1,"locale":"fr","texts":{}}"#, ErrorKind::Invalid, "locale"),
        (r#"{"format":"burnout-check-texts","version":1,"locale":"de","texts":[]}"#, ErrorKind::Invalid, "texts"),
        (r#"{"format":"burnout-check-texts","version":1,"locale":"de","texts":{"xyz":"a"}}"#, ErrorKind::Invalid, "texts.xyz"),
        (r#"{"format":"burnout-check-texts","version":1,"locale":"de","texts":{"0000000g":"a"}}"#, ErrorKind::Invalid, "texts.0000000g"),
        (r#"{"format":"burnout-check-texts","version":1,"locale":"de","texts":{"0ac95089":1}}"#, ErrorKind::Invalid, "texts.0ac95089"),
    ];
    for (text, kind, field) in cases {
        let e = parse_table(text).expect_err(text);
        assert_eq!((e.kind, e.field.as_str()), (*kind, *field), "{text}: {e}");
    }
    let ok = r#"{"format":"burnout-check-texts","version":1,"locale":"es","texts":{"0ac95089":"nunca"}}"#;
    assert_eq!(parse_table(ok).unwrap(), (Locale::Es, vec![(0x0ac9_5089, "nunca".to_string())]));
    let english = r#"{"format":"burnout-check-texts","version":1,"locale":"en","texts":{"0ac95089":"never"}}"#;
    assert_eq!(parse_table(english).unwrap(), (Locale::En, vec![(0x0ac9_5089, "never".to_string())]));
}

mod damaged {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// A damaged table (cut, a byte changed, text inserted) is read or refused, never a panic.
        #[test]
        fn a_damaged_table_is_read_or_refused(cut in 0.0f64..1.0, at in 0.0f64..1.0, byte in any::<u8>(), insert in "[\\[\\]{}:,\"0-9a-f.é-]{0,6}") {
            let table = table_json(Locale::Es).unwrap();
            let mut bytes = table.as_bytes().to_vec();
            let i = ((at * bytes.len() as f64) as usize).min(bytes.len() - 1);
            bytes[i] = byte;
            bytes.splice(i..i, insert.bytes());
            bytes.truncate(((cut * 1.2).min(1.0) * bytes.len() as f64) as usize);
            let text = String::from_utf8_lossy(&bytes);
            if let Ok((locale, pairs)) = parse_table(&text) {
                prop_assert!(locale != Locale::En);
                prop_assert!(pairs.len() <= table_json(locale).unwrap().len());
            }
        }

        /// Any text at all is read or refused, never a panic.
        #[test]
        fn any_text_is_read_or_refused(text in ".{0,200}") {
            let _ = parse_table(&text);
        }
    }
}
