//! The repo's own words: no comment, test case, fixture or document of the
//! crate repeats a run of words from the PolNeAR texts in `../shared/eval`,
//! which belong to their publishers. Every file the crate ships or tests
//! with is read and cut into words; a run of [`RUN`] words that a PolNeAR
//! text also holds fails the test, with the file, the line and the words.
//!
//! Skipped, with a message, when `../shared/eval` is absent.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Words in a run: long enough that stock news phrasing ("X's campaign did
/// not respond to a request for comment") passes, short enough that a
/// copied clause does not.
const RUN: usize = 10;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The words of `text`, lowercased, letters and digits only, with the
/// line each starts on.
fn words(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for w in line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            out.push((w.to_lowercase(), n + 1));
        }
    }
    out
}

fn runs(words: &[(String, usize)]) -> impl Iterator<Item = (String, usize)> + '_ {
    words.windows(RUN).map(|w| {
        let run: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        (run.join(" "), w[0].1)
    })
}

/// Every file under `dir` (recursively) whose name ends in one of `exts`.
fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, exts, out);
        } else if exts.iter().any(|x| p.to_string_lossy().ends_with(x)) {
            out.push(p);
        }
    }
}

#[test]
fn no_run_of_words_from_the_corpus() {
    let eval = manifest().join("..").join("shared").join("eval");
    let corpus: Vec<PathBuf> = ["polnear-train.jsonl", "polnear-dev.jsonl"]
        .iter()
        .map(|f| eval.join(f))
        .collect();
    if !corpus.iter().all(|p| p.exists()) {
        eprintln!("skipped: {} is absent", eval.display());
        return;
    }
    let mut seen: HashSet<String> = HashSet::new();
    for path in &corpus {
        let text = std::fs::read_to_string(path).expect("corpus readable");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus JSON");
            let doc = v["text"].as_str().unwrap_or("");
            seen.extend(runs(&words(doc)).map(|(r, _)| r));
        }
    }
    let root = manifest();
    let mut mine = Vec::new();
    for dir in ["src", "tests", "examples", "benches", "data", "scripts"] {
        files(
            &root.join(dir),
            &[".rs", ".txt", ".md", ".tsv", ".jsonl", ".py"],
            &mut mine,
        );
    }
    mine.push(root.join("README.md"));
    let mut found = Vec::new();
    for path in &mine {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for (run, line) in runs(&words(&text)) {
            if seen.contains(&run) {
                found.push(format!("{}:{line}: {run}", path.display()));
            }
        }
    }
    found.dedup();
    assert!(
        found.is_empty(),
        "{} runs of {RUN} words also in the corpus:\n{}",
        found.len(),
        found.join("\n")
    );
}
