//! A generated fixture web of small-business sites, used by the tests, the benchmark and the
//! sample-web generator (`examples/gen_sample_web.rs`). Deterministic: site `i` always has the
//! same name, phone, pages and email.
//!
//! Every business has a home page; most have contact and about pages (linked, or only listed
//! in `sitemap.xml`), phones in tel: links, schema.org JSON-LD, footers or body text; some
//! have an email. A few "directory" sites list several businesses under one tracking number.

use crate::enrich::Lead;

/// Verticals cycled through (seed 000 §5: HVAC, med spa, roofing, realtor; plus common trades).
pub const VERTICALS: &[&str] = &[
    "HVAC", "med spa", "roofing", "realtor", "plumbing", "cleaning",
];
/// Cities cycled through (seed 000's Miami/Broward market).
pub const CITIES: &[&str] = &[
    "Miami",
    "Fort Lauderdale",
    "Hollywood",
    "Hialeah",
    "Pembroke Pines",
];
const NAMES: &[&str] = &[
    "Coral",
    "Bayside",
    "Sunshine",
    "Palmetto",
    "Biscayne",
    "Everglades",
    "Oceanview",
    "Tropic",
    "Keystone",
    "Harbor",
    "Mango",
    "Seabreeze",
    "Flamingo",
    "Pelican",
    "Manatee",
    "Gulfstream",
];
/// Area codes used (Miami-Dade and Broward).
const NPAS: &[&str] = &["305", "786", "954"];

/// The directory tracking number shown on every directory page.
pub const DIRECTORY_PHONE: &str = "(305) 299-4000";

/// One fixture business.
#[derive(Debug, Clone)]
pub struct Business {
    /// Index.
    pub index: usize,
    /// Name.
    pub name: String,
    /// Vertical.
    pub vertical: String,
    /// City.
    pub city: String,
    /// Domain, `{slug}.{tld}`.
    pub domain: String,
    /// Phone as written, `(305) 2NN-NNNN`.
    pub phone: String,
    /// Email on the site, if any.
    pub email: Option<String>,
}

/// Business `i` under top-level domain `tld` (`test` in tests, `example` in the sample web).
pub fn business(i: usize, tld: &str) -> Business {
    let vertical = VERTICALS[i % VERTICALS.len()];
    let city = CITIES[(i / 2) % CITIES.len()];
    let first = NAMES[i % NAMES.len()];
    let word = match vertical {
        "HVAC" => "Air",
        "med spa" => "Med Spa",
        "roofing" => "Roofing",
        "realtor" => "Realty",
        "plumbing" => "Plumbing",
        _ => "Cleaning",
    };
    let name = format!("{first} {word} {}", i / NAMES.len() + 1);
    let slug: String = name
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let npa = NPAS[i % NPAS.len()];
    // Exchanges 2xx-9xx avoid N11 and the fictional 555-01xx block.
    let nxx = 230 + (i * 7) % 700;
    let nxx = if nxx % 100 == 11 { nxx + 1 } else { nxx };
    let line = 1000 + (i * 37) % 9000;
    Business {
        index: i,
        email: (i % 3 != 2).then(|| format!("info@{slug}.{tld}")),
        domain: format!("{slug}.{tld}"),
        phone: format!("({npa}) {nxx}-{line:04}"),
        name,
        vertical: vertical.to_string(),
        city: city.to_string(),
    }
}

fn page(title: &str, body: &str, footer: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta name=\"viewport\" content=\"width=device-width\"></head><body>{body}\
         <footer>{footer}</footer></body></html>"
    )
}

