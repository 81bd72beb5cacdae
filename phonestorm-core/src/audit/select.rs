//! The deep audit's pure steps between crawling and judging (seed 001 phase 2):
//! `filter_urls` (which mapped pages are worth auditing) and the page text given to a model
//! for `generate_dossier`.

use scraper::{Html, Selector};

/// Path words of pages that tell about the business (kept first, in this order).
const PRIORITY: &[&[&str]] = &[
    &["contact"],
    &["about", "team", "our-story"],
    &["service", "what-we-do", "pricing", "menu", "treatments"],
    &["location", "areas", "service-area", "directions"],
];

/// Path words of pages that never help an audit of the business's offer.
const SKIP: &[&str] = &[
    "blog", "news", "tag", "category", "author", "feed", "wp-", "privacy", "terms", "cookie",
    "cart", "checkout", "login", "account", "search", "sitemap",
];

fn path_of(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()
        .map(|u| u.path().to_ascii_lowercase())
}

/// `filter_urls`: the home page, then contact, about, services and location pages, then
/// other pages, dropping blogs, legal pages, carts and the like, duplicates and URLs that do
/// not parse; at most `max`.
///
/// ```
/// use phonestorm_core::audit::select_audit_pages;
/// let urls = ["http://joes.test/blog/tips", "http://joes.test/services", "http://joes.test/",
///             "http://joes.test/privacy", "http://joes.test/contact-us", "http://joes.test/gallery"]
///     .map(String::from);
/// assert_eq!(select_audit_pages(&urls, 3),
///            ["http://joes.test/", "http://joes.test/contact-us", "http://joes.test/services"]);
/// ```
pub fn select_audit_pages(urls: &[String], max: usize) -> Vec<String> {
    let mut ranked: Vec<(usize, usize, &String)> = Vec::new();
    for (i, u) in urls.iter().enumerate() {
        let Some(path) = path_of(u) else { continue };
        if SKIP.iter().any(|w| path.contains(w)) {
            continue;
        }
        if ranked.iter().any(|(_, _, seen)| *seen == u) {
            continue;
        }
        let rank = if path == "/" || path.is_empty() || path.starts_with("/index") {
            0
        } else {
            PRIORITY
                .iter()
                .position(|words| words.iter().any(|w| path.contains(w)))
                .map_or(PRIORITY.len() + 1, |p| p + 1)
        };
        ranked.push((rank, i, u));
    }
    ranked.sort();
    ranked
        .into_iter()
        .take(max)
        .map(|(_, _, u)| u.clone())
        .collect()
}

/// The visible text of a page (no script, style or template content), whitespace
/// collapsed, cut to `max_chars`: what `scrape_content` hands to `generate_dossier`.
pub fn page_text(html: &str, max_chars: usize) -> String {
    let html = crate::email::bounded_nesting(
        &html[..floor_boundary(html, 1 << 20)],
        crate::email::EmailConfig::default().max_nesting,
    );
    let doc = Html::parse_document(html);
    let Ok(body) = Selector::parse("body") else {
        return String::new();
    };
    let mut out = String::new();
    for root in doc.select(&body) {
        for node in root.descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            let hidden = node.ancestors().any(|a| {
                a.value().as_element().is_some_and(|e| {
                    matches!(e.name(), "script" | "style" | "noscript" | "template")
                })
            });
            if hidden {
                continue;
            }
            for w in text.split_whitespace() {
                if out.chars().count() >= max_chars {
                    return out;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
            }
        }
    }
    out
}

fn floor_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_skips_scripts_and_is_bounded() {
        let html = "<html><body><h1>Joe's  Plumbing</h1><script>var x = 1;</script>\
                    <p>Call us today.</p><style>p{}</style></body></html>";
        assert_eq!(page_text(html, 1000), "Joe's Plumbing Call us today.");
        assert_eq!(page_text(html, 5), "Joe's");
        assert_eq!(page_text(&"<div>".repeat(100_000), 100), "");
    }

    #[test]
    fn select_drops_unparsable_and_duplicates() {
        let urls = [
            "not a url",
            "http://a.test/x",
            "http://a.test/x",
            "http://a.test/about",
        ]
        .map(String::from);
        assert_eq!(
            select_audit_pages(&urls, 10),
            ["http://a.test/about", "http://a.test/x"]
        );
    }
}
