//! Throughput on the adversarial documents of issue #7, about 4 MB each in
//! one document (the generators of `tests/adversarial/families.rs`), next
//! to ordinary news of the same size (the fixture articles, repeated, in
//! one document): a family far slower per byte than news would show work
//! that is not linear.
//!
//! ```sh
//! cargo bench --bench adversarial
//! ```

mod common;
#[path = "../tests/adversarial/families.rs"]
mod families;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const BYTES: usize = 4 << 20;

fn bench(c: &mut Criterion) {
    let ex = claimant::Extractor::new();
    black_box(ex.extract("Warm the lexicons, he said."));
    let mut g = c.benchmark_group("adversarial");
    let news = common::corpus(BYTES);
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
