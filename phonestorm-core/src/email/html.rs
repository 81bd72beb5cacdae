//! Addresses in HTML: links, Cloudflare protection, schema.org and visible text, each with
//! its placement (footer, header, heading, body, schema).

use super::text::candidates;
use super::{
    EmailConfig, EmailFinding, EmailSource, bounded, decode_cfemail, dedupe, validate_email,
};
use crate::html::{Element, Open, Visitor};
use crate::phone::{PageKind, Placement};
use serde::{Deserialize, Serialize};

/// What is known about the page being read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmailOptions {
    /// The page URL (recorded on findings; its path gives the page kind when none is set).
    pub base_url: Option<String>,
    /// The page kind, when the caller knows it.
    pub page_kind: Option<PageKind>,
}

/// Page kind from a URL path: `/` → home, `/contact...` → contact, `/about...` → about.
pub(crate) fn page_kind_of(url: Option<&str>) -> PageKind {
    let Some(url) = url else {
        return PageKind::Other;
    };
    let lower = url.to_ascii_lowercase();
    let after = lower.split_once("://").map(|x| x.1).unwrap_or(&lower);
    let path = after.find('/').map(|i| &after[i..]).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    if path.contains("contact") {
        PageKind::Contact
    } else if path.contains("about") {
        PageKind::About
    } else if matches!(
        path.trim_end_matches('/'),
        "" | "/index.html" | "/index.htm" | "/index.php" | "/home"
    ) {
        PageKind::Home
    } else {
        PageKind::Other
    }
}

/// Addresses in a `mailto:` URL (several may be separated by `,` or `;`; query dropped).
pub(crate) fn mailto_addresses(href: &str) -> Vec<String> {
    let Some(rest) = crate::html::strip_prefix_ignore_case(href.trim(), "mailto:") else {
        return Vec::new();
    };
    let rest = rest.split('?').next().unwrap_or("");
    crate::html::percent_decode(rest)
        .split([',', ';'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn placement_of(el: &Element) -> Option<Placement> {
    let name = el.name();
    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        return Some(Placement::Heading);
    }
    if name == "footer" {
        return Some(Placement::Footer);
    }
    if name == "header" || name == "nav" {
        return Some(Placement::Header);
    }
    let mut marks = String::new();
    for attr in ["id", "class", "role"] {
        if let Some(v) = el.attr(attr) {
            marks.push_str(&v.to_ascii_lowercase());
            marks.push(' ');
        }
    }
    if marks.contains("footer") || marks.contains("contentinfo") {
        Some(Placement::Footer)
    } else if marks.contains("header")
        || marks.contains("navbar")
        || marks.contains("topbar")
        || marks.contains("banner")
    {
        Some(Placement::Header)
    } else {
        None
    }
}

/// `email` values anywhere in a JSON-LD document (depth-bounded).
fn json_emails(v: &serde_json::Value, depth: usize, out: &mut Vec<String>) {
    if depth > 32 || out.len() > 100 {
        return;
    }
    match v {
        serde_json::Value::Object(map) => {
            for (k, val) in map {
                if k.eq_ignore_ascii_case("email") {
                    if let Some(s) = val.as_str() {
                        let s = s.trim();
                        let s = s.strip_prefix("mailto:").unwrap_or(s);
                        out.push(crate::html::percent_decode(s));
                    }
                }
                json_emails(val, depth + 1, out);
            }
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|i| json_emails(i, depth + 1, out))
        }
        _ => {}
    }
}

/// Where the walk is: candidates so far and the text run being collected.
struct Walk {
    raw: Vec<(String, EmailSource, Placement)>,
    place: Placement,
    /// Inside an `itemprop="email"` element.
    schema: bool,
    /// Text since the last block boundary, read as a whole (addresses split across inline
    /// tags are found).
    segment: String,
    segment_ctx: (Placement, bool),
}

/// What an open element restores when it closes.
enum Frame {
    Walked {
        place: Placement,
        schema: bool,
        inline: bool,
    },
    JsonLd,
}

impl Walk {
    fn flush(&mut self) {
        if !self.segment.trim().is_empty() {
            let (place, schema) = self.segment_ctx;
            for (cand, source) in candidates(&self.segment) {
                let source = if schema { EmailSource::Schema } else { source };
                let placement = if schema { Placement::Schema } else { place };
                self.raw.push((cand, source, placement));
            }
        }
        self.segment.clear();
    }
}

impl Visitor for Walk {
    type Frame = Frame;

    fn open(&mut self, el: &Element) -> Open<Frame> {
        let name = el.name();
        match name {
            "script" if crate::html::is_json_ld(el) => return Open::Capture(Frame::JsonLd),
            "script" => return Open::Skip,
            "style" | "noscript" | "template" | "svg" | "title" | "textarea" => {
                return Open::Skip;
            }
            _ => {}
        }
        let frame = Frame::Walked {
            place: self.place,
            schema: self.schema,
            inline: matches!(
                name,
                "a" | "span" | "b" | "strong" | "em" | "i" | "u" | "small" | "font" | "code"
            ),
        };
        let placement = placement_of(el).unwrap_or(self.place);
        self.place = placement;
        self.schema |= el
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("email"));
        if let Some(href) = el.attr("href") {
            let h = href.trim();
            if crate::html::strip_prefix_ignore_case(h, "mailto:")
                .is_some_and(|rest| !rest.is_empty())
            {
                for a in mailto_addresses(h) {
                    self.raw.push((a, EmailSource::Mailto, placement));
                }
            } else if let Some((_, frag)) = h.split_once("/cdn-cgi/l/email-protection#")
                && let Ok(a) = decode_cfemail(frag)
            {
                self.raw.push((a, EmailSource::Cloudflare, placement));
            }
        }
        if let Some(cf) = el.attr("data-cfemail")
            && let Ok(a) = decode_cfemail(cf)
        {
            self.raw.push((a, EmailSource::Cloudflare, placement));
        }
        if self.schema
            && let Some(c) = el.attr("content")
        {
            let c = c.trim();
            self.raw.push((
                c.strip_prefix("mailto:").unwrap_or(c).to_string(),
                EmailSource::Schema,
                Placement::Schema,
            ));
        }
        Open::Enter(frame)
    }

    fn text(&mut self, t: &str) {
        if (self.place, self.schema) != self.segment_ctx {
            self.flush();
            self.segment_ctx = (self.place, self.schema);
        }
        self.segment.push_str(t);
        self.segment.push(' ');
    }

    fn close(&mut self, frame: Frame) {
        if let Frame::Walked {
            place,
            schema,
            inline,
        } = frame
        {
            self.place = place;
            self.schema = schema;
            if !inline {
                self.flush();
            }
        }
    }

    fn captured(&mut self, frame: Frame, text: String) {
        if let Frame::JsonLd = frame
            && let Ok(v) = serde_json::from_str::<serde_json::Value>(&text)
        {
            let mut found = Vec::new();
            json_emails(&v, 0, &mut found);
            self.raw.extend(
                found
                    .into_iter()
                    .map(|a| (a, EmailSource::Schema, Placement::Schema)),
            );
        }
    }
}

