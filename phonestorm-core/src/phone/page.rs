//! What kind of page (home / contact / about / other) a URL and title describe.

use super::types::PageKind;

/// Path and title words of contact pages (lower-case).
const CONTACT_WORDS: &[&str] = &["contact", "contacto", "get-in-touch", "reach-us"];
/// Path and title words of about pages (lower-case).
const ABOUT_WORDS: &[&str] = &["about", "who-we-are", "our-story", "our-team"];
/// Last path segments of a home page.
const HOME_PAGES: &[&str] = &[
    "",
    "index",
    "index.html",
    "index.htm",
    "index.php",
    "home",
    "default.aspx",
];

/// The kind of page from its URL (path) and title. The URL decides when it is clear (a
/// root or index path is the home page, a path naming contact or about is that page);
/// otherwise the title does ("Contact Us | Acme"), else [`PageKind::Other`].
///
/// ```
/// use phonestorm_core::phone::page::page_kind;
/// use phonestorm_core::phone::PageKind;
///
/// assert_eq!(page_kind(Some("https://acme.com/"), None), PageKind::Home);
/// assert_eq!(page_kind(Some("https://acme.com/contact-us/"), None), PageKind::Contact);
/// assert_eq!(page_kind(Some("https://acme.com/about"), None), PageKind::About);
/// assert_eq!(page_kind(Some("https://acme.com/p?id=7"), Some("Contact Us | Acme")), PageKind::Contact);
/// assert_eq!(page_kind(None, Some("Blog")), PageKind::Other);
/// ```
pub fn page_kind(url: Option<&str>, title: Option<&str>) -> PageKind {
    if let Some(url) = url {
        let path = url_path(url).to_ascii_lowercase();
        let trimmed = path.trim_matches('/');
        let last = trimmed.rsplit('/').next().unwrap_or("");
        if trimmed.is_empty() || (!trimmed.contains('/') && HOME_PAGES.contains(&last)) {
            return PageKind::Home;
        }
        if CONTACT_WORDS.iter().any(|w| trimmed.contains(w)) {
            return PageKind::Contact;
        }
        if ABOUT_WORDS.iter().any(|w| trimmed.contains(w)) {
            return PageKind::About;
        }
    }
    if let Some(title) = title {
        let t = title.to_lowercase();
        if t.contains("contact") {
            return PageKind::Contact;
        }
        if t.contains("about") {
            return PageKind::About;
        }
        if url.is_none() && (t.trim() == "home" || t.starts_with("home ") || t.starts_with("home|"))
        {
            return PageKind::Home;
        }
    }
    PageKind::Other
}

/// The path of a URL or of a bare path, without query or fragment.
fn url_path(url: &str) -> &str {
    let rest = match url.find("://") {
        Some(p) => {
            let after = &url[p + 3..];
            after.find('/').map_or("", |s| &after[s..])
        }
        None => url,
    };
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    &rest[..end]
}
