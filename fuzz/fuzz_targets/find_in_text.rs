//! find_in_text never panics, its spans are in bounds on char boundaries and match `raw`,
//! and every number it returns normalises to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phonestorm_core::phone::normalize::normalize;
use phonestorm_core::phone::text::find_in_text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found = find_in_text(text);
    assert!(found.len() <= text.len() / 5 + 1, "more matches than room for numbers");
    let mut last_end = 0;
    for m in &found {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.start >= last_end, "overlapping or unordered matches");
        last_end = m.end;
        assert_eq!(&text[m.start..m.end], m.raw);
        let again = normalize(&m.number.e164, "US").expect("E.164 of a match must normalise");
        assert_eq!(again.e164, m.number.e164);
    }
});
