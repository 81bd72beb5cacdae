//! The README's Rust quick-start snippet, kept true.

#[test]
fn readme_quick_start() {
    use phonestorm_core::phone;

    let n = phone::normalize::normalize("(305) 234-5678 x12", "US").unwrap();
    assert_eq!(n.e164, "+13052345678");
    let found = phone::text::find_in_text("Call us at (305) 234-5678, not on 2024-03-15.");
    assert_eq!(found.len(), 1);
}
