//! Property tests for the whole extractor: on text built from news
//! vocabulary (cue verbs, names with titles and abbreviations, pronouns,
//! quotation marks of every kind, dashes, line breaks) mixed with the
//! characters that break text processors (emoji, combining marks, NUL, bidi
//! overrides, zero-width spaces, CJK), `claimant::extract` never panics and
//! keeps every guarantee `claimant::check_invariants` checks; the output
//! round-trips through JSON; and a paragraph put before the text shifts
//! every span by its length.
//!
//! The generators are weighted so that the rules fire: most texts hold
//! several claims (see `generated_text_has_claims`).
//!
//! `PROPTEST_CASES=20000 cargo test --release --test invariants` for a long run.

use claimant::{check_invariants, extract, tokenize, Extraction, Span};
use proptest::prelude::*;

/// Cue words and phrases, in their news forms.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according to",
    "added",
    "adding",
    "warned",
    "believes",
    "believe",
    "saying",
    "argued",
    "wrote",
    "tweeted",
    "claimed",
    "insisted",
    "explained",
    "noted",
    "announced",
    "denied",
    "reported",
    "thinks",
    "expects",
    "condemned",
    "made clear",
    "declined to",
    "is expected",
    "It is said that",
];

/// Sources: names with titles, organizations, anonymous and group sources,
/// pronouns.
const SOURCES: &[&str] = &[
    "Sen. Maria Ortiz",
    "Ortiz",
    "Mr. Mansour",
    "Analyst Renad Mansour",
    "Iyad al-Rashidi",
    "al-Rashidi",
    "U. S. Secretary of State Antony Blinken",
    "a U. S. official",
    "an Iraqi official",
    "two officials who spoke on condition of anonymity",
    "The ministry",
    "the Pentagon",
    "The Associated Press",
    "AP",
    "officials",
    "activists",
    "Democrats",
    "a spokesman for the campaign",
    "Gov. Rosalind Mayhew (D-N.M.)",
    "he",
    "He",
    "she",
    "She",
    "they",
    "it",
    "I",
    "we",
    "Another",
];

/// Ordinary words and phrases that make content.
const WORDS: &[&str] = &[
    "the talks would resume",
    "on Oct. 7",
    "at 9 a.m.",
    "the plan will fail",
    "Iran and Iraq have kept a line",
    "we will stay",
    "it takes patience",
    "that",
    "that figure is inflated",
    "the U.S. economy",
    "in a statement",
    "reporters",
    "on Tuesday",
    "Iraq’s",
    "don't",
    "’90s",
    "$200",
    "2,000",
    "24%",
    "a disaster",
    "The Salt Orchard",
    "and",
    "but",
    "who",
    "to",
    "of",
    "will",
    "would",
    "not",
    "is",
    "was",
    "Washington",
    "Baghdad",
    "http://x.co/a.",
    "me@ap.org",
    "@AP",
    "#tag",
];

/// Every quotation mark, straight, curly, angle, doubled, low and reversed.
const MARKS: &[&str] = &[
    "\"", "'", "''", "``", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "‟", "‛", "＂",
];

/// Punctuation, dashes, line breaks and blank lines.
const PUNCT: &[&str] = &[
    ",", ",", ".", ".", ":", ";", "!", "?", "(", ")", "—", "–", "--", "-", "…", "...", "\n",
    "\n\n", "\n\n", "\r\n", "\u{2029}",
];

/// What breaks text processors: emoji (with joiners and modifiers),
/// combining marks, NUL and other controls, bidi overrides, zero-width
/// characters, CJK and other scripts.
const ODD: &[&str] = &[
    "👍",
    "🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇺🇸",
    "\u{301}",
    "e\u{301}",
    "\u{308}",
    "\u{20dd}",
    "\0",
    "\u{1b}",
    "\u{7f}",
    "\u{202e}",
    "\u{200f}",
    "\u{2067}",
    "\u{200b}",
    "\u{feff}",
    "\u{ad}",
    "\u{a0}",
    "中国外交部",
    "我们不会让步",
    "日本",
    "שלום",
    "مرحبا",
    "İ",
    "ß",
];

