//! Throughput of the foundation layer (tokenizer, sentence segmentation,
//! quotation pairing) and of the cue scan built on it (every word looked up
//! in the lexicon, phrases matched) on ~400 KB of news-like text: the
//! fixture articles
//! under `tests/fixtures/news/`, which are our own writing, concatenated and
//! repeated.
//!
//! Run with `cargo bench --bench tokenize`; criterion reports bytes per
//! second for each group.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Roughly how much text each iteration processes.
const TARGET_BYTES: usize = 400 * 1024;

/// The fixture articles, in file-name order, separated by blank lines and
/// repeated until the corpus reaches [`TARGET_BYTES`].
fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut articles = String::new();
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        articles.push_str(text.trim_end());
        articles.push_str("\n\n");
    }
    assert!(
        !articles.trim().is_empty(),
        "no fixture articles in {}",
        dir.display()
    );
    let mut text = String::with_capacity(TARGET_BYTES + articles.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&articles);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let text = text.as_str();
    // Warm the lazy statics (the abbreviation table) before measuring.
    black_box(claimant::sentences(text).count());
    black_box(claimant::quotations(text).quotations.len());

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("count", |b| {
        b.iter(|| claimant::tokenize(black_box(text)).count())
    });
    g.finish();

    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("count", |b| {
        b.iter(|| claimant::sentences(black_box(text)).count())
    });
    g.finish();

    let mut g = c.benchmark_group("quotations");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("pair", |b| {
        b.iter(|| claimant::quotations(black_box(text)).quotations.len())
    });
    g.finish();

    // Tokens, sentences, quotations and one lexicon lookup per word: the
    // stage every later one reads.
    let ex = claimant::Extractor::new();
    black_box(ex.cues(text).len());
    let mut g = c.benchmark_group("cue_scan");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("cues", |b| b.iter(|| ex.cues(black_box(text)).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
