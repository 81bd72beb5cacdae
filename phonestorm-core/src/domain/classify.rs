//! What kind of site a URL is: the business's own site, a site-builder subdomain, a social
//! profile or a directory listing.

use super::DomainError;
use super::psl::{host_of, registrable};
use serde::{Deserialize, Serialize};

/// What kind of site a URL points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    /// The business's own domain.
    Own,
    /// The business's own but weak site on a site builder (`foo.wixsite.com`).
    SiteBuilder,
    /// A social network profile (facebook, instagram, x/twitter, linkedin, tiktok, youtube...).
    Social,
    /// A directory or aggregator listing (yelp, angi, bbb, Google business pages...).
    Directory,
}

impl SiteKind {
    /// True for social and directory pages: a place whose website is one of these has a
    /// weak web presence (seed 001's `isSocialMediaLink`).
    pub fn is_weak_presence(self) -> bool {
        matches!(self, SiteKind::Social | SiteKind::Directory)
    }
}

/// Lists that classify domains. Entries are registrable domains (`yelp.com`) or a domain
/// with a path prefix (`google.com/maps`); a host matches an entry when it equals the
/// entry's domain or is a subdomain of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DomainConfig {
    /// Social networks. Default: the seed 001 helper's list (`facebook.com`, `instagram.com`)
    /// plus the social sites named in issue 3 and their short/alias hosts.
    pub social: Vec<String>,
    /// Directories and aggregators. Default: seed 000 §5 (Yelp, Angi) and seed 001
    /// (`yelp.com`), issue 3's list, and common US local-citation sites.
    pub directories: Vec<String>,
    /// Site builders whose subdomains are a business's own, weak, site.
    pub site_builders: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

impl Default for DomainConfig {
    fn default() -> Self {
        DomainConfig {
            social: strings(&[
                "facebook.com",
                "fb.com",
                "fb.me",
                "instagram.com",
                "twitter.com",
                "x.com",
                "linkedin.com",
                "tiktok.com",
                "youtube.com",
                "youtu.be",
                "pinterest.com",
                "threads.net",
                "snapchat.com",
                "linktr.ee",
                "wa.me",
                "whatsapp.com",
                "tumblr.com",
                "vimeo.com",
            ]),
            directories: strings(&[
                "yelp.com",
                "angi.com",
                "angieslist.com",
                "bbb.org",
                "yellowpages.com",
                "yp.com",
                "mapquest.com",
                "manta.com",
                "nextdoor.com",
                "thumbtack.com",
                "houzz.com",
                "homeadvisor.com",
                "porch.com",
                "google.com/maps",
                "maps.google.com",
                "business.google.com",
                "g.page",
                "goo.gl/maps",
                "maps.app.goo.gl",
                "bing.com/maps",
                "apple.com/maps",
                "maps.apple.com",
                "foursquare.com",
                "tripadvisor.com",
                "superpages.com",
                "citysearch.com",
                "chamberofcommerce.com",
                "bizapedia.com",
                "buzzfile.com",
                "dexknows.com",
                "merchantcircle.com",
                "hotfrog.com",
                "birdeye.com",
                "expertise.com",
                "bark.com",
                "local.com",
                "zillow.com",
                "realtor.com",
                "trulia.com",
                "redfin.com",
                "healthgrades.com",
                "zocdoc.com",
                "vitals.com",
                "opentable.com",
                "groupon.com",
                "alignable.com",
                "brownbook.net",
                "whitepages.com",
                "opencorporates.com",
                "dnb.com",
                "crunchbase.com",
                "indeed.com",
                "glassdoor.com",
                "yellowbook.com",
                "n49.com",
                "cylex.us.com",
                "showmelocal.com",
                "angi.es",
                "buildzoom.com",
                "networx.com",
                "fixr.com",
            ]),
            site_builders: strings(&[
                "wixsite.com",
                "blogspot.com",
                "weebly.com",
                "squarespace.com",
                "godaddysites.com",
                "business.site",
                "wordpress.com",
                "square.site",
                "webflow.io",
                "carrd.co",
                "mystrikingly.com",
                "jimdosite.com",
                "site123.me",
                "myshopify.com",
                "wix.com",
                "editorx.io",
                "ueniweb.com",
                "durablesites.com",
            ]),
        }
    }
}

/// What [`analyze`] knows about one URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainInfo {
    /// The host, lowercased (punycode for IDNs).
    pub host: String,
    /// The canonical domain: the registrable domain, or for a site builder the business's
    /// subdomain (`joes.wixsite.com`).
    pub domain: String,
    /// The public suffix of the host per the list (`com`, `co.uk`, `wixsite.com`).
    pub suffix: String,
    /// What kind of site this is.
    pub kind: SiteKind,
    /// For social and directory pages, the key that tells one listing from another
    /// (`facebook.com/joesplumbing`, `yelp.com/biz/joes-miami`); equals `domain` otherwise. Used for deduplication.
    pub identity: String,
}

fn entry_matches(entry: &str, host: &str, path: &str) -> bool {
    let (edom, epath) = match entry.find('/') {
        Some(i) => (&entry[..i], &entry[i..]),
        None => (entry, ""),
    };
    let host_ok = host == edom || host.strip_suffix(edom).is_some_and(|h| h.ends_with('.'));
    host_ok && (epath.is_empty() || path.starts_with(epath))
}