/// Finds the addresses on one HTML page.
///
/// ```
/// use phonestorm_core::email::{extract_emails, EmailConfig, EmailOptions, EmailSource, EmailKind};
/// use phonestorm_core::phone::{PageKind, Placement};
/// let html = r#"<body><p>Email jane (at) joes.com</p>
///   <footer><a href="mailto:Info%40joes.com?subject=Quote">Write us</a>
///   <a class="__cf_email__" data-cfemail="422b2c242d02282d27316c212d2f">[email&#160;protected]</a></footer></body>"#;
/// let opts = EmailOptions { base_url: Some("https://joes.com/contact".into()), page_kind: None };
/// let found = extract_emails(html, &opts, &EmailConfig::default());
/// assert_eq!(found[0].email, "Info@joes.com");
/// assert_eq!((found[0].source, found[0].placement, found[0].kind), (EmailSource::Mailto, Placement::Footer, EmailKind::Role));
/// assert_eq!(found[0].page_kind, PageKind::Contact);
/// assert_eq!(found[1].email, "jane@joes.com");
/// assert_eq!(found.len(), 2); // the Cloudflare copy of info@ is a duplicate
/// ```
pub fn extract_emails(
    html: &str,
    options: &EmailOptions,
    config: &EmailConfig,
) -> Vec<EmailFinding> {
    let mut walk = Walk {
        raw: Vec::new(),
        place: Placement::Body,
        schema: false,
        segment: String::new(),
        segment_ctx: (Placement::Body, false),
    };
    crate::html::walk(
        bounded(html, config.max_input_bytes),
        config.max_nesting,
        &mut walk,
    );
    walk.flush();
    let page_kind = options
        .page_kind
        .unwrap_or_else(|| page_kind_of(options.base_url.as_deref()));
    let found = walk
        .raw
        .into_iter()
        .filter_map(|(cand, source, placement)| {
            let e = validate_email(&cand, config).ok()?;
            Some(EmailFinding {
                email: e.address,
                domain: e.domain,
                kind: e.kind,
                source,
                placement,
                page_kind,
                page: options.base_url.clone(),
                placeholder: e.placeholder,
            })
        })
        .collect();
    dedupe(found, config.max_results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_variants() {
        assert_eq!(
            mailto_addresses("mailto:a@b.com,c@d.com?cc=x@y.com"),
            ["a@b.com", "c@d.com"]
        );
        assert_eq!(
            mailto_addresses("MAILTO:%6Aane@joes.com"),
            ["jane@joes.com"]
        );
        assert_eq!(crate::html::percent_decode("100%"), "100%");
        // Found by cargo-fuzz: a multi-byte character where the scheme would end.
        assert!(mailto_addresses("tel\u{fffd}\u{fffd}:x").is_empty());
        let html = "<a href=\"tel\u{fffd}\u{fffd}:%2B1\">x</a> <a href=\"mAiLtO:a@joes.com\">y</a>";
        let f = extract_emails(html, &EmailOptions::default(), &EmailConfig::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].email, "a@joes.com");
    }

    #[test]
    fn script_text_ignored_but_json_ld_read() {
        let html = r#"<script>var dsn = "https://abc@o1.ingest.sentry.io/1"; var x = "bob@joes.com";</script>
            <script type="application/ld+json">{"@type":"Plumber","email":"mailto:office@joes.com"}</script>"#;
        let f = extract_emails(html, &EmailOptions::default(), &EmailConfig::default());
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].email.as_str(), f[0].source),
            ("office@joes.com", EmailSource::Schema)
        );
    }

    #[test]
    fn json_ld_with_a_charset_parameter_is_read() {
        // Same rule as the phone extractor (`html::is_json_ld`); it used to need the bare type.
        let html = r#"<script type="application/ld+json; charset=utf-8">{"email":"office@joes.com"}</script>"#;
        let f = extract_emails(html, &EmailOptions::default(), &EmailConfig::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].source, EmailSource::Schema);
    }

    #[test]
    fn page_kinds() {
        assert_eq!(page_kind_of(Some("https://x.com/")), PageKind::Home);
        assert_eq!(
            page_kind_of(Some("https://x.com/contact-us")),
            PageKind::Contact
        );
        assert_eq!(page_kind_of(Some("https://x.com/about")), PageKind::About);
        assert_eq!(
            page_kind_of(Some("https://x.com/services")),
            PageKind::Other
        );
    }
}
