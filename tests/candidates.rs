//! How much of a corpus the rules have to read closely: the share of its
//! sentences, and of their bytes, that hold a candidate position (a cue of
//! the lexicon, a quotation mark or a colon). A sentence without one yields
//! no claim start, so a scan that skips such sentences can save at most
//! their share of the work.
//!
//! `CANDIDATES=../shared/eval/polnear-train.jsonl cargo test --release
//! --test candidates -- --ignored --nocapture` (any JSONL with a "text"
//! field per line).

use claimant::{sentences, tokenize, Extractor, Span, TokenKind};

#[test]
#[ignore]
fn candidate_share() {
    let Some(path) = std::env::var_os("CANDIDATES") else {
        eprintln!("set CANDIDATES to a JSONL file with a \"text\" field per line");
        return;
    };
    let data = std::fs::read_to_string(path).expect("readable JSONL");
    let ex = Extractor::new();
    let (mut sents, mut with) = (0usize, 0usize);
    let (mut bytes, mut with_bytes) = (0usize, 0usize);
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(text) = v["text"].as_str() else {
            continue;
        };
        // Candidate positions, in text order.
        let mut at: Vec<Span> = ex
            .cues(text)
            .iter()
            .flat_map(|c| c.spans.iter().copied())
            .collect();
        at.extend(
            tokenize(text)
                .filter(|t| t.is_quote() || (t.kind == TokenKind::Punct && t.text == ":"))
                .map(|t| t.span),
        );
        at.sort_unstable();
        for s in sentences(text) {
            sents += 1;
            bytes += s.len();
            let k = at.partition_point(|c| c.end <= s.start);
            if at.get(k).is_some_and(|c| c.start < s.end) {
                with += 1;
                with_bytes += s.len();
            }
        }
    }
    println!(
        "{sents} sentences, {with} ({:.1}%) with a cue, a quotation mark or a colon; \
         {:.1}% of the sentence bytes",
        100.0 * with as f64 / sents.max(1) as f64,
        100.0 * with_bytes as f64 / bytes.max(1) as f64,
    );
}
