//! Domain parsing never panics, and a canonical domain is stable: analysing it again gives
//! the same domain.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phonestorm_core::domain::{DomainConfig, SiteKind, analyze, canonical_domain};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let cfg = DomainConfig::default();
    if let Ok(info) = analyze(s, &cfg) {
        if matches!(info.kind, SiteKind::Own) {
            let again = canonical_domain(&info.domain);
            assert_eq!(again.as_deref(), Ok(info.domain.as_str()), "{s:?}");
        }
    }
});
