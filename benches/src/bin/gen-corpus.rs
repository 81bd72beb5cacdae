//! Writes the comparison corpus: `gen-corpus OUT_DIR [TEXT_MB] [HTML_MB] [NORMALIZE_COUNT]`.
//!
//! Files: `text.corpus` / `html.corpus` (documents separated by U+001E), `text.truth` /
//! `html.truth` (one line per document: comma-separated E.164), `normalize.txt` /
//! `normalize.truth` (one written number and its E.164 a line).

use std::{env, fs, path::Path};

use phonestorm_benches::corpus;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: gen-corpus OUT_DIR [TEXT_MB] [HTML_MB] [NORMALIZE_COUNT]");
        std::process::exit(2);
    };
    let mb = |i: usize, d: f64| args.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(d);
    let text = (mb(1, 4.0) * 1e6) as usize;
    let html = (mb(2, 4.0) * 1e6) as usize;
    let norm = mb(3, 20_000.0) as usize;
    let c = corpus::build(text, html, norm, 0x5EED_2026);
    let out = Path::new(out);
    fs::create_dir_all(out)?;
    let truth = |t: &[Vec<String>]| t.iter().map(|v| v.join(",") + "\n").collect::<String>();
    fs::write(out.join("text.corpus"), c.text_docs.join("\u{1e}"))?;
    fs::write(out.join("text.truth"), truth(&c.text_truth))?;
    fs::write(out.join("html.corpus"), c.html_docs.join("\u{1e}"))?;
    fs::write(out.join("html.truth"), truth(&c.html_truth))?;
    fs::write(
        out.join("normalize.txt"),
        c.normalize_inputs.join("\n") + "\n",
    )?;
    fs::write(
        out.join("normalize.truth"),
        c.normalize_truth.join("\n") + "\n",
    )?;
    eprintln!(
        "corpus: {} text docs ({} B, {} numbers), {} pages ({} B, {} numbers), {} normalise inputs",
        c.text_docs.len(),
        corpus::total_bytes(&c.text_docs),
        c.text_truth.iter().map(Vec::len).sum::<usize>(),
        c.html_docs.len(),
        corpus::total_bytes(&c.html_docs),
        c.html_truth.iter().map(Vec::len).sum::<usize>(),
        c.normalize_inputs.len()
    );
    Ok(())
}
