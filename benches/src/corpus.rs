//! A deterministic corpus of business text and HTML pages with phone numbers, and its ground
//! truth.
//!
//! Numbers come from `data/numbers.txt` (valid per libphonenumber, see
//! `compare/gen_numbers.py`), written in the forms businesses use. Around them: prose and the
//! look-alikes a finder must reject (dates, times, prices, zip+4, order numbers, IPs, versions,
//! coordinates, tracking codes). The same seed always gives the same bytes.

/// The pool of valid US/CA numbers (E.164), one a line; `#` lines are comments.
pub const NUMBERS: &str = include_str!("../data/numbers.txt");

/// The numbers of [`NUMBERS`] as E.164 strings.
pub fn numbers() -> Vec<&'static str> {
    NUMBERS.lines().filter(|l| l.starts_with('+')).collect()
}

/// SplitMix64: small, deterministic, good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// True with probability `p` percent.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The corpus: documents, and for each the E.164 numbers a finder should report.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Plain-text documents.
    pub text_docs: Vec<String>,
    /// For each text document, its numbers in order of appearance.
    pub text_truth: Vec<Vec<String>>,
    /// HTML pages.
    pub html_docs: Vec<String>,
    /// For each page, the distinct numbers it shows (visible text, `tel:` links, JSON-LD).
    pub html_truth: Vec<Vec<String>>,
    /// One written +1 number a line, for normalisation.
    pub normalize_inputs: Vec<String>,
    /// The E.164 of each normalisation input.
    pub normalize_truth: Vec<String>,
}

/// Byte size of a list of documents.
pub fn total_bytes(docs: &[String]) -> usize {
    docs.iter().map(String::len).sum()
}

/// Writes an E.164 `+1AAANXXXXXX` in one of the common North American forms.
pub fn written(e164: &str, style: usize) -> String {
    let d = &e164[2..];
    let (a, n, x) = (&d[0..3], &d[3..6], &d[6..10]);
    match style % 11 {
        0 => format!("({a}) {n}-{x}"),
        1 => format!("{a}-{n}-{x}"),
        2 => format!("{a}.{n}.{x}"),
        3 => format!("+1 {a} {n} {x}"),
        4 => format!("1-{a}-{n}-{x}"),
        5 => format!("+1 ({a}) {n}-{x}"),
        6 => format!("{a} {n} {x}"),
        7 => format!("+1-{a}-{n}-{x}"),
        8 => format!("({a}){n}-{x}"),
        9 => format!(
            "{a}-{n}-{x} ext. {}",
            100 + (x.as_bytes()[3] - b'0') as usize * 7
        ),
        _ => format!("1 ({a}) {n}-{x}"),
    }
}

const BUSINESSES: &[&str] = &[
    "Acme Plumbing & Heating",
    "Bright Smile Dental",
    "Oak Street Auto Repair",
    "Sunrise Roofing Co.",
    "Green Valley Landscaping",
    "Harbor View Family Law",
    "Main Street Bakery",
    "Summit HVAC Services",
    "Riverbend Veterinary Clinic",
    "Precision Electric LLC",
    "Lakeside Realty Group",
    "Northside Pest Control",
];
const CITIES: &[&str] = &[
    "Springfield, IL",
    "Austin, TX",
    "Tampa, FL",
    "Denver, CO",
    "Columbus, OH",
    "Raleigh, NC",
    "Sacramento, CA",
    "Toronto, ON",
    "Portland, OR",
    "Nashville, TN",
];
const PROSE: &[&str] = &[
    "We are a family-owned business proudly serving the area for over twenty years.",
    "Our licensed technicians arrive on time and leave your home cleaner than they found it.",
    "Every job comes with a written estimate and a satisfaction guarantee.",
    "Ask about our seasonal maintenance plans and save on every visit.",
    "We accept all major credit cards and offer flexible financing for larger projects.",
    "Read what our neighbors say about us in hundreds of five-star reviews.",
    "Our team is fully insured, background-checked and trained on the latest equipment.",
    "From small repairs to complete renovations, no project is too big or too small.",
    "Same-day appointments are often available, including evenings and weekends.",
    "We believe in honest pricing, clear communication and work done right the first time.",
    "Free parking is available behind the building, and the entrance is wheelchair accessible.",
    "Sign up for our newsletter to get tips, coupons and news from our crew.",
];
const CALL_LEADS: &[&str] = &[
    "Call us today at",
    "Phone:",
    "For a free quote, call",
    "Questions? Reach our office at",
    "Office:",
    "Call Now:",
    "Text us at",
    "Toll free:",
    "Our main line is",
    "Emergency service, day or night:",
];

