//! Golden files and accuracy floors.
//!
//! * `tests/golden/news.claims.jsonl` holds the claims found in the repo's
//!   own fixture articles (`tests/fixtures/news/*.txt`), with the text of
//!   every span so that a diff reads as a review. A change in output fails
//!   the test; to accept it on purpose, rerun with `BLESS=1` and commit the
//!   rewritten file:
//!
//!   ```sh
//!   BLESS=1 cargo test --all-features --test golden
//!   ```
//!
//! * The fixtures' hand-made gold (`tests/fixtures/news.gold.jsonl`), the
//!   seed article and PolNeAR dev are scored with `claimant::eval` (the
//!   metrics of `score.py`) against fixed floors. The last two live in
//!   `../shared` and are skipped, with a message, when it is absent.
#![cfg(feature = "eval")]

use std::path::{Path, PathBuf};

use claimant::eval::{score, EvalClaim, EvalDoc, Report, ScoreOptions};
use claimant::{Extraction, Extractor};
use serde_json::{json, Value};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = manifest().join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

/// Reads claims-jsonl into scorer documents.
fn read_docs(path: &Path) -> Vec<EvalDoc> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("valid JSON");
            let spans = |c: &Value, k: &str| {
                c[k].as_array()
                    .map(|a| {
                        a.iter()
                            .map(|s| {
                                (
                                    s[0].as_u64().unwrap() as usize,
                                    s[1].as_u64().unwrap() as usize,
                                )
                                    .into()
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            };
            EvalDoc {
                id: v["id"].as_str().expect("id").to_owned(),
                text: v["text"].as_str().map(str::to_owned),
                claims: v["claims"]
                    .as_array()
                    .map(|cs| {
                        cs.iter()
                            .map(|c| EvalClaim {
                                kind: c["kind"].as_str().map(str::to_owned),
                                content: spans(c, "content"),
                                source: spans(c, "source"),
                                cue: spans(c, "cue"),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn to_eval(id: &str, out: &Extraction) -> EvalDoc {
    let r = |s: &claimant::Span| (s.start, s.end).into();
    EvalDoc {
        id: id.to_owned(),
        text: None,
        claims: out
            .claims
            .iter()
            .map(|c| EvalClaim {
                kind: Some(format!("{:?}", c.kind).to_lowercase()),
                content: c.content.iter().map(r).collect(),
                source: c
                    .source
                    .iter()
                    .flat_map(|s| s.spans.iter().map(r))
                    .collect(),
                cue: c.cue.spans.iter().map(r).collect(),
            })
            .collect(),
    }
}

/// Extracts every gold document with `ex` and scores the result.
fn score_with(ex: &Extractor, gold: &[EvalDoc]) -> Report {
    let pred: Vec<EvalDoc> = gold
        .iter()
        .map(|g| to_eval(&g.id, &ex.extract(g.text.as_deref().unwrap_or_default())))
        .collect();
    score(gold, &pred, &ScoreOptions::default()).expect("scorable")
}

fn fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(manifest().join("tests/fixtures/news"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn fixture_output_matches_golden_file() {
    let mut lines = Vec::new();
    for path in fixture_files() {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let out = claimant::extract(&text);
        let spans = |v: &[claimant::Span]| -> Value {
            v.iter()
                .map(|s| json!([s.start, s.end, &text[*s]]))
                .collect()
        };
        let claims: Vec<Value> = out
            .claims
            .iter()
            .map(|c| {
                json!({
                    "kind": c.kind,
                    "rule": c.rule,
                    "source": c.source.as_ref().map(|s| spans(&s.spans)).unwrap_or(json!([])),
                    "cue": spans(&c.cue.spans),
                    "content": spans(&c.content),
                    "parent": c.parent,
                })
            })
            .collect();
        let id = path.file_name().unwrap().to_string_lossy().into_owned();
        lines.push(serde_json::to_string(&json!({"id": id, "claims": claims})).unwrap());
    }
    let got = lines.join("\n") + "\n";
    let golden = manifest().join("tests/golden/news.claims.jsonl");
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &got).unwrap();
        eprintln!("blessed {}", golden.display());
        return;
    }
    let want = std::fs::read_to_string(&golden).unwrap_or_default();
    if want != got {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .filter(|(a, b)| a != b)
            .map(|(a, b)| format!("- {a}\n+ {b}"))
            .take(3)
            .collect();
        panic!(
            "output differs from {} (rerun with BLESS=1 to accept on purpose):\n{}",
            golden.display(),
            diff.join("\n")
        );
    }
}

#[test]
fn fixtures_against_their_hand_gold() {
    let gold = read_docs(&manifest().join("tests/fixtures/news.gold.jsonl"));
    let report = score_with(&Extractor::new(), &gold);
    eprintln!(
        "{}",
        report.render_table("tests/fixtures/news.gold.jsonl", "claimant")
    );
    // Floors set from the measured scores; raise them as rules improve.
    assert!(
        report.content_partial.f1 >= 0.80,
        "{:?}",
        report.content_partial
    );
    assert!(
        report.claim_source_cue.f1 >= 0.70,
        "{:?}",
        report.claim_source_cue
    );
}

#[test]
fn seed_article() {
    let Some(path) = shared("seed/article.gold.jsonl") else {
        return;
    };
    let report = score_with(&Extractor::new(), &read_docs(&path));
    eprintln!("{}", report.render_table("seed", "claimant"));
    assert!(
        report.claim_source_cue.f1 >= 0.85,
        "{:?}",
        report.claim_source_cue
    );
}

#[test]
fn polnear_dev_outermost() {
    let Some(path) = shared("eval/polnear-dev.jsonl") else {
        return;
    };
    // PolNeAR annotates only outermost attributions, and its content keeps
    // the complementizer "that".
    let ex = Extractor::builder()
        .nested(false)
        .include_that(true)
        .build()
        .unwrap();
    let report = score_with(&ex, &read_docs(&path));
    eprintln!("{}", report.render_table("polnear-dev", "claimant"));
    assert!(
        report.content_partial.f1 >= 0.65,
        "{:?}",
        report.content_partial
    );
    assert!(
        report.claim_source_cue.f1 >= 0.50,
        "{:?}",
        report.claim_source_cue
    );
    assert!(
        report.content_exact.f1 >= 0.40,
        "{:?}",
        report.content_exact
    );
}