fn piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        3 => prop::sample::select(CUES),
        3 => prop::sample::select(SOURCES),
        4 => prop::sample::select(WORDS),
        3 => prop::sample::select(MARKS),
        3 => prop::sample::select(PUNCT),
        1 => prop::sample::select(ODD),
    ]
}

/// Pieces joined by a space, by nothing, or by a line break.
fn soup() -> impl Strategy<Value = String> {
    let glue = prop_oneof![8 => Just(" "), 2 => Just(""), 1 => Just("\n")];
    prop::collection::vec((piece(), glue), 0..80).prop_map(|v| {
        let mut s = String::new();
        for (p, g) in v {
            s.push_str(p);
            s.push_str(g);
        }
        s
    })
}

/// One news sentence in a pattern the rules exist for, with its slots
/// filled from the lists above.
fn sentence() -> impl Strategy<Value = String> {
    let w = || prop::sample::select(WORDS);
    let c = || prop::sample::select(CUES);
    let s = || prop::sample::select(SOURCES);
    let (open, close) = (
        prop::sample::select(&["“", "\"", "‘", "«", "„", "''", "``"][..]),
        prop::sample::select(&["”", "\"", "’", "»", "“", "''", "'"][..]),
    );
    (0..8u8, w(), w(), c(), s(), open, close, w(), c()).prop_map(
        |(pattern, w1, w2, cue, src, o, q, w3, cue2)| match pattern {
            0 => format!("{o}{w1} {w2},{q} {cue} {src}."),
            1 => format!("{o}{w1} {w2},{q} {src} {cue}."),
            2 => format!("{src} {cue} that {w1} {w2}."),
            3 => format!("{src} {cue}, {o}{w1} {w2}.{q}"),
            4 => format!("{w1} {w2}, {cue} {src}."),
            5 => format!("{src}: {o}{w1} {w2} {w3}.{q}"),
            6 => format!("{o}{w1},{q} {src} {cue}, {o}{w2} {w3}.{q}"),
            _ => format!("{src} {cue} {w1}, {cue2} {w2} {w3}."),
        },
    )
}

/// Sentences and paragraphs of news, with noise between them.
fn news() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        6 => sentence(),
        1 => soup().prop_map(|s| s.chars().take(40).collect()),
    ];
    let sep = prop_oneof![4 => Just(" "), 2 => Just("\n\n"), 1 => Just("\n"), 1 => Just("")];
    prop::collection::vec((unit, sep), 1..12).prop_map(|v| {
        let mut s = String::new();
        for (u, g) in v {
            s.push_str(&u);
            s.push_str(g);
        }
        s
    })
}

/// Long runs of one piece: the shapes of the adversarial documents, small.
fn runs() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), 1..60usize, prop::bool::ANY), 1..6).prop_map(|v| {
        let mut s = String::new();
        for (p, n, spaced) in v {
            for _ in 0..n {
                s.push_str(p);
                if spaced {
                    s.push(' ');
                }
            }
        }
        s
    })
}

fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => news(),
        3 => soup(),
        1 => runs(),
        1 => any::<String>(),
    ]
}

/// `check_invariants`, and the JSON round trip (which `check_invariants`
/// does only with the `eval` feature).
fn check(text: &str) -> Result<Extraction, TestCaseError> {
    let out = extract(text);
    if let Err(e) = check_invariants(text, &out) {
        return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
    }
    let json = serde_json::to_string(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Extraction =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, &out, "JSON round trip, text {:?}", text);
    Ok(out)
}

