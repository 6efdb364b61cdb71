//! The guarantees of [`extract`](crate::extract), checked in one place: the
//! property tests, the adversarial tests, the regression tests and the fuzz
//! target all call [`check_invariants`].

use crate::{quotations, tokenize, ClaimKind, Extraction, Span};

/// Checks every guarantee claimant makes about `out`, the result of
/// [`claimant::extract(text)`](crate::extract), and says which one broke.
///
/// * Every span (content, cue, source, sentence, speaker mentions and
///   anonymity sentences) is in bounds, non-empty and on char boundaries.
/// * Within a claim, content, source and cue do not overlap; the content
///   spans are in text order and do not overlap each other; the sentence
///   holds every cue span.
/// * The kind agrees with the quotations of [`quotations(text)`]
///   (crate::quotations): every word of a [`Direct`](ClaimKind::Direct)
///   claim's content lies inside a quotation, none of an
///   [`Indirect`](ClaimKind::Indirect) one's, some of a
///   [`Mixed`](ClaimKind::Mixed) one's.
/// * Claims are sorted by the start of their content; `parent` indices are
///   valid, never the claim itself, and never form a cycle; `speaker`
///   indices are valid and only set on claims with a source; each speaker's
///   `id` is its index.
/// * Confidence is a number in `[0, 1]`.
/// * Extraction is deterministic: running [`crate::extract`] again on
///   `text` gives `out` again. (So `out` must come from the default
///   extractor.)
/// * With the `eval` feature, `out` round-trips through JSON.
///
/// Work is linear in the size of `text` and `out` (plus one more
/// extraction). Not part of the stable API: it exists for tests and fuzzing.
///
/// # Example
///
/// ```
/// let text = "“We will stay,” she said. The ministry said the talks failed.";
/// let out = claimant::extract(text);
/// assert_eq!(claimant::check_invariants(text, &out), Ok(()));
///
/// let mut broken = out.clone();
/// broken.claims[0].content[0].end = text.len() + 1;
/// assert!(claimant::check_invariants(text, &broken).is_err());
/// ```
#[doc(hidden)]
pub fn check_invariants(text: &str, out: &Extraction) -> Result<(), String> {
    let span_ok = |owner: &str, what: &str, s: Span| -> Result<(), String> {
        match bad_span(text, s) {
            Some(why) => Err(format!("{owner}: {what} span {s:?} {why}")),
            None => Ok(()),
        }
    };

    let quoted = QuotedWords::new(text);
    let n = out.claims.len();
    for (ci, c) in out.claims.iter().enumerate() {
        if c.content.is_empty() {
            return Err(format!("claim {ci}: no content"));
        }
        if c.cue.spans.is_empty() {
            return Err(format!("claim {ci}: no cue span"));
        }
        for &s in &c.content {
            span_ok(&format!("claim {ci}"), "content", s)?;
        }
        for &s in &c.cue.spans {
            span_ok(&format!("claim {ci}"), "cue", s)?;
        }
        let source: &[Span] = c.source.as_ref().map_or(&[], |s| &s.spans);
        if c.source.is_some() && source.is_empty() {
            return Err(format!("claim {ci}: a source without spans"));
        }
        for &s in source {
            span_ok(&format!("claim {ci}"), "source", s)?;
        }
        span_ok(&format!("claim {ci}"), "sentence", c.sentence)?;

        for w in c.content.windows(2) {
            if w[0].end > w[1].start {
                return Err(format!(
                    "claim {ci}: content spans {:?} and {:?} overlap or are out of order",
                    w[0], w[1]
                ));
            }
        }
        for &a in &c.content {
            for &b in c.cue.spans.iter().chain(source) {
                if a.overlaps(b) {
                    return Err(format!(
                        "claim {ci}: content {a:?} overlaps cue or source {b:?}"
                    ));
                }
            }
        }
        for &a in &c.cue.spans {
            for &b in source {
                if a.overlaps(b) {
                    return Err(format!("claim {ci}: cue {a:?} overlaps source {b:?}"));
                }
            }
            if !c.sentence.encloses(a) {
                return Err(format!(
                    "claim {ci}: cue {a:?} outside its sentence {:?}",
                    c.sentence
                ));
            }
        }

        let (inside, outside) = c.content.iter().fold((0, 0), |(i, o), &s| {
            let (si, so) = quoted.count(s);
            (i + si, o + so)
        });
        let kind_ok = match c.kind {
            ClaimKind::Direct => inside > 0 && outside == 0,
            ClaimKind::Indirect => inside == 0,
            ClaimKind::Mixed => inside > 0 && outside > 0,
        };
        if !kind_ok {
            return Err(format!(
                "claim {ci}: kind {:?} but {inside} content words inside quotations and {outside} outside",
                c.kind
            ));
        }

        if !(0.0..=1.0).contains(&c.confidence) {
            return Err(format!(
                "claim {ci}: confidence {} not in [0, 1]",
                c.confidence
            ));
        }
        if let Some(p) = c.parent {
            if p >= n || p == ci {
                return Err(format!("claim {ci}: parent {p} invalid ({n} claims)"));
            }
        }
        if let Some(s) = c.speaker {
            if s >= out.speakers.len() {
                return Err(format!(
                    "claim {ci}: speaker {s} invalid ({} speakers)",
                    out.speakers.len()
                ));
            }
            if c.source.is_none() {
                return Err(format!("claim {ci}: a speaker without a source"));
            }
        }
    }

    for (ci, w) in out.claims.windows(2).enumerate() {
        if w[0].content[0].start > w[1].content[0].start {
            return Err(format!(
                "claims {ci} and {} not sorted by content start",
                ci + 1
            ));
        }
    }

    // Parent chains end: colour each claim once (0 unseen, 1 on the
    // current chain, 2 known to end).
    let mut state = vec![0u8; n];
    for start in 0..n {
        let mut chain = Vec::new();
        let mut i = start;
        while state[i] == 0 {
            state[i] = 1;
            chain.push(i);
            match out.claims[i].parent {
                Some(p) => i = p,
                None => break,
            }
        }
        // Stopped on a claim of this very chain that has a parent: a loop.
        if state[i] == 1 && out.claims[i].parent.is_some() {
            return Err(format!("claim {i}: parent chain has a cycle"));
        }
        for k in chain {
            state[k] = 2;
        }
    }

    for (si, sp) in out.speakers.iter().enumerate() {
        if sp.id != si {
            return Err(format!("speaker {si}: id {}", sp.id));
        }
        for &m in &sp.mentions {
            span_ok(&format!("speaker {si}"), "mention", m)?;
        }
        if let Some(a) = sp.anonymity {
            span_ok(&format!("speaker {si}"), "anonymity", a)?;
        }
    }

    let again = crate::extract(text);
    if &again != out {
        return Err("not deterministic: a second extraction differs".to_owned());
    }

    #[cfg(feature = "eval")]
    {
        let json = serde_json::to_string(out).map_err(|e| format!("to JSON: {e}"))?;
        let back: Extraction =
            serde_json::from_str(&json).map_err(|e| format!("from JSON: {e}"))?;
        if &back != out {
            return Err("JSON round trip changed the extraction".to_owned());
        }
    }
    Ok(())
}

