//! The light HTML tree walk shared by phone and email extraction.
//!
//! Pages are tokenized by `html5gum` (the WHATWG tokenizer, through our lean emitter in
//! [`tokens`]: character references decoded,
//! attributes read as browsers read them, `<script>`/`<style>`/`<title>` contents as raw
//! text), and [`walk`] rebuilds the element nesting from the tokens with the parts of the
//! HTML tree builder that decide where text sits:
//!
//! - void elements (`<br>`, `<img>`, `<meta>`…) have no content;
//! - a block start closes an open `<p>`; `<li>`, `<dd>`/`<dt>`, `<tr>`, `<td>`/`<th>`,
//!   `<option>` and headings close an open sibling of their kind; `<a>` closes an open `<a>`;
//! - an end tag closes every element opened after its match; an end tag with no open match
//!   is ignored, and an inline end tag (`</b>`) never closes past a block element;
//! - `</html>`, `</body>` and `</head>` close nothing (browsers keep adding later content to
//!   the body, inside whatever is still open).
//!
//! Why not the full tree builder (html5ever, through `scraper`): extraction only needs the
//! nesting of regions (footer, header, headings, links), and the tree builder's code and
//! allocations were most of the WebAssembly module's cold start (README, "Figures").
//! `scraper` stays where CSS selectors are the point (`audit`).
//!
//! Bounds: the walk is linear in the input. Elements nested deeper than the caller's limit,
//! at most [`MAX_DEPTH`], are not entered (their text is dropped), so end-tag matching scans
//! at most that many open elements.

mod tokens;

use html5gum::Tokenizer;
use tokens::{Lean, Tok, page_reader};

/// Deepest element nesting entered.
pub const MAX_DEPTH: usize = 512;

/// Most quoted attribute values one tag may carry; the page is read up to a tag with more.
/// html5gum 0.9 tokenizes a run of `name="value"` attributes through a cycle of directly
/// called states, one group of stack frames per attribute (about 0.5 KB optimised, 10 KB in
/// a debug build), so a tag with thousands of them overflows the stack (natively an abort;
/// in WebAssembly, memory corruption). Real tags carry a handful.
pub const MAX_TAG_ATTRIBUTES: usize = tokens::MAX_ATTRIBUTES;

/// Where `html` must be cut so that no tag hands the tokenizer more than
/// [`MAX_TAG_ATTRIBUTES`] values: the start of the first tag with more (or the length).
/// Counted: every `=` followed (after spaces) by a quote inside what looks like a tag, with
/// quoted runs skipped whole, until the `>` that closes it (or the end of the page).
fn attribute_bomb_cut(html: &str) -> usize {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + p;
        i = start + 1;
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut values = 0usize;
        while let Some(&c) = b.get(i) {
            i += 1;
            match c {
                b'>' => break,
                b'=' => {
                    let next = b[i..].iter().find(|c| !c.is_ascii_whitespace());
                    if matches!(next, Some(b'"' | b'\'')) {
                        values += 1;
                        if values > MAX_TAG_ATTRIBUTES {
                            return start;
                        }
                    }
                }
                b'"' | b'\'' => {
                    i = b[i..]
                        .iter()
                        .position(|&q| q == c)
                        .map_or(b.len(), |q| i + q + 1);
                }
                _ => {}
            }
        }
    }
    b.len()
}

/// A start tag: its lower-case name and attributes (values decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Element {
    /// The tag name, lower-case.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value of an attribute (name lower-case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Whether an element is a JSON-LD block: `<script type="application/ld+json">`, with or
/// without parameters (`; charset=utf-8`). One rule for every extractor that reads them.
pub fn is_json_ld(el: &Element) -> bool {
    el.name() == "script"
        && el.attr("type").is_some_and(|t| {
            let media = t.split(';').next().unwrap_or_default();
            media.trim().eq_ignore_ascii_case("application/ld+json")
        })
}