/// `out` with every span moved right by `delta`.
fn shifted(out: &Extraction, delta: usize) -> Extraction {
    let mut out = out.clone();
    let shift = |v: &mut Vec<Span>| v.iter_mut().for_each(|s| *s = s.shift(delta));
    for c in &mut out.claims {
        shift(&mut c.content);
        shift(&mut c.cue.spans);
        if let Some(s) = &mut c.source {
            shift(&mut s.spans);
        }
        c.sentence = c.sentence.shift(delta);
    }
    for s in &mut out.speakers {
        shift(&mut s.mentions);
        s.anonymity = s.anonymity.map(|a| a.shift(delta));
    }
    out
}

/// The paragraph the shift property puts before a text.
const PREFIX: &str = "Hello.\n\n";

/// True when `PREFIX` stays a paragraph of its own before `text`: the
/// tokens of the joined text are those of the prefix followed by those of
/// `text`, moved. (A text that starts with a line break or a combining mark
/// would merge into the prefix's paragraph break.)
fn prefix_is_own_paragraph(text: &str) -> bool {
    let joined = format!("{PREFIX}{text}");
    let a: Vec<_> = tokenize(&joined).map(|t| (t.span, t.kind)).collect();
    let p: Vec<_> = tokenize(PREFIX).map(|t| (t.span, t.kind)).collect();
    let b = tokenize(text).map(|t| (t.span.shift(PREFIX.len()), t.kind));
    a.len() >= p.len() && a[..p.len()] == p[..] && a[p.len()..].iter().copied().eq(b)
}

proptest! {
    // 512 cases a run; PROPTEST_CASES=20000 for a long one.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn invariants_hold(text in texts()) {
        check(&text)?;
    }

    #[test]
    fn invariants_hold_on_news(text in news()) {
        check(&text)?;
    }

    #[test]
    fn invariants_hold_on_arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn prefix_paragraph_shifts_every_span(text in prop_oneof![3 => news(), 1 => soup()]) {
        prop_assume!(prefix_is_own_paragraph(&text));
        let out = check(&text)?;
        let joined = format!("{PREFIX}{text}");
        let moved = check(&joined)?;
        prop_assert_eq!(moved, shifted(&out, PREFIX.len()), "text {:?}", text);
    }
}

/// The generators reach the rules: most news texts hold a claim, and every
/// rule family shows up over a few hundred of them.
#[test]
fn generated_text_has_claims() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    use std::collections::BTreeSet;

    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let strategy = news();
    let (mut with_claims, mut rules, mut kinds) = (0, BTreeSet::new(), BTreeSet::new());
    let n = 300;
    for _ in 0..n {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let out = extract(&text);
        with_claims += usize::from(!out.claims.is_empty());
        for c in &out.claims {
            rules.insert(format!("{:?}", c.rule));
            kinds.insert(format!("{:?}", c.kind));
        }
    }
    assert!(
        with_claims * 10 >= n * 7,
        "{with_claims} of {n} texts have claims"
    );
    assert!(rules.len() >= 7, "rules seen: {rules:?}");
    assert_eq!(kinds.len(), 3, "kinds seen: {kinds:?}");
}

#[test]
fn check_invariants_catches_broken_spans() {
    let text = "“We will stay,” she said.";
    let out = extract(text);
    assert_eq!(check_invariants(text, &out), Ok(()));

    let mut bad = out.clone();
    bad.claims[0].content[0] = Span::new(1, 4); // inside “
    assert!(check_invariants(text, &bad)
        .unwrap_err()
        .contains("char boundaries"));

    let mut bad = out.clone();
    bad.claims[0].cue.spans[0] = bad.claims[0].content[0];
    assert!(check_invariants(text, &bad)
        .unwrap_err()
        .contains("overlaps"));

    let mut bad = out.clone();
    bad.claims[0].parent = Some(0);
    assert!(check_invariants(text, &bad).unwrap_err().contains("parent"));

    let mut bad = out;
    bad.claims[0].kind = claimant::ClaimKind::Indirect;
    assert!(check_invariants(text, &bad).unwrap_err().contains("kind"));
}
