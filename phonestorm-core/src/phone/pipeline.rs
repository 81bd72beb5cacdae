//! The one-call API: page in, scored and classified numbers out.
//!
//! [`extract_phones`] (HTML) and [`extract_phones_text`] (plain text) score one page on its
//! own; [`extract_site`] scores several pages of one site together, as the enrichment
//! pipeline does. Finding is done by [`super::html`] and [`super::text`], line types by
//! [`super::classify`], confidence by [`super::score`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::html::{HtmlOptions, extract_html};
use super::score::{ScoreConfig, SiteScore, score_site};
use super::text::find_in_text;
use super::types::{PageKind, PhoneType, Placement, Role, Sighting};

/// Options of one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExtractOptions {
    /// URL (or path) of the page: names the page in every finding.
    pub base_url: Option<String>,
    /// The page kind (default: `other`).
    pub page_kind: Option<PageKind>,
}

/// One number found on a page, classified and scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The number in E.164.
    pub e164: String,
    /// As written on the page.
    pub raw: String,
    /// Extension digits, if written.
    pub extension: Option<String>,
    /// Line type.
    #[serde(rename = "type")]
    pub phone_type: PhoneType,
    /// What the label beside it says.
    pub role: Role,
    /// Where on the page.
    pub placement: Placement,
    /// What kind of page.
    pub page_kind: PageKind,
    /// The page URL or path, if known.
    pub page: Option<String>,
    /// Confidence of the number over every page scored together (0..1).
    pub confidence: f64,
    /// Byte offset of the match in plain text (text input only).
    pub start: Option<usize>,
    /// Byte offset just past the match in plain text (text input only).
    pub end: Option<usize>,
}

/// How a page's content is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageFormat {
    /// HTML: numbers are found with where they were seen ([`super::html`]).
    #[default]
    Html,
    /// Plain text: numbers are found with byte spans ([`super::text`]).
    Text,
}

impl PageFormat {
    /// Guesses the format from the content: HTML when a tag-like `<` followed by a letter,
    /// `!` or `/` appears in the first 4 KiB, else text.
    pub fn sniff(content: &str) -> PageFormat {
        let head = &content.as_bytes()[..content.len().min(4096)];
        let looks_like_tag = head
            .windows(2)
            .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!' || w[1] == b'/'));
        if looks_like_tag {
            PageFormat::Html
        } else {
            PageFormat::Text
        }
    }
}

/// One page of a site.
#[derive(Debug, Clone, Copy)]
pub struct PageInput<'a> {
    /// The page content.
    pub content: &'a str,
    /// HTML or plain text.
    pub format: PageFormat,
    /// URL or path of the page, and optional page kind.
    pub options: &'a ExtractOptions,
}

/// Finds, classifies and scores the phone numbers of one HTML page, with where each was
/// seen (tel: link, schema.org, footer, header, heading, body) and the label beside it.
///
/// The page kind is `opts.page_kind` when given, else guessed from the URL and title.
///
/// ```
/// use phonestorm_core::phone::pipeline::{extract_phones, ExtractOptions};
/// use phonestorm_core::phone::{Placement, Role};
/// let html = r#"<html><body><footer>Call <a href="tel:+13052345678">(305) 234-5678</a>
///   · Fax (305) 234-5679</footer></body></html>"#;
/// let found = extract_phones(html, &ExtractOptions::default());
/// assert!(found.iter().any(|f| f.e164 == "+13052345678" && f.placement == Placement::TelLink));
/// assert!(found.iter().any(|f| f.e164 == "+13052345679" && f.role == Role::Fax));
/// ```
pub fn extract_phones(html: &str, opts: &ExtractOptions) -> Vec<Finding> {
    let page = PageInput {
        content: html,
        format: PageFormat::Html,
        options: opts,
    };
    extract_site(&[page], &HashMap::new(), &ScoreConfig::default()).findings
}

/// The findings of all pages of one site and their combined score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteExtraction {
    /// Every sighting, page by page, with the site-level confidence of its number.
    pub findings: Vec<Finding>,
    /// Every number's score and the best number.
    pub score: SiteScore,
}

/// Finds, classifies and scores the phone numbers of plain text, with byte spans.
///
/// ```
/// use phonestorm_core::phone::pipeline::{extract_phones_text, ExtractOptions};
/// let text = "Office: (305) 234-5678. Open 9-5.";
/// let found = extract_phones_text(text, &ExtractOptions::default());
/// assert_eq!(found[0].e164, "+13052345678");
/// assert_eq!(&text[found[0].start.unwrap()..found[0].end.unwrap()], found[0].raw);
/// ```
pub fn extract_phones_text(text: &str, opts: &ExtractOptions) -> Vec<Finding> {
    let page = PageInput {
        content: text,
        format: PageFormat::Text,
        options: opts,
    };
    extract_site(&[page], &HashMap::new(), &ScoreConfig::default()).findings
}

