//! Property tests for the foundation layer: the tokenizer, segmentation and
//! quotation pairing, on arbitrary strings and on soups built from the
//! pieces that break text processors (quotation marks of every kind,
//! combining marks, emoji and their joiners, NUL, bidi controls, every
//! Unicode line break), mixed with news tokens.

use std::collections::BTreeMap;

use claimant::{paragraphs, quotations, sentences, tokenize, Closing, Span, Token, TokenKind};
use proptest::prelude::*;

/// The paragraph the shift properties put before a text.
const PREFIX: &str = "Hello. \n\n";

const PIECES: &[&str] = &[
    // quotation marks and apostrophes
    "\"",
    "'",
    "''",
    "``",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "‟",
    "‛",
    "＂",
    // combining marks, joiners, emoji, controls, bidi
    "\u{301}",
    "\u{308}",
    "\u{20dd}",
    "\u{fe0f}",
    "\u{200d}",
    "\u{200c}",
    "\u{ad}",
    "\u{200b}",
    "\u{feff}",
    "👍",
    "🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇺🇸",
    "\0",
    "\u{7f}",
    "\u{1b}",
    "\u{200f}",
    "\u{202e}",
    "\u{2067}",
    "\u{61c}",
    // whitespace and line breaks
    " ",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{a0}",
    "\u{3000}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{b}",
    "\u{c}",
    // news tokens
    "U.S.",
    "U. S.",
    "U.",
    "S.",
    "Mr.",
    "Oct.",
    "7",
    "a.m.",
    "p.m.",
    "F.",
    "I",
    "A",
    "The",
    "said",
    "x",
    "Iraq’s",
    "don't",
    "’90s",
    "'90s",
    "’n’",
    "al-Sudani",
    "D-N.M.",
    "2,000",
    "$200",
    "3.5",
    "24%",
    "(AP)",
    "—",
    "–",
    "--",
    "-",
    "…",
    "...",
    ". . .",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    "http://x.co/a.",
    "https://",
    "www.ap.org",
    "x.example.org/a",
    "me@ap.org",
    "a.b@c",
    "@AP",
    "@",
    "#tag",
    "#1",
    "#",
    "$",
    "€5",
    "é",
    "É",
    "日本",
    "שלום",
    "مرحبا",
    "ß",
    "İ",
];

/// A text made of `PIECES`, glued together or separated by spaces.
fn soup() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(prop::sample::select(PIECES), 0..48);
    (pieces, any::<bool>()).prop_map(|(v, glued)| v.join(if glued { "" } else { " " }))
}

/// Arbitrary chars, with the tricky ones over-represented.
fn char_soup() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '.', ' ', '\n', '\r', '\u{301}', '\u{200d}',
        '\0', '\u{200f}', '👍', '-', '@', '#', 'a', 'A', '1',
    ]);
    let c = prop_oneof![3 => tricky, 1 => any::<char>()];
    prop::collection::vec(c, 0..64).prop_map(|v| v.into_iter().collect())
}

fn texts() -> impl Strategy<Value = String> {
    prop_oneof![soup(), char_soup(), any::<String>()]
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end && s.get(text).is_some()
}

/// Every span claimant returns for `text`.
fn all_spans(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = tokenize(text).map(|t| t.span).collect();
    out.extend(sentences(text));
    out.extend(paragraphs(text));
    let q = quotations(text);
    for x in &q.quotations {
        out.extend([x.open, x.inner, x.span()]);
        out.extend(x.close);
        out.extend(x.reopened.iter().copied());
    }
    out.extend(q.ignored);
    out
}

const DOUBLE_MARKS: &[&str] = &["\"", "“", "”", "„", "‟", "«", "»", "＂", "''", "``"];
const SINGLE_MARKS: &[&str] = &["'", "‘", "’", "‚", "‛", "‹", "›"];

/// The quote helpers, spelled out from the token's kind and text alone.
fn naive_quote(t: &Token<'_>) -> (bool, bool, bool) {
    let quote = matches!(
        t.kind,
        TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote
    );
    (
        quote,
        quote && DOUBLE_MARKS.contains(&t.text),
        quote && SINGLE_MARKS.contains(&t.text),
    )
}

/// Tokens of `text` that start at or after `base`, moved back by `base`.
fn tokens_from(text: &str, base: usize) -> Vec<(Span, TokenKind, &str)> {
    tokenize(text)
        .filter(|t| t.span.start >= base)
        .map(|t| {
            (
                Span::new(t.span.start - base, t.span.end - base),
                t.kind,
                t.text,
            )
        })
        .collect()
}