/// `s` without an ASCII `prefix` matched case-insensitively (`None` when it does not start
/// so; never slices inside a multi-byte character). For URL schemes and attribute values.
pub fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Decodes `%XX` escapes in an href (invalid escapes are kept as written; bytes that are
/// not UTF-8 become U+FFFD).
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// What the walk does with an element's content.
pub enum Open<F> {
    /// Walk its children; [`Visitor::close`] gets the frame back when it ends.
    Enter(F),
    /// Collect its text content (tags inside are dropped) for [`Visitor::captured`].
    Capture(F),
    /// Ignore it and everything inside.
    Skip,
}

/// Receives a page's elements and text in document order.
pub trait Visitor {
    /// What the visitor keeps about an open element until it closes.
    type Frame;
    /// An element starts (void elements are closed right after).
    fn open(&mut self, el: &Element) -> Open<Self::Frame>;
    /// Text inside the currently open elements.
    fn text(&mut self, text: &str);
    /// An entered element ends (explicitly, implicitly or at the end of the page).
    fn close(&mut self, frame: Self::Frame);
    /// The text content of an element opened with [`Open::Capture`].
    fn captured(&mut self, frame: Self::Frame, text: String);
}

/// Walks `html` once, calling `visitor` for each element and text run. Elements nested
/// deeper than `max_depth` (or [`MAX_DEPTH`], whichever is less) are not entered.
///
/// ```
/// use phonestorm_core::html::{walk, Element, Open, Visitor};
/// // Collects the text of each `<footer>`, whether or not its tags are closed.
/// #[derive(Default)]
/// struct Footers { depth: usize, text: String }
/// impl Visitor for Footers {
///     type Frame = bool;
///     fn open(&mut self, el: &Element) -> Open<bool> {
///         let footer = el.name() == "footer";
///         self.depth += usize::from(footer);
///         Open::Enter(footer)
///     }
///     fn text(&mut self, t: &str) { if self.depth > 0 { self.text.push_str(t) } }
///     fn close(&mut self, footer: bool) { self.depth -= usize::from(footer) }
///     fn captured(&mut self, _: bool, _: String) {}
/// }
/// let mut v = Footers::default();
/// walk("<p>a<footer><p>b &amp; <b>c</p></footer>d", 64, &mut v);
/// assert_eq!(v.text, "b & c");
/// ```
pub fn walk<V: Visitor>(html: &str, max_depth: usize, visitor: &mut V) {
    let html = &html[..attribute_bomb_cut(html)];
    let mut tree = Tree {
        max_depth: max_depth.min(MAX_DEPTH),
        open: Vec::new(),
        overflow: 0,
        skip: None,
        capture: None,
    };
    let mut tokens = Tokenizer::new_with_emitter(page_reader(html), Lean::default()).flatten();
    while let Some(token) = next_token(&mut tokens) {
        tree.token(token, visitor);
    }
    if let Some((open, buf)) = tree.capture.take() {
        visitor.captured(open.frame, buf);
    }
    while let Some(open) = tree.open.pop() {
        visitor.close(open.frame);
    }
}

/// The tokenizer's next token, kept out of line: see [`Tree::token`].
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn next_token<I: Iterator<Item = Tok>>(tokens: &mut I) -> Option<Tok> {
    tokens.next()
}

/// Elements that never have content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose start closes an open `<p>` (the tree builder's list).
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "dd"
            | "dt"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

/// Block-level and table elements: text on either side of one does not run together, and
/// an inline end tag (`</b>`) does not close past one.
pub fn is_block(name: &str) -> bool {
    closes_p(name)
        || matches!(
            name,
            "body"
                | "button"
                | "caption"
                | "html"
                | "head"
                | "tbody"
                | "td"
                | "tfoot"
                | "th"
                | "thead"
                | "tr"
                | "select"
                | "object"
                | "template"
        )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Where a search of the open elements gives up.
#[derive(Clone, Copy)]
enum Stop {
    Never,
    Block,
    At(&'static [&'static str]),
}

struct OpenElement<F> {
    name: String,
    frame: F,
}

struct Tree<F> {
    /// Deepest nesting entered (at most [`MAX_DEPTH`]).
    max_depth: usize,
    open: Vec<OpenElement<F>>,
    /// Start tags seen beyond [`MAX_DEPTH`] and not yet ended.
    overflow: usize,
    /// A skipped element: its name and how many of its kind are open inside it.
    skip: Option<(String, usize)>,
    /// An element whose text is being collected.
    capture: Option<(OpenElement<F>, String)>,
}

impl<F> Tree<F> {
    /// Applies one token. Kept out of line, like [`next_token`], so that the loop in
    /// [`walk`] stays a few bytes long: in WebAssembly, V8 charges each loop iteration the
    /// loop body's size against the function's tier-up budget, and a loop body holding the
    /// whole tokenizer and tree inlined sent `walk`'s caller to the optimising compiler
    /// after a few hundred tokens, a background job that slowed a cold first call by more
    /// than it saved (`bench/coldstart.mjs`). Only on wasm32, like `tokens::PageReader`.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn token<V: Visitor<Frame = F>>(&mut self, token: Tok, visitor: &mut V) {
        match token {
            Tok::Start {
                name,
                attrs,
                self_closing,
            } => {
                if self.capture.is_some() {
                    return;
                }
                if let Some((skipped, nested)) = self.skip.as_mut() {
                    if *skipped == name && !self_closing {
                        *nested += 1;
                    }
                    return;
                }
                self.start(Element { name, attrs }, self_closing, visitor);
            }
            Tok::End(name) => self.end(&name, visitor),
            Tok::Text(text) => {
                if let Some((_, buf)) = self.capture.as_mut() {
                    buf.push_str(&text);
                } else if self.skip.is_none() && self.overflow == 0 {
                    visitor.text(&text);
                }
            }
        }
    }

    fn start<V: Visitor<Frame = F>>(&mut self, el: Element, self_closing: bool, v: &mut V) {
        let void = is_void(&el.name);
        if self.overflow > 0 {
            self.overflow += usize::from(!void);
            return;
        }
        self.implied_closes(&el.name, v);
        if self.open.len() >= self.max_depth {
            self.overflow += usize::from(!void);
            return;
        }
        // Self-closing is honoured only on foreign (SVG, MathML) roots, as in browsers.
        let closed = void || (self_closing && matches!(el.name.as_str(), "svg" | "math"));
        match v.open(&el) {
            Open::Enter(frame) if closed => v.close(frame),
            Open::Enter(frame) => self.open.push(OpenElement {
                name: el.name,
                frame,
            }),
            Open::Capture(frame) if void => v.captured(frame, String::new()),
            Open::Capture(frame) => {
                let open = OpenElement {
                    name: el.name,
                    frame,
                };
                self.capture = Some((open, String::new()));
            }
            Open::Skip if closed => {}
            Open::Skip => self.skip = Some((el.name, 0)),
        }
    }

    fn end<V: Visitor<Frame = F>>(&mut self, name: &str, v: &mut V) {
        if let Some((open, _)) = &self.capture {
            if open.name == name
                && let Some((open, text)) = self.capture.take()
            {
                v.captured(open.frame, text);
            }
            return;
        }
        if let Some((skipped, nested)) = self.skip.as_mut() {
            if skipped == name {
                if *nested == 0 {
                    self.skip = None;
                } else {
                    *nested -= 1;
                }
            }
            return;
        }
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        match name {
            "html" | "body" | "head" => {}
            // `</br>` is read as `<br>`, and `</p>` with no open `<p>` as an empty one.
            "br" => self.start(element("br"), false, v),
            "p" if self.find(&["p"], Stop::Never).is_none() => {
                let depth = self.open.len();
                self.start(element("p"), false, v);
                if self.open.len() > depth {
                    self.pop_to(depth, v);
                }
            }
            _ => {
                let stop = if is_block(name) {
                    Stop::Never
                } else {
                    Stop::Block
                };
                if let Some(at) = self.find(&[name], stop) {
                    self.pop_to(at, v);
                }
            }
        }
    }

    /// Closes what the start of `name` implicitly ends.
    fn implied_closes<V: Visitor<Frame = F>>(&mut self, name: &str, v: &mut V) {
        const SCOPE: Stop = Stop::At(&["html", "table", "td", "th", "button", "caption"]);
        if closes_p(name)
            && let Some(at) = self.find(&["p"], SCOPE)
        {
            self.pop_to(at, v);
        }
        let (targets, stop): (&[&str], Stop) = match name {
            "li" => (
                &["li"],
                Stop::At(&["ul", "ol", "table", "td", "th", "button"]),
            ),
            "dd" | "dt" => (
                &["dd", "dt"],
                Stop::At(&["dl", "table", "td", "th", "button"]),
            ),
            "a" => (&["a"], SCOPE),
            "tr" => (&["tr"], Stop::At(&["table", "tbody", "thead", "tfoot"])),
            "td" | "th" => (&["td", "th"], Stop::At(&["tr", "table"])),
            "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot"], Stop::At(&["table"])),
            "option" => (&["option"], Stop::At(&["select", "datalist"])),
            _ => return self.close_open_heading(name, v),
        };
        if let Some(at) = self.find(targets, stop) {
            self.pop_to(at, v);
        }
    }

    /// A heading starting right inside another heading closes it.
    fn close_open_heading<V: Visitor<Frame = F>>(&mut self, name: &str, v: &mut V) {
        if is_heading(name) && self.open.last().is_some_and(|o| is_heading(&o.name)) {
            self.pop_to(self.open.len() - 1, v);
        }
    }

    /// The index of the innermost open element named one of `targets`, searching outwards
    /// and giving up where `stop` says.
    fn find(&self, targets: &[&str], stop: Stop) -> Option<usize> {
        for (i, open) in self.open.iter().enumerate().rev() {
            let name = open.name.as_str();
            if targets.contains(&name) {
                return Some(i);
            }
            let stops = match stop {
                Stop::Never => false,
                Stop::Block => is_block(name),
                Stop::At(names) => names.contains(&name),
            };
            if stops {
                return None;
            }
        }
        None
    }

    /// Closes the open elements from the innermost down to index `at`, inclusive.
    fn pop_to<V: Visitor<Frame = F>>(&mut self, at: usize, v: &mut V) {
        while self.open.len() > at {
            if let Some(open) = self.open.pop() {
                v.close(open.frame);
            }
        }
    }
}

