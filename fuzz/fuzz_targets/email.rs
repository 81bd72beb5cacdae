//! Email extraction never panics on arbitrary text or HTML, and every address it returns
//! validates again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phonestorm_core::email::{EmailConfig, EmailOptions, extract_emails, extract_emails_text, validate_email};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let cfg = EmailConfig::default();
    for f in extract_emails_text(s, &cfg).into_iter().chain(extract_emails(s, &EmailOptions::default(), &cfg)) {
        assert!(validate_email(&f.email, &cfg).is_ok(), "{:?}", f.email);
    }
});
