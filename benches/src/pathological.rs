//! 1 MB hostile inputs: shapes that make backtracking matchers or naive scanners go
//! quadratic. phonestorm's text and HTML finders must stay linear on every one.

/// Size of each input.
pub const SIZE: usize = 1 << 20;

fn repeat_to(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
    }
    s
}

/// Hostile plain-text inputs: (name, text).
pub fn text_inputs() -> Vec<(&'static str, String)> {
    vec![
        ("digit_run", repeat_to("7", SIZE)),
        ("digits_spaced", repeat_to("2 ", SIZE)),
        ("dash_groups", repeat_to("212-", SIZE)),
        ("almost_numbers", repeat_to("(212) 456-789 ", SIZE)),
        ("open_parens", repeat_to("((((1", SIZE)),
        ("plus_ones", repeat_to("+1 ", SIZE)),
        ("ext_chain", repeat_to("212-456-7890 ext ", SIZE)),
        ("dot_digits", repeat_to("1.", SIZE)),
        (
            "unicode_dashes",
            repeat_to("2\u{2013}\u{00a0}\u{200b}", SIZE),
        ),
        ("fullwidth", repeat_to("\u{ff12}\u{ff11}\u{ff12}", SIZE)),
        ("valid_numbers", repeat_to("(212) 456-7890 ", SIZE)),
    ]
}

/// Hostile HTML inputs: (name, html).
pub fn html_inputs() -> Vec<(&'static str, String)> {
    vec![
        ("nested_divs", repeat_to("<div>", SIZE)),
        (
            "unclosed_comment",
            format!("<p>call 212-456-7890</p><!--{}", repeat_to("- -> ", SIZE)),
        ),
        ("tel_links", repeat_to("<a href=\"tel:+1212456789", SIZE)),
        (
            "jsonld_nesting",
            format!(
                "<script type=\"application/ld+json\">{}</script>",
                repeat_to("[{\"telephone\":", SIZE)
            ),
        ),
        ("entity_soup", repeat_to("&#x32;&#49;&amp;&#xZZ;&", SIZE)),
        ("split_digits", repeat_to("<span>2</span>", SIZE)),
        (
            "attributes",
            format!("<div {}>", repeat_to("data-x=\"212-456-7890\" ", SIZE)),
        ),
        ("open_tags", repeat_to("<", SIZE)),
        (
            "text_in_body",
            format!(
                "<body>{}</body>",
                repeat_to("Call (212) 456-7890 now. ", SIZE)
            ),
        ),
    ]
}