/// Classifies a URL or host and computes its canonical domain.
///
/// ```
/// use phonestorm_core::domain::{analyze, DomainConfig, SiteKind};
/// let cfg = DomainConfig::default();
/// let own = analyze("https://www.joesplumbing.com/contact", &cfg).unwrap();
/// assert_eq!((own.domain.as_str(), own.kind), ("joesplumbing.com", SiteKind::Own));
/// let wix = analyze("https://joesplumbing.wixsite.com/home", &cfg).unwrap();
/// assert_eq!((wix.domain.as_str(), wix.kind), ("joesplumbing.wixsite.com", SiteKind::SiteBuilder));
/// assert_eq!(analyze("m.facebook.com/joes", &cfg).unwrap().kind, SiteKind::Social);
/// assert_eq!(analyze("https://www.google.com/maps/place/Joes", &cfg).unwrap().kind, SiteKind::Directory);
/// assert_eq!(analyze("https://www.google.com/search?q=x", &cfg).unwrap().kind, SiteKind::Own);
/// ```
pub fn analyze(input: &str, config: &DomainConfig) -> Result<DomainInfo, DomainError> {
    let host = host_of(input)?;
    let path = path_of(input);
    let (registrable_domain, suffix, private) = registrable(&host)?;

    let hit = |list: &[String]| {
        list.iter()
            .any(|e| entry_matches(&e.to_ascii_lowercase(), &host, &path))
    };
    if hit(&config.social) || hit(&config.directories) {
        let kind = if hit(&config.social) {
            SiteKind::Social
        } else {
            SiteKind::Directory
        };
        // A social profile is its first path segment (the account); a directory listing
        // is its whole path.
        let lower = path.trim_end_matches('/').to_ascii_lowercase();
        let key = if kind == SiteKind::Social {
            lower
                .split('/')
                .find(|seg| !seg.is_empty())
                .unwrap_or("")
                .to_string()
        } else {
            lower.trim_start_matches('/').to_string()
        };
        let identity = if key.is_empty() {
            registrable_domain.clone()
        } else {
            format!("{registrable_domain}/{key}")
        };
        return Ok(DomainInfo {
            host,
            domain: registrable_domain,
            suffix,
            kind,
            identity,
        });
    }

    for builder in &config.site_builders {
        let b = builder.to_ascii_lowercase();
        let builder_label = b.split('.').next().unwrap_or("");
        let private_match =
            private && !builder_label.is_empty() && suffix.split('.').next() == Some(builder_label);
        if suffix == b || private_match {
            let domain = registrable_domain.clone();
            return Ok(DomainInfo {
                host,
                identity: domain.clone(),
                domain,
                suffix,
                kind: SiteKind::SiteBuilder,
            });
        }
        if let Some(rest) = host.strip_suffix(&format!(".{b}")) {
            // Not in the list: the business's site is the label just left of the builder.
            let label = rest.rsplit('.').next().unwrap_or(rest);
            if label.is_empty() || label == "www" {
                break;
            }
            let domain = format!("{label}.{b}");
            return Ok(DomainInfo {
                host,
                identity: domain.clone(),
                domain,
                suffix,
                kind: SiteKind::SiteBuilder,
            });
        }
    }
    Ok(DomainInfo {
        host,
        identity: registrable_domain.clone(),
        domain: registrable_domain,
        suffix,
        kind: SiteKind::Own,
    })
}

/// The path of a URL-ish input (`/maps/place/x`), empty when none.
fn path_of(input: &str) -> String {
    let s = input.trim();
    let after_scheme = s.find("://").map(|i| &s[i + 3..]).unwrap_or(s);
    let after_scheme = after_scheme.trim_start_matches('/');
    match after_scheme.find(['/', '?', '#']) {
        Some(i) if after_scheme[i..].starts_with('/') => {
            let p = &after_scheme[i..];
            let end = p.find(['?', '#']).unwrap_or(p.len());
            p[..end].to_string()
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_examples() {
        let cfg = DomainConfig::default();
        for (url, kind) in [
            (
                "https://www.yelp.com/biz/joes-plumbing-miami",
                SiteKind::Directory,
            ),
            (
                "https://www.angi.com/companylist/us/fl/miami/joes.htm",
                SiteKind::Directory,
            ),
            ("https://instagram.com/joesplumbing", SiteKind::Social),
            ("https://x.com/joes", SiteKind::Social),
            ("https://joes.blogspot.com", SiteKind::SiteBuilder),
            ("https://joes.weebly.com/about", SiteKind::SiteBuilder),
            ("https://joesplumbingmiami.com", SiteKind::Own),
            ("https://box.com", SiteKind::Own),
        ] {
            assert_eq!(analyze(url, &cfg).unwrap().kind, kind, "{url}");
        }
        assert_eq!(
            analyze("https://joes.weebly.com/about", &cfg)
                .unwrap()
                .domain,
            "joes.weebly.com"
        );
        assert_eq!(
            analyze("https://www.facebook.com/JoesPlumbing/about", &cfg)
                .unwrap()
                .identity,
            "facebook.com/joesplumbing"
        );
    }

    #[test]
    fn suffix_lookalikes_do_not_match() {
        let cfg = DomainConfig::default();
        assert_eq!(
            analyze("https://notyelp.com", &cfg).unwrap().kind,
            SiteKind::Own
        );
        assert_eq!(
            analyze("https://myx.com", &cfg).unwrap().kind,
            SiteKind::Own
        );
    }
}
