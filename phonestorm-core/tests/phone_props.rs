//! Hostile-input properties of `normalize`: never panics, bounded output, round trip.

use std::time::{Duration, Instant};

use phonestorm_core::phone::normalize::{MAX_EXTENSION_DIGITS, normalize};
use proptest::prelude::*;

fn phone_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[0-9]",
            1 => "[ ().+\\-/x#,;=]",
            1 => "[A-Za-z]",
            1 => prop::sample::select(vec!["\u{2013}", "\u{00A0}", "\u{200B}", "\u{FF13}", "ext. ", "tel:", "%20", "\u{FF0B}"]).prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn check_output(input: &str, region: &str) {
    if let Ok(n) = normalize(input, region) {
        assert!(n.e164.starts_with('+'), "{n:?}");
        assert!(n.e164.len() <= 16, "{n:?}");
        assert!(n.e164[1..].bytes().all(|b| b.is_ascii_digit()), "{n:?}");
        if let Some(ext) = &n.extension {
            assert!(!ext.is_empty() && ext.len() <= MAX_EXTENSION_DIGITS);
        }
        let again =
            normalize(&n.e164, region).unwrap_or_else(|e| panic!("{input:?} → {n:?} → {e}"));
        assert_eq!(again.e164, n.e164, "{input:?}");
        if let Some(ext) = &n.extension {
            let with_ext = normalize(&format!("{};ext={ext}", n.e164), region).unwrap();
            assert_eq!(with_ext, n, "{input:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string_never_panics(input in any::<String>()) {
        check_output(&input, "US");
    }

    #[test]
    fn phone_like_strings_round_trip(input in phone_like()) {
        check_output(&input, "US");
    }

}

proptest! {
    // The `phonenumber` crate is slow in debug builds: fewer cases here.
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn plus_numbers_round_trip(digits in "[0-9]{4,16}") {
        check_output(&format!("+{digits}"), "US");
    }
}

#[test]
fn huge_input_is_rejected_fast() {
    let input = "1-".repeat(1 << 20);
    let start = Instant::now();
    for _ in 0..100 {
        assert_eq!(normalize(&input, "US").unwrap_err().code(), "too_long");
    }
    assert!(start.elapsed() < Duration::from_secs(2));
}
