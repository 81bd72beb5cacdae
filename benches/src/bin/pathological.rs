//! Times phonestorm's text and HTML finders on 1 MB hostile inputs: `pathological [LIMIT_MS]`.
//! Prints one line per input and exits non-zero when any takes longer than LIMIT_MS
//! (default 1000).

#[cfg(feature = "phonestorm")]
fn main() {
    use phonestorm_benches::pathological;
    use phonestorm_core::phone;
    use std::{hint::black_box, time::Instant};

    let limit: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000.0);
    let mut slow = 0;
    println!(
        "{:<6} {:<18} {:>9} {:>8} {:>8}",
        "kind", "input", "bytes", "ms", "found"
    );
    for (name, input) in pathological::text_inputs() {
        let t = Instant::now();
        let n = black_box(phone::text::find_in_text(black_box(&input))).len();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        slow += usize::from(ms > limit);
        println!(
            "{:<6} {:<18} {:>9} {:>8.1} {:>8}",
            "text",
            name,
            input.len(),
            ms,
            n
        );
    }
    for (name, input) in pathological::html_inputs() {
        let t = Instant::now();
        let n = black_box(phone::html::extract_html(
            black_box(&input),
            &Default::default(),
        ))
        .sightings
        .len();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        slow += usize::from(ms > limit);
        println!(
            "{:<6} {:<18} {:>9} {:>8.1} {:>8}",
            "html",
            name,
            input.len(),
            ms,
            n
        );
    }
    if slow > 0 {
        eprintln!("{slow} input(s) over {limit} ms");
        std::process::exit(1);
    }
}

#[cfg(not(feature = "phonestorm"))]
fn main() {
    eprintln!("build with --features phonestorm");
}
