//! The tokens [`super::walk`] reads, built straight from html5gum's tokenizer callbacks.
//!
//! html5gum's default emitter builds general-purpose tokens (a `BTreeMap` of attributes,
//! spans, comments, doctypes, a parse-error token per malformed character). The walk needs
//! far less: tag names, a few attributes and text. This emitter keeps only that, which
//! halves the tokenizer's share of the work and, in WebAssembly, the code run on a cold call.

use std::collections::VecDeque;

use std::convert::Infallible;

use html5gum::{Emitter, Error, Readable, Reader, State, StringReader, naive_next_state};

/// Most attributes kept per start tag (the rest are ignored): bounds the duplicate check.
pub const MAX_ATTRIBUTES: usize = 64;

/// One token of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A start tag: lower-case name, attributes (first of duplicates kept), `/>`.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    /// An end tag's lower-case name.
    End(String),
    /// A run of text (character references decoded).
    Text(String),
}

/// The emitter: collects the current tag and text, queues finished tokens.
#[derive(Default)]
pub struct Lean {
    queue: VecDeque<Tok>,
    text: Vec<u8>,
    name: Vec<u8>,
    is_end: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
    in_attr: bool,
    attr_name: Vec<u8>,
    attr_value: Vec<u8>,
    /// For raw-text elements: the end tag that closes them is the one named so.
    last_start_tag: Vec<u8>,
}

/// html5gum's string reader with its methods kept out of line.
///
/// The tokenizer's state functions call the reader from many places, and html5gum marks
/// the reader's methods `#[inline(always)]`, so each state function carried several copies
/// of the chunked byte search. In WebAssembly that made the text state's function about
/// 10 KB: code V8 compiles on a cold call, then again with its optimising compiler once the
/// function is hot. Calling the search instead halves the tokenizer's code and costs one
/// call per chunk of text. Only on wasm32 (see [`PageReader`]).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub struct OutOfLineReader<'a>(StringReader<'a>);

/// The reader the page walk tokenizes with: [`OutOfLineReader`] on wasm32, html5gum's own
/// reader elsewhere, where the inlined copies cost nothing at start-up and the wrapper cost
/// about 12 % of HTML throughput (`benches/` `compare-rust`, 36.4 vs 32.4 ms on 4 MB).
#[cfg(target_arch = "wasm32")]
pub type PageReader<'a> = OutOfLineReader<'a>;
/// The reader the page walk tokenizes with: see the wasm32 definition.
#[cfg(not(target_arch = "wasm32"))]
pub type PageReader<'a> = StringReader<'a>;

/// A [`PageReader`] over `html`.
pub fn page_reader(html: &str) -> PageReader<'_> {
    #[cfg(target_arch = "wasm32")]
    return OutOfLineReader::new(html);
    #[cfg(not(target_arch = "wasm32"))]
    return html.to_reader();
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl<'a> OutOfLineReader<'a> {
    /// Reads `html`.
    pub fn new(html: &'a str) -> Self {
        OutOfLineReader(html.to_reader())
    }
}

impl Reader for OutOfLineReader<'_> {
    type Error = Infallible;

    #[inline(never)]
    fn read_byte(&mut self) -> Result<Option<u8>, Infallible> {
        self.0.read_byte()
    }

    #[inline(never)]
    fn try_read_string(&mut self, s: &[u8], case_sensitive: bool) -> Result<bool, Infallible> {
        self.0.try_read_string(s, case_sensitive)
    }

    #[inline(never)]
    fn read_until<'b>(
        &'b mut self,
        needle: &[u8],
        char_buf: &'b mut [u8; 4],
    ) -> Result<Option<&'b [u8]>, Infallible> {
        self.0.read_until(needle, char_buf)
    }
}

/// The tokenizer's bytes as a string (they come from a `&str`, so the lossy copy is only a
/// fallback).
fn owned(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

impl Lean {
    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.queue.push_back(Tok::Text(owned(text)));
        }
    }

    fn finish_attr(&mut self) {
        if !self.in_attr {
            return;
        }
        self.in_attr = false;
        let name = std::mem::take(&mut self.attr_name);
        let value = std::mem::take(&mut self.attr_value);
        if self.is_end || name.is_empty() || self.attrs.len() >= MAX_ATTRIBUTES {
            return;
        }
        let name = owned(name);
        if !self.attrs.iter().any(|(k, _)| *k == name) {
            self.attrs.push((name, owned(value)));
        }
    }
}

