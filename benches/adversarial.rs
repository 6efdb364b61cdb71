//! Throughput on the adversarial documents of issue #7, about 4 MB each in
//! one document (the generators of `tests/adversarial/families.rs`), next
//! to ordinary news of the same size (the fixture articles, repeated, in
//! one document): a family far slower per byte than news would show work
//! that is not linear.
//!
//! ```sh
//! cargo bench --bench adversarial
//! ```

#[path = "../tests/adversarial/families.rs"]
mod families;

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const BYTES: usize = 4 << 20;

/// The fixture articles, repeated to about [`BYTES`], as one document.
fn news() -> String {
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
    articles.repeat(BYTES.div_ceil(articles.len()))
}

fn bench(c: &mut Criterion) {
    let ex = claimant::Extractor::new();
    black_box(ex.extract("Warm the lexicons, he said."));
    let mut g = c.benchmark_group("adversarial");
    let news = news();
    g.throughput(Throughput::Bytes(news.len() as u64));
    g.bench_function("news", |b| {
        b.iter(|| ex.extract(black_box(&news)).claims.len())
    });
    for &(name, make) in families::FAMILIES {
        let text = make(BYTES);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| ex.extract(black_box(&text)).claims.len())
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
