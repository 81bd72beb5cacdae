//! Timing of `normalize` on the +1 path. Ignored by default (timings need `--release`):
//! `cargo test --release -p phonestorm-core --test normalize_timing -- --ignored --nocapture`

use std::hint::black_box;
use std::time::Instant;

use phonestorm_core::phone::normalize::normalize;

#[test]
#[ignore = "timing: run with --release"]
fn plus_one_path_timing() {
    // First call in this process: must not pay any big lazy initialisation.
    let start = Instant::now();
    let first = normalize(black_box("(305) 234-5678"), "US").unwrap();
    let first_call = start.elapsed();
    assert_eq!(first.e164, "+13052345678");

    let inputs = [
        "(305) 234-5678",
        "+1 305-234-5678 ext. 12",
        "1-800-FLOWERS",
        "305.234.5678",
    ];
    let rounds = 200_000;
    let start = Instant::now();
    for _ in 0..rounds {
        for input in inputs {
            black_box(normalize(black_box(input), "US").ok());
        }
    }
    let per_call = start.elapsed().as_nanos() as f64 / (rounds * inputs.len()) as f64;
    println!("first call: {first_call:?}; +1 normalisation: {per_call:.0} ns/call");
    assert!(first_call.as_millis() < 5, "first call took {first_call:?}");
}
