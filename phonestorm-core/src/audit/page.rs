//! Facts about one page.

use crate::email::{EmailConfig, EmailFinding, EmailOptions, extract_emails};
use scraper::{Html, Node, Selector};

/// What one page shows.
#[derive(Debug, Clone, Default)]
pub(super) struct PageFacts {
    pub viewport: bool,
    pub title: bool,
    pub description: bool,
    pub tel_link: bool,
    pub cta: bool,
    pub contact_form: bool,
    pub local_business: bool,
    pub copyright_year: Option<i32>,
    pub emails: Vec<EmailFinding>,
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn any(doc: &Html, s: &str, pred: impl Fn(scraper::ElementRef<'_>) -> bool) -> bool {
    sel(s).is_some_and(|sel| doc.select(&sel).any(pred))
}

fn ld_types(v: &serde_json::Value, depth: usize, out: &mut Vec<String>) {
    if depth > 32 || out.len() > 200 {
        return;
    }
    match v {
        serde_json::Value::Object(map) => {
            match map.get("@type") {
                Some(serde_json::Value::String(t)) => out.push(t.clone()),
                Some(serde_json::Value::Array(ts)) => {
                    out.extend(ts.iter().filter_map(|t| t.as_str().map(str::to_string)))
                }
                _ => {}
            }
            map.values().for_each(|x| ld_types(x, depth + 1, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| ld_types(x, depth + 1, out)),
        _ => {}
    }
}

/// Latest year in a copyright notice (`© 2019`, `Copyright 2015-2021`, `(c) 2020`).
pub(super) fn copyright_year(text: &str) -> Option<i32> {
    let lower = text.to_lowercase();
    let mut best: Option<i32> = None;
    for marker in ["©", "copyright", "(c)"] {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(marker) {
            let start = from + pos + marker.len();
            // Look at the next 40 chars for up to two 4-digit years.
            let window: String = lower[start..].chars().take(40).collect();
            let mut digits = String::new();
            for c in window.chars().chain(std::iter::once(' ')) {
                if c.is_ascii_digit() {
                    digits.push(c);
                } else {
                    if digits.len() == 4 {
                        if let Ok(y) = digits.parse::<i32>() {
                            if (1990..=2200).contains(&y) {
                                best = Some(best.map_or(y, |b| b.max(y)));
                            }
                        }
                    }
                    digits.clear();
                }
            }
            from = start;
        }
    }
    best
}

pub(super) fn analyze(
    html: &str,
    url: &str,
    cta_phrases: &[String],
    business_types: &[String],
    email_cfg: &EmailConfig,
) -> PageFacts {
    let doc = Html::parse_document(html);
    let mut f = PageFacts::default();
    let attr_is = |e: &scraper::ElementRef<'_>, a: &str, v: &str| {
        e.value()
            .attr(a)
            .is_some_and(|x| x.trim().eq_ignore_ascii_case(v))
    };
    f.viewport = any(&doc, "meta", |e| attr_is(&e, "name", "viewport"));
    f.title = any(&doc, "title", |e| {
        !e.text().collect::<String>().trim().is_empty()
    });
    f.description = any(&doc, "meta", |e| {
        (attr_is(&e, "name", "description") || attr_is(&e, "property", "og:description"))
            && e.value()
                .attr("content")
                .is_some_and(|c| !c.trim().is_empty())
    });
    f.tel_link = any(&doc, "a", |e| {
        e.value()
            .attr("href")
            .is_some_and(|h| h.trim().to_ascii_lowercase().starts_with("tel:"))
    });
    let is_cta = |text: &str| {
        let t = text.to_lowercase();
        cta_phrases.iter().any(|p| t.contains(&p.to_lowercase()))
    };
    f.cta = any(&doc, "a, button", |e| is_cta(&e.text().collect::<String>()))
        || any(&doc, "input", |e| {
            matches!(
                e.value()
                    .attr("type")
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
                Some("submit" | "button")
            ) && e.value().attr("value").is_some_and(is_cta)
        });
    f.contact_form = sel("input[type=email], input[type=tel], textarea")
        .zip(sel("form"))
        .is_some_and(|(fields, form)| {
            doc.select(&form)
                .any(|fm| fm.select(&fields).next().is_some())
        });
    let is_business = |t: &str| {
        let name = t.rsplit('/').next().unwrap_or(t);
        business_types.iter().any(|b| b.eq_ignore_ascii_case(name))
    };
    f.local_business = any(&doc, "script", |e| {
        attr_is(&e, "type", "application/ld+json") && {
            let mut types = Vec::new();
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&e.text().collect::<String>())
            {
                ld_types(&v, 0, &mut types);
            }
            types.iter().any(|t| is_business(t))
        }
    }) || any(&doc, "[itemtype]", |e| {
        e.value()
            .attr("itemtype")
            .is_some_and(|t| t.split_whitespace().any(is_business))
    });
    let mut text = String::new();
    for node in doc.tree.nodes() {
        if let Node::Text(t) = node.value() {
            let skip = node
                .parent()
                .and_then(|p| {
                    p.value()
                        .as_element()
                        .map(|e| matches!(e.name(), "script" | "style" | "noscript"))
                })
                .unwrap_or(false);
            if !skip {
                text.push_str(t);
                text.push(' ');
            }
        }
    }
    f.copyright_year = copyright_year(&text);
    let opts = EmailOptions {
        base_url: Some(url.to_string()),
        page_kind: None,
    };
    f.emails = extract_emails(html, &opts, email_cfg);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_years() {
        assert_eq!(copyright_year("© 2019 Joe's"), Some(2019));
        assert_eq!(
            copyright_year("Copyright 2015 - 2021. All rights"),
            Some(2021)
        );
        assert_eq!(copyright_year("(c) 2020, call 305"), Some(2020));
        assert_eq!(copyright_year("since 1999"), None);
    }
}
