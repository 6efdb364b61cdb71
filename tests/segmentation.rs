//! Replays the marked-up cases in `tests/cases/sentences.txt` and
//! `tests/cases/quotes.txt` against [`claimant::sentences`] and
//! [`claimant::quotations`].
//!
//! Every case runs twice: as written, and after a prefix paragraph
//! ("Hello. \n\n"), where every expected offset must move by the prefix's
//! length. A failing case prints the text marked up twice (what claimant
//! found, what the case expects); the test fails at the end with the list of
//! every failing case, not at the first one.
//!
//! Quotations are compared on the ones with both marks
//! ([`claimant::Closing::Matched`]): the markup can only express those. An
//! unmatched mark is closed at its paragraph end or ignored, and neither is a
//! quotation the cases expect.

mod markup;

use claimant::{Closing, Span};

const SENTENCES: &str = include_str!("cases/sentences.txt");
const QUOTES: &str = include_str!("cases/quotes.txt");

/// A paragraph put before every case to check that offsets shift with it.
const PREFIX: &str = "Hello. \n\n";

/// Sentence ends found by claimant, less the last one (the end of the text
/// is implicit in the markup), relative to `base`.
fn boundaries(text: &str, base: usize) -> Vec<usize> {
    let spans: Vec<Span> = claimant::sentences(text)
        .filter(|s| s.start >= base)
        .collect();
    let n = spans.len().saturating_sub(1);
    spans[..n].iter().map(|s| s.end - base).collect()
}

/// The text with `|` inserted at each boundary.
fn mark_sentences(text: &str, bounds: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + bounds.len());
    let mut last = 0;
    for &b in bounds {
        match text.get(last..b) {
            Some(piece) => out.push_str(piece),
            None => return format!("{text}  [bad boundary {b}]"),
        }
        out.push('|');
        last = b;
    }
    out.push_str(&text[last..]);
    out
}

/// Matched quotations as `(start, end, depth)`, relative to `base`, in the
/// markup's order.
fn quotes(text: &str, base: usize) -> Vec<(usize, usize, usize)> {
    let q = claimant::quotations(text).quotations;
    let depth = |mut i: usize| {
        let mut d = 0;
        while let Some(p) = q[i].parent {
            if q[p].closing == Closing::Matched {
                d += 1;
            }
            i = p;
        }
        d
    };
    let mut out: Vec<_> = q
        .iter()
        .enumerate()
        .filter(|(_, x)| x.closing == Closing::Matched && x.open.start >= base)
        .map(|(i, x)| {
            let s = x.span();
            (s.start - base, s.end - base, depth(i))
        })
        .collect();
    out.sort_unstable_by_key(|&(a, _, d)| (a, d));
    out
}

/// The text with `⟦` `⟧` around each quotation.
fn mark_quotes(text: &str, quotes: &[(usize, usize, usize)]) -> String {
    let mut marks: Vec<(usize, bool)> = Vec::new();
    for &(a, b, _) in quotes {
        marks.push((a, true));
        marks.push((b, false));
    }
    // At one offset, closings come before openings.
    marks.sort_by_key(|&(at, open)| (at, open));
    let mut out = String::with_capacity(text.len() + 6 * marks.len());
    let mut last = 0;
    for (at, open) in marks {
        match text.get(last..at) {
            Some(piece) => out.push_str(piece),
            None => return format!("{text}  [bad offset {at}]"),
        }
        out.push(if open { '⟦' } else { '⟧' });
        last = at;
    }
    out.push_str(&text[last..]);
    out
}

#[test]
fn sentence_cases() {
    let cases = markup::parse_sentences(SENTENCES);
    assert!(cases.len() >= 40, "only {} sentence cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = boundaries(&case.text, 0);
        let shifted = boundaries(&format!("{PREFIX}{}", case.text), PREFIX.len());
        if got != case.boundaries {
            failures.push(format!(
                "sentences.txt:{} {}\n   got: {}\n  want: {}",
                case.line,
                case.name,
                mark_sentences(&case.text, &got),
                mark_sentences(&case.text, &case.boundaries),
            ));
        } else if shifted != got {
            failures.push(format!(
                "sentences.txt:{} {}: offsets do not shift with a prefix\n   got: {}",
                case.line,
                case.name,
                mark_sentences(&case.text, &shifted),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sentence cases failed:\n\n{}\n",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn quotation_cases() {
    let cases = markup::parse_quotes(QUOTES);
    assert!(cases.len() >= 30, "only {} quotation cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = quotes(&case.text, 0);
        let shifted = quotes(&format!("{PREFIX}{}", case.text), PREFIX.len());
        if got != case.quotes {
            failures.push(format!(
                "quotes.txt:{} {}\n   got: {}\n  want: {}",
                case.line,
                case.name,
                mark_quotes(&case.text, &got),
                mark_quotes(&case.text, &case.quotes),
            ));
        } else if shifted != got {
            failures.push(format!(
                "quotes.txt:{} {}: offsets do not shift with a prefix\n   got: {}",
                case.line,
                case.name,
                mark_quotes(&case.text, &shifted),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} quotation cases failed:\n\n{}\n",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// The renderers used in failure messages round-trip through the parsers.
#[test]
fn markup_renderers_round_trip() {
    for case in markup::parse_sentences(SENTENCES) {
        let marked = mark_sentences(&case.text, &case.boundaries);
        assert_eq!(
            markup::parse_sentence_markup(&marked, case.line),
            (case.text.clone(), case.boundaries.clone())
        );
    }
    for case in markup::parse_quotes(QUOTES) {
        let marked = mark_quotes(&case.text, &case.quotes);
        assert_eq!(
            markup::parse_quote_markup(&marked, case.line),
            (case.text.clone(), case.quotes.clone())
        );
    }
}
