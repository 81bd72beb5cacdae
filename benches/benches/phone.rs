//! Criterion benches of phonestorm-core's phone pipeline.
//!
//! `cargo bench --features html` (from `benches/`). Groups:
//! - `text/find_in_text`: throughput on 1 MB of generated business text (see `src/corpus.rs`);
//! - `html/extract_html`: throughput on 1 MB of generated business pages;
//! - `normalize/+1`: one +1 number in a common written form;
//! - `pathological/*`: 1 MB hostile inputs, each must finish quickly (linear time).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use phonestorm_benches::{corpus, pathological};

fn phone(c: &mut Criterion) {
    use phonestorm_core::phone;
    let corpus = corpus::build(1 << 20, 1 << 20, 1000, 0x5EED_2026);

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(
        corpus::total_bytes(&corpus.text_docs) as u64
    ));
    g.bench_function("find_in_text", |b| {
        b.iter(|| {
            corpus
                .text_docs
                .iter()
                .map(|d| phone::text::find_in_text(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.finish();

    #[cfg(feature = "html")]
    let opts = phone::html::HtmlOptions::default();
    #[cfg(feature = "html")]
    {
        let mut g = c.benchmark_group("html");
        g.throughput(Throughput::Bytes(
            corpus::total_bytes(&corpus.html_docs) as u64
        ));
        g.bench_function("extract_html", |b| {
            b.iter(|| {
                corpus
                    .html_docs
                    .iter()
                    .map(|d| {
                        phone::html::extract_html(black_box(d), &opts)
                            .sightings
                            .len()
                    })
                    .sum::<usize>()
            })
        });
        g.finish();
    }

    let mut g = c.benchmark_group("normalize");
    g.bench_function("+1", |b| {
        b.iter(|| phone::normalize::normalize(black_box("(212) 456-7890"), "US"))
    });
    g.throughput(Throughput::Elements(corpus.normalize_inputs.len() as u64));
    g.bench_function("+1_mixed_forms", |b| {
        b.iter(|| {
            corpus
                .normalize_inputs
                .iter()
                .filter(|s| phone::normalize::normalize(black_box(s), "US").is_ok())
                .count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for (name, input) in pathological::text_inputs() {
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(format!("text/{name}"), |b| {
            b.iter(|| phone::text::find_in_text(black_box(&input)).len())
        });
    }
    #[cfg(feature = "html")]
    for (name, input) in pathological::html_inputs() {
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(format!("html/{name}"), |b| {
            b.iter(|| {
                phone::html::extract_html(black_box(&input), &opts)
                    .sightings
                    .len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, phone);
criterion_main!(benches);
