//! extract_phones on arbitrary HTML never panics, stays within its sighting cap, and every
//! finding is a valid E.164 number with a confidence in 0..=1 that normalises to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phonestorm_core::phone::normalize::normalize;
use phonestorm_core::phone::pipeline::{ExtractOptions, extract_phones};

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let found = extract_phones(html, &ExtractOptions::default());
    assert!(found.len() <= 1000, "more sightings than the documented cap");
    for finding in &found {
        assert!((0.0..=1.0).contains(&finding.confidence));
        let again = normalize(&finding.e164, "US").expect("E.164 of a finding must normalise");
        assert_eq!(again.e164, finding.e164);
    }
});
