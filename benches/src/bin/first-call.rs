//! Cost of the first call in a fresh process: `first-call ENGINE`, ENGINE one of
//! `phonestorm`, `phonenumber`, `rlibphonenumber`. Prints one JSON line with microseconds for
//! the first normalise and the first extraction in this process (wall clock), and the CPU
//! time of both. Run it many times (`compare/run.sh` does) and read the median.

use std::{env, hint::black_box, time::Instant};

use phonestorm_benches::cpu_seconds;

#[cfg(feature = "html")]
const PAGE: &str = "<html><head><title>Contact Us | Acme Plumbing</title></head><body>\
<header>Call Now: <a href=\"tel:+12124567890\">(212) 456-7890</a></header>\
<p>Our office: 212.456.7891</p><footer>Fax: 212-456-7892</footer></body></html>";
const TEXT: &str = "Acme Plumbing, Springfield. Call (217) 555-2368 or 1-800-356-9377.";

fn main() {
    let engine = env::args().nth(1).unwrap_or_else(|| "phonestorm".into());
    let c0 = cpu_seconds();
    let t0 = Instant::now();
    let (norm, extract) = match engine.as_str() {
        "phonestorm" => {
            use phonestorm_core::phone;
            let n = black_box(phone::normalize::normalize(
                black_box("(212) 456-7890"),
                "US",
            ))
            .is_ok();
            let t1 = t0.elapsed();
            let found = phone::text::find_in_text(black_box(TEXT)).len();
            #[cfg(feature = "html")]
            let found = found
                + phone::html::extract_html(black_box(PAGE), &phone::html::HtmlOptions::default())
                    .sightings
                    .len();
            assert!(n && found > 0);
            (t1, t0.elapsed() - t1)
        }
        "phonenumber" => {
            let n = phonenumber::parse(
                Some(phonenumber::country::Id::US),
                black_box("(212) 456-7890"),
            );
            assert!(n.is_ok());
            (t0.elapsed(), std::time::Duration::ZERO)
        }
        "rlibphonenumber" => {
            use rlibphonenumber::phonenumber_matcher::FindNumberExt;
            let n = rlibphonenumber::PhoneNumber::parse(
                black_box("(212) 456-7890"),
                Some(rlibphonenumber::Region::US),
            );
            assert!(n.is_ok());
            let t1 = t0.elapsed();
            let found = black_box(TEXT)
                .find_phone_numbers_with_preferred_region(rlibphonenumber::Region::US)
                .count();
            black_box(found);
            (t1, t0.elapsed() - t1)
        }
        other => {
            eprintln!("unknown engine {other}");
            std::process::exit(2);
        }
    };
    let cpu = cpu_seconds() - c0;
    println!(
        "{{\"engine\":\"{engine}\",\"first_normalize_us\":{:.1},\"first_extract_us\":{:.1},\"cpu_us\":{:.1}}}",
        norm.as_secs_f64() * 1e6,
        extract.as_secs_f64() * 1e6,
        cpu * 1e6
    );
}
