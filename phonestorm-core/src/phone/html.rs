//! Finding phone numbers in HTML, with where each was seen.
//!
//! [`extract_html`] walks the page once with [`crate::html::walk`] (the WHATWG tokenizer,
//! so attributes, entities and raw-text elements read as browsers read them, with the tree
//! builder's implied closes for tag soup):
//!
//! - `<a href="tel:…">`, `sms:`, `smsto:`, `callto:` links → [`Placement::TelLink`]; odd hrefs
//!   are read (`tel://`, `tel:%2B1…`, spaces, `;ext=12`, `;phone-context=…`, `sms:…?body=`).
//! - schema.org `telephone` / `faxNumber` in JSON-LD (`@graph`, arrays, nested objects,
//!   several blocks; a broken block falls back to a plain scan of its `"telephone"` strings
//!   and never stops the others), microdata (`itemprop`) and RDFa (`property`) →
//!   [`Placement::Schema`].
//! - visible text: the text of inline elements is joined, so a number split across tags
//!   (`<span>(305)</span> <span>234-5678</span>`) is found; block elements break the text.
//!   Text inside `<footer>` (or an element whose id/class says footer) → [`Placement::Footer`];
//!   `<header>`, `<nav>` and top bars → [`Placement::Header`]; `<h1>`…`<h6>` and
//!   call-to-action text ("Call Now:", "Call us today") → [`Placement::Heading`]; anything
//!   else → [`Placement::Body`].
//! - `<script>`, `<style>`, `<noscript>`, `<template>`, comments and attributes (other than
//!   the link hrefs and schema attributes above) are never read as text.
//!
//! A number inside a tel: link is reported twice: once as the link (its href) and once where
//! its visible text sits (e.g. the footer). The label beside each number gives its
//! [`Role`] (see [`super::label`]); `sms:` links are [`Role::Sms`].
//!
//! ## Bounds
//!
//! Input beyond [`MAX_HTML_BYTES`] is cut off (at a char boundary) before parsing; elements
//! nested deeper than [`MAX_DEPTH`] are skipped; at most [`MAX_SIGHTINGS`] sightings are
//! returned; JSON-LD blocks larger than [`MAX_JSONLD_BYTES`] are not parsed and JSON values
//! nested deeper than [`MAX_JSON_DEPTH`] are not walked.

use crate::html::{Element, Open, Visitor};

use super::label::{last_label_role, role_near};
use super::page::page_kind;
use super::text::find_in_text;
use super::types::{PageKind, Placement, Role, Sighting};

/// Most bytes of HTML read; the rest of a larger page is ignored.
pub const MAX_HTML_BYTES: usize = 4 * 1024 * 1024;
/// Deepest element nesting walked (deeper elements' text is not read).
pub const MAX_DEPTH: usize = 256;
/// Most sightings returned per page.
pub const MAX_SIGHTINGS: usize = 1_000;
/// Largest JSON-LD block parsed.
pub const MAX_JSONLD_BYTES: usize = 512 * 1024;
/// Deepest JSON nesting walked inside a JSON-LD block.
pub const MAX_JSON_DEPTH: usize = 32;

/// Options for [`extract_html`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// The page URL: recorded on each sighting and used for the page kind.
    pub base_url: Option<String>,
    /// The page kind, when the caller knows it (otherwise guessed from URL and title).
    pub page_kind: Option<PageKind>,
}

/// Everything found on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageExtraction {
    /// The page kind (given, or from URL and title).
    pub page_kind: PageKind,
    /// The `<title>` text, whitespace collapsed.
    pub title: Option<String>,
    /// Every sighting, in document order within each kind (links, schema, then text).
    pub sightings: Vec<Sighting>,
}

