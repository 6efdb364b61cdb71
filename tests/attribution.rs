//! Marked-up attribution cases (`tests/cases/attribution.txt`), each run
//! through `claimant::extract` and compared span for span: every expected
//! claim must be found with the same content, source and cue, and nothing
//! else may be found. A case with no tags is a negative case.
//!
//! Cases whose comment carries `known gap:` describe behaviour the rules do
//! not have yet. They are run too, and the test fails if one of them starts
//! passing, so that a fix promotes it to an ordinary case instead of hiding
//! behind the mark.

mod markup;

use claimant::{extract, Span};
use markup::{Case, ExpectedClaim};

const CASES: &str = include_str!("cases/attribution.txt");

/// The spans of a role, with surrounding whitespace trimmed, sorted.
fn norm(text: &str, spans: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = spans
        .iter()
        .filter_map(|s| {
            let t = &text[*s];
            let lead = t.len() - t.trim_start().len();
            let trail = t.len() - t.trim_end().len();
            (s.len() > lead + trail).then(|| Span::new(s.start + lead, s.end - trail))
        })
        .collect();
    out.sort();
    out
}

type Triple = (Vec<Span>, Vec<Span>, Vec<Span>);

fn expected(text: &str, c: &ExpectedClaim) -> Triple {
    let spans =
        |v: &[(usize, usize)]| -> Vec<Span> { v.iter().map(|&(s, e)| Span::new(s, e)).collect() };
    (
        norm(text, &spans(&c.content)),
        norm(text, &spans(&c.source)),
        norm(text, &spans(&c.cue)),
    )
}

fn found(text: &str, c: &claimant::Claim) -> Triple {
    let source = c
        .source
        .as_ref()
        .map(|s| s.spans.clone())
        .unwrap_or_default();
    (
        norm(text, &c.content),
        norm(text, &source),
        norm(text, &c.cue.spans),
    )
}

fn show(text: &str, t: &Triple) -> String {
    let join = |v: &[Span]| {
        v.iter()
            .map(|s| format!("{:?}", &text[*s]))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    format!(
        "source [{}] cue [{}] content [{}]",
        join(&t.1),
        join(&t.2),
        join(&t.0)
    )
}

/// Compares one case; returns a description of the differences, if any.
fn check(case: &Case) -> Option<String> {
    let text = &case.text;
    let mut want: Vec<Triple> = case.claims.iter().map(|c| expected(text, c)).collect();
    let mut got: Vec<Triple> = extract(text)
        .claims
        .iter()
        .map(|c| found(text, c))
        .collect();
    want.sort();
    got.sort();
    if want == got {
        return None;
    }
    let mut msg = format!("case {:?} (line {}):\n  {}\n", case.name, case.line, text);
    for w in want.iter().filter(|w| !got.contains(w)) {
        msg += &format!("  missing: {}\n", show(text, w));
    }
    for g in got.iter().filter(|g| !want.contains(g)) {
        msg += &format!("  extra:   {}\n", show(text, g));
    }
    Some(msg)
}

fn is_known_gap(case: &Case) -> bool {
    // The parser keeps the first comment line as the name; the raw file
    // keeps every comment line, so look the case up there.
    raw_comments(case).iter().any(|c| c.contains("known gap:"))
}

fn raw_comments(case: &Case) -> Vec<String> {
    markup::split_cases(CASES, "attribution")
        .into_iter()
        .find(|r| r.line == case.line)
        .map(|r| r.comments)
        .unwrap_or_default()
}

#[test]
fn marked_up_attribution_cases() {
    let cases = markup::parse_attribution(CASES);
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut failures = Vec::new();
    let mut fixed_gaps = Vec::new();
    let (mut pos, mut neg, mut gaps) = (0, 0, 0);
    for case in &cases {
        let gap = is_known_gap(case);
        let result = check(case);
        match (gap, result) {
            (true, None) => fixed_gaps.push(format!("{:?} (line {})", case.name, case.line)),
            (true, Some(_)) => gaps += 1,
            (false, Some(msg)) => failures.push(msg),
            (false, None) if case.is_negative() => neg += 1,
            (false, None) => pos += 1,
        }
    }
    eprintln!(
        "attribution cases: {pos} positive and {neg} negative pass, {gaps} known gaps, {} fail",
        failures.len()
    );
    assert!(
        fixed_gaps.is_empty(),
        "these known gaps pass now; remove their `known gap:` note: {fixed_gaps:#?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