/// The pages of business `b` as (path, content-type, body). Variants by index: phone placement
/// and whether the contact page is linked or only in the sitemap.
pub fn site_pages(b: &Business) -> Vec<(String, &'static str, String)> {
    let i = b.index;
    let digits: String = b.phone.chars().filter(char::is_ascii_digit).collect();
    let tel = format!("<a href=\"tel:+1{digits}\">{}</a>", b.phone);
    let linked = i % 4 != 3;
    let nav = if linked {
        "<nav><a href=\"/\">Home</a> <a href=\"/about-us\">About us</a> <a href=\"/contact\">Contact</a></nav>"
    } else {
        "<nav><a href=\"/\">Home</a> <a href=\"/services\">Services</a></nav>"
    };
    let footer = match i % 3 {
        0 => format!("&copy; {} · {}", b.name, b.phone),
        _ => format!("&copy; {} · {}", b.name, b.city),
    };
    let home_body = format!(
        "{nav}<h1>{} — {} in {}</h1><p>Family owned {} serving {} since 2009.</p>{}",
        b.name,
        b.vertical,
        b.city,
        b.vertical,
        b.city,
        if i % 5 == 0 {
            format!("<p>Call Now: {tel}</p>")
        } else {
            String::new()
        }
    );
    let email = b
        .email
        .as_ref()
        .map(|e| format!("<p>Email: <a href=\"mailto:{e}\">{e}</a></p>"))
        .unwrap_or_default();
    let schema = if i % 2 == 0 {
        format!(
            "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"LocalBusiness\",\"name\":\"{}\",\"telephone\":\"+1-{}-{}-{}\"}}</script>",
            b.name,
            &digits[..3],
            &digits[3..6],
            &digits[6..]
        )
    } else {
        String::new()
    };
    let contact_body = format!(
        "{nav}<h1>Contact {}</h1>{schema}<p>Phone: {tel}</p>{email}<p>{} FL</p>",
        b.name, b.city
    );
    let about_body = format!(
        "{nav}<h1>About {}</h1><p>We are a {} team in {}.</p>",
        b.name, b.vertical, b.city
    );
    let mut out = vec![
        (
            "/".to_string(),
            "text/html; charset=utf-8",
            page(
                &format!("{} | {} {}", b.name, b.vertical, b.city),
                &home_body,
                &footer,
            ),
        ),
        (
            "/contact".to_string(),
            "text/html; charset=utf-8",
            page(&format!("Contact | {}", b.name), &contact_body, &footer),
        ),
        (
            "/about-us".to_string(),
            "text/html; charset=utf-8",
            page(&format!("About | {}", b.name), &about_body, &footer),
        ),
        (
            "/services".to_string(),
            "text/html; charset=utf-8",
            page(
                &format!("Services | {}", b.name),
                &format!("{nav}<p>Our {} services.</p>", b.vertical),
                &footer,
            ),
        ),
    ];
    if !linked {
        let host = &b.domain;
        out.push((
            "/sitemap.xml".to_string(),
            "application/xml",
            format!(
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://{host}/</loc></url><url><loc>http://{host}/services</loc></url><url><loc>http://{host}/contact</loc></url></urlset>"
            ),
        ));
    }
    out
}

/// Directory `k` (`{name}.{tld}`) lists businesses `k*4 .. k*4+4` under one tracking number.
/// Returns (domain, html).
pub fn directory_page(k: usize, tld: &str) -> (String, String) {
    let domain = format!("localpages{k}.{tld}");
    let mut items = String::new();
    for i in k * 4..k * 4 + 4 {
        let b = business(i, tld);
        items.push_str(&format!(
            "<li><h2>{}</h2><p>{} in {}. Call {}</p></li>",
            b.name, b.vertical, b.city, DIRECTORY_PHONE
        ));
    }
    (
        domain,
        page(
            &format!("Best local businesses #{k}"),
            &format!("<ul>{items}</ul>"),
            DIRECTORY_PHONE,
        ),
    )
}

/// Owner surnames used as the lead name when a CRM knows the owner, not the trade name.
const OWNERS: &[&str] = &[
    "Alvarez", "Okafor", "Nguyen", "Brennan", "Castillo", "Friedman", "Moreau",
];

/// The lead name of business `i` when the lead comes in under its owner's name (every second
/// lead without a website): the name never appears on the site, so only the phone finds it.
pub fn owner_name(i: usize) -> String {
    format!("{} Holdings", OWNERS[i % OWNERS.len()])
}

/// The leads for `n` fixture businesses: every `without_website_every`-th has no website
/// (only name, city, vertical, phone), and every second of those is known under its owner's
/// name ([`owner_name`]); the rest carry their website.
pub fn leads(n: usize, tld: &str, without_website_every: usize) -> Vec<Lead> {
    (0..n)
        .map(|i| {
            let b = business(i, tld);
            let no_site = without_website_every > 0 && i % without_website_every == 0;
            let alias = no_site && (i / without_website_every) % 2 == 1;
            Lead {
                id: format!("lead-{i:04}"),
                business_name: if alias { owner_name(i) } else { b.name },
                website: (!no_site).then(|| format!("http://{}/", b.domain)),
                phone: Some(format!("+1 {}", b.phone)),
                city: Some(b.city),
                vertical: Some(b.vertical),
                source: Some("fixture".into()),
            }
        })
        .collect()
}