/// Finds every phone number on an HTML page, with where it was seen.
///
/// ```
/// use phonestorm_core::phone::html::{extract_html, HtmlOptions};
/// use phonestorm_core::phone::{PageKind, Placement, Role};
///
/// let html = r#"<html><head><title>Contact Us</title></head><body>
///   <h2>Call Now: <span>(305)</span>&nbsp;<span>234-5678</span></h2>
///   <footer>Fax: 305.234.5679 <a href="tel:+13052345678">Call</a></footer>
///   <script>var x = "786-321-4567";</script>
/// </body></html>"#;
/// let page = extract_html(html, &HtmlOptions::default());
/// assert_eq!(page.page_kind, PageKind::Contact);
/// let seen: Vec<_> = page.sightings.iter()
///     .map(|s| (s.number.e164.as_str(), s.placement, s.role))
///     .collect();
/// assert!(seen.contains(&("+13052345678", Placement::TelLink, Role::Main)));
/// assert!(seen.contains(&("+13052345678", Placement::Heading, Role::Main)));
/// assert!(seen.contains(&("+13052345679", Placement::Footer, Role::Fax)));
/// assert!(!seen.iter().any(|s| s.0 == "+17863214567"));
/// ```
pub fn extract_html(html: &str, opts: &HtmlOptions) -> PageExtraction {
    let mut cut = html.len().min(MAX_HTML_BYTES);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut walk = Walk {
        text: String::new(),
        segs: Vec::new(),
        links: Vec::new(),
        schema: Vec::new(),
        jsonld: Vec::new(),
        title: None,
        place: Placement::Body,
    };
    crate::html::walk(&html[..cut], MAX_DEPTH, &mut walk);

    let title = walk
        .title
        .as_deref()
        .map(collapse)
        .filter(|t| !t.is_empty());
    let kind = opts
        .page_kind
        .unwrap_or_else(|| page_kind(opts.base_url.as_deref(), title.as_deref()));
    let mut out = Out {
        sightings: Vec::new(),
        page_kind: kind,
        page: opts.base_url.clone(),
    };
    let text_matches = find_in_text(&walk.text);
    for link in &walk.links {
        let role = if link.sms {
            Role::Sms
        } else {
            // A label in the link text itself ("Fax us", "Text"), else the label before the
            // link, not looking past the previous number.
            let end = walk.text.len().min(link.text_end);
            let start = link.text_start.min(end);
            let inside = last_label_role(&walk.text[start..end]);
            let floor = text_matches
                .iter()
                .take_while(|m| m.end <= start)
                .last()
                .map_or(0, |m| m.end);
            inside.unwrap_or_else(|| role_near(&walk.text, start, end, floor))
        };
        if let Some(m) = find_in_text(&link.value).into_iter().next() {
            out.push(m.number, link.raw.clone(), Placement::TelLink, role);
        }
    }
    for (raw, role) in &walk.schema {
        for m in find_in_text(raw).into_iter().take(4) {
            out.push(m.number, m.raw, Placement::Schema, *role);
        }
    }
    for block in &walk.jsonld {
        jsonld(block, &mut out);
    }
    let mut prev_end = 0;
    for m in text_matches {
        let at = walk.segs.partition_point(|s| s.0 <= m.start);
        let mut placement = walk.segs[..at].last().map_or(Placement::Body, |s| s.1);
        if placement == Placement::Body && call_to_action_before(&walk.text, m.start, prev_end) {
            placement = Placement::Heading;
        }
        let role = role_near(&walk.text, m.start, m.end, prev_end);
        prev_end = m.end;
        out.push(m.number, m.raw, placement, role);
    }
    PageExtraction {
        page_kind: kind,
        title,
        sightings: out.sightings,
    }
}

struct Out {
    sightings: Vec<Sighting>,
    page_kind: PageKind,
    page: Option<String>,
}

impl Out {
    fn push(&mut self, number: super::PhoneNumber, raw: String, placement: Placement, role: Role) {
        if self.sightings.len() < MAX_SIGHTINGS {
            self.sightings.push(Sighting {
                number,
                raw,
                placement,
                role,
                page_kind: self.page_kind,
                page: self.page.clone(),
            });
        }
    }
}

/// A tel:/sms: link: its decoded number text, and where its visible text sits.
struct Link {
    raw: String,
    value: String,
    sms: bool,
    text_start: usize,
    text_end: usize,
}