/// A look-alike that no finder should report as a phone number.
fn distractor(rng: &mut Rng) -> String {
    let a = rng.below(9000) + 1000;
    let b = rng.below(9000) + 1000;
    match rng.below(12) {
        0 => format!(
            "Posted on 2024-{:02}-{:02}.",
            rng.below(12) + 1,
            rng.below(28) + 1
        ),
        1 => format!(
            "Offer valid until {:02}/{:02}/2025.",
            rng.below(12) + 1,
            rng.below(28) + 1
        ),
        2 => format!(
            "Open Mon-Fri 8:30 AM - {}:00 PM, Sat 9:00 AM - 1:00 PM.",
            rng.below(4) + 4
        ),
        3 => format!(
            "Packages start at ${},{:03}.99 including installation.",
            rng.below(9) + 1,
            rng.below(1000)
        ),
        4 => format!(
            "Visit us at {} Main St, Suite {}, Springfield, IL 62704-{b}.",
            a,
            rng.below(400) + 100
        ),
        5 => format!("Your order #{a}{b}{:02} has shipped.", rng.below(100)),
        6 => format!("Invoice INV-2024-{a}{b} is due in 30 days."),
        7 => format!("Contractor licence CSLB #{}{}.", rng.below(900) + 100, a),
        8 => format!(
            "Status page: server 192.168.{}.{} running version {}.{}.{}.",
            rng.below(256),
            rng.below(256),
            rng.below(10),
            rng.below(30),
            rng.below(100)
        ),
        9 => format!("Find us at 40.{:04}, -74.{:04} on the map.", a, b),
        10 => format!("Tracking number 1Z{}AA{}{}{}.", a, b, a, rng.below(100)),
        _ => format!(
            "Serving {},{:03} happy customers since {}.",
            rng.below(90) + 10,
            rng.below(1000),
            1950 + rng.below(70)
        ),
    }
}

/// Builds a corpus of about `text_bytes` of text and `html_bytes` of HTML, plus
/// `normalize_count` written numbers.
pub fn build(text_bytes: usize, html_bytes: usize, normalize_count: usize, seed: u64) -> Corpus {
    let pool = numbers();
    let mut rng = Rng::new(seed);
    let mut c = Corpus::default();

    let mut size = 0;
    while size < text_bytes {
        let (doc, truth) = text_doc(&mut rng, &pool);
        size += doc.len();
        c.text_docs.push(doc);
        c.text_truth.push(truth);
    }
    let mut size = 0;
    while size < html_bytes {
        let (doc, truth) = html_doc(&mut rng, &pool);
        size += doc.len();
        c.html_docs.push(doc);
        c.html_truth.push(truth);
    }
    for i in 0..normalize_count {
        let e = rng.pick(&pool);
        // The ext. form is left out: normalise inputs are one number, no extension.
        let style = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10][i % 10];
        c.normalize_inputs.push(written(e, style));
        c.normalize_truth.push(e.to_string());
    }
    c
}

fn text_doc(rng: &mut Rng, pool: &[&str]) -> (String, Vec<String>) {
    let mut doc = String::new();
    let mut truth = Vec::new();
    let biz = rng.pick(BUSINESSES);
    let city = rng.pick(CITIES);
    doc.push_str(&format!("{biz} - {city}\n\n"));
    let paragraphs = 3 + rng.below(4);
    for _ in 0..paragraphs {
        let sentences = 3 + rng.below(5);
        for _ in 0..sentences {
            if rng.chance(12) {
                doc.push_str(&distractor(rng));
            } else if rng.chance(9) {
                let e = rng.pick(pool);
                let lead = rng.pick(CALL_LEADS);
                doc.push_str(&format!("{lead} {}.", written(e, rng.below(11))));
                truth.push(e.to_string());
            } else {
                doc.push_str(rng.pick(PROSE));
            }
            doc.push(' ');
        }
        doc.push_str("\n\n");
    }
    (doc, truth)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
}

