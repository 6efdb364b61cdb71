//! What the benches share: the repo's own fixture articles.

#![allow(dead_code)]

use std::path::Path;

/// The fixture articles under `tests/fixtures/news/`, our own writing, in
/// file-name order.
pub fn articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    assert!(
        !articles.is_empty(),
        "no fixture articles in {}",
        dir.display()
    );
    articles
}

/// The fixture articles as one text, separated by blank lines and repeated
/// until it has at least `bytes` bytes.
pub fn corpus(bytes: usize) -> String {
    let mut joined = String::new();
    for a in articles() {
        joined.push_str(a.trim_end());
        joined.push_str("\n\n");
    }
    joined.repeat(bytes.div_ceil(joined.len()).max(1))
}