struct Walk {
    /// Visible text; block elements are separated by `\n`, whitespace collapsed.
    text: String,
    /// (offset in `text`, placement from there on), ascending.
    segs: Vec<(usize, Placement)>,
    links: Vec<Link>,
    /// (schema value, role) from microdata / RDFa.
    schema: Vec<(String, Role)>,
    jsonld: Vec<String>,
    title: Option<String>,
    /// The placement of text at the current point of the walk.
    place: Placement,
}

/// What to do when leaving an element.
enum Exit {
    Block,
    Inline,
    Link(usize),
    SchemaText(usize, Role),
}

/// What an open element needs back when it closes.
enum Frame {
    /// An element walked: what to do on leaving it, and the placement around it.
    Walked(Exit, Placement),
    Title,
    JsonLd,
}

impl Visitor for Walk {
    type Frame = Frame;

    fn open(&mut self, el: &Element) -> Open<Frame> {
        let name = el.name();
        match name {
            "script" if crate::html::is_json_ld(el) => return Open::Capture(Frame::JsonLd),
            "script" => return Open::Skip,
            "style" | "noscript" | "template" | "iframe" | "object" | "svg" | "math" | "select"
            | "textarea" => return Open::Skip,
            "title" if self.title.is_none() => return Open::Capture(Frame::Title),
            "title" => return Open::Skip,
            _ => {}
        }
        let outer = self.place;
        self.place = placement_of(el, outer);
        let mut exit = if is_block(name) {
            self.break_line();
            Exit::Block
        } else {
            Exit::Inline
        };
        if name == "br" {
            self.break_line();
        }
        if name == "a"
            && let Some(href) = el.attr("href")
            && let Some((value, sms)) = phone_href(href)
        {
            self.links.push(Link {
                raw: href.trim().to_owned(),
                value,
                sms,
                text_start: self.text.len(),
                text_end: self.text.len(),
            });
            exit = Exit::Link(self.links.len() - 1);
        }
        if let Some(role) = schema_role(el) {
            match el.attr("content") {
                Some(content) => self.schema.push((content.to_owned(), role)),
                None => exit = Exit::SchemaText(self.text.len(), role),
            }
        }
        Open::Enter(Frame::Walked(exit, outer))
    }

    fn text(&mut self, t: &str) {
        self.push_text(t, self.place);
    }

    fn close(&mut self, frame: Frame) {
        let Frame::Walked(exit, outer) = frame else {
            return;
        };
        self.place = outer;
        match exit {
            Exit::Block => self.break_line(),
            Exit::Inline => {}
            Exit::Link(i) => {
                if let Some(link) = self.links.get_mut(i) {
                    link.text_end = self.text.len();
                }
            }
            Exit::SchemaText(start, role) => {
                let value = self.text[start.min(self.text.len())..].trim().to_owned();
                if !value.is_empty() {
                    self.schema.push((value, role));
                }
            }
        }
    }

    fn captured(&mut self, frame: Frame, text: String) {
        match frame {
            Frame::Title => self.title = Some(text),
            Frame::JsonLd => self.jsonld.push(text),
            Frame::Walked(..) => {}
        }
    }
}

impl Walk {
    fn break_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            if self.text.ends_with(' ') {
                self.text.pop();
            }
            self.text.push('\n');
        }
    }

    /// Appends a text node, collapsing HTML whitespace (NBSP and other Unicode spaces are
    /// kept: the text scanner reads them as spaces).
    fn push_text(&mut self, t: &str, place: Placement) {
        if self.segs.last().is_none_or(|s| s.1 != place) {
            self.segs.push((self.text.len(), place));
        }
        // HTML whitespace is ASCII, so byte positions are char boundaries.
        let is_space = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0c);
        let mut rest = t;
        while !rest.is_empty() {
            let word = rest
                .bytes()
                .position(|b| is_space(&b))
                .unwrap_or(rest.len());
            self.text.push_str(&rest[..word]);
            rest = &rest[word..];
            let spaces = rest
                .bytes()
                .position(|b| !is_space(&b))
                .unwrap_or(rest.len());
            if spaces > 0 && !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                self.text.push(' ');
            }
            rest = &rest[spaces..];
        }
    }
}

/// Whether the element breaks the flow of text (so numbers are not joined across it):
/// blocks, and the replaced elements that sit between two runs of text.
fn is_block(name: &str) -> bool {
    crate::html::is_block(name) || matches!(name, "img" | "input" | "option")
}

