//! The one-call API: page in, scored and classified numbers out.
//!
//! [`extract_phones_text`] (plain text) scores one page on its own; [`extract_site`] scores
//! several pages of one site together, as the enrichment pipeline does. Finding is done by
//! [`super::text`], line types by [`super::classify`], confidence by [`super::score`].
//!
//! HTML pages (`extract_phones`, contract in `PHONE_API.md`) join here once
//! `phone::html::extract_html` exists; until then pages are plain text.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

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

/// One page of a site.
#[derive(Debug, Clone, Copy)]
pub struct PageInput<'a> {
    /// The page content (plain text).
    pub content: &'a str,
    /// URL or path of the page, and optional page kind.
    pub options: &'a ExtractOptions,
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
                options: &home,
            },
            PageInput {
                content: "Office: (305) 555-0234",
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
    fn finding_serialises_type_field() {
        let found = extract_phones_text("Call 305-555-0234", &ExtractOptions::default());
        let json = serde_json::to_value(&found[0]).unwrap();
        assert_eq!(json["type"], "unknown");
        assert_eq!(json["placement"], "body");
        assert_eq!(json["page_kind"], "other");
        assert_eq!(json["confidence"], 0.1);
    }
}
