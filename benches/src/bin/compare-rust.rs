//! The Rust engines of `compare/run.sh`: `compare-rust CORPUS_DIR OUT_DIR RUNS`.
//!
//! For each engine and task, times the whole corpus in CPU seconds of this process (the machine
//! is shared; wall time would count the others' work), best of RUNS after one warm-up pass;
//! writes what it found to `OUT_DIR/<engine>.<task>.found` and prints one JSON line
//! `{"engine","task","bytes","items","seconds"}`.

use std::{env, fs, hint::black_box, path::Path};

use phonestorm_benches::cpu_seconds;

use phonestorm_benches::engines;

fn docs(dir: &Path, name: &str) -> Vec<String> {
    let s = fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    s.split('\u{1e}').map(str::to_string).collect()
}

fn time_runs<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut out = f(); // warm-up: lazy statics, caches
    let mut best = f64::MAX;
    for _ in 0..runs {
        let t = cpu_seconds();
        out = black_box(f());
        best = best.min(cpu_seconds() - t);
    }
    (best, out)
}

fn report(
    out: &Path,
    key: &str,
    engine: &str,
    task: &str,
    bytes: usize,
    items: usize,
    secs: f64,
    lines: &[String],
) {
    let mut s = String::new();
    for l in lines {
        s.push_str(l);
        s.push('\n');
    }
    fs::write(out.join(format!("{key}.{task}.found")), s).expect("write found file");
    println!(
        "{{\"engine\":\"{engine}\",\"task\":\"{task}\",\"bytes\":{bytes},\"items\":{items},\"seconds\":{secs}}}"
    );
}

type Finder = fn(&str) -> Vec<String>;
type Normalizer = fn(&str) -> Option<String>;

fn run_find(
    out: &Path,
    runs: usize,
    key: &str,
    engine: &str,
    task: &str,
    docs: &[String],
    f: Finder,
) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let (secs, found) = time_runs(runs, || docs.iter().map(|d| f(d)).collect::<Vec<_>>());
    let lines: Vec<String> = found.iter().map(|v| v.join(",")).collect();
    report(out, key, engine, task, bytes, docs.len(), secs, &lines);
}

fn run_norm(out: &Path, runs: usize, key: &str, engine: &str, inputs: &[&str], f: Normalizer) {
    let (secs, found) = time_runs(runs, || inputs.iter().map(|s| f(s)).collect::<Vec<_>>());
    let lines: Vec<String> = found.into_iter().map(Option::unwrap_or_default).collect();
    report(out, key, engine, "normalize", 0, inputs.len(), secs, &lines);
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.len() != 3 {
        eprintln!("usage: compare-rust CORPUS_DIR OUT_DIR RUNS");
        std::process::exit(2);
    }
    let (dir, out) = (Path::new(&args[0]), Path::new(&args[1]));
    let runs: usize = args[2].parse().expect("RUNS is a number");
    let text = docs(dir, "text.corpus");
    let html = docs(dir, "html.corpus");
    let norm_s = fs::read_to_string(dir.join("normalize.txt")).expect("normalize.txt");
    let norm: Vec<&str> = norm_s.lines().collect();
    let only = env::var("COMPARE_ONLY").unwrap_or_default();
    let want = |k: &str| only.is_empty() || only.split(',').any(|o| o == k);

    if want("phonestorm") {
        run_find(
            out,
            runs,
            "phonestorm",
            "phonestorm",
            "text",
            &text,
            engines::phonestorm_find,
        );
        #[cfg(feature = "html")]
        run_find(
            out,
            runs,
            "phonestorm",
            "phonestorm",
            "html",
            &html,
            engines::phonestorm_html,
        );
    }
    if want("phonestorm") {
        run_norm(
            out,
            runs,
            "phonestorm",
            "phonestorm",
            &norm,
            engines::phonestorm_normalize,
        );
    }
    let _ = &html;
    if want("rlib") {
        let rl = "rlibphonenumber 2.2 (Rust)";
        run_find(
            out,
            runs.min(3),
            "rlib",
            rl,
            "text",
            &text,
            engines::rlib_find,
        );
        run_norm(out, runs, "rlib", rl, &norm, engines::rlib_normalize);
    }
    if want("phonenumber") {
        run_norm(
            out,
            runs,
            "phonenumber",
            "phonenumber 0.3 crate (Rust)",
            &norm,
            engines::phonenumber_normalize,
        );
    }
}