/// The placement inside an element, given the placement around it.
/// Footer > header > heading > body: the outer region wins over a heading inside it.
fn placement_of(el: &Element, outer: Placement) -> Placement {
    if matches!(outer, Placement::Footer) {
        return outer;
    }
    let name = el.name();
    let attr_says = |words: &[&str]| {
        ["id", "class", "role"].iter().any(|a| {
            el.attr(a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                words.iter().any(|w| v.contains(w))
            })
        })
    };
    if name == "footer" || attr_says(&["footer", "contentinfo"]) {
        return Placement::Footer;
    }
    if outer == Placement::Header {
        return outer;
    }
    if matches!(name, "header" | "nav")
        || attr_says(&[
            "header", "topbar", "top-bar", "top_bar", "navbar", "masthead", "banner",
        ])
    {
        return Placement::Header;
    }
    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        return Placement::Heading;
    }
    outer
}

/// The schema.org role of a microdata / RDFa property, if it names a phone number.
fn schema_role(el: &Element) -> Option<Role> {
    ["itemprop", "property"].iter().find_map(|a| {
        let v = el.attr(a)?;
        v.split_ascii_whitespace().find_map(|p| {
            let p = p.rsplit(['/', ':', '#']).next().unwrap_or(p);
            if p.eq_ignore_ascii_case("telephone") {
                Some(Role::Main)
            } else if p.eq_ignore_ascii_case("faxNumber") {
                Some(Role::Fax)
            } else {
                None
            }
        })
    })
}