impl Emitter for Lean {
    type Token = Tok;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_text();
    }

    fn emit_error(&mut self, _: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Tok> {
        self.queue.pop_front()
    }

    fn emit_string(&mut self, c: &[u8]) {
        self.text.extend_from_slice(c);
    }

    fn init_start_tag(&mut self) {
        self.name.clear();
        self.attrs.clear();
        self.is_end = false;
        self.self_closing = false;
        self.in_attr = false;
    }

    fn init_end_tag(&mut self) {
        self.name.clear();
        self.attrs.clear();
        self.is_end = true;
        self.in_attr = false;
    }

    fn init_comment(&mut self) {
        self.flush_text();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attr();
        self.flush_text();
        let name = std::mem::take(&mut self.name);
        if self.is_end {
            self.last_start_tag.clear();
            self.queue.push_back(Tok::End(owned(name)));
            None
        } else {
            self.last_start_tag.clone_from(&name);
            let next = naive_next_state(&name);
            self.queue.push_back(Tok::Start {
                name: owned(name),
                attrs: std::mem::take(&mut self.attrs),
                self_closing: self.self_closing,
            });
            next
        }
    }

    fn emit_current_comment(&mut self) {}

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {
        self.self_closing = !self.is_end;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.name.extend_from_slice(s);
    }

    fn push_comment(&mut self, _: &[u8]) {}

    fn push_doctype_name(&mut self, _: &[u8]) {}

    fn init_doctype(&mut self) {
        self.flush_text();
    }

    fn init_attribute(&mut self) {
        self.finish_attr();
        self.in_attr = true;
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        self.attr_name.extend_from_slice(s);
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        self.attr_value.extend_from_slice(s);
    }

    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.is_end && !self.last_start_tag.is_empty() && self.last_start_tag == self.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5gum::Tokenizer;

    fn tokens(html: &str) -> Vec<Tok> {
        Tokenizer::new_with_emitter(html, Lean::default())
            .flatten()
            .collect()
    }

    /// The wasm32 reader must tokenize exactly as html5gum's own.
    #[test]
    fn out_of_line_reader_gives_the_same_tokens() {
        let pages = [
            "<p class=a>Call <b>(305)</b> 234-5678</p><!-- x --><br/>",
            "<script>if (a < b) { x = '</p>'; }</script><style>p{}</style>tail",
            "<textarea>1 < 2 &amp; 3</textarea><title>T&eacute;l</title>",
            "<a href='tel:+13052345678' data-x=\"\u{0}\">caf\u{e9} \u{1F4DE}</a><",
            "<!DOCTYPE html><svg><![CDATA[x]]></svg><p a b=c d='e'>",
            "",
        ];
        for html in pages {
            let ours: Vec<Tok> =
                Tokenizer::new_with_emitter(OutOfLineReader::new(html), Lean::default())
                    .flatten()
                    .collect();
            assert_eq!(ours, tokens(html), "{html:?}");
            assert!(!ours.is_empty() || html.is_empty());
        }
    }

    fn start(name: &str, attrs: &[(&str, &str)]) -> Tok {
        Tok::Start {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
            self_closing: false,
        }
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            tokens(r#"<!doctype html><A Href="tel:1" href=x CLASS=a>x &amp; y</a><!-- c -->z"#),
            [
                start("a", &[("href", "tel:1"), ("class", "a")]),
                Tok::Text("x & y".into()),
                Tok::End("a".into()),
                Tok::Text("z".into()),
            ]
        );
    }

    #[test]
    fn raw_text_ends_only_at_its_own_end_tag() {
        assert_eq!(
            tokens("<script>a</b></script >c"),
            [
                start("script", &[]),
                Tok::Text("a</b>".into()),
                Tok::End("script".into()),
                Tok::Text("c".into()),
            ]
        );
    }

    #[test]
    fn self_closing_and_attribute_cap() {
        let many: String = (0..200).map(|i| format!(" a{i}=v")).collect();
        let toks = tokens(&format!("<br/><p{many}>"));
        assert!(matches!(&toks[0], Tok::Start { name, self_closing: true, .. } if name == "br"));
        let Tok::Start { attrs, .. } = &toks[1] else {
            panic!("expected a start tag, got {:?}", toks[1]);
        };
        assert_eq!(attrs.len(), MAX_ATTRIBUTES);
        assert_eq!(attrs[0], ("a0".into(), "v".into()));
    }
}
