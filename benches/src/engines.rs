//! The engines the comparison runs: phonestorm and its Rust peers, each reduced to
//! "text → E.164 numbers found" and "one written number → E.164".

use phonestorm_core::phone;

/// phonestorm's text finder: the E.164 of every match, in order.
pub fn phonestorm_find(text: &str) -> Vec<String> {
    phone::text::find_in_text(text)
        .into_iter()
        .map(|m| m.number.e164)
        .collect()
}

#[cfg(feature = "html")]
/// phonestorm's HTML extraction: the distinct E.164 numbers of a page's sightings.
pub fn phonestorm_html(html: &str) -> Vec<String> {
    let page = phone::html::extract_html(html, &phone::html::HtmlOptions::default());
    let mut out: Vec<String> = Vec::new();
    for s in page.sightings {
        if !out.contains(&s.number.e164) {
            out.push(s.number.e164);
        }
    }
    out
}

/// phonestorm's normaliser (region US).
pub fn phonestorm_normalize(input: &str) -> Option<String> {
    phone::normalize::normalize(input, "US")
        .ok()
        .map(|n| n.e164)
}

/// rlibphonenumber's PhoneNumberMatcher (region US, leniency Valid: the library default).
pub fn rlib_find(text: &str) -> Vec<String> {
    use rlibphonenumber::phonenumber_matcher::FindNumberExt;
    text.find_phone_numbers_with_preferred_region(rlibphonenumber::Region::US)
        .map(|m| {
            m.number
                .format_as(rlibphonenumber::PhoneNumberFormat::E164)
                .into_owned()
        })
        .collect()
}

/// rlibphonenumber's parse + E.164 format (region US).
pub fn rlib_normalize(input: &str) -> Option<String> {
    rlibphonenumber::PhoneNumber::parse(input, Some(rlibphonenumber::Region::US))
        .ok()
        .map(|n| {
            n.format_as(rlibphonenumber::PhoneNumberFormat::E164)
                .into_owned()
        })
}

/// The `phonenumber` crate's parse + E.164 format (region US). It has no text matcher.
pub fn phonenumber_normalize(input: &str) -> Option<String> {
    phonenumber::parse(Some(phonenumber::country::Id::US), input)
        .ok()
        .map(|n| n.format().mode(phonenumber::Mode::E164).to_string())
}