fn html_doc(rng: &mut Rng, pool: &[&str]) -> (String, Vec<String>) {
    let biz = html_escape(rng.pick(BUSINESSES));
    let city = rng.pick(CITIES);
    let main = rng.pick(pool);
    let mut truth = vec![main.to_string()];
    let digits = &main[2..];
    let page = rng.pick(&["", "contact", "about-us", "services"]);
    let mut h = String::with_capacity(16 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = match page {
        "" => format!("{biz} | {city}"),
        "contact" => format!("Contact Us | {biz}"),
        "about-us" => format!("About {biz}"),
        _ => format!("Services | {biz}"),
    };
    h.push_str(&format!("<title>{title}</title>\n"));
    h.push_str(&format!(
        "<link rel=\"canonical\" href=\"https://www.example-biz{}.com/{page}\">\n",
        rng.below(1000)
    ));
    h.push_str("<style>\n.top-bar{background:#0a3d62;color:#fff;padding:4px 12px}\n.btn-call{font-weight:700;border-radius:4px}\n@media (max-width: 768px){.nav{display:none}}\n</style>\n");
    // Numbers in scripts must not be found: they are not shown to anyone.
    h.push_str(&format!(
        "<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'gtm.start':{},event:'gtm.js',uid:'{}{}'}});</script>\n",
        1_700_000_000_000u64 + rng.below(1_000_000_000) as u64,
        rng.below(900_000) + 100_000,
        rng.below(9000) + 1000
    ));
    if rng.chance(70) {
        h.push_str(&format!(
            "<script type=\"application/ld+json\">\n{{\"@context\":\"https://schema.org\",\"@type\":\"LocalBusiness\",\"name\":\"{biz}\",\"telephone\":\"+1-{}-{}-{}\",\"address\":{{\"@type\":\"PostalAddress\",\"addressLocality\":\"{}\",\"postalCode\":\"62704\"}},\"openingHours\":\"Mo-Fr 08:00-17:00\"}}\n</script>\n",
            &digits[0..3], &digits[3..6], &digits[6..10], city.split(',').next().unwrap_or(city)
        ));
    }
    h.push_str("</head>\n<body>\n");
    h.push_str(&format!(
        "<div class=\"top-bar\"><span>Licensed &amp; Insured</span> <span class=\"btn-call\">Call Now: <a href=\"tel:+1{digits}\">{}</a></span></div>\n",
        written(main, rng.below(9))
    ));
    h.push_str(&format!(
        "<header class=\"site-header\"><a class=\"logo\" href=\"/\"><img src=\"/img/logo-{}x{}.png\" alt=\"{biz}\"></a>\n<nav class=\"nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/services\">Services</a></li><li><a href=\"/about-us\">About</a></li><li><a href=\"/contact\">Contact</a></li></ul></nav></header>\n",
        rng.below(400) + 100,
        rng.below(200) + 50
    ));
    h.push_str(&format!("<main>\n<h1>{biz} &ndash; Serving {city}</h1>\n"));
    let sections = 3 + rng.below(4);
    for _ in 0..sections {
        h.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            rng.pick(&[
                "Our Services",
                "Why Choose Us",
                "Testimonials",
                "Service Area",
                "Financing",
                "Our Team"
            ])
        ));
        for _ in 0..(2 + rng.below(3)) {
            h.push_str("<p>");
            for _ in 0..(2 + rng.below(4)) {
                if rng.chance(15) {
                    h.push_str(&distractor(rng));
                } else if rng.chance(6) {
                    let e = rng.pick(pool);
                    let w = written(e, rng.below(9));
                    // Sometimes split across inline tags, as page builders do.
                    if rng.chance(30) {
                        let cut = w.len() / 2;
                        h.push_str(&format!(
                            "{} <strong>{}</strong>.",
                            rng.pick(CALL_LEADS),
                            split_tags(&w, cut)
                        ));
                    } else {
                        h.push_str(&format!("{} {w}.", rng.pick(CALL_LEADS)));
                    }
                    if !truth.iter().any(|t| t == e) {
                        truth.push(e.to_string());
                    }
                } else {
                    h.push_str(rng.pick(PROSE));
                }
                h.push(' ');
            }
            h.push_str("</p>\n");
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n<!-- old number, do not show: 312-555-0187 -->\n");
    let fax = rng.pick(pool);
    h.push_str(&format!(
        "<footer class=\"site-footer\"><div class=\"footer-contact\"><p>{biz}<br>{} Main St<br>{city}</p><p>Phone: <a href=\"tel:{}\">{}</a><br>Fax: {}</p></div>\n<p class=\"copyright\">&copy; 2025 {biz}. All rights reserved.</p></footer>\n",
        rng.below(9000) + 100,
        main,
        written(main, 0),
        written(fax, 1)
    ));
    if !truth.iter().any(|t| t == fax) {
        truth.push(fax.to_string());
    }
    h.push_str("<script src=\"/js/app.min.js?v=20240315\"></script>\n</body>\n</html>\n");
    (h, truth)
}

fn split_tags(w: &str, cut: usize) -> String {
    // `written` output is ASCII, so any byte index is a char boundary.
    format!("<span>{}</span><span>{}</span>", &w[..cut], &w[cut..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let a = build(100_000, 100_000, 100, 7);
        let b = build(100_000, 100_000, 100, 7);
        assert_eq!(a.text_docs, b.text_docs);
        assert_eq!(a.html_docs, b.html_docs);
        assert!(total_bytes(&a.text_docs) >= 100_000);
        assert!(a.text_truth.iter().map(Vec::len).sum::<usize>() > 50);
        assert_eq!(a.normalize_inputs.len(), 100);
    }

    #[test]
    fn every_truth_number_is_written_in_its_doc() {
        let c = build(50_000, 0, 0, 1);
        for (doc, truth) in c.text_docs.iter().zip(&c.text_truth) {
            let digits: String = doc.chars().filter(char::is_ascii_digit).collect();
            for e in truth {
                assert!(digits.contains(&e[2..]), "{e} not in doc");
            }
        }
    }
}