proptest! {
    // 512 cases a run; PROPTEST_CASES=100000 for a long one.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    /// Nothing panics, and every span is in bounds and on char boundaries.
    #[test]
    fn spans_are_valid(text in texts()) {
        for s in all_spans(&text) {
            prop_assert!(valid(&text, s), "{:?} in {:?}", s, text);
        }
    }

    /// Tokens are non-empty, ordered and disjoint; their text is the text
    /// of their span.
    #[test]
    fn tokens_ordered_and_disjoint(text in texts()) {
        let mut last = 0;
        for t in tokenize(&text) {
            prop_assert!(t.span.start >= last && t.span.end > t.span.start, "{:?} in {:?}", t, text);
            prop_assert_eq!(t.text, &text[t.span]);
            last = t.span.end;
        }
    }

    /// Tokens and the gaps between them rebuild the input; the gaps are
    /// whitespace without line breaks, paragraph breaks are whitespace with
    /// one, and no other token holds whitespace but an initial run ("U. S.")
    /// or a spaced ellipsis.
    #[test]
    fn tokens_and_gaps_rebuild_the_input(text in texts()) {
        let mut rebuilt = String::with_capacity(text.len());
        let mut last = 0;
        let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}');
        for t in tokenize(&text) {
            let gap = &text[last..t.span.start];
            prop_assert!(gap.chars().all(|c| c.is_whitespace() && !is_break(c)), "gap {:?} in {:?}", gap, text);
            rebuilt.push_str(gap);
            rebuilt.push_str(t.text);
            match t.kind {
                TokenKind::ParagraphBreak => {
                    prop_assert!(t.text.chars().all(char::is_whitespace) && t.text.chars().any(is_break), "{:?}", t);
                    prop_assert!(t.text.starts_with(is_break) && t.text.ends_with(is_break), "{:?}", t);
                }
                TokenKind::Abbreviation | TokenKind::Ellipsis => {
                    prop_assert!(!t.text.chars().any(|c| c.is_whitespace() && c != ' '), "{:?}", t);
                }
                _ => prop_assert!(!t.text.chars().any(char::is_whitespace), "{:?}", t),
            }
            last = t.span.end;
        }
        let tail = &text[last..];
        prop_assert!(tail.chars().all(|c| c.is_whitespace() && !is_break(c)), "tail {:?}", tail);
        rebuilt.push_str(tail);
        prop_assert_eq!(rebuilt, text);
    }

    /// `is_quote`, `is_double_quote`, `is_single_quote` and `is_wordlike`
    /// match oracles written from the kind and the text.
    #[test]
    fn token_helpers_match_naive_oracles(text in texts()) {
        for t in tokenize(&text) {
            let (quote, double, single) = naive_quote(&t);
            prop_assert_eq!(t.is_quote(), quote, "{:?}", t);
            prop_assert_eq!(t.is_double_quote(), double, "{:?}", t);
            prop_assert_eq!(t.is_single_quote(), single, "{:?}", t);
            // Every quotation-mark token is one mark, double or single.
            prop_assert!(!quote || double != single, "{:?}", t);
            prop_assert_eq!(
                t.is_wordlike(),
                matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number),
            );
            match t.kind {
                TokenKind::Number => prop_assert!(t.text.bytes().any(|b| b.is_ascii_digit()), "{:?}", t),
                TokenKind::Abbreviation => prop_assert!(t.text.ends_with('.'), "{:?}", t),
                TokenKind::Ellipsis => prop_assert!(t.text == "…" || t.text.starts_with('.'), "{:?}", t),
                _ => {}
            }
        }
    }

    /// Prepending a paragraph shifts every span by its length: tokens,
    /// sentences, paragraphs and quotations. (A paragraph break at the very
    /// start of the text merges with the prefix's; it is the only token
    /// that may not reappear.)
    #[test]
    fn prefix_shifts_every_span(text in texts()) {
        let shifted = format!("{PREFIX}{text}");
        let p = PREFIX.len();

        let mut plain = tokens_from(&text, 0);
        if plain.first().is_some_and(|t| t.1 == TokenKind::ParagraphBreak) {
            plain.remove(0);
        }
        prop_assert_eq!(tokens_from(&shifted, p), plain);

        let moved = |v: Vec<Span>| -> Vec<Span> {
            v.into_iter().filter(|s| s.start >= p).map(|s| Span::new(s.start - p, s.end - p)).collect()
        };
        prop_assert_eq!(moved(sentences(&shifted).collect()), sentences(&text).collect::<Vec<_>>());
        prop_assert_eq!(moved(paragraphs(&shifted).collect()), paragraphs(&text).collect::<Vec<_>>());

        let a = quotations(&text);
        let b = quotations(&shifted);
        prop_assert_eq!(a.quotations.len(), b.quotations.len());
        for (x, y) in a.quotations.iter().zip(&b.quotations) {
            prop_assert_eq!(x.open.shift(p), y.open);
            prop_assert_eq!(x.inner.shift(p), y.inner);
            prop_assert_eq!(x.close.map(|c| c.shift(p)), y.close);
            prop_assert_eq!(x.reopened.iter().map(|s| s.shift(p)).collect::<Vec<_>>(), y.reopened.clone());
            prop_assert_eq!((x.double, x.parent, x.closing), (y.double, y.parent, y.closing));
        }
        prop_assert_eq!(a.ignored.iter().map(|s| s.shift(p)).collect::<Vec<_>>(), b.ignored);
    }

    /// Paragraphs and sentences are ordered and disjoint, every sentence
    /// lies in one paragraph, and every token but paragraph breaks lies in
    /// exactly one sentence; sentences and paragraphs start and end on
    /// token boundaries.
    #[test]
    fn segmentation_covers_the_tokens(text in texts()) {
        let paras: Vec<Span> = paragraphs(&text).collect();
        let sents: Vec<Span> = sentences(&text).collect();
        for w in paras.windows(2) {
            prop_assert!(w[0].end < w[1].start);
        }
        for w in sents.windows(2) {
            // "U.S.«": a sentence may start right where the last one ended.
            prop_assert!(w[0].end <= w[1].start);
        }
        for s in &sents {
            prop_assert!(!s.is_empty());
            prop_assert!(paras.iter().any(|p| p.encloses(*s)), "{:?} in no paragraph", s);
        }
        let starts: Vec<usize> = tokenize(&text).map(|t| t.span.start).collect();
        let ends: Vec<usize> = tokenize(&text).map(|t| t.span.end).collect();
        for s in sents.iter().chain(&paras) {
            prop_assert!(starts.contains(&s.start) && ends.contains(&s.end), "{:?}", s);
        }
        for t in tokenize(&text).filter(|t| t.kind != TokenKind::ParagraphBreak) {
            prop_assert_eq!(sents.iter().filter(|s| s.encloses(t.span)).count(), 1, "{:?}", t);
        }
    }

    /// Quotations: marks around the inner text, ordered by their opening
    /// mark, parents that enclose them, and every quotation-mark token
    /// used exactly once (an opening, a closing, a reopening, or ignored).
    #[test]
    fn quotations_account_for_every_mark(text in texts()) {
        let q = quotations(&text);
        let mut uses: BTreeMap<Span, usize> = BTreeMap::new();
        for (i, x) in q.quotations.iter().enumerate() {
            prop_assert_eq!(x.open.end, x.inner.start);
            prop_assert_eq!(x.close.is_some(), x.closing == Closing::Matched);
            if let Some(c) = x.close {
                prop_assert_eq!(x.inner.end, c.start);
            }
            if i > 0 {
                prop_assert!(q.quotations[i - 1].open.start < x.open.start);
            }
            if let Some(p) = x.parent {
                prop_assert!(p < i && q.quotations[p].span().encloses(x.span()));
            }
            for r in &x.reopened {
                prop_assert!(x.inner.encloses(*r));
            }
            for s in std::iter::once(x.open).chain(x.close).chain(x.reopened.iter().copied()) {
                *uses.entry(s).or_default() += 1;
            }
        }
        for s in &q.ignored {
            *uses.entry(*s).or_default() += 1;
        }
        let marks: BTreeMap<Span, usize> =
            tokenize(&text).filter(Token::is_quote).map(|t| (t.span, 1)).collect();
        prop_assert_eq!(uses, marks);
    }

    /// The same text gives the same result.
    #[test]
    fn deterministic(text in soup()) {
        prop_assert_eq!(quotations(&text), quotations(&text));
        prop_assert_eq!(sentences(&text).collect::<Vec<_>>(), sentences(&text).collect::<Vec<_>>());
    }
}
