//! normalize never panics, and its E.164 output normalises to itself (round trip).
#![no_main]

use libfuzzer_sys::fuzz_target;
use phonestorm_core::phone::normalize::normalize;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for region in ["US", "CA", "GB"] {
        if let Ok(number) = normalize(input, region) {
            assert!(number.e164.len() <= 16 && number.e164.starts_with('+'));
            let again = normalize(&number.e164, region).expect("E.164 output must normalise");
            assert_eq!(again.e164, number.e164, "round trip of {input:?}");
            if let Some(ext) = &number.extension {
                let with_ext = normalize(&format!("{};ext={ext}", number.e164), region)
                    .expect("E.164 + extension must normalise");
                assert_eq!(with_ext, number);
            }
        }
    }
});
