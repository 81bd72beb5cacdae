//! Times phonestorm's text and HTML finders on 1 MB hostile inputs: `pathological [LIMIT_MS]`.
//! Prints one line per input (wall and CPU milliseconds) and exits non-zero when any takes
//! more than LIMIT_MS of CPU time (default 1000).

use std::{hint::black_box, time::Instant};

use phonestorm_benches::{cpu_seconds, pathological};
use phonestorm_core::phone;

fn timed(kind: &str, name: &str, len: usize, limit: f64, f: impl FnOnce() -> usize) -> bool {
    let c = cpu_seconds();
    let t = Instant::now();
    let n = black_box(f());
    let wall = t.elapsed().as_secs_f64() * 1e3;
    let cpu = (cpu_seconds() - c) * 1e3;
    println!("{kind:<6} {name:<18} {len:>9} {wall:>9.1} {cpu:>9.1} {n:>8}");
    cpu > limit
}

fn main() {
    let limit: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000.0);
    let mut slow = 0;
    println!(
        "{:<6} {:<18} {:>9} {:>9} {:>9} {:>8}",
        "kind", "input", "bytes", "wall ms", "CPU ms", "found"
    );
    for (name, input) in pathological::text_inputs() {
        slow += usize::from(timed("text", name, input.len(), limit, || {
            phone::text::find_in_text(black_box(&input)).len()
        }));
    }
    #[cfg(feature = "html")]
    for (name, input) in pathological::html_inputs() {
        slow += usize::from(timed("html", name, input.len(), limit, || {
            phone::html::extract_html(black_box(&input), &Default::default())
                .sightings
                .len()
        }));
    }
    if slow > 0 {
        eprintln!("{slow} input(s) over {limit} ms of CPU");
        std::process::exit(1);
    }
}
