//! One written phone number → E.164 plus extension.
//!
//! [`normalize`] reads every common North American written form — punctuation, a `+1` or
//! `1` prefix, Unicode dashes, spaces and invisible marks, fullwidth and other Unicode
//! decimal digits, vanity letters (`1-800-FLOWERS`) and extensions (`x12`, `ext. 12`,
//! `extension 12`, `;ext=12`, `,,12`, `#12`) — and numbers of other countries written with
//! `+` or the US exit code `011`.
//!
//! ## Cost
//!
//! The `+1` path is a single pass over the input with fixed-size stack buffers and one
//! allocation (the result); it never touches the `phonenumber` crate, whose metadata takes
//! ~130 ms to load on first use. Only numbers outside +1 (or a non-NANP default region)
//! pay that load, once per process.
//!
//! ## Bounds
//!
//! Inputs longer than [`MAX_INPUT_BYTES`] are rejected before any work; at most
//! [`MAX_DIGITS`] digits and [`MAX_EXTENSION_DIGITS`] extension digits are read.

use super::error::PhoneError;
use super::nanp;
use super::types::PhoneNumber;

/// Longest input accepted, in bytes (after trimming surrounding whitespace).
pub const MAX_INPUT_BYTES: usize = 256;
/// Most digits (country code + national number) read before giving up.
pub const MAX_DIGITS: usize = 17;
/// Most extension digits after an explicit label (`x`, `ext`, `extension`).
pub const MAX_EXTENSION_DIGITS: usize = 10;
/// Most extension digits after an ambiguous marker (`,`, `;`, `#`), as libphonenumber does.
pub const MAX_AMBIGUOUS_EXTENSION_DIGITS: usize = 6;

/// Digits needed in the main part before an extension marker is taken as one.
const MIN_DIGITS_BEFORE_EXTENSION: usize = 7;
/// Digits needed before letters are read as vanity letters (`1-800-FLOWERS`, `800-FLOWERS`).
const MIN_DIGITS_BEFORE_VANITY: usize = 3;