fn element(name: &str) -> Element {
    Element {
        name: name.to_owned(),
        attrs: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records the walk as a string: `<name>`, `</name>`, text, `[captured]`.
    #[derive(Default)]
    struct Trace(String, Vec<String>);

    impl Visitor for Trace {
        type Frame = String;
        fn open(&mut self, el: &Element) -> Open<String> {
            match el.name() {
                "script" | "title" => Open::Capture(el.name().to_owned()),
                "svg" | "template" => Open::Skip,
                name => {
                    self.0.push_str(&format!("<{name}>"));
                    Open::Enter(name.to_owned())
                }
            }
        }
        fn text(&mut self, t: &str) {
            self.0.push_str(t);
        }
        fn close(&mut self, name: String) {
            self.0.push_str(&format!("</{name}>"));
        }
        fn captured(&mut self, name: String, text: String) {
            self.1.push(format!("{name}:{text}"));
        }
    }

    fn trace(html: &str) -> (String, Vec<String>) {
        let mut t = Trace::default();
        walk(html, MAX_DEPTH, &mut t);
        (t.0, t.1)
    }

    #[test]
    fn implied_closes_follow_the_tree_builder() {
        assert_eq!(trace("<p>a<div>b").0, "<p>a</p><div>b</div>");
        assert_eq!(
            trace("<ul><li>a<li>b</ul>").0,
            "<ul><li>a</li><li>b</li></ul>"
        );
        assert_eq!(
            trace("<table><tr><td>a<td>b<tr><td>c</table>").0,
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        );
        assert_eq!(trace("<a>x<a>y").0, "<a>x</a><a>y</a>");
        assert_eq!(trace("<h1>a<h2>b").0, "<h1>a</h1><h2>b</h2>");
        assert_eq!(
            trace("<dl><dt>a<dd>b</dl>").0,
            "<dl><dt>a</dt><dd>b</dd></dl>"
        );
    }

    #[test]
    fn end_tags_close_to_their_match() {
        assert_eq!(
            trace("<footer><div><b>a</footer>b").0,
            "<footer><div><b>a</b></div></footer>b"
        );
        // An inline end tag does not close past a block; a stray end tag does nothing.
        assert_eq!(trace("<b><div>a</b>c</div>").0, "<b><div>ac</div></b>");
        assert_eq!(trace("a</span>b").0, "ab");
        assert_eq!(trace("a</br>b").0, "a<br></br>b");
        assert_eq!(trace("a</p>b").0, "a<p></p>b");
        assert_eq!(
            trace("<body><footer>a</body></html>b").0,
            "<body><footer>ab</footer></body>"
        );
    }

    #[test]
    fn void_raw_text_and_skipped_elements() {
        assert_eq!(trace("a<br>b<img src=x>c").0, "a<br></br>b<img></img>c");
        let (out, captured) = trace("<title>A &amp; B</title><script>if (a<b) x='</p>'</script>z");
        assert_eq!(out, "z");
        assert_eq!(captured, ["title:A & B", "script:if (a<b) x='</p>'"]);
        assert_eq!(trace("<svg><svg></svg><text>555</text></svg>ok").0, "ok");
        assert_eq!(trace("<svg/>ok").0, "ok");
        assert_eq!(trace("<template><p>x</template>ok").0, "ok");
        // An unterminated capture still reaches the visitor.
        assert_eq!(trace("<script>x").1, ["script:x"]);
    }

    #[test]
    fn attributes_are_decoded_and_lower_case() {
        #[derive(Default)]
        struct Attrs(Vec<Option<String>>);
        impl Visitor for Attrs {
            type Frame = ();
            fn open(&mut self, el: &Element) -> Open<()> {
                self.0.push(el.attr("href").map(str::to_owned));
                Open::Enter(())
            }
            fn text(&mut self, _: &str) {}
            fn close(&mut self, _: ()) {}
            fn captured(&mut self, _: (), _: String) {}
        }
        let mut a = Attrs::default();
        walk(r#"<A HREF="tel:+1&#51;05">x</A><b>"#, 8, &mut a);
        assert_eq!(a.0, [Some("tel:+1305".to_owned()), None]);
    }

    #[test]
    fn attribute_bombs_are_cut_before_the_tokenizer_sees_them() {
        // 50,000 quoted attributes overflowed html5gum's stack; the page is read up to there.
        let bomb = format!(
            "<p>before</p><div {}>after",
            "data-x=\"212\" ".repeat(50_000)
        );
        assert_eq!(attribute_bomb_cut(&bomb), "<p>before</p>".len());
        assert_eq!(trace(&bomb).0, "<p>before</p>");
        // A tag at the limit is kept, and quoted `=` / `>` do not count or end it.
        let ok = format!("<div {}>x", "a=\"b=>c\" ".repeat(MAX_TAG_ATTRIBUTES));
        assert_eq!(attribute_bomb_cut(&ok), ok.len());
        assert_eq!(trace(&ok).0, "<div>x</div>");
        // Unquoted values (no recursion there) do not count.
        let unquoted = format!("<a {}>x", "h=/p?a=1&b=2 ".repeat(1_000));
        assert_eq!(attribute_bomb_cut(&unquoted), unquoted.len());
        // Unterminated, at the end of the page: still cut.
        let tail = format!("x<a {}", "b='c' ".repeat(MAX_TAG_ATTRIBUTES + 1));
        assert_eq!(attribute_bomb_cut(&tail), 1);
    }

    #[test]
    fn json_ld_and_prefixes() {
        let script = |ty: &str| Element {
            name: "script".into(),
            attrs: vec![("type".into(), ty.into())],
        };
        assert!(is_json_ld(&script("application/ld+json")));
        assert!(is_json_ld(&script(" Application/LD+JSON; charset=utf-8")));
        assert!(!is_json_ld(&script("text/javascript")));
        assert!(!is_json_ld(&script("application/ld+json-patch")));
        assert_eq!(
            strip_prefix_ignore_case("MailTo:a@b", "mailto:"),
            Some("a@b")
        );
        assert_eq!(strip_prefix_ignore_case("ma\u{fffd}", "mailto:"), None);
        assert_eq!(strip_prefix_ignore_case("tel\u{fffd}:1", "tel:"), None);
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000) + "after";
        let (out, _) = trace(&deep);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert!(!out.contains("deep"));
        assert!(out.ends_with("after"));
    }
}
