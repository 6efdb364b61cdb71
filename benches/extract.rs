//! Throughput of the whole extraction, on the repo's own fixture articles
//! (one article, and a multi-megabyte corpus of them), on the seed article
//! and PolNeAR train when `../shared` is present (with and without speaker
//! resolution), and in parallel batches.
//!
//! ```sh
//! cargo bench --bench extract --features rayon
//! ```

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// PolNeAR train's texts, when `../shared` is beside the repo.
fn polnear_train() -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-train.jsonl");
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_owned))
            .collect(),
    )
}

fn bytes(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

/// The claims of all `docs`, each extracted on its own.
fn extract_all(ex: &claimant::Extractor, docs: &[String]) -> usize {
    docs.iter()
        .map(|d| ex.extract(black_box(d)).claims.len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let ex = claimant::Extractor::new();
    let arts = common::articles();
    // Warm the lazy statics (lexicons, word classes) before measuring.
    black_box(ex.extract(&arts[0]));

    let mut g = c.benchmark_group("extract");
    let one = &arts[0];
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("article", |b| b.iter(|| ex.extract(black_box(one))));

    // About 4 MB: the fixtures, repeated, as separate documents.
    let mut corpus = Vec::new();
    while bytes(&corpus) < 4 << 20 {
        corpus.extend(arts.iter().cloned());
    }
    g.throughput(Throughput::Bytes(bytes(&corpus)));
    g.bench_function("fixtures_4mb", |b| b.iter(|| extract_all(&ex, &corpus)));

    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article.txt");
    if let Ok(seed) = std::fs::read_to_string(seed) {
        g.throughput(Throughput::Bytes(seed.len() as u64));
        g.bench_function("seed_article", |b| b.iter(|| ex.extract(black_box(&seed))));
    } else {
        eprintln!("extract/seed_article skipped: ../shared/seed is absent");
    }

    if let Some(train) = polnear_train() {
        g.throughput(Throughput::Bytes(bytes(&train)));
        g.bench_function("polnear_train", |b| b.iter(|| extract_all(&ex, &train)));
        // The same without speaker resolution: the stage's cost is the
        // difference between the two.
        let bare = claimant::Extractor::builder()
            .speakers(false)
            .build()
            .expect("the built-in lexicons build");
        g.bench_function("polnear_train_no_speakers", |b| {
            b.iter(|| extract_all(&bare, &train))
        });
    } else {
        eprintln!("extract/polnear_train skipped: ../shared/eval is absent");
    }
    g.finish();

    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Bytes(bytes(&corpus)));
    g.bench_function("fixtures_4mb", |b| {
        b.iter(|| ex.extract_batch(black_box(&corpus)).len())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