/// Normalises one written phone number to E.164 and an extension.
///
/// `region` is the ISO 3166 code of the country assumed when the number carries no
/// country code (`"US"`, `"CA"`, any NANP member, or any other country the `phonenumber`
/// crate knows); it is case-insensitive.
///
/// ```
/// use phonestorm_core::phone::normalize::normalize;
///
/// let n = normalize("(305) 234-5678 ext. 12", "US").unwrap();
/// assert_eq!(n.e164, "+13052345678");
/// assert_eq!(n.extension.as_deref(), Some("12"));
///
/// assert_eq!(normalize("1-800-FLOWERS", "US").unwrap().e164, "+18003569377");
/// assert_eq!(normalize("＋１ ３０５ ２３４ ５６７８", "US").unwrap().e164, "+13052345678");
/// assert_eq!(normalize("011 44 20 7946 0958", "US").unwrap().e164, "+442079460958");
/// assert_eq!(normalize("305-555-0123", "US").unwrap_err().code(), "nanp_fictional");
/// ```
pub fn normalize(input: &str, region: &str) -> Result<PhoneNumber, PhoneError> {
    let text = input.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if text.len() > MAX_INPUT_BYTES {
        return Err(PhoneError::TooLong {
            len: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let nanp_region = is_nanp_region(region);
    let scan = scan(text)?;
    let digits = &scan.digits[..scan.len];
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    let main = if scan.plus {
        international(&scan, 0)?
    } else if nanp_region {
        if digits.starts_with(b"011") && digits.len() > 3 {
            international(&scan, 3)?
        } else if digits.len() >= 11 && digits[0] == b'1' {
            nanp_e164(&scan, 1)?
        } else {
            nanp_e164(&scan, 0)?
        }
    } else {
        national_other(digits, region)?
    };
    let extension = if scan.ext_len > 0 {
        // Extension bytes are ASCII digits, so this conversion cannot fail.
        Some(
            std::str::from_utf8(&scan.ext[..scan.ext_len])
                .map_err(|_| PhoneError::InvalidExtension)?
                .to_owned(),
        )
    } else {
        None
    };
    Ok(PhoneNumber {
        e164: main,
        extension,
    })
}

/// Whether `region` (case-insensitive) is a member of the North American Numbering Plan.
///
/// ```
/// use phonestorm_core::phone::normalize::is_nanp_region;
/// assert!(is_nanp_region("us") && is_nanp_region("CA") && is_nanp_region("JM"));
/// assert!(!is_nanp_region("GB"));
/// ```
pub fn is_nanp_region(region: &str) -> bool {
    if region.eq_ignore_ascii_case("US") || region.eq_ignore_ascii_case("CA") {
        return true;
    }
    region.len() == 2
        && nanp::area_codes()
            .iter()
            .any(|row| row.region.eq_ignore_ascii_case(region))
}

/// What one pass over the input found.
struct Scan {
    digits: [u8; MAX_DIGITS],
    len: usize,
    plus: bool,
    /// Index in `digits` of the first digit spelled by a letter, if any.
    first_letter: Option<usize>,
    /// End of the last digit written as a digit (not a letter): those are never dropped.
    last_real_digit_end: usize,
    ext: [u8; MAX_EXTENSION_DIGITS],
    ext_len: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Main,
    /// After an extension marker, before its digits. `labelled`: an explicit word was seen.
    ExtStart {
        labelled: bool,
    },
    ExtDigits {
        labelled: bool,
    },
    /// After the extension digits: only separators may follow.
    ExtDone,
}

/// What a character means in a written number.
enum Class {
    Digit(u8),
    Plus,
    Separator,
    Letter(u8),
    /// `#`, `,` or `;`: an ambiguous extension marker.
    ExtMark,
    Equals,
    Other,
}

fn classify_char(c: char) -> Class {
    match c {
        '0'..='9' => Class::Digit(c as u8),
        'a'..='z' => Class::Letter(c as u8),
        'A'..='Z' => Class::Letter(c.to_ascii_lowercase() as u8),
        '+' | '\u{FF0B}' => Class::Plus,
        '#' | ',' | ';' | '\u{FF03}' | '\u{FF0C}' | '\u{FF1B}' => Class::ExtMark,
        '=' => Class::Equals,
        '-' | '.' | '/' | '(' | ')' | '[' | ']' | ':' => Class::Separator,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Class::Separator
        }
        '\u{FF0E}' | '\u{FF0F}' | '\u{FF08}' | '\u{FF09}' | '\u{FF3B}' | '\u{FF3D}' => {
            Class::Separator
        }
        '\u{3000}' | '\u{30FC}' => Class::Separator,
        '\u{FF10}'..='\u{FF19}' => Class::Digit(b'0' + (c as u32 - 0xFF10) as u8),
        '\u{0660}'..='\u{0669}' => Class::Digit(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Class::Digit(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{0966}'..='\u{096F}' => Class::Digit(b'0' + (c as u32 - 0x0966) as u8),
        '\u{FF21}'..='\u{FF3A}' => Class::Letter(b'a' + (c as u32 - 0xFF21) as u8),
        '\u{FF41}'..='\u{FF5A}' => Class::Letter(b'a' + (c as u32 - 0xFF41) as u8),
        c if c.is_whitespace() || is_invisible(c) => Class::Separator,
        _ => Class::Other,
    }
}

/// Invisible characters that copy-pasted numbers carry: zero-width spaces and joiners,
/// word joiner, BOM, soft hyphen, bidi marks and isolates.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Words that introduce an extension.
fn is_extension_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"x" | b"ex" | b"ext" | b"extn" | b"extension" | b"xtn" | b"xt"
    )
}

/// Phone keypad digit of a lowercase ASCII letter.
fn keypad(letter: u8) -> u8 {
    match letter {
        b'a'..=b'c' => b'2',
        b'd'..=b'f' => b'3',
        b'g'..=b'i' => b'4',
        b'j'..=b'l' => b'5',
        b'm'..=b'o' => b'6',
        b'p'..=b's' => b'7',
        b't'..=b'v' => b'8',
        _ => b'9',
    }
}

/// Decodes `%XX` (as found in `tel:` URIs) to an ASCII character.
fn percent_decoded(bytes: &[u8], at: usize) -> Option<char> {
    let hex = |b: u8| (b as char).to_digit(16);
    let high = hex(*bytes.get(at + 1)?)?;
    let low = hex(*bytes.get(at + 2)?)?;
    let value = high * 16 + low;
    (value < 0x80).then(|| char::from(value as u8))
}

fn scan(text: &str) -> Result<Scan, PhoneError> {
    let mut scan = Scan {
        digits: [0; MAX_DIGITS],
        len: 0,
        plus: false,
        first_letter: None,
        last_real_digit_end: 0,
        ext: [0; MAX_EXTENSION_DIGITS],
        ext_len: 0,
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    if bytes.len() >= 4 && bytes[..4].eq_ignore_ascii_case(b"tel:") {
        at = 4;
    }
    let mut state = State::Main;
    while at < bytes.len() {
        let (ch, width) = if bytes[at] == b'%' {
            match percent_decoded(bytes, at) {
                Some(ch) => (ch, 3),
                None => ('%', 1),
            }
        } else if bytes[at] < 0x80 {
            (char::from(bytes[at]), 1)
        } else {
            // `at` is always on a char boundary: we only ever advance by whole chars.
            match text[at..].chars().next() {
                Some(ch) => (ch, ch.len_utf8()),
                None => break,
            }
        };
        let invalid = PhoneError::InvalidCharacter { ch, at };
        match (classify_char(ch), state) {
            (Class::Separator, State::Main | State::ExtStart { .. }) => {}
            (Class::Separator, State::ExtDigits { .. }) => state = State::ExtDone,
            (Class::Separator, State::ExtDone) => {}
            (Class::Digit(d), State::Main) => {
                if scan.len == MAX_DIGITS {
                    return Err(PhoneError::TooManyDigits {
                        digits: MAX_DIGITS + 1,
                    });
                }
                scan.digits[scan.len] = d;
                scan.len += 1;
                scan.last_real_digit_end = scan.len;
            }
            (Class::Digit(d), State::ExtStart { labelled } | State::ExtDigits { labelled }) => {
                let limit = if labelled {
                    MAX_EXTENSION_DIGITS
                } else {
                    MAX_AMBIGUOUS_EXTENSION_DIGITS
                };
                if scan.ext_len == limit {
                    return Err(PhoneError::InvalidExtension);
                }
                scan.ext[scan.ext_len] = d;
                scan.ext_len += 1;
                state = State::ExtDigits { labelled };
            }
            (Class::Plus, State::Main) if scan.len == 0 && !scan.plus => scan.plus = true,
            (Class::Letter(_), State::Main | State::ExtStart { .. }) => {
                // Read the whole run of ASCII letters (fullwidth letters stand alone).
                let mut end = at + width;
                if width == 1 {
                    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                        end += 1;
                    }
                }
                let mut word = [0u8; 9];
                let word_len = end - at;
                let is_ext = if width == 1 && word_len <= word.len() {
                    for (slot, b) in word.iter_mut().zip(&bytes[at..end]) {
                        *slot = b.to_ascii_lowercase();
                    }
                    is_extension_word(&word[..word_len])
                } else {
                    matches!(classify_char(ch), Class::Letter(b'x'))
                };
                match state {
                    State::Main if is_ext && scan.len >= MIN_DIGITS_BEFORE_EXTENSION => {
                        state = State::ExtStart { labelled: true };
                    }
                    // `;ext=12`, `, ext 12`: a label after an ambiguous marker.
                    State::ExtStart { labelled: false } if is_ext => {
                        state = State::ExtStart { labelled: true };
                    }
                    State::Main if scan.len >= MIN_DIGITS_BEFORE_VANITY => {
                        for b in &bytes[at..end] {
                            let letter = match classify_char(char::from(*b)) {
                                Class::Letter(l) => l,
                                _ => b'x',
                            };
                            if scan.len == MAX_DIGITS {
                                return Err(PhoneError::TooManyDigits {
                                    digits: MAX_DIGITS + 1,
                                });
                            }
                            scan.first_letter.get_or_insert(scan.len);
                            scan.digits[scan.len] = keypad(letter);
                            scan.len += 1;
                        }
                        if width > 1 {
                            if let Class::Letter(l) = classify_char(ch) {
                                scan.digits[scan.len - 1] = keypad(l);
                            }
                        }
                    }
                    _ => return Err(invalid),
                }
                at = end;
                continue;
            }
            (Class::ExtMark, State::Main) if scan.len >= MIN_DIGITS_BEFORE_EXTENSION => {
                state = State::ExtStart { labelled: false };
            }
            (Class::ExtMark, State::ExtStart { .. }) => {}
            (Class::ExtMark, State::ExtDigits { .. } | State::ExtDone) if ch == '#' => {
                state = State::ExtDone;
            }
            (Class::Equals, State::ExtStart { labelled: true }) => {}
            _ => return Err(invalid),
        }
        at += width;
    }
    if matches!(state, State::ExtStart { .. }) {
        return Err(PhoneError::InvalidExtension);
    }
    Ok(scan)
}

/// `+1` followed by the ten NANP digits starting at `from`, checked by [`nanp::check`].
fn nanp_e164(scan: &Scan, from: usize) -> Result<String, PhoneError> {
    let digits = &scan.digits[from..scan.len];
    let mut national = digits;
    if digits.len() > 10 {
        // Vanity numbers are often spelled with more letters than digits
        // (1-800-CONTACTS): the extra letters are dropped, never real digits.
        let keep = from + 10;
        let letters_only_beyond = scan.first_letter.is_some_and(|first| first < scan.len)
            && scan.last_real_digit_end <= keep;
        if letters_only_beyond {
            national = &digits[..10];
        } else {
            return Err(PhoneError::TooManyDigits { digits: scan.len });
        }
    }
    if national.len() < 10 {
        return Err(PhoneError::TooFewDigits { digits: scan.len });
    }
    nanp::check(national).map_err(PhoneError::Nanp)?;
    let mut e164 = String::with_capacity(12);
    e164.push_str("+1");
    for &d in national {
        e164.push(char::from(d));
    }
    Ok(e164)
}

/// Digits starting at `from` begin with a country calling code.
fn international(scan: &Scan, from: usize) -> Result<String, PhoneError> {
    let digits = &scan.digits[from..scan.len];
    match digits.first() {
        None => Err(PhoneError::Empty),
        Some(b'1') => nanp_e164(scan, from + 1),
        Some(_) => with_metadata(None, digits),
    }
}

/// A national number of a non-NANP default region.
#[cfg(feature = "intl")]
fn national_other(digits: &[u8], region: &str) -> Result<String, PhoneError> {
    let id: phonenumber::country::Id = region
        .to_ascii_uppercase()
        .parse()
        .map_err(|_| PhoneError::UnknownRegion(region.to_owned()))?;
    with_metadata(Some(id), digits)
}

/// Without numbering metadata only +1 is known.
#[cfg(not(feature = "intl"))]
fn national_other(_digits: &[u8], _region: &str) -> Result<String, PhoneError> {
    Err(PhoneError::InternationalUnsupported)
}

/// Without numbering metadata only +1 is known.
#[cfg(not(feature = "intl"))]
fn with_metadata(_region: Option<()>, _digits: &[u8]) -> Result<String, PhoneError> {
    Err(PhoneError::InternationalUnsupported)
}

/// Parses with the `phonenumber` crate (loads its metadata on first use).
#[cfg(feature = "intl")]
fn with_metadata(
    region: Option<phonenumber::country::Id>,
    digits: &[u8],
) -> Result<String, PhoneError> {
    let mut text = String::with_capacity(digits.len() + 1);
    if region.is_none() {
        text.push('+');
    }
    text.extend(digits.iter().map(|&d| char::from(d)));
    let number = phonenumber::parse(region, &text).map_err(|err| match err {
        phonenumber::ParseError::InvalidCountryCode => PhoneError::UnknownCountryCode,
        _ => PhoneError::InvalidInternational,
    })?;
    if !phonenumber::is_valid(&number) {
        return Err(PhoneError::InvalidInternational);
    }
    let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
    if e164.len() > 16 {
        // E.164 allows at most 15 digits; the metadata accepts a few longer ranges.
        return Err(PhoneError::InvalidInternational);
    }
    if e164.starts_with("+1") {
        // A non-NANP default region that dialled into +1: apply our own NANP rules.
        let bytes = e164.as_bytes();
        return nanp::check(&bytes[2..])
            .map(|_| e164.clone())
            .map_err(PhoneError::Nanp);
    }
    Ok(e164)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> (String, Option<String>) {
        let n = normalize(input, "US").unwrap_or_else(|e| panic!("{input:?}: {e}"));
        (n.e164, n.extension)
    }

    fn code(input: &str) -> &'static str {
        normalize(input, "US")
            .map(|n| panic!("{input:?} gave {n:?}"))
            .unwrap_err()
            .code()
    }

    #[test]
    fn us_forms() {
        for input in [
            "3052345678",
            "305-234-5678",
            "(305) 234-5678",
            "305.234.5678",
            "+1 305 234 5678",
            "1-305-234-5678",
            "1 (305) 234-5678",
            "+1 (305) 234‑5678",
            "305 – 234 — 5678",
            "305\u{00A0}234\u{202F}5678",
            "305\u{200B}234\u{200B}5678",
            "３０５－２３４－５６７８",
            "tel:+1-305-234-5678",
            "tel:%2B1%20305%20234%205678",
            "  (305)234-5678  ",
        ] {
            assert_eq!(ok(input), ("+13052345678".into(), None), "{input:?}");
        }
    }

    #[test]
    fn extensions() {
        for input in [
            "305-234-5678 x12",
            "305-234-5678x12",
            "305-234-5678 ext. 12",
            "305-234-5678 Ext 12",
            "305-234-5678 extension 12",
            "tel:+1-305-234-5678;ext=12",
            "305-234-5678,,12",
            "305-234-5678 #12",
            "305-234-5678 ext: 12#",
        ] {
            assert_eq!(
                ok(input),
                ("+13052345678".into(), Some("12".into())),
                "{input:?}"
            );
        }
        assert_eq!(code("305-234-5678 x"), "invalid_extension");
        assert_eq!(code("305-234-5678 x 12 abc"), "invalid_character");
        assert_eq!(code("305-234-5678 ,1234567"), "invalid_extension");
    }

    #[test]
    fn vanity() {
        assert_eq!(ok("1-800-FLOWERS").0, "+18003569377");
        assert_eq!(ok("1-800-GOT-JUNK").0, "+18004685865");
        assert_eq!(ok("800-CONTACTS").0, "+18002668228");
        assert_eq!(code("CALL 305-234-5678"), "invalid_character");
        assert_eq!(code("800-FLOWERS-12"), "too_many_digits");
    }

    #[test]
    fn errors() {
        assert_eq!(code(""), "empty");
        assert_eq!(code("---"), "empty");
        assert_eq!(code("234-5678"), "too_few_digits");
        assert_eq!(code("305-234-56789"), "too_many_digits");
        assert_eq!(code("305-555-0150"), "nanp_fictional");
        assert_eq!(code("911-234-5678"), "nanp_npa_n11");
        assert_eq!(code("305-234-5678 / 305-234-5679"), "too_many_digits");
        assert_eq!(code(&"5".repeat(300)), "too_long");
        assert_eq!(code("+999 1234"), "unknown_country_code");
        assert_eq!(code("305 234 5678 @"), "invalid_character");
        assert_eq!(
            normalize("3052345678", "XX").unwrap_err().code(),
            "unknown_region"
        );
    }

    #[test]
    fn international() {
        assert_eq!(ok("+44 20 7946 0958").0, "+442079460958");
        assert_eq!(ok("011 49 30 901820").0, "+4930901820");
        assert_eq!(
            normalize("020 7946 0958", "gb").unwrap().e164,
            "+442079460958"
        );
        assert_eq!(code("+44 1"), "invalid_international");
    }
}