/// Extracts every page of one site and scores all their sightings together.
///
/// `domain_counts` maps E.164 → number of domains the number was seen on (see
/// [`score_site`]).
pub fn extract_site(
    pages: &[PageInput<'_>],
    domain_counts: &HashMap<String, u32>,
    config: &ScoreConfig,
) -> SiteExtraction {
    let mut sightings: Vec<Sighting> = Vec::new();
    let mut spans: Vec<Option<(usize, usize)>> = Vec::new();
    for page in pages {
        if page.format == PageFormat::Html {
            let html_options = HtmlOptions {
                base_url: page.options.base_url.clone(),
                page_kind: page.options.page_kind,
            };
            for sighting in extract_html(page.content, &html_options).sightings {
                sightings.push(sighting);
                spans.push(None);
            }
            continue;
        }
        let kind = page.options.page_kind.unwrap_or(PageKind::Other);
        for found in find_in_text(page.content) {
            sightings.push(Sighting {
                number: found.number,
                raw: found.raw,
                placement: Placement::Body,
                role: Role::Main,
                page_kind: kind,
                page: page.options.base_url.clone(),
            });
            spans.push(Some((found.start, found.end)));
        }
    }
    let score = score_site(&sightings, domain_counts, config);
    let findings = findings_from(&sightings, &spans, &score);
    SiteExtraction { findings, score }
}

/// Joins each sighting with its number's site-level score.
fn findings_from(
    sightings: &[Sighting],
    spans: &[Option<(usize, usize)>],
    score: &SiteScore,
) -> Vec<Finding> {
    sightings
        .iter()
        .zip(spans)
        .map(|(sighting, span)| {
            let scored = score
                .numbers
                .iter()
                .find(|n| n.number.e164 == sighting.number.e164);
            Finding {
                e164: sighting.number.e164.clone(),
                raw: sighting.raw.clone(),
                extension: sighting.number.extension.clone(),
                phone_type: scored.map_or(PhoneType::Unknown, |n| n.phone_type),
                role: sighting.role,
                placement: sighting.placement,
                page_kind: sighting.page_kind,
                page: sighting.page.clone(),
                confidence: scored.map_or(0.0, |n| n.confidence),
                start: span.map(|s| s.0),
                end: span.map(|s| s.1),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_pages_are_scored_together() {
        let contact = ExtractOptions {
            base_url: Some("/contact".into()),
            page_kind: Some(PageKind::Contact),
        };
        let home = ExtractOptions {
            base_url: Some("/".into()),
            page_kind: Some(PageKind::Home),
        };
        let pages = [
            PageInput {
                content: "Call 305-555-0234 or toll free 1-888-555-0247.",
                format: PageFormat::Text,
                options: &home,
            },
            PageInput {
                content: "Office: (305) 555-0234",
                format: PageFormat::Text,
                options: &contact,
            },
        ];
        let site = extract_site(&pages, &HashMap::new(), &ScoreConfig::default());
        assert_eq!(site.findings.len(), 3);
        let best = site.score.best.as_ref().unwrap();
        assert_eq!(best.number.e164, "+13055550234");
        assert_eq!(best.source, "contact_page");
        // 0.8 (contact page) + 0.05 (seen in a second place).
        assert!((best.confidence - 0.85).abs() < 1e-9);
        assert!(site.findings.iter().all(|f| f.start.is_some()));
        let tollfree = site
            .findings
            .iter()
            .find(|f| f.e164 == "+18885550247")
            .unwrap();
        assert_eq!(tollfree.phone_type, PhoneType::Tollfree);
        assert!((tollfree.confidence - 0.2).abs() < 1e-9);
    }

    #[test]
    fn html_pages_keep_placement_and_never_pick_fax() {
        let html = r#"<html><head><title>Contact</title></head><body>
            <script type="application/ld+json">{"@type":"LocalBusiness","telephone":"+1-305-234-5678"}</script>
            <p>Fax: (305) 234-5679</p>
            <footer><a href="tel:3052345678">305-234-5678</a></footer></body></html>"#;
        let opts = ExtractOptions {
            base_url: Some("https://example.org/contact".into()),
            page_kind: None,
        };
        let found = extract_phones(html, &opts);
        let main: Vec<_> = found.iter().filter(|f| f.e164 == "+13052345678").collect();
        assert!(main.iter().any(|f| f.placement == Placement::Schema));
        assert!(main.iter().any(|f| f.placement == Placement::TelLink));
        assert!(
            main.iter()
                .all(|f| f.page_kind == PageKind::Contact && f.start.is_none())
        );
        let fax = found.iter().find(|f| f.e164 == "+13052345679").unwrap();
        assert_eq!(fax.role, Role::Fax);
        let page = PageInput {
            content: html,
            format: PageFormat::Html,
            options: &opts,
        };
        let site = extract_site(&[page], &HashMap::new(), &ScoreConfig::default());
        assert_eq!(site.score.best.unwrap().number.e164, "+13052345678");
    }

    #[test]
    fn sniffing_tells_html_from_text() {
        assert_eq!(
            PageFormat::sniff("<!doctype html><p>x</p>"),
            PageFormat::Html
        );
        assert_eq!(PageFormat::sniff("Call us: 305 < 306"), PageFormat::Text);
        assert_eq!(PageFormat::sniff("plain (305) 234-5678"), PageFormat::Text);
    }

    #[test]
    fn finding_serialises_type_field() {
        let found = extract_phones_text("Call 305-555-0234", &ExtractOptions::default());
        let json = serde_json::to_value(&found[0]).unwrap();
        assert_eq!(json["type"], "unknown");
        assert_eq!(json["placement"], "body");
        assert_eq!(json["page_kind"], "other");
        assert_eq!(json["confidence"], 0.1);
    }
}
