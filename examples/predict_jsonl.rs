//! Reads claims-jsonl documents (`{"id", "text", …}` a line) and writes
//! predictions in the same format, for `score.py` or `claimant eval`.
//!
//! ```sh
//! cargo run --release --features eval --example predict_jsonl -- GOLD.jsonl [--outermost] > PRED.jsonl
//! ```

use std::io::{BufRead, BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outermost = args.iter().any(|a| a == "--outermost");
    let include_that = args.iter().any(|a| a == "--include-that");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: predict_jsonl GOLD.jsonl [--outermost] [--include-that]")?;
    let extractor = claimant::Extractor::builder()
        .nested(!outermost)
        .include_that(include_that)
        .build()?;
    let input = std::io::BufReader::new(std::fs::File::open(path)?);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)?;
        let text = doc["text"].as_str().unwrap_or_default();
        let claims: Vec<serde_json::Value> = extractor
            .extract(text)
            .claims
            .iter()
            .map(|c| {
                serde_json::json!({
                    "kind": c.kind,
                    "content": c.content,
                    "source": c.source.as_ref().map(|s| s.spans.clone()).unwrap_or_default(),
                    "cue": c.cue.spans,
                    "rule": c.rule,
                })
            })
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": doc["id"], "claims": claims}),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