/// Why `s` is no valid span of `text`, if it is not.
fn bad_span(text: &str, s: Span) -> Option<&'static str> {
    if s.end > text.len() {
        Some("is past the end of the text")
    } else if s.is_empty() {
        Some("is empty")
    } else if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        Some("is not on char boundaries")
    } else {
        None
    }
}

/// For any token-aligned span: how many of its words lie inside a quotation
/// and how many outside, in `O(log n)` from prefix counts.
struct QuotedWords {
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// `inside[i]`, `outside[i]`: counts among the first `i` tokens.
    inside: Vec<u32>,
    outside: Vec<u32>,
}

impl QuotedWords {
    fn new(text: &str) -> QuotedWords {
        // The union of the quotations' inner spans, as disjoint intervals
        // (inner spans start and end on token boundaries, so a token is
        // inside one of them exactly when it is inside the union).
        let mut inner: Vec<Span> = quotations(text)
            .quotations
            .iter()
            .map(|q| q.inner)
            .filter(|s| !s.is_empty())
            .collect();
        inner.sort();
        let mut union: Vec<Span> = Vec::with_capacity(inner.len());
        for s in inner {
            match union.last_mut() {
                Some(last) if s.start < last.end => *last = last.cover(s),
                _ => union.push(s),
            }
        }
        let mut q = QuotedWords {
            starts: Vec::new(),
            ends: Vec::new(),
            inside: vec![0],
            outside: vec![0],
        };
        let mut u = 0;
        for t in tokenize(text) {
            while u < union.len() && union[u].end <= t.span.start {
                u += 1;
            }
            let word = t.is_wordlike() as u32;
            let within = union.get(u).is_some_and(|s| s.encloses(t.span));
            q.starts.push(t.span.start);
            q.ends.push(t.span.end);
            let (i, o) = (
                *q.inside.last().unwrap_or(&0),
                *q.outside.last().unwrap_or(&0),
            );
            q.inside.push(i + word * within as u32);
            q.outside.push(o + word * !within as u32);
        }
        q
    }

    /// (inside, outside) word counts of the tokens within `s`.
    fn count(&self, s: Span) -> (u32, u32) {
        let lo = self.starts.partition_point(|&x| x < s.start);
        let hi = self.ends.partition_point(|&x| x <= s.end).max(lo);
        (
            self.inside[hi] - self.inside[lo],
            self.outside[hi] - self.outside[lo],
        )
    }
}
