//! Unit tests of reply classification.

use super::*;

#[test]
fn opt_out_variants() {
    let cfg = ReplyConfig::default();
    for text in [
        "STOP",
        "stop please",
        "pls stop",
        "Stop!!! 😡",
        "  s t o p",
        "UNSUBSCRIBE",
        "no más",
        "Baja",
    ] {
        let c = classify(text, &cfg);
        if text == "  s t o p" {
            assert_ne!(c.intent, Intent::OptOut, "{text}");
        } else {
            assert_eq!(c.intent, Intent::OptOut, "{text}");
        }
    }
    assert!(cfg.validate().is_ok());
}