/// The number text of a `tel:` / `sms:` / `smsto:` / `callto:` href (percent-decoded,
/// scheme and parameters other than `ext` removed) and whether it is an SMS link.
fn phone_href(href: &str) -> Option<(String, bool)> {
    let h = href.trim();
    let lower: String = h.chars().take(8).collect::<String>().to_ascii_lowercase();
    let (skip, sms) = ["tel:", "sms:", "smsto:", "callto:"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map(|s| (s.len(), !s.starts_with("tel") && !s.starts_with("call")))?;
    let rest = h.get(skip..)?;
    let rest = rest.trim_start_matches('/');
    let mut end = rest.len().min(256);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let decoded = crate::html::percent_decode(&rest[..end]);
    let mut value = decoded.split(['?', '&']).next().unwrap_or("").to_owned();
    // Keep `;ext=12`, drop other parameters (`;phone-context=…`, `;isub=…`).
    if let Some(p) = value.find(';') {
        let params = value[p..].to_owned();
        value.truncate(p);
        for param in params.split(';') {
            if let Some(ext) = crate::html::strip_prefix_ignore_case(param, "ext=")
                && !ext.is_empty()
            {
                value.push_str(" ext. ");
                value.push_str(ext);
            }
        }
    }
    Some((value, sms))
}

/// "Call now", "Call us", "Call today", "Give us a call" shortly before the number, on the
/// same line of text.
fn call_to_action_before(text: &str, start: usize, floor: usize) -> bool {
    let b = text.as_bytes();
    let from = floor.max(start.saturating_sub(40));
    let window = &b[from..start];
    let line_start = window
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let window = &window[line_start..];
    const CTA: &[&str] = &[
        "call now",
        "call us",
        "call today",
        "give us a call",
        "call for",
        "call 24/7",
        "book now",
        "call anytime",
    ];
    CTA.iter().any(|p| {
        window
            .windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// Collapses whitespace runs to one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads `telephone` / `faxNumber` values from one JSON-LD block.
fn jsonld(block: &str, out: &mut Out) {
    if block.len() > MAX_JSONLD_BYTES {
        return;
    }
    match serde_json::from_str::<serde_json::Value>(block.trim()) {
        Ok(v) => walk_json(&v, 0, None, out),
        Err(_) => scan_broken_jsonld(block, out),
    }
}

fn walk_json(v: &serde_json::Value, depth: usize, role: Option<Role>, out: &mut Out) {
    use serde_json::Value;
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match v {
        Value::String(s) => {
            if let Some(role) = role {
                for m in find_in_text(s).into_iter().take(4) {
                    out.push(m.number, m.raw, Placement::Schema, role);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                walk_json(item, depth + 1, role, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let key = k.rsplit([':', '/']).next().unwrap_or(k);
                let role = match key {
                    "telephone" => Some(Role::Main),
                    "faxNumber" => Some(Role::Fax),
                    _ => None,
                };
                walk_json(item, depth + 1, role, out);
            }
        }
        _ => {}
    }
}

/// A JSON-LD block that does not parse: read the string after each `"telephone"` /
/// `"faxNumber"` key.
fn scan_broken_jsonld(block: &str, out: &mut Out) {
    for (key, role) in [("\"telephone\"", Role::Main), ("\"faxNumber\"", Role::Fax)] {
        let mut from = 0;
        while let Some(p) = block[from..].find(key) {
            let after = &block[from + p + key.len()..];
            from += p + key.len();
            let after = after.trim_start();
            let Some(after) = after.strip_prefix(':') else {
                continue;
            };
            let after = after.trim_start();
            let Some(after) = after.strip_prefix('"') else {
                continue;
            };
            let end = after.find('"').unwrap_or(after.len()).min(64);
            let mut cut = end;
            while !after.is_char_boundary(cut) {
                cut -= 1;
            }
            for m in find_in_text(&after[..cut]).into_iter().take(1) {
                out.push(m.number, m.raw, Placement::Schema, role);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hostile_inputs_are_bounded() {
        let deep = "<div>".repeat(100_000) + "305-234-5678";
        let page = extract_html(&deep, &HtmlOptions::default());
        assert!(page.sightings.len() <= 1);
        let many = "<p>305-234-5678</p>".repeat(5_000);
        let page = extract_html(&many, &HtmlOptions::default());
        assert_eq!(page.sightings.len(), MAX_SIGHTINGS);
        let huge = "a".repeat(MAX_HTML_BYTES + 10) + "<p>305-234-5678</p>";
        assert!(
            extract_html(&huge, &HtmlOptions::default())
                .sightings
                .is_empty()
        );
        let nested_json = format!(
            "<script type=\"application/ld+json\">{}\"x\"{}</script>",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(
            extract_html(&nested_json, &HtmlOptions::default())
                .sightings
                .is_empty()
        );
    }

    #[test]
    fn href_forms() {
        assert_eq!(
            phone_href("tel:%2B13052345678"),
            Some(("+13052345678".into(), false))
        );
        assert_eq!(phone_href("sms:305?body=hi"), Some(("305".into(), true)));
        assert_eq!(
            phone_href("tel:+1305;ext=9;isub=1"),
            Some(("+1305 ext. 9".into(), false))
        );
        assert_eq!(phone_href("mailto:a@b.c"), None);
        assert_eq!(phone_href("tel:%E2%82"), Some(("\u{fffd}".into(), false)));
        // Only the first 256 bytes are read, cut at a char boundary (found by cargo-fuzz:
        // an href of NULs, which the tokenizer turns into 3-byte U+FFFD).
        let long = format!("sms:{}", "\u{fffd}".repeat(100));
        let (value, sms) = phone_href(&long).unwrap();
        assert_eq!(
            phone_href("tel:305;\u{fffd}t=1;EXT=9"),
            Some(("305 ext. 9".into(), false))
        );
        assert!(sms);
        assert_eq!(value, "\u{fffd}".repeat(85));
    }

    proptest! {
        #[test]
        fn never_panics(html in "(<[a-z/]{0,6}( [a-z]{1,5}=\"[a-z:0-9+ -]{0,12}\")?>|[0-9() .+-]{1,14}|&[a-z#0-9]{1,6};|[a-zA-Z :]{1,8}){0,40}") {
            let page = extract_html(&html, &HtmlOptions::default());
            prop_assert!(page.sightings.len() <= MAX_SIGHTINGS);
            for s in &page.sightings {
                prop_assert!(s.number.e164.starts_with('+'));
            }
        }

        #[test]
        fn never_panics_any_text(html in "\\PC{0,300}") {
            let _ = extract_html(&html, &HtmlOptions::default());
        }
    }
}
