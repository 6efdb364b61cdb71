//! Throughput of the foundation layer (tokenizer, sentence segmentation,
//! quotation pairing) and of the cue scan built on it (every word looked up
//! in the lexicon, phrases matched) on ~400 KB of news-like text: the
//! fixture articles
//! under `tests/fixtures/news/`, which are our own writing, concatenated and
//! repeated.
//!
//! Run with `cargo bench --bench tokenize`; criterion reports bytes per
//! second for each group.

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Roughly how much text each iteration processes.
const TARGET_BYTES: usize = 400 * 1024;

fn bench(c: &mut Criterion) {
    let text = common::corpus(TARGET_BYTES);
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
