//! Scoring attributed-claim predictions against gold claims.
//!
//! This module is a Rust port of the project's reference scorer
//! (`shared/eval/score.py`). For the same gold and prediction files it gives
//! the same numbers, the same `--json` structure and the same table.
//!
//! # What it measures
//!
//! Gold and predictions are claims-jsonl v1: one JSON object per line,
//! `{"id", "text", "claims": [{"kind", "content", "source", "cue"}]}`, where
//! every span is a half-open `[start, end]` pair of UTF-8 **byte** offsets
//! into the gold `text`. Documents are paired by `id`; gold defines the
//! evaluation set.
//!
//! - **content exact**: a claim's key is the set of non-whitespace bytes of
//!   its content spans, after trimming whitespace, quotation marks and
//!   `, . ; :` from both ends of every span. Keys must be equal and not
//!   empty.
//! - **content partial**: a claim's token set is every whitespace-delimited
//!   token its trimmed content touches; a pair matches when
//!   `Dice = 2|A∩B| / (|A|+|B|) >= 0.5`.
//! - Both use one-to-one greedy matching per document: best score first,
//!   ties in gold order, then prediction order.
//! - **content tokens**: non-whitespace byte positions inside any content
//!   span (no trimming), micro-averaged over the corpus.
//! - **role exact**: NER-style exact match of the source, cue and content
//!   keys of each role on its own, as multisets per document.
//! - **source / cue accuracy** on the partially matched pairs: the spans
//!   share a non-whitespace byte, or both are empty. `claim+source`,
//!   `claim+cue` and `claim+source+cue` count matched pairs whose roles are
//!   also correct.
//! - **by kind**: recall broken down by the gold claim's `kind`
//!   (`direct`, `indirect`, `mixed`, and `other` for anything else).
//!
//! With [`ScoreOptions::direct_only`], gold keeps only `direct` claims and a
//! predicted claim is kept when its own kind is `direct` or its content is a
//! direct quotation by [`quote_kind`], the rule that set the gold kinds.
//!
//! Whitespace means Python's `str.isspace()` (which, unlike
//! [`char::is_whitespace`], includes U+001C..U+001F).
//!
//! # Example
//!
//! ```
//! use claimant::eval::{score, EvalClaim, EvalDoc, RawSpan, ScoreOptions};
//!
//! let text = "“We will win,” she said.";
//! // “ and ” are 3 bytes each: the quotation is bytes 0..18, "she" 19..22.
//! let claim = EvalClaim {
//!     kind: Some("direct".into()),
//!     content: vec![RawSpan::Pair(0, 18)],
//!     source: vec![RawSpan::Pair(19, 22)],
//!     cue: vec![RawSpan::Pair(23, 27)],
//! };
//! let gold = vec![EvalDoc { id: "a".into(), text: Some(text.into()), claims: vec![claim] }];
//! // A prediction without the quotation marks still matches exactly.
//! let pred = vec![EvalDoc {
//!     id: "a".into(),
//!     text: None,
//!     claims: vec![EvalClaim { content: vec![RawSpan::Pair(3, 14)], ..Default::default() }],
//! }];
//! let report = score(&gold, &pred, &ScoreOptions::default())?;
//! assert_eq!(report.content_exact.f1, 1.0);
//! assert_eq!(report.source.accuracy, Some(0.0)); // no source predicted
//! # Ok::<(), claimant::eval::EvalError>(())
//! ```
//!
//! # Robustness
//!
//! Scoring never panics. Invalid spans are dropped and spans that cut a
//! character are widened, both counted in [`Report::warnings`] under the
//! same keys as `score.py`. Input that `score.py` rejects (bad JSON, a
//! record without `id`, a duplicate id, a gold document without text) is an
//! [`EvalError`]; so is input on which `score.py` crashes (a `claims` value
//! that is neither a list nor empty, a claim that is not an object).
//!
//! # Known differences from `score.py`
//!
//! - Letters and digits in [`quote_kind`] are [`char::is_alphanumeric`]
//!   outside ASCII. Python's `str.isalnum()` (Unicode 14 in Python 3.11) is a
//!   strict subset: it does not count combining vowel signs and circled
//!   letters that Unicode calls alphabetic, nor characters added after
//!   Unicode 14. None occur in PolNeAR.
//! - JSON that Python reads but `serde_json` does not (`NaN`, `Infinity`,
//!   numbers beyond `f64`, nesting deeper than 128) is an error here.
//!   `serde_json` reads the integers `-0` and those beyond 64 bits as floats:
//!   as a span end, `-0` is then dropped where Python reads 0, and as an id
//!   such a number, or a list or an object, may print differently from
//!   Python's `str()` and so pair differently.
//! - Floats in JSON output have the same values but may be spelled
//!   differently (`0.00001` where Python writes `1e-05`).
//!
//! # Performance
//!
//! Work is linear in the text and the spans, plus one cheap test per pair of
//! a gold and a predicted claim of the same document (do their token ranges
//! overlap?) before any set is compared, as in `score.py`. Scoring PolNeAR
//! train against itself (2 × 6 MB of JSON, 20k claims) takes about 0.3 s of
//! CPU in a release build, reading included.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

// --------------------------------------------------------------------------
// character classes, as in score.py

/// Double quotation marks that open by their glyph: “ „ ‟ «
const OPEN_DQ: &[char] = &['\u{201c}', '\u{201e}', '\u{201f}', '\u{ab}'];
/// Double quotation marks that close by their glyph: ” »
const CLOSE_DQ: &[char] = &['\u{201d}', '\u{bb}'];
/// Double quotation marks whose role only the context tells: " ＂
const AMBIG_DQ: &[char] = &['"', '\u{ff02}'];
/// Single marks that may open a quotation: ‘ ‚ ‹ '
const OPEN_SQ: &[char] = &['\u{2018}', '\u{201a}', '\u{2039}', '\''];
/// Single marks that may close a quotation: ’ › '
const CLOSE_SQ: &[char] = &['\u{2019}', '\u{203a}', '\''];
/// All single marks: ‘ ’ ‚ ‹ › '
const SQ: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201a}', '\u{2039}', '\u{203a}', '\'',
];
/// An opening mark may follow these: ( [ { — – - /
const BEFORE_OPEN: &[char] = &['(', '[', '{', '\u{2014}', '\u{2013}', '-', '/'];
/// A closing mark may precede these: . , ; : ! ? ) ] } — – - / …
const AFTER_CLOSE: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '\u{2014}', '\u{2013}', '-', '/', '\u{2026}',
];
/// Characters trimmed from both edges of every content span for the exact
/// key: quotation marks (including ‛, which `quote_kind` ignores) and `,.;:`.
const TRIM_CHARS: &[char] = &[
    '"', '\'', '\u{201c}', '\u{201d}', '\u{201e}', '\u{201f}', '\u{ab}', '\u{bb}', '\u{2018}',
    '\u{2019}', '\u{201a}', '\u{201b}', '\u{2039}', '\u{203a}', '\u{ff02}', ',', '.', ';', ':',
];

fn is_dq(c: char) -> bool {
    OPEN_DQ.contains(&c) || CLOSE_DQ.contains(&c) || AMBIG_DQ.contains(&c)
}

fn is_quote(c: char) -> bool {
    is_dq(c) || SQ.contains(&c)
}

/// Python's `str.isspace()` for one character. It differs from
/// [`char::is_whitespace`] on U+001C..U+001F (Python: space).
fn py_isspace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Python's `str.isalnum()` for one character: exact on ASCII, Rust's
/// Unicode tables elsewhere (see "Known differences" in the module doc).
fn py_isalnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn is_trim(c: char) -> bool {
    py_isspace(c) || TRIM_CHARS.contains(&c)
}

/// The character that starts at byte `i`, if `i` is a boundary inside `text`.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|t| t.chars().next())
}

/// The character that ends at byte `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|t| t.chars().next_back())
}

/// Largest char boundary `<= i` (`i` is clamped to the text).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary `>= i` (`i` is clamped to the text).
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

// --------------------------------------------------------------------------
// direct / indirect / mixed

/// How much of a claim's content is inside quotation marks.
///
/// # Example
///
/// ```
/// use claimant::eval::{quote_kind, Kind};
///
/// let text = "He called it a “truce” on Monday.";
/// assert_eq!(quote_kind(text, &[(15, 26)]), Kind::Direct); // “truce”
/// assert_eq!(quote_kind(text, &[(3, 26)]), Kind::Mixed); // called it a “truce”
/// assert_eq!(Kind::Mixed.as_str(), "mixed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Every letter and digit of the content is quoted.
    Direct,
    /// No letter or digit of the content is quoted.
    Indirect,
    /// Some letters or digits are quoted and some are not.
    Mixed,
}

impl Kind {
    /// The name used in claims-jsonl: `"direct"`, `"indirect"` or `"mixed"`.
    ///
    /// # Example
    ///
    /// ```
    /// use claimant::eval::Kind;
    ///
    /// assert_eq!(Kind::Direct.as_str(), "direct");
    /// assert_eq!(Kind::Indirect.to_string(), "indirect");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a quotation mark does in its context.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight double mark with no telling context: it flips the state.
    Toggle,
    /// A single mark that is an apostrophe.
    Apostrophe,
}

fn prev_boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| py_isspace(c) || BEFORE_OPEN.contains(&c) || is_quote(c))
}

fn next_boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| py_isspace(c) || AFTER_CLOSE.contains(&c) || is_quote(c))
}

/// score.py's `classify_mark`. `i` and `len` are in bytes; `glyph` is `"`
/// for a `''` pair.
///
/// Context first: a mark after start/space/bracket/dash and before a
/// non-space opens; a mark after a non-space and before space/punctuation/
/// end closes. Otherwise the glyph decides (curly), or the mark toggles
/// (straight).
fn classify_mark(text: &str, i: usize, len: usize, glyph: char, double: bool) -> Mark {
    let prev = char_before(text, i);
    let next = char_at(text, i + len);
    let pb = prev_boundary(prev);
    let nb = next_boundary(next);
    let next_is_end_or_space = next.is_none_or(py_isspace);
    if double {
        if pb && !next_is_end_or_space {
            Mark::Open
        } else if !pb && nb {
            Mark::Close
        } else if OPEN_DQ.contains(&glyph) {
            Mark::Open
        } else if CLOSE_DQ.contains(&glyph) {
            Mark::Close
        } else {
            Mark::Toggle
        }
    } else if OPEN_SQ.contains(&glyph) && pb && !next_is_end_or_space {
        Mark::Open
    } else if CLOSE_SQ.contains(&glyph) && !pb && nb {
        Mark::Close
    } else {
        Mark::Apostrophe
    }
}

/// Classifies the content given as byte ranges of `text` as a direct,
/// indirect or mixed quotation.
///
/// This is the rule that set the `kind` of the gold claims (score.py's
/// `quote_kind`); [`score`] applies it to predictions with
/// [`ScoreOptions::direct_only`]. Ranges are half-open UTF-8 byte offsets;
/// a range that cuts a character is widened to the whole character, ends
/// past the text are clamped, and empty ranges are ignored.
///
/// 1. A double quotation mark just before the content (separated from it
///    only by whitespace) is taken in, so a content span drawn without its
///    opening mark still counts.
/// 2. The ranges are scanned left to right as one stream. Double marks
///    (straight `"`, curly, guillemets, and `''` pairs) open and close
///    quotations; letters and digits are quoted while a quotation is open.
///    A closing mark while none is open means the quotation began before
///    the content, so the letters since the previous mark become quoted.
/// 3. Single marks (`‘ ’ '`) count only outside double quotations, and only
///    when an opening and a closing mark pair up inside one range;
///    otherwise they are apostrophes (don't, voters', '90s).
///
/// # Example
///
/// ```
/// use claimant::eval::{quote_kind, Kind};
///
/// let text = "“We'll stay,” she said. “It takes patience.”";
/// // One claim, two content spans; “ and ” are 3 bytes each.
/// assert_eq!(quote_kind(text, &[(0, 17), (28, 52)]), Kind::Direct);
/// // The content without its opening mark: the mark just before counts.
/// assert_eq!(quote_kind(text, &[(3, 17)]), Kind::Direct);
/// // Apostrophes are not quotations.
/// assert_eq!(quote_kind("the voters' choice, don't", &[(0, 25)]), Kind::Indirect);
/// assert_eq!(quote_kind(text, &[]), Kind::Indirect);
/// ```
pub fn quote_kind(text: &str, frags: &[(usize, usize)]) -> Kind {
    let widened: Vec<(usize, usize)> = frags
        .iter()
        .map(|&(s, e)| {
            let e = ceil_boundary(text, e);
            (floor_boundary(text, s.min(e)), e)
        })
        .collect();
    quote_kind_bytes(text, widened)
}

/// score.py's `quote_kind`, on byte ranges that lie on char boundaries.
fn quote_kind_bytes(text: &str, mut frags: Vec<(usize, usize)>) -> Kind {
    frags.retain(|&(s, e)| e > s && text.get(s..e).is_some());
    frags.sort_unstable();
    let Some(first) = frags.first_mut() else {
        return Kind::Indirect;
    };
    // 1. a double mark just before the content, across whitespace only
    if let Some(before) = text.get(..first.0) {
        let before = before.trim_end_matches(py_isspace);
        if let Some(c) = before.chars().next_back() {
            let at = before.len() - c.len_utf8();
            if c == '\'' && before[..at].ends_with('\'') {
                first.0 = at - 1;
            } else if is_dq(c) {
                first.0 = at;
            }
        }
    }

    let mut flags: Vec<bool> = Vec::new(); // quoted flag per letter/digit
    let mut is_open = false;
    let mut since_mark: Vec<usize> = Vec::new();
    for &(s, e) in &frags {
        let first_flag = flags.len();
        let mut sq_stack: Vec<usize> = Vec::new();
        let mut sq_regions: Vec<(usize, usize)> = Vec::new();
        let mut i = s;
        while i < e {
            let Some(c) = char_at(text, i) else { break };
            let (len, double, glyph) =
                if c == '\'' && i + 1 < e && char_at(text, i + 1) == Some('\'') {
                    (2, true, '"') // '' stands for "
                } else if is_dq(c) {
                    (c.len_utf8(), true, c)
                } else if SQ.contains(&c) {
                    (c.len_utf8(), false, c)
                } else {
                    if py_isalnum(c) {
                        since_mark.push(flags.len());
                        flags.push(is_open);
                    }
                    i += c.len_utf8();
                    continue;
                };
            if double {
                let mut how = classify_mark(text, i, len, glyph, true);
                if how == Mark::Toggle {
                    how = if is_open { Mark::Close } else { Mark::Open };
                }
                if how == Mark::Open {
                    is_open = true;
                } else {
                    if !is_open {
                        // the quotation began before the content
                        for &k in &since_mark {
                            if let Some(f) = flags.get_mut(k) {
                                *f = true;
                            }
                        }
                    }
                    is_open = false;
                }
                since_mark.clear();
                sq_stack.clear();
            } else if !is_open {
                match classify_mark(text, i, len, glyph, false) {
                    Mark::Open => sq_stack.push(flags.len()),
                    Mark::Close => {
                        if let Some(a) = sq_stack.pop() {
                            sq_regions.push((a, flags.len()));
                        }
                    }
                    _ => {}
                }
            }
            i += len;
        }
        for (a, b) in sq_regions {
            for f in flags.iter_mut().take(b).skip(a.max(first_flag)) {
                *f = true;
            }
        }
    }
    let quoted = flags.iter().filter(|&&f| f).count();
    if quoted == 0 {
        Kind::Indirect
    } else if quoted == flags.len() {
        Kind::Direct
    } else {
        Kind::Mixed
    }
}

// --------------------------------------------------------------------------
// input

/// One span as read from claims-jsonl, before it is checked against the
/// text.
///
/// `Pair(start, end)` is a half-open range of UTF-8 byte offsets. When
/// scored, a pair with `start > end` or `end` past the text is dropped
/// (counted as `invalid_spans_dropped_gold`/`_pred`), and a pair that cuts
/// a character is widened to whole characters (counted as
/// `spans_inside_a_character_widened_gold`/`_pred`). Anything else that
/// stood in a span list (a float, a negative number, a list of three) is
/// `Malformed` and is dropped and counted the same way.
///
/// # Example
///
/// ```
/// use claimant::eval::RawSpan;
///
/// assert_eq!(RawSpan::from((3, 7)), RawSpan::Pair(3, 7));
/// assert_eq!(RawSpan::from(3..7), RawSpan::Pair(3, 7));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RawSpan {
    /// `[start, end]`: two non-negative integers, in bytes.
    Pair(usize, usize),
    /// A span list entry that is not two non-negative integers.
    Malformed,
}

impl From<(usize, usize)> for RawSpan {
    fn from((s, e): (usize, usize)) -> Self {
        RawSpan::Pair(s, e)
    }
}

impl From<Range<usize>> for RawSpan {
    fn from(r: Range<usize>) -> Self {
        RawSpan::Pair(r.start, r.end)
    }
}

/// One claim of a gold or predicted document.
///
/// `kind` is read from gold claims (for the by-kind breakdown and for
/// [`ScoreOptions::direct_only`]); on predictions only `Some("direct")`
/// matters, and only with `direct_only`. A claim without any valid content
/// span still counts as a prediction but can never match.
///
/// # Example
///
/// ```
/// use claimant::eval::{EvalClaim, RawSpan};
///
/// let claim = EvalClaim {
///     content: vec![(10, 25).into(), (40, 52).into()],
///     source: vec![(0, 3).into()],
///     ..Default::default()
/// };
/// assert!(claim.kind.is_none() && claim.cue.is_empty());
/// assert_eq!(claim.content[1], RawSpan::Pair(40, 52));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvalClaim {
    /// `"direct"`, `"indirect"`, `"mixed"`, anything else, or none.
    pub kind: Option<String>,
    /// Content spans (one or more for a real claim).
    pub content: Vec<RawSpan>,
    /// Source spans; empty when the text names no source.
    pub source: Vec<RawSpan>,
    /// Cue spans.
    pub cue: Vec<RawSpan>,
}

/// One document of claims-jsonl: its id, its text and its claims.
///
/// Gold documents must have `text`; predictions may leave it out (if they
/// give one that differs from gold, `pred_text_differs_from_gold` is
/// counted and the gold text is used).
///
/// # Example
///
/// ```
/// use claimant::eval::{EvalClaim, EvalDoc};
///
/// let doc = EvalDoc {
///     id: "doc-1".into(),
///     text: Some("Rain is coming, she said.".into()),
///     claims: vec![EvalClaim { content: vec![(0, 14).into()], ..Default::default() }],
/// };
/// assert_eq!(&doc.text.as_deref().unwrap()[0..14], "Rain is coming");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvalDoc {
    /// Document key; gold and predictions are paired by it.
    pub id: String,
    /// The whole document text (required on gold).
    pub text: Option<String>,
    /// The claims, in order (gold order breaks matching ties).
    pub claims: Vec<EvalClaim>,
}

/// How to score.
///
/// # Example
///
/// ```
/// use claimant::eval::ScoreOptions;
///
/// assert!(!ScoreOptions::default().direct_only);
/// let opts = ScoreOptions { direct_only: true };
/// assert!(opts.direct_only);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Score direct quotations only: gold claims of kind `direct`, and
    /// predicted claims whose kind is `direct` or whose content
    /// [`quote_kind`] calls direct (score.py's `--direct-only`).
    pub direct_only: bool,
}

// --------------------------------------------------------------------------
// errors

/// Why scoring could not run: the input could not be read or is not
/// claims-jsonl.
///
/// The message names the file and line where there is one, like
/// `score.py`'s errors (which exit with status 2).
///
/// # Example
///
/// ```
/// use claimant::eval::{score, EvalDoc, ScoreOptions};
///
/// let gold = vec![EvalDoc { id: "a".into(), ..Default::default() }]; // no text
/// let err = score(&gold, &[], &ScoreOptions::default()).unwrap_err();
/// assert_eq!(err.to_string(), "gold doc \"a\" has no text");
/// ```
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct EvalError(ErrorKind);

#[derive(Debug, thiserror::Error)]
enum ErrorKind {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} line {line}: not valid UTF-8", path.display())]
    Utf8 { path: PathBuf, line: usize },
    #[error("{} line {line}: bad JSON ({message})", path.display())]
    BadJson {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{} line {line}: record without \"id\"", path.display())]
    MissingId { path: PathBuf, line: usize },
    #[error("{origin}: {what} id {id:?} appears twice")]
    DuplicateId {
        origin: String,
        what: &'static str,
        id: String,
    },
    #[error("gold doc {id:?} has no text")]
    NoText { id: String },
    #[error("{what} doc {id:?}: {problem}")]
    Malformed {
        what: &'static str,
        id: String,
        problem: String,
    },
}

impl From<ErrorKind> for EvalError {
    fn from(kind: ErrorKind) -> Self {
        EvalError(kind)
    }
}

// --------------------------------------------------------------------------
// output

/// Whether all claims or only direct quotations were scored.
///
/// # Example
///
/// ```
/// use claimant::eval::Mode;
///
/// assert_eq!(Mode::DirectOnly.as_str(), "direct-only");
/// assert_eq!(serde_json::to_string(&Mode::All).unwrap(), "\"all\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Mode {
    /// Every claim (the default).
    #[serde(rename = "all")]
    All,
    /// [`ScoreOptions::direct_only`].
    #[serde(rename = "direct-only")]
    DirectOnly,
}

impl Mode {
    /// `"all"` or `"direct-only"`, as in the report.
    ///
    /// # Example
    ///
    /// ```
    /// use claimant::eval::Mode;
    ///
    /// assert_eq!(Mode::All.as_str(), "all");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::All => "all",
            Mode::DirectOnly => "direct-only",
        }
    }
}

/// Precision, recall and F1 with their counts.
///
/// A ratio with a zero denominator is 0, and so is F1 when `p + r == 0`.
///
/// # Example
///
/// ```
/// use claimant::eval::{score, EvalClaim, EvalDoc, ScoreOptions};
///
/// let claim = EvalClaim { content: vec![(0, 4).into()], ..Default::default() };
/// let gold = vec![EvalDoc { id: "a".into(), text: Some("Rain soon".into()), claims: vec![claim] }];
/// let m = score(&gold, &[], &ScoreOptions::default())?.content_partial;
/// assert_eq!((m.p, m.r, m.f1), (0.0, 0.0, 0.0));
/// assert_eq!((m.tp, m.n_pred, m.n_gold), (0, 0, 1));
/// # Ok::<(), claimant::eval::EvalError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Prf {
    /// Precision, `tp / n_pred`.
    pub p: f64,
    /// Recall, `tp / n_gold`.
    pub r: f64,
    /// `2pr / (p + r)`.
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// Predicted items.
    pub n_pred: usize,
    /// Gold items.
    pub n_gold: usize,
}

impl Prf {
    fn new(tp: usize, n_pred: usize, n_gold: usize) -> Self {
        let p = if n_pred > 0 {
            tp as f64 / n_pred as f64
        } else {
            0.0
        };
        let r = if n_gold > 0 {
            tp as f64 / n_gold as f64
        } else {
            0.0
        };
        let f1 = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            p,
            r,
            f1,
            tp,
            n_pred,
            n_gold,
        }
    }
}

/// Source or cue accuracy on the partially matched pairs.
///
/// # Example
///
/// ```
/// use claimant::eval::{score, EvalDoc, ScoreOptions};
///
/// let gold = vec![EvalDoc { id: "a".into(), text: Some("".into()), claims: vec![] }];
/// let acc = score(&gold, &gold, &ScoreOptions::default())?.cue;
/// assert_eq!((acc.accuracy, acc.correct, acc.matched), (None, 0, 0)); // nothing matched
/// # Ok::<(), claimant::eval::EvalError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Accuracy {
    /// `correct / matched`, `None` (JSON `null`) when nothing matched.
    pub accuracy: Option<f64>,
    /// Matched pairs whose role is correct.
    pub correct: usize,
    /// Partially matched pairs.
    pub matched: usize,
}

/// Exact role spans, each role on its own.
///
/// # Example
///
/// ```
/// use claimant::eval::{score, EvalClaim, EvalDoc, ScoreOptions};
///
/// let claim = EvalClaim {
///     content: vec![(9, 13).into()],
///     source: vec![(0, 3).into()],
///     cue: vec![(4, 8).into()],
///     ..Default::default()
/// };
/// let gold = vec![EvalDoc { id: "a".into(), text: Some("She said rain".into()), claims: vec![claim] }];
/// let roles = score(&gold, &gold, &ScoreOptions::default())?.role_exact;
/// assert_eq!((roles.source.f1, roles.cue.f1, roles.content.f1), (1.0, 1.0, 1.0));
/// # Ok::<(), claimant::eval::EvalError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RoleExact {
    /// Source keys (non-whitespace bytes of a claim's source spans).
    pub source: Prf,
    /// Cue keys.
    pub cue: Prf,
    /// Content keys, trimmed as for exact content matching.
    pub content: Prf,
}

/// Recall for the gold claims of one kind.
///
/// Every value is `None` (JSON `null`, `-` in the table) when its
/// denominator is 0.
///
/// # Example
///
/// ```
/// use claimant::eval::{score, EvalDoc, ScoreOptions};
///
/// let gold = vec![EvalDoc { id: "a".into(), text: Some("".into()), claims: vec![] }];
/// let report = score(&gold, &[], &ScoreOptions::default())?;
/// let direct = &report.by_kind["direct"];
/// assert_eq!((direct.n_gold, direct.recall_partial), (0, None));
/// # Ok::<(), claimant::eval::EvalError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct KindRecall {
    /// Gold claims of this kind.
    pub n_gold: usize,
    /// Share matched exactly.
    pub recall_exact: Option<f64>,
    /// Share matched partially.
    pub recall_partial: Option<f64>,
    /// Share of their content bytes covered by any predicted content.
    pub recall_tokens: Option<f64>,
    /// Share matched partially with a correct source.
    pub recall_claim_source: Option<f64>,
    /// Share matched partially with a correct cue.
    pub recall_claim_cue: Option<f64>,
    /// Share matched partially with a correct source and cue.
    pub recall_claim_source_cue: Option<f64>,
    /// Source accuracy on the matched ones.
    pub source_accuracy: Option<f64>,
    /// Cue accuracy on the matched ones.
    pub cue_accuracy: Option<f64>,
}

/// The scores, with the structure and key names of `score.py --json`.
///
/// Serialize it with `serde_json` for the JSON form, or
/// [`render_table`](Report::render_table) for the table.
///
/// # Example
///
/// ```
/// use claimant::eval::{score, EvalClaim, EvalDoc, Mode, ScoreOptions};
///
/// let claim = EvalClaim { content: vec![(0, 4).into()], ..Default::default() };
/// let gold = vec![EvalDoc { id: "a".into(), text: Some("Rain soon".into()), claims: vec![claim] }];
/// let report = score(&gold, &gold, &ScoreOptions::default())?;
/// assert_eq!((report.mode, report.docs), (Mode::All, 1));
/// assert_eq!(report.content_tokens.tp, 4);
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["content_exact"]["f1"], 1.0);
/// assert_eq!(json["by_kind"]["other"]["n_gold"], 1); // a gold claim without kind
/// # Ok::<(), claimant::eval::EvalError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// All claims or direct quotations only.
    pub mode: Mode,
    /// Gold documents.
    pub docs: usize,
    /// Exact content matching (claims).
    pub content_exact: Prf,
    /// Partial content matching, Dice >= 0.5 over tokens (claims).
    pub content_partial: Prf,
    /// Non-whitespace content bytes, micro-averaged (bytes).
    pub content_tokens: Prf,
    /// Source accuracy on partially matched pairs.
    pub source: Accuracy,
    /// Cue accuracy on partially matched pairs.
    pub cue: Accuracy,
    /// Partially matched pairs with a correct source (claims).
    pub claim_source: Prf,
    /// Partially matched pairs with a correct cue (claims).
    pub claim_cue: Prf,
    /// Partially matched pairs with correct source and cue (claims).
    pub claim_source_cue: Prf,
    /// Exact role spans, each role on its own.
    pub role_exact: RoleExact,
    /// Recall by gold kind: `direct`, `indirect`, `mixed` always (only
    /// `direct` with `direct_only`), and `other` when a gold claim has
    /// another kind or none.
    pub by_kind: BTreeMap<String, KindRecall>,
    /// Counts of input problems, by name (only names that occurred).
    pub warnings: BTreeMap<String, usize>,
}

/// `%6.3f`, or `   -  ` for a missing value.
fn fmt_ratio(x: Option<f64>) -> String {
    match x {
        Some(x) => format!("{x:6.3}"),
        None => "   -  ".to_string(),
    }
}

impl Report {
    /// The human-readable table of `score.py` (without `--json`), line for
    /// line, without a final newline. The labels name the inputs in the
    /// first line.
    ///
    /// # Example
    ///
    /// ```
    /// use claimant::eval::{score, EvalClaim, EvalDoc, ScoreOptions};
    ///
    /// let claim = EvalClaim { content: vec![(0, 4).into()], ..Default::default() };
    /// let gold = vec![EvalDoc { id: "a".into(), text: Some("Rain soon".into()), claims: vec![claim] }];
    /// let table = score(&gold, &[], &ScoreOptions::default())?.render_table("g.jsonl", "p.jsonl");
    /// let lines: Vec<&str> = table.lines().collect();
    /// assert_eq!(lines[0], "gold: g.jsonl   pred: p.jsonl   mode: all   docs: 1");
    /// assert_eq!(lines[3], "content exact               0.000  0.000  0.000   0 / 0 / 1");
    /// assert!(lines.contains(&"direct         0     -       -       -       -       -       -       -       -  "));
    /// assert_eq!(lines.last(), Some(&"warnings: gold_docs_missing_from_pred=1"));
    /// # Ok::<(), claimant::eval::EvalError>(())
    /// ```
    pub fn render_table(&self, gold_label: &str, pred_label: &str) -> String {
        let mut lines: Vec<String> = Vec::new();
        lines.push(format!(
            "gold: {gold_label}   pred: {pred_label}   mode: {}   docs: {}",
            self.mode.as_str(),
            self.docs
        ));
        lines.push(String::new());
        lines.push(format!(
            "{:<26} {:>6} {:>6} {:>6}   {}",
            "metric", "P", "R", "F1", "tp / pred / gold"
        ));
        let prf_line = |label: &str, m: &Prf| {
            format!(
                "{:<26} {} {} {}   {} / {} / {}",
                label,
                fmt_ratio(Some(m.p)),
                fmt_ratio(Some(m.r)),
                fmt_ratio(Some(m.f1)),
                m.tp,
                m.n_pred,
                m.n_gold
            )
        };
        for (label, m) in [
            ("content exact", &self.content_exact),
            ("content partial (dice>=.5)", &self.content_partial),
            ("content tokens (bytes)*", &self.content_tokens),
            ("claim+source", &self.claim_source),
            ("claim+cue", &self.claim_cue),
            ("claim+source+cue", &self.claim_source_cue),
        ] {
            lines.push(prf_line(label, m));
        }
        lines.push("* byte positions of non-whitespace characters inside content spans".into());
        lines.push(String::new());
        lines
            .push("role spans, exact, each role on its own (as in CofeNet's PolNeAR table)".into());
        for (label, m) in [
            ("  source", &self.role_exact.source),
            ("  cue", &self.role_exact.cue),
            ("  content", &self.role_exact.content),
        ] {
            lines.push(prf_line(label, m));
        }
        lines.push(String::new());
        for (label, m) in [
            ("source accuracy", &self.source),
            ("cue accuracy", &self.cue),
        ] {
            lines.push(format!(
                "{:<26} {}   ({} of {} partial-matched pairs)",
                label,
                fmt_ratio(m.accuracy),
                m.correct,
                m.matched
            ));
        }
        lines.push(String::new());
        lines.push("recall by gold kind".into());
        lines.push(format!(
            "{:<9} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "kind", "n", "exact", "partial", "tokens", "+src", "+cue", "+s+c", "srcacc", "cueacc"
        ));
        for (kind, m) in &self.by_kind {
            lines.push(format!(
                "{:<9} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
                kind,
                m.n_gold,
                fmt_ratio(m.recall_exact),
                fmt_ratio(m.recall_partial),
                fmt_ratio(m.recall_tokens),
                fmt_ratio(m.recall_claim_source),
                fmt_ratio(m.recall_claim_cue),
                fmt_ratio(m.recall_claim_source_cue),
                fmt_ratio(m.source_accuracy),
                fmt_ratio(m.cue_accuracy)
            ));
        }
        if !self.warnings.is_empty() {
            lines.push(String::new());
            let mut w = String::from("warnings: ");
            for (i, (k, n)) in self.warnings.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                let _ = write!(w, "{k}={n}");
            }
            lines.push(w);
        }
        lines.join("\n")
    }
}

// --------------------------------------------------------------------------
// loading claims-jsonl

/// What the JSON said that [`EvalDoc`] cannot hold, for exact warnings and
/// errors. Only counted when the document is scored, as in score.py.
#[derive(Clone, Debug, Default)]
struct Notes {
    /// `"text"` present but not a string (it then differs from gold).
    text_not_string: bool,
    /// Span fields that were neither a list nor null (`invalid_span_lists`).
    bad_span_lists: usize,
    /// Why score.py would crash on this document's claims.
    malformed: Option<String>,
}

struct Loaded {
    docs: Vec<EvalDoc>,
    notes: Vec<Notes>,
}

/// Lines as Python's text mode reads them: `\n`, `\r\n` and `\r` end a line.
fn universal_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&bytes[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(&bytes[start..i]);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(&bytes[start..]);
    }
    out
}

fn read_jsonl(path: &Path, what: &'static str) -> Result<Loaded, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| ErrorKind::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_jsonl(&bytes, path, what)
}

fn parse_jsonl(bytes: &[u8], path: &Path, what: &'static str) -> Result<Loaded, EvalError> {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (index, line) in universal_lines(bytes).into_iter().enumerate() {
        let line_no = index + 1;
        let line = std::str::from_utf8(line).map_err(|_| ErrorKind::Utf8 {
            path: path.to_path_buf(),
            line: line_no,
        })?;
        if line.chars().all(py_isspace) {
            continue;
        }
        let rec: Value = serde_json::from_str(line).map_err(|e| ErrorKind::BadJson {
            path: path.to_path_buf(),
            line: line_no,
            message: e.to_string(),
        })?;
        let Some((obj, id)) = (match rec {
            Value::Object(obj) => obj.get("id").map(py_str).map(|id| (obj, id)),
            _ => None,
        }) else {
            return Err(ErrorKind::MissingId {
                path: path.to_path_buf(),
                line: line_no,
            }
            .into());
        };
        if !seen.insert(id.clone()) {
            return Err(ErrorKind::DuplicateId {
                origin: path.display().to_string(),
                what,
                id,
            }
            .into());
        }
        let (doc, note) = doc_from_json(id, obj);
        docs.push(doc);
        notes.push(note);
    }
    Ok(Loaded { docs, notes })
}

/// Python's truth value of a JSON value.
fn py_falsy(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

fn doc_from_json(id: String, mut obj: Map<String, Value>) -> (EvalDoc, Notes) {
    let mut notes = Notes::default();
    let text = match obj.remove("text") {
        Some(Value::String(s)) => Some(s),
        Some(_) => {
            notes.text_not_string = true;
            None
        }
        None => None,
    };
    let mut claims = Vec::new();
    match obj.remove("claims") {
        None => {}
        Some(v) if py_falsy(&v) => {}
        Some(Value::Array(items)) => {
            claims.reserve(items.len());
            for (k, item) in items.into_iter().enumerate() {
                match item {
                    Value::Object(c) => claims.push(claim_from_json(c, &mut notes)),
                    _ => {
                        notes
                            .malformed
                            .get_or_insert_with(|| format!("claim {} is not an object", k + 1));
                    }
                }
            }
        }
        Some(_) => notes.malformed = Some("\"claims\" is not a list".into()),
    }
    (EvalDoc { id, text, claims }, notes)
}

fn claim_from_json(mut c: Map<String, Value>, notes: &mut Notes) -> EvalClaim {
    let mut spans = |value: Option<Value>| match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(raw_span).collect(),
        Some(_) => {
            notes.bad_span_lists += 1;
            Vec::new()
        }
    };
    let content = spans(c.remove("content"));
    let source = spans(c.remove("source"));
    let cue = spans(c.remove("cue"));
    EvalClaim {
        kind: match c.remove("kind") {
            Some(Value::String(kind)) => Some(kind),
            _ => None,
        },
        content,
        source,
        cue,
    }
}

fn raw_span(v: &Value) -> RawSpan {
    let as_index = |v: &Value| v.as_u64().and_then(|x| usize::try_from(x).ok());
    match v.as_array().map(Vec::as_slice) {
        Some([s, e]) => match (as_index(s), as_index(e)) {
            (Some(s), Some(e)) => RawSpan::Pair(s, e),
            _ => RawSpan::Malformed,
        },
        _ => RawSpan::Malformed,
    }
}

/// Python's `str()` of a JSON value, as score.py keys documents by
/// `str(rec["id"])`. Exact for strings, integers, floats, booleans and null.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a JSON value (best effort for containers).
fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                py_float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => py_str_repr(s),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", py_str_repr(k), py_repr(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python's `repr(float)`: shortest round-trip digits, scientific notation
/// below 1e-4 and from 1e16.
fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let sci = format!("{:e}", x.abs()); // e.g. "1.5e-7"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if x < 0.0 { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let exp_sign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{mantissa}e{exp_sign}{:02}", exp.unsigned_abs());
    }
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let body = if exp < 0 {
        format!("0.{}{digits}", "0".repeat(exp.unsigned_abs() as usize - 1))
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            format!("{digits}{}.0", "0".repeat(int_len - digits.len()))
        } else {
            format!("{}.{}", &digits[..int_len], &digits[int_len..])
        }
    };
    format!("{sign}{body}")
}

/// Python's `repr(str)`, for ids that are lists or objects. Approximate
/// for non-ASCII characters that Python deems unprintable.
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || (c != ' ' && py_isspace(c)) => {
                let n = u32::from(c);
                let _ = if n < 0x100 {
                    write!(out, "\\x{n:02x}")
                } else if n < 0x10000 {
                    write!(out, "\\u{n:04x}")
                } else {
                    write!(out, "\\U{n:08x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

// --------------------------------------------------------------------------
// sets of positions as sorted, disjoint, non-adjacent half-open intervals

type Set = Vec<(usize, usize)>;

/// Sorts and merges intervals into the canonical form (equal sets have
/// equal vectors).
fn normalize(mut v: Set) -> Set {
    v.retain(|&(a, b)| b > a);
    v.sort_unstable();
    let mut out: Set = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn set_len(a: &[(usize, usize)]) -> usize {
    a.iter().map(|&(s, e)| e - s).sum()
}

fn inter_len(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&(a0, a1)), Some(&(b0, b1))) = (a.get(i), b.get(j)) {
        let lo = a0.max(b0);
        let hi = a1.min(b1);
        if hi > lo {
            n += hi - lo;
        }
        if a1 < b1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}

// --------------------------------------------------------------------------
// one document, one claim

/// Gold text with the lookups the metrics need (all in bytes).
struct Doc<'t> {
    text: &'t str,
    /// Tokens (maximal runs of non-whitespace characters) as byte ranges.
    tok_start: Vec<usize>,
    tok_end: Vec<usize>,
}

impl<'t> Doc<'t> {
    fn new(text: &'t str) -> Self {
        let mut tok_start = Vec::new();
        let mut tok_end = Vec::new();
        let mut in_token = false;
        for (i, c) in text.char_indices() {
            let space = py_isspace(c);
            if space && in_token {
                tok_end.push(i);
            } else if !space && !in_token {
                tok_start.push(i);
            }
            in_token = !space;
        }
        if in_token {
            tok_end.push(text.len());
        }
        Doc {
            text,
            tok_start,
            tok_end,
        }
    }

    /// The bytes of the characters touched by `[s, e)`.
    fn widen(&self, s: usize, e: usize) -> (usize, usize) {
        (floor_boundary(self.text, s), ceil_boundary(self.text, e))
    }

    /// Adds the bytes of the non-whitespace characters in `[s, e)` (on char
    /// boundaries) to `out`.
    fn nonspace(&self, s: usize, e: usize, out: &mut Set) {
        let Some(part) = self.text.get(s..e) else {
            return;
        };
        for (i, c) in part.char_indices() {
            if py_isspace(c) {
                continue;
            }
            let (a, b) = (s + i, s + i + c.len_utf8());
            match out.last_mut() {
                Some(last) if last.1 == a => last.1 = b,
                _ => out.push((a, b)),
            }
        }
    }

    /// Ids of the tokens that `[s, e)` touches (a contiguous range).
    fn token_range(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        if e <= s {
            return None;
        }
        let lo = self.tok_end.partition_point(|&x| x <= s);
        let hi = self.tok_start.partition_point(|&x| x < e);
        (hi > lo).then_some((lo, hi))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Gold,
    Pred,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Gold => "gold",
            Side::Pred => "pred",
        }
    }
}

#[derive(Default)]
struct Warnings(BTreeMap<String, usize>);

impl Warnings {
    fn add(&mut self, key: &str, n: usize) {
        if n > 0 {
            *self.0.entry(key.to_string()).or_insert(0) += n;
        }
    }
}

/// Valid spans of one role, widened to whole characters, sorted; empty
/// spans are dropped silently and invalid ones with a warning.
fn clean_spans(spans: &[RawSpan], doc: &Doc<'_>, warn: &mut Warnings, side: Side) -> Set {
    let mut out = Vec::with_capacity(spans.len());
    for sp in spans {
        match *sp {
            RawSpan::Pair(s, e) if s <= e && e <= doc.text.len() => {
                if !(doc.text.is_char_boundary(s) && doc.text.is_char_boundary(e)) {
                    warn.add(
                        &format!("spans_inside_a_character_widened_{}", side.name()),
                        1,
                    );
                }
                if e > s {
                    out.push((s, e));
                }
            }
            _ => warn.add(&format!("invalid_spans_dropped_{}", side.name()), 1),
        }
    }
    out.sort_unstable();
    out
}

/// One claim, prepared for matching.
struct Claim<'c> {
    kind: Option<&'c str>,
    /// Trimmed content bytes: the key for exact matching.
    exact_key: Set,
    /// Token ids touched by the trimmed content.
    tokens: Set,
    n_tokens: usize,
    /// Smallest and largest token id, if any (to prune candidate pairs).
    token_span: Option<(usize, usize)>,
    /// Untrimmed content bytes (the token metric).
    content_bytes: Set,
    source_bytes: Set,
    cue_bytes: Set,
    looks_direct: bool,
}

impl<'c> Claim<'c> {
    fn new(
        rec: &'c EvalClaim,
        doc: &Doc<'_>,
        warn: &mut Warnings,
        side: Side,
        direct_only: bool,
    ) -> Self {
        let content = clean_spans(&rec.content, doc, warn, side);
        let source = clean_spans(&rec.source, doc, warn, side);
        let cue = clean_spans(&rec.cue, doc, warn, side);
        if content.is_empty() {
            warn.add(&format!("{}_claims_without_content", side.name()), 1);
        }
        let mut exact = Vec::new();
        let mut tokens = Vec::new();
        let mut content_bytes = Vec::new();
        let mut frags = Vec::with_capacity(content.len());
        for &(s, e) in &content {
            let (s, e) = doc.widen(s, e);
            frags.push((s, e));
            doc.nonspace(s, e, &mut content_bytes);
            let part = doc.text.get(s..e).unwrap_or("");
            let ts = s + (part.len() - part.trim_start_matches(is_trim).len());
            let te = s + part.trim_end_matches(is_trim).len();
            if te > ts {
                doc.nonspace(ts, te, &mut exact);
                tokens.extend(doc.token_range(ts, te));
            }
        }
        let role_bytes = |spans: &Set| {
            let mut out = Vec::new();
            for &(s, e) in spans {
                let (s, e) = doc.widen(s, e);
                doc.nonspace(s, e, &mut out);
            }
            normalize(out)
        };
        let source_bytes = role_bytes(&source);
        let cue_bytes = role_bytes(&cue);
        let tokens = normalize(tokens);
        let token_span = match (tokens.first(), tokens.last()) {
            (Some(&(lo, _)), Some(&(_, hi))) => Some((lo, hi - 1)),
            _ => None,
        };
        let looks_direct = side == Side::Pred
            && direct_only
            && (rec.kind.as_deref() == Some("direct")
                || quote_kind_bytes(doc.text, frags) == Kind::Direct);
        Claim {
            kind: match side {
                Side::Gold => rec.kind.as_deref(),
                Side::Pred => None,
            },
            exact_key: normalize(exact),
            n_tokens: set_len(&tokens),
            tokens,
            token_span,
            content_bytes: normalize(content_bytes),
            source_bytes,
            cue_bytes,
            looks_direct,
        }
    }
}

fn dice(g: &Claim<'_>, p: &Claim<'_>) -> f64 {
    if g.n_tokens == 0 || p.n_tokens == 0 {
        return 0.0;
    }
    2.0 * inter_len(&g.tokens, &p.tokens) as f64 / (g.n_tokens + p.n_tokens) as f64
}

/// Both empty, or the two sets share at least one byte.
fn role_correct(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> bool {
    (gold.is_empty() && pred.is_empty()) || inter_len(gold, pred) > 0
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MatchBy {
    Exact,
    Partial,
}

/// One-to-one greedy matching, best score first.
///
/// Candidate pairs are those that pass the threshold; they are taken in
/// order of decreasing score (ties: gold index, then pred index) and a pair
/// is kept when neither side is matched yet. Returns the pred index matched
/// to each gold claim.
fn greedy_match(gold: &[Claim<'_>], pred: &[Claim<'_>], by: MatchBy) -> Vec<Option<usize>> {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let Some((glo, ghi)) = g.token_span else {
            continue;
        };
        for (pi, p) in pred.iter().enumerate() {
            let Some((plo, phi)) = p.token_span else {
                continue;
            };
            if phi < glo || ghi < plo {
                continue; // no shared token
            }
            match by {
                MatchBy::Exact => {
                    if !g.exact_key.is_empty() && g.exact_key == p.exact_key {
                        cands.push((1.0, gi, pi));
                    }
                }
                MatchBy::Partial => {
                    let sc = dice(g, p);
                    if sc >= 0.5 {
                        cands.push((sc, gi, pi));
                    }
                }
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; gold.len()];
    let mut used_pred = vec![false; pred.len()];
    for (_, gi, pi) in cands {
        if out[gi].is_some() || used_pred[pi] {
            continue;
        }
        out[gi] = Some(pi);
        used_pred[pi] = true;
    }
    out
}

// --------------------------------------------------------------------------
// scoring

const KINDS: [&str; 3] = ["direct", "indirect", "mixed"];

#[derive(Default)]
struct Totals {
    n_gold: usize,
    n_pred: usize,
    tp_exact: usize,
    tp_partial: usize,
    src_ok: usize,
    cue_ok: usize,
    src_cue_ok: usize,
    tok_gold: usize,
    tok_pred: usize,
    tok_tp: usize,
    /// gold, pred, tp for source, cue, content
    role: [(usize, usize, usize); 3],
}

#[derive(Default)]
struct KindCounts {
    n_gold: usize,
    exact: usize,
    partial: usize,
    src_ok: usize,
    cue_ok: usize,
    src_cue_ok: usize,
    tok_gold: usize,
    tok_tp: usize,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Scores predicted documents against gold documents.
///
/// Gold defines the evaluation set, in its order. A gold id missing from
/// `pred` predicts nothing (`gold_docs_missing_from_pred`); predicted
/// documents with ids not in gold are ignored (`pred_docs_not_in_gold`).
/// Spans are UTF-8 byte offsets into the gold text. The metrics are those
/// of `shared/eval/README.md` and are described on [`Report`].
///
/// # Errors
///
/// A gold document without text, a duplicate id among the gold or among the
/// predicted documents.
///
/// # Example
///
/// ```
/// use claimant::eval::{score, EvalClaim, EvalDoc, ScoreOptions};
///
/// let text = "Taxes will rise, the minister said.";
/// let gold = vec![EvalDoc {
///     id: "d".into(),
///     text: Some(text.into()),
///     claims: vec![EvalClaim {
///         kind: Some("indirect".into()),
///         content: vec![(0, 15).into()],
///         source: vec![(17, 29).into()],
///         cue: vec![(30, 34).into()],
///     }],
/// }];
/// let pred = vec![EvalDoc {
///     id: "d".into(),
///     text: None,
///     claims: vec![EvalClaim {
///         content: vec![(6, 15).into()], // "will rise": 2 of 3 tokens
///         source: vec![(21, 29).into()], // "minister" overlaps the gold source
///         cue: vec![(30, 34).into()],
///         ..Default::default()
///     }],
/// }];
/// let report = score(&gold, &pred, &ScoreOptions::default())?;
/// assert_eq!(report.content_exact.tp, 0);
/// assert_eq!(report.content_partial.tp, 1); // Dice 2*2/(3+2) = 0.8
/// assert_eq!(report.claim_source_cue.f1, 1.0);
/// assert!(report.warnings.is_empty());
/// # Ok::<(), claimant::eval::EvalError>(())
/// ```
pub fn score(gold: &[EvalDoc], pred: &[EvalDoc], opts: &ScoreOptions) -> Result<Report, EvalError> {
    score_impl(gold, &[], pred, &[], opts)
}

/// Reads two claims-jsonl files and scores them with [`score`]: the
/// library form of `score.py GOLD PRED`.
///
/// One JSON object per line; blank lines are skipped; `\n`, `\r\n` and `\r`
/// end lines. Ids that are not strings are keyed as Python's `str()` prints
/// them (`7`, `1.5`, `True`). Fields other than `id`, `text`, `claims`,
/// `kind`, `content`, `source` and `cue` are ignored.
///
/// # Errors
///
/// A file that cannot be read or is not UTF-8, a line that is not JSON, a
/// record that is not an object with an `"id"`, an id that appears twice
/// in one file (each with file name and line where it applies), a gold
/// document without text, and a scored document whose `claims` is not a
/// list of objects.
///
/// # Example
///
/// ```
/// use claimant::eval::{score_files, ScoreOptions};
///
/// let dir = std::env::temp_dir().join(format!("claimant-eval-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let gold = dir.join("gold.jsonl");
/// let pred = dir.join("pred.jsonl");
/// std::fs::write(
///     &gold,
///     r#"{"id": 1, "text": "He said no.", "claims": [{"content": [[8, 10]], "source": [[0, 2]], "cue": [[3, 7]]}]}"#,
/// ).unwrap();
/// std::fs::write(&pred, "\n{\"id\": \"1\", \"claims\": [{\"content\": [[8, 10]]}]}\n").unwrap();
/// let report = score_files(&gold, &pred, &ScoreOptions::default())?;
/// assert_eq!(report.content_exact.f1, 1.0);
/// assert_eq!(report.source.accuracy, Some(0.0));
///
/// std::fs::write(&pred, "{\"id\": \"1\"}\n{\"id\": 1}\n").unwrap();
/// let err = score_files(&gold, &pred, &ScoreOptions::default()).unwrap_err();
/// assert!(err.to_string().ends_with("pred id \"1\" appears twice"));
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), claimant::eval::EvalError>(())
/// ```
pub fn score_files(gold: &Path, pred: &Path, opts: &ScoreOptions) -> Result<Report, EvalError> {
    let gold = read_jsonl(gold, "gold")?;
    let pred = read_jsonl(pred, "pred")?;
    score_impl(&gold.docs, &gold.notes, &pred.docs, &pred.notes, opts)
}

fn score_impl(
    gold: &[EvalDoc],
    gold_notes: &[Notes],
    pred: &[EvalDoc],
    pred_notes: &[Notes],
    opts: &ScoreOptions,
) -> Result<Report, EvalError> {
    let no_notes = Notes::default();
    let direct_only = opts.direct_only;
    let mut gold_ids: HashSet<&str> = HashSet::with_capacity(gold.len());
    for g in gold {
        if !gold_ids.insert(&g.id) {
            return Err(ErrorKind::DuplicateId {
                origin: "gold documents".into(),
                what: "gold",
                id: g.id.clone(),
            }
            .into());
        }
    }
    let mut pred_index: HashMap<&str, usize> = HashMap::with_capacity(pred.len());
    for (i, p) in pred.iter().enumerate() {
        if pred_index.insert(&p.id, i).is_some() {
            return Err(ErrorKind::DuplicateId {
                origin: "predicted documents".into(),
                what: "pred",
                id: p.id.clone(),
            }
            .into());
        }
    }

    let mut warn = Warnings::default();
    let mut tot = Totals::default();
    let mut by_kind: BTreeMap<&'static str, KindCounts> =
        KINDS.iter().map(|&k| (k, KindCounts::default())).collect();
    warn.add(
        "pred_docs_not_in_gold",
        pred.iter()
            .filter(|p| !gold_ids.contains(p.id.as_str()))
            .count(),
    );

    for (gi, gdoc) in gold.iter().enumerate() {
        let Some(text) = gdoc.text.as_deref() else {
            return Err(ErrorKind::NoText {
                id: gdoc.id.clone(),
            }
            .into());
        };
        let gnote = gold_notes.get(gi).unwrap_or(&no_notes);
        if let Some(problem) = &gnote.malformed {
            return Err(ErrorKind::Malformed {
                what: "gold",
                id: gdoc.id.clone(),
                problem: problem.clone(),
            }
            .into());
        }
        let doc = Doc::new(text);
        let pdoc = pred_index
            .get(gdoc.id.as_str())
            .map(|&i| (&pred[i], pred_notes.get(i).unwrap_or(&no_notes)));
        match pdoc {
            None => warn.add("gold_docs_missing_from_pred", 1),
            Some((p, pnote)) => {
                if pnote.text_not_string || p.text.as_deref().is_some_and(|t| t != text) {
                    warn.add("pred_text_differs_from_gold", 1);
                }
            }
        }

        warn.add("invalid_span_lists", gnote.bad_span_lists);
        let mut gold_claims: Vec<Claim<'_>> = gdoc
            .claims
            .iter()
            .map(|c| Claim::new(c, &doc, &mut warn, Side::Gold, direct_only))
            .collect();
        let mut pred_claims: Vec<Claim<'_>> = Vec::new();
        if let Some((p, pnote)) = pdoc {
            if let Some(problem) = &pnote.malformed {
                return Err(ErrorKind::Malformed {
                    what: "pred",
                    id: p.id.clone(),
                    problem: problem.clone(),
                }
                .into());
            }
            warn.add("invalid_span_lists", pnote.bad_span_lists);
            pred_claims = p
                .claims
                .iter()
                .map(|c| Claim::new(c, &doc, &mut warn, Side::Pred, direct_only))
                .collect();
        }
        if direct_only {
            gold_claims.retain(|g| g.kind == Some("direct"));
            pred_claims.retain(|p| p.looks_direct);
        }
        let (gold_claims, pred_claims) = (gold_claims, pred_claims);

        tot.n_gold += gold_claims.len();
        tot.n_pred += pred_claims.len();

        let m_exact = greedy_match(&gold_claims, &pred_claims, MatchBy::Exact);
        let m_part = greedy_match(&gold_claims, &pred_claims, MatchBy::Partial);
        tot.tp_exact += m_exact.iter().flatten().count();

        // content tokens (byte positions of non-space characters)
        let gpos = normalize(
            gold_claims
                .iter()
                .flat_map(|g| g.content_bytes.iter().copied())
                .collect(),
        );
        let ppos = normalize(
            pred_claims
                .iter()
                .flat_map(|p| p.content_bytes.iter().copied())
                .collect(),
        );
        tot.tok_gold += set_len(&gpos);
        tot.tok_pred += set_len(&ppos);
        tot.tok_tp += inter_len(&gpos, &ppos);

        // role spans, each role on its own: multisets of keys per document
        let keys: [for<'x> fn(&'x Claim<'_>) -> &'x Set; 3] =
            [|c| &c.source_bytes, |c| &c.cue_bytes, |c| &c.exact_key];
        for (role, key) in tot.role.iter_mut().zip(keys) {
            let mut counts: HashMap<&Set, (usize, usize)> = HashMap::new();
            for g in &gold_claims {
                let k = key(g);
                if !k.is_empty() {
                    counts.entry(k).or_default().0 += 1;
                    role.0 += 1;
                }
            }
            for p in &pred_claims {
                let k = key(p);
                if !k.is_empty() {
                    counts.entry(k).or_default().1 += 1;
                    role.1 += 1;
                }
            }
            role.2 += counts.values().map(|&(g, p)| g.min(p)).sum::<usize>();
        }

        for (gi, g) in gold_claims.iter().enumerate() {
            let kind = KINDS
                .iter()
                .find(|&&k| g.kind == Some(k))
                .copied()
                .unwrap_or("other");
            let kb = by_kind.entry(kind).or_default();
            kb.n_gold += 1;
            kb.exact += usize::from(m_exact[gi].is_some());
            if let Some(p) = m_part[gi].and_then(|pi| pred_claims.get(pi)) {
                let src = role_correct(&g.source_bytes, &p.source_bytes);
                let cue = role_correct(&g.cue_bytes, &p.cue_bytes);
                tot.tp_partial += 1;
                tot.src_ok += usize::from(src);
                tot.cue_ok += usize::from(cue);
                tot.src_cue_ok += usize::from(src && cue);
                kb.partial += 1;
                kb.src_ok += usize::from(src);
                kb.cue_ok += usize::from(cue);
                kb.src_cue_ok += usize::from(src && cue);
            }
            kb.tok_gold += set_len(&g.content_bytes);
            kb.tok_tp += inter_len(&g.content_bytes, &ppos);
        }
    }

    let (n_pred, n_gold) = (tot.n_pred, tot.n_gold);
    let role = |i: usize| {
        let (g, p, tp) = tot.role[i];
        Prf::new(tp, p, g)
    };
    let by_kind = by_kind
        .into_iter()
        .filter(|(k, _)| !direct_only || *k == "direct")
        .map(|(k, kb)| {
            let n = kb.n_gold;
            let recall = KindRecall {
                n_gold: n,
                recall_exact: ratio(kb.exact, n),
                recall_partial: ratio(kb.partial, n),
                recall_tokens: ratio(kb.tok_tp, kb.tok_gold),
                recall_claim_source: ratio(kb.src_ok, n),
                recall_claim_cue: ratio(kb.cue_ok, n),
                recall_claim_source_cue: ratio(kb.src_cue_ok, n),
                source_accuracy: ratio(kb.src_ok, kb.partial),
                cue_accuracy: ratio(kb.cue_ok, kb.partial),
            };
            (k.to_string(), recall)
        })
        .collect();
    Ok(Report {
        mode: if direct_only {
            Mode::DirectOnly
        } else {
            Mode::All
        },
        docs: gold.len(),
        content_exact: Prf::new(tot.tp_exact, n_pred, n_gold),
        content_partial: Prf::new(tot.tp_partial, n_pred, n_gold),
        content_tokens: Prf::new(tot.tok_tp, tot.tok_pred, tot.tok_gold),
        source: Accuracy {
            accuracy: ratio(tot.src_ok, tot.tp_partial),
            correct: tot.src_ok,
            matched: tot.tp_partial,
        },
        cue: Accuracy {
            accuracy: ratio(tot.cue_ok, tot.tp_partial),
            correct: tot.cue_ok,
            matched: tot.tp_partial,
        },
        claim_source: Prf::new(tot.src_ok, n_pred, n_gold),
        claim_cue: Prf::new(tot.cue_ok, n_pred, n_gold),
        claim_source_cue: Prf::new(tot.src_cue_ok, n_pred, n_gold),
        role_exact: RoleExact {
            source: role(0),
            cue: role(1),
            content: role(2),
        },
        by_kind,
        warnings: warn.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte span of the `nth` occurrence of `needle` in `text`.
    fn find(text: &str, needle: &str, nth: usize) -> (usize, usize) {
        let (at, _) = text.match_indices(needle).nth(nth).expect("needle in text");
        (at, at + needle.len())
    }

    fn span(text: &str, needle: &str) -> RawSpan {
        find(text, needle, 0).into()
    }

    fn doc(id: &str, text: &str, claims: Vec<EvalClaim>) -> EvalDoc {
        EvalDoc {
            id: id.into(),
            text: Some(text.into()),
            claims,
        }
    }

    fn claim(
        kind: Option<&str>,
        content: &[RawSpan],
        source: &[RawSpan],
        cue: &[RawSpan],
    ) -> EvalClaim {
        EvalClaim {
            kind: kind.map(str::to_owned),
            content: content.to_vec(),
            source: source.to_vec(),
            cue: cue.to_vec(),
        }
    }

    const ALL: ScoreOptions = ScoreOptions { direct_only: false };
    const DIRECT: ScoreOptions = ScoreOptions { direct_only: true };

    fn assert_close(got: f64, want: f64, what: &str) {
        assert!((got - want).abs() < 1e-9, "{what}: got {got}, want {want}");
    }

    fn assert_prf(m: &Prf, want: (f64, f64, f64, usize, usize, usize), what: &str) {
        assert_close(m.p, want.0, &format!("{what}.p"));
        assert_close(m.r, want.1, &format!("{what}.r"));
        assert_close(m.f1, want.2, &format!("{what}.f1"));
        assert_eq!(
            (m.tp, m.n_pred, m.n_gold),
            (want.3, want.4, want.5),
            "{what} counts"
        );
    }

    // ---------------------------------------------------------------- classes

    #[test]
    fn isspace_is_pythons() {
        // every code point for which Python 3.11's str.isspace() is true
        let python: &[u32] = &[
            0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
            0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
            0x2029, 0x202f, 0x205f, 0x3000,
        ];
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(py_isspace(c), python.contains(&u32::from(c)), "{c:?}");
        }
    }

    #[test]
    fn isalnum_cases() {
        for (c, want) in [
            ('a', true),
            ('Z', true),
            ('7', true),
            ('_', false),
            ('é', true),
            ('Ł', true),
            ('²', true), // Python: '²'.isalnum() is True (numeric)
            ('½', true), // numeric
            ('\u{2019}', false),
            ('€', false),
            ('\u{a0}', false),
        ] {
            assert_eq!(py_isalnum(c), want, "{c:?}");
        }
    }

    // ---------------------------------------------------------------- quote_kind

    #[test]
    fn quote_kind_rule() {
        use Kind::*;
        // (text, content pieces, kind): every row checked against score.py's quote_kind
        let cases: &[(&str, &[&str], Kind)] = &[
            // curly quotes
            ("“We will win,” she said.", &["“We will win,”"], Direct),
            // opening mark just before the span
            ("“We will win,” she said.", &["We will win,"], Direct),
            // ... with only whitespace between
            ("She said: “ We will win.”", &["We will win.”"], Direct),
            (
                "“We will win,” adding that they would stay.",
                &["“We will win,” adding that they would stay"],
                Mixed,
            ),
            // scare quotes
            (
                "He called it a “truce” again.",
                &["called it a “truce” again"],
                Mixed,
            ),
            // '' pairs stand for "
            ("''We are ready,'' he said.", &["''We are ready,''"], Direct),
            ("''We are ready,'' he said.", &["We are ready,''"], Direct),
            (
                "\"Repairs start Monday,\" the company wrote.",
                &["\"Repairs start Monday,\""],
                Direct,
            ),
            // apostrophes
            (
                "the voters' choice in the '90s, they don't know",
                &["the voters' choice in the '90s, they don't know"],
                Indirect,
            ),
            // single marks count in pairs outside double quotes
            (
                "she would say ‘no way’ to that",
                &["she would say ‘no way’ to that"],
                Mixed,
            ),
            ("she would say ‘no way’ to that", &["‘no way’"], Direct),
            ("He said 'maybe' today", &["He said 'maybe' today"], Mixed),
            ("He said 'maybe' today", &["'maybe'"], Direct),
            // closing mark without an opening mark: quoted since the start
            (
                "“We will win, and we will stay,” she said.",
                &["and we will stay,”"],
                Direct,
            ),
            (
                "“We will win, and we will stay,” she said.",
                &["we will stay,” she said"],
                Mixed,
            ),
            // inside a longer quotation, no marks of its own
            (
                "“The mayor said the ferry is late, and I agree,” he wrote.",
                &["the ferry is late"],
                Indirect,
            ),
            ("Prices rose in May.", &["Prices rose in May"], Indirect),
            // two content spans, an apostrophe inside a quotation
            (
                "“We'll stay,” she said. “It takes patience.”",
                &["“We'll stay,”", "“It takes patience.”"],
                Direct,
            ),
            // a quotation that runs over a paragraph end
            (
                "“The bridge is safe.\n\n“Trucks must wait,” he said.",
                &["“The bridge is safe.", "“Trucks must wait,”"],
                Direct,
            ),
            (
                "« Nous restons ouverts », dit-il.",
                &["« Nous restons ouverts »"],
                Direct,
            ),
            (
                "He said “yes” and ‘no’ and 'maybe' today",
                &["He said “yes” and ‘no’ and 'maybe' today"],
                Mixed,
            ),
            (
                "It was “good” — “very good”",
                &["“good” — “very good”"],
                Direct,
            ),
            (
                "A \"toggle\"mark\"here\" ok",
                &["\"toggle\"mark\"here\""],
                Mixed,
            ),
            ("(“Fine”) she said", &["“Fine”"], Direct),
            // no letters at all
            ("“ ”", &["“ ”"], Indirect),
            ("“123”", &["“123”"], Direct),
            ("word ” and more “ text", &["word ” and more “ text"], Mixed),
        ];
        for &(text, pieces, want) in cases {
            let frags: Vec<(usize, usize)> = pieces.iter().map(|p| find(text, p, 0)).collect();
            assert_eq!(quote_kind(text, &frags), want, "{text:?} {pieces:?}");
            // order of the fragments does not matter
            let reversed: Vec<(usize, usize)> = frags.iter().rev().copied().collect();
            assert_eq!(quote_kind(text, &reversed), want, "{text:?} reversed");
        }
    }

    #[test]
    fn quote_kind_offsets_are_bytes_and_widened() {
        let text = "“We will win,” she said.";
        assert_eq!(quote_kind(text, &[(0, 18)]), Kind::Direct);
        // start and end inside “ and ”: widened to the whole marks
        assert_eq!(quote_kind(text, &[(1, 16)]), Kind::Direct);
        // empty, reversed and out-of-range ranges never panic
        assert_eq!(quote_kind(text, &[(5, 5)]), Kind::Indirect);
        assert_eq!(quote_kind(text, &[(9, 3)]), Kind::Indirect);
        assert_eq!(quote_kind(text, &[(0, usize::MAX)]), Kind::Mixed);
        assert_eq!(
            quote_kind(text, &[(usize::MAX, usize::MAX)]),
            Kind::Indirect
        );
        assert_eq!(quote_kind("", &[(0, 3)]), Kind::Indirect);
    }

    // ---------------------------------------------------------------- claims

    #[test]
    fn exact_key_trims_marks_punctuation_and_space() {
        let text = "She said: “We will win; we will stay.” Then: ''Go.''  ,";
        let d = Doc::new(text);
        let mut warn = Warnings::default();
        let key = |content: (usize, usize)| {
            let c = claim(None, &[content.into()], &[], &[]);
            let cl = Claim::new(&c, &d, &mut Warnings::default(), Side::Pred, false);
            (cl.exact_key, cl.tokens)
        };
        let inner = find(text, "We will win; we will stay", 0);
        let (want, want_tokens) = key(inner);
        assert_eq!(
            want,
            vec![
                (inner.0, inner.0 + 2),
                (inner.0 + 3, inner.0 + 7),
                (inner.0 + 8, inner.0 + 12),
                (inner.0 + 13, inner.0 + 15),
                (inner.0 + 16, inner.0 + 20),
                (inner.0 + 21, inner.1)
            ]
        );
        for piece in [
            ": “We will win; we will stay.”",
            "“We will win; we will stay.” ",
            "We will win; we will stay.”",
        ] {
            assert_eq!(
                key(find(text, piece, 0)),
                (want.clone(), want_tokens.clone()),
                "{piece:?}"
            );
        }
        // only marks, punctuation and space: empty key, no tokens
        for piece in ["''  ,", ".” ", ": "] {
            let (k, t) = key(find(text, piece, 0));
            assert!(k.is_empty() && t.is_empty(), "{piece:?}");
        }
        // the token metric does not trim
        let c = claim(None, &[find(text, "“We will win;", 0).into()], &[], &[]);
        let cl = Claim::new(&c, &d, &mut warn, Side::Gold, false);
        assert_eq!(
            set_len(&cl.content_bytes),
            "“We".len() + "will".len() + "win;".len()
        );
        assert!(warn.0.is_empty());
    }

    #[test]
    fn spans_are_checked_and_widened() {
        let text = "Inés said “no”.";
        let d = Doc::new(text);
        let mut warn = Warnings::default();
        let c = EvalClaim {
            kind: None,
            // inside é (bytes 2..4) and inside “: widened; then invalid ones
            content: vec![
                RawSpan::Pair(3, 13),
                RawSpan::Pair(5, 3),
                RawSpan::Pair(0, text.len() + 1),
                RawSpan::Malformed,
                RawSpan::Pair(4, 4),
            ],
            source: vec![RawSpan::Pair(0, 3)],
            cue: vec![],
        };
        let cl = Claim::new(&c, &d, &mut warn, Side::Pred, false);
        assert_eq!(cl.content_bytes, vec![(2, 5), (6, 10), (11, 14)]);
        assert_eq!(cl.source_bytes, vec![(0, 4)]);
        assert_eq!(
            warn.0,
            BTreeMap::from([
                ("invalid_spans_dropped_pred".to_string(), 3),
                ("spans_inside_a_character_widened_pred".to_string(), 2),
            ])
        );
        let empty = EvalClaim {
            content: vec![RawSpan::Pair(4, 4)],
            ..Default::default()
        };
        let cl = Claim::new(&empty, &d, &mut warn, Side::Gold, false);
        assert!(cl.token_span.is_none());
        assert_eq!(warn.0["gold_claims_without_content"], 1);
    }

    // ---------------------------------------------------------------- matching

    /// Claims over a text of one-letter tokens "a b c ... j"; each claim is
    /// given as its tokens, e.g. "abc".
    fn letter_claims<'c>(d: &Doc<'_>, specs: &'c [EvalClaim]) -> Vec<Claim<'c>> {
        specs
            .iter()
            .map(|c| Claim::new(c, d, &mut Warnings::default(), Side::Gold, false))
            .collect()
    }

    fn letters(tokens: &str) -> EvalClaim {
        let first = usize::from(tokens.as_bytes()[0] - b'a');
        let last = usize::from(tokens.as_bytes()[tokens.len() - 1] - b'a');
        claim(None, &[(2 * first, 2 * last + 1).into()], &[], &[])
    }

    #[test]
    fn greedy_matching() {
        let text = "a b c d e f g h i j";
        let d = Doc::new(text);
        // (gold, pred, expected pred index for each gold)
        type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [Option<usize>]);
        let cases: &[Case<'_>] = &[
            // best overlap first: A takes P1 (6/7), not P0 (8/10) listed before it
            (&["abcd", "cdef"], &["abcdef", "abc"], &[Some(1), Some(0)]),
            // one-to-one: the second gold claim gets nothing
            (&["abcd", "abcd"], &["abcd"], &[Some(0), None]),
            // ties go in gold order, then prediction order
            (&["abcd", "cdef"], &["bcde", "defg"], &[Some(0), Some(1)]),
            (&["abcd"], &["abcd", "abcd"], &[Some(0)]),
            // Dice 0.5 is enough, 0.4 is not
            (&["abc"], &["c"], &[Some(0)]),
            (&["abc"], &["cd"], &[None]),
            // no shared token
            (&["ab"], &["cd"], &[None]),
        ];
        for &(gold, pred, want) in cases {
            let gs: Vec<EvalClaim> = gold.iter().map(|g| letters(g)).collect();
            let ps: Vec<EvalClaim> = pred.iter().map(|p| letters(p)).collect();
            let got = greedy_match(
                &letter_claims(&d, &gs),
                &letter_claims(&d, &ps),
                MatchBy::Partial,
            );
            assert_eq!(got, want, "{gold:?} {pred:?}");
        }
        // exact matching needs equal, non-empty keys
        let gs = [letters("abc"), letters("abc"), claim(None, &[], &[], &[])];
        let ps = [letters("abcd"), letters("abc"), claim(None, &[], &[], &[])];
        let got = greedy_match(
            &letter_claims(&d, &gs),
            &letter_claims(&d, &ps),
            MatchBy::Exact,
        );
        assert_eq!(got, vec![Some(1), None, None]);
    }

    #[test]
    fn intervals() {
        assert_eq!(
            normalize(vec![(5, 7), (0, 2), (2, 3), (6, 9), (4, 4)]),
            vec![(0, 3), (5, 9)]
        );
        assert_eq!(set_len(&[(0, 3), (5, 9)]), 7);
        assert_eq!(inter_len(&[(0, 3), (5, 9)], &[(2, 6), (8, 20)]), 3);
        assert_eq!(inter_len(&[], &[(2, 6)]), 0);
        assert!(role_correct(&[], &[]));
        assert!(!role_correct(&[(0, 1)], &[]));
        assert!(!role_correct(&[(0, 1)], &[(1, 2)]));
        assert!(role_correct(&[(0, 2)], &[(1, 2)]));
    }

    // ---------------------------------------------------------------- scoring

    /// Two documents worked out by hand (and checked with score.py).
    fn hand_case() -> (Vec<EvalDoc>, Vec<EvalDoc>) {
        let t1 = "“Rates will fall,” the banker said. It is said that prices rose.";
        let t2 = "“Yes,” he said.";
        let gold = vec![
            doc(
                "d1",
                t1,
                vec![
                    claim(
                        Some("direct"),
                        &[(0, 22).into()],
                        &[(23, 33).into()],
                        &[(34, 38).into()],
                    ),
                    claim(
                        Some("indirect"),
                        &[span(t1, "prices rose")],
                        &[],
                        &[find(t1, "said", 1).into()],
                    ),
                ],
            ),
            doc(
                "d2",
                t2,
                vec![claim(
                    Some("direct"),
                    &[(0, 10).into()],
                    &[span(t2, "he")],
                    &[span(t2, "said")],
                )],
            ),
        ];
        let pred = vec![
            doc(
                "d1",
                t1,
                vec![
                    // without the marks: exact; source overlaps; cue missing
                    claim(
                        None,
                        &[span(t1, "Rates will fall,")],
                        &[span(t1, "banker")],
                        &[],
                    ),
                    // "that" too: partial (Dice 2*2/5); both sources empty
                    claim(
                        None,
                        &[span(t1, "that prices rose")],
                        &[],
                        &[find(t1, "said", 1).into()],
                    ),
                    // false positive
                    claim(None, &[span(t1, "It is")], &[], &[]),
                ],
            ),
            doc("d9", "", vec![]),
        ];
        (gold, pred)
    }

    #[test]
    fn hand_worked_two_documents() {
        let (gold, pred) = hand_case();
        let r = score(&gold, &pred, &ALL).unwrap();
        assert_eq!((r.mode, r.docs), (Mode::All, 2));
        let third = 1.0 / 3.0;
        assert_prf(&r.content_exact, (third, third, third, 1, 3, 3), "exact");
        assert_prf(
            &r.content_partial,
            (2.0 * third, 2.0 * third, 2.0 * third, 2, 3, 3),
            "partial",
        );
        // gold bytes 20 + 10 + 10, pred 14 + 14 + 4, shared 14 + 10
        assert_prf(
            &r.content_tokens,
            (0.75, 0.6, 2.0 / 3.0, 24, 32, 40),
            "tokens",
        );
        assert_eq!(
            (r.source.accuracy, r.source.correct, r.source.matched),
            (Some(1.0), 2, 2)
        );
        assert_eq!(
            (r.cue.accuracy, r.cue.correct, r.cue.matched),
            (Some(0.5), 1, 2)
        );
        assert_prf(
            &r.claim_source,
            (2.0 * third, 2.0 * third, 2.0 * third, 2, 3, 3),
            "claim_source",
        );
        assert_prf(&r.claim_cue, (third, third, third, 1, 3, 3), "claim_cue");
        assert_prf(
            &r.claim_source_cue,
            (third, third, third, 1, 3, 3),
            "claim_source_cue",
        );
        assert_prf(
            &r.role_exact.source,
            (0.0, 0.0, 0.0, 0, 1, 2),
            "role source",
        );
        assert_prf(&r.role_exact.cue, (1.0, third, 0.5, 1, 1, 3), "role cue");
        assert_prf(
            &r.role_exact.content,
            (third, third, third, 1, 3, 3),
            "role content",
        );
        let direct = &r.by_kind["direct"];
        assert_eq!(direct.n_gold, 2);
        assert_eq!(
            (
                direct.recall_exact,
                direct.recall_partial,
                direct.recall_claim_source,
                direct.recall_claim_cue
            ),
            (Some(0.5), Some(0.5), Some(0.5), Some(0.0))
        );
        assert_close(direct.recall_tokens.unwrap(), 14.0 / 30.0, "direct tokens");
        assert_eq!(
            (direct.source_accuracy, direct.cue_accuracy),
            (Some(1.0), Some(0.0))
        );
        let indirect = &r.by_kind["indirect"];
        assert_eq!(
            (
                indirect.n_gold,
                indirect.recall_exact,
                indirect.recall_partial
            ),
            (1, Some(0.0), Some(1.0))
        );
        assert_eq!(indirect.recall_tokens, Some(1.0));
        assert_eq!(r.by_kind["mixed"].n_gold, 0);
        assert_eq!(r.by_kind["mixed"].recall_exact, None);
        assert!(!r.by_kind.contains_key("other"));
        assert_eq!(
            r.warnings,
            BTreeMap::from([
                ("gold_docs_missing_from_pred".to_string(), 1),
                ("pred_docs_not_in_gold".to_string(), 1),
            ])
        );

        // direct only: the prediction without marks counts as a quotation
        let r = score(&gold, &pred, &DIRECT).unwrap();
        assert_eq!(r.mode, Mode::DirectOnly);
        assert_prf(
            &r.content_exact,
            (1.0, 0.5, 2.0 * third, 1, 1, 2),
            "direct exact",
        );
        assert_prf(
            &r.content_partial,
            (1.0, 0.5, 2.0 * third, 1, 1, 2),
            "direct partial",
        );
        assert_prf(
            &r.content_tokens,
            (1.0, 14.0 / 30.0, 2.0 * 14.0 / 44.0, 14, 14, 30),
            "direct tokens",
        );
        assert_prf(&r.claim_cue, (0.0, 0.0, 0.0, 0, 1, 2), "direct claim_cue");
        assert_prf(
            &r.role_exact.cue,
            (0.0, 0.0, 0.0, 0, 0, 2),
            "direct role cue",
        );
        assert_eq!(r.by_kind.keys().collect::<Vec<_>>(), vec!["direct"]);
    }

    #[test]
    fn empty_prediction_has_zero_recall() {
        let (gold, _) = hand_case();
        for opts in [ALL, DIRECT] {
            let r = score(&gold, &[], &opts).unwrap();
            for (name, m) in [
                ("exact", &r.content_exact),
                ("partial", &r.content_partial),
                ("tokens", &r.content_tokens),
                ("claim_source_cue", &r.claim_source_cue),
                ("role content", &r.role_exact.content),
            ] {
                assert_eq!(
                    (m.p, m.r, m.f1, m.tp, m.n_pred),
                    (0.0, 0.0, 0.0, 0, 0),
                    "{name}"
                );
                assert!(m.n_gold > 0, "{name}");
            }
            assert_eq!(r.source.accuracy, None);
            assert_eq!(r.by_kind["direct"].recall_partial, Some(0.0));
            assert_eq!(r.warnings["gold_docs_missing_from_pred"], 2);
        }
    }

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/eval")
            .join(name)
    }

    #[test]
    fn gold_against_itself_is_perfect() {
        let gold = fixture("gold.jsonl");
        for opts in [ALL, DIRECT] {
            let r = score_files(&gold, &gold, &opts).unwrap();
            for m in [
                &r.content_exact,
                &r.content_partial,
                &r.content_tokens,
                &r.claim_source,
                &r.claim_cue,
                &r.claim_source_cue,
                &r.role_exact.source,
                &r.role_exact.cue,
                &r.role_exact.content,
            ] {
                assert_eq!((m.p, m.r, m.f1), (1.0, 1.0, 1.0), "{m:?}");
            }
            assert_eq!((r.source.accuracy, r.cue.accuracy), (Some(1.0), Some(1.0)));
            for k in r.by_kind.values() {
                assert!(k.n_gold > 0);
                for v in [
                    k.recall_exact,
                    k.recall_partial,
                    k.recall_tokens,
                    k.recall_claim_source_cue,
                    k.source_accuracy,
                    k.cue_accuracy,
                ] {
                    assert_eq!(v, Some(1.0));
                }
            }
            assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        }
    }

    /// Numbers equal within 1e-9, everything else equal.
    fn assert_json_close(got: &Value, want: &Value, path: &str) {
        match (got, want) {
            (Value::Object(g), Value::Object(w)) => {
                assert_eq!(
                    g.keys().collect::<Vec<_>>(),
                    w.keys().collect::<Vec<_>>(),
                    "keys of {path}"
                );
                for (k, wv) in w {
                    assert_json_close(&g[k], wv, &format!("{path}.{k}"));
                }
            }
            (Value::Number(g), Value::Number(w)) => {
                let (g, w) = (g.as_f64().unwrap(), w.as_f64().unwrap());
                assert!((g - w).abs() <= 1e-9, "{path}: got {g}, want {w}");
            }
            _ => assert_eq!(got, want, "{path}"),
        }
    }

    #[test]
    fn fixtures_agree_with_score_py() {
        let (gold, pred) = (fixture("gold.jsonl"), fixture("pred.jsonl"));
        for (opts, json, table) in [
            (ALL, "expected.json", "expected_table.txt"),
            (DIRECT, "expected_direct.json", "expected_table_direct.txt"),
        ] {
            let report = score_files(&gold, &pred, &opts).unwrap();
            let want: Value =
                serde_json::from_str(&std::fs::read_to_string(fixture(json)).unwrap()).unwrap();
            assert_json_close(&serde_json::to_value(&report).unwrap(), &want, json);
            let want_table = std::fs::read_to_string(fixture(table)).unwrap();
            assert_eq!(
                report.render_table("gold.jsonl", "pred.jsonl") + "\n",
                want_table
            );
        }
    }

    #[test]
    fn json_keys_in_score_py_order() {
        let (gold, pred) = hand_case();
        let json = serde_json::to_string(&score(&gold, &pred, &ALL).unwrap()).unwrap();
        let order = [
            "\"mode\"",
            "\"docs\"",
            "\"content_exact\"",
            "\"content_partial\"",
            "\"content_tokens\"",
            "\"source\"",
            "\"cue\"",
            "\"claim_source\"",
            "\"claim_cue\"",
            "\"claim_source_cue\"",
            "\"role_exact\"",
            "\"by_kind\"",
            "\"warnings\"",
        ];
        let at: Vec<usize> = order.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{json}");
        assert!(json.contains("\"by_kind\":{\"direct\":{\"n_gold\":2,\"recall_exact\":0.5,"));
        assert!(json.contains("\"mixed\":{\"n_gold\":0,\"recall_exact\":null,"));
    }

    #[test]
    fn kinds_outside_the_three_are_other() {
        let text = "Rain soon, she said.";
        let gold = vec![doc(
            "a",
            text,
            vec![
                claim(Some("direct"), &[span(text, "Rain soon")], &[], &[]),
                claim(None, &[span(text, "Rain soon")], &[], &[]),
                claim(Some("Direct"), &[span(text, "Rain")], &[], &[]),
            ],
        )];
        let r = score(&gold, &gold, &ALL).unwrap();
        assert_eq!(
            r.by_kind.keys().collect::<Vec<_>>(),
            vec!["direct", "indirect", "mixed", "other"]
        );
        assert_eq!(r.by_kind["other"].n_gold, 2);
        // direct only trusts a predicted kind "direct", and only gold "direct" counts
        let r = score(&gold, &gold, &DIRECT).unwrap();
        assert_eq!((r.content_exact.n_gold, r.content_exact.n_pred), (1, 1));
        assert_eq!(r.by_kind.keys().collect::<Vec<_>>(), vec!["direct"]);
    }

    // ---------------------------------------------------------------- loading

    fn parse(jsonl: &str) -> Result<Loaded, EvalError> {
        parse_jsonl(jsonl.as_bytes(), Path::new("x.jsonl"), "gold")
    }

    #[test]
    fn loader_errors_name_file_and_line() {
        for (input, want) in [
            ("{\"id\": 1}\n\n{bad\n", "x.jsonl line 3: bad JSON ("),
            (
                "{\"id\": 1}\r\n \u{a0}\r{\"text\": \"t\"}",
                "x.jsonl line 3: record without \"id\"",
            ),
            ("[1, 2]", "x.jsonl line 1: record without \"id\""),
            (
                "{\"id\": 1}\r{\"id\": \"1\"}",
                "x.jsonl: gold id \"1\" appears twice",
            ),
        ] {
            let err = parse(input).err().expect(input).to_string();
            assert!(err.starts_with(want), "{err:?} for {input:?}");
        }
        let err = parse_jsonl(b"{\"id\": 1}\n\xff\n", Path::new("x.jsonl"), "gold")
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "x.jsonl line 2: not valid UTF-8");
        let err =
            score_files(Path::new("/nonexistent/gold.jsonl"), Path::new("p"), &ALL).unwrap_err();
        assert!(
            err.to_string().starts_with("/nonexistent/gold.jsonl: "),
            "{err}"
        );
    }

    #[test]
    fn loader_reads_records() {
        let input = concat!(
            "\n",
            "{\"id\": 7, \"text\": \"He said no.\", \"claims\": [{\"kind\": \"direct\", \"content\": [[8, 10], [1.5, 2], [-1, 2], [1, 2, 3], \"x\"], \"source\": \"he\", \"cue\": null}]}\r\n",
            "{\"id\": \"b\", \"text\": null, \"claims\": null, \"annotator\": 3}\r",
            "{\"id\": true, \"claims\": {}}\n",
        );
        let loaded = parse(input).unwrap();
        let ids: Vec<&str> = loaded.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["7", "b", "True"]);
        let c = &loaded.docs[0].claims[0];
        assert_eq!(c.kind.as_deref(), Some("direct"));
        assert_eq!(
            c.content,
            vec![
                RawSpan::Pair(8, 10),
                RawSpan::Malformed,
                RawSpan::Malformed,
                RawSpan::Malformed,
                RawSpan::Malformed
            ]
        );
        assert!(c.source.is_empty() && c.cue.is_empty());
        assert_eq!(loaded.notes[0].bad_span_lists, 1);
        assert!(loaded.docs[1].text.is_none() && loaded.notes[1].text_not_string);
        assert!(loaded.docs[2].claims.is_empty() && loaded.notes[2].malformed.is_none());
    }

    #[test]
    fn malformed_claims_fail_only_when_scored() {
        let gold = parse("{\"id\": \"a\", \"text\": \"Rain soon\"}").unwrap();
        for (pred, ok) in [
            ("{\"id\": \"zzz\", \"claims\": \"not a list\"}", true),
            ("{\"id\": \"zzz\", \"claims\": [5]}", true),
            ("{\"id\": \"a\", \"claims\": 0}", true),
            ("{\"id\": \"a\", \"claims\": \"not a list\"}", false),
            ("{\"id\": \"a\", \"claims\": [{}, 5]}", false),
        ] {
            let pred = parse_jsonl(pred.as_bytes(), Path::new("p"), "pred").unwrap();
            let got = score_impl(&gold.docs, &gold.notes, &pred.docs, &pred.notes, &ALL);
            assert_eq!(got.is_ok(), ok, "{:?}", pred.notes);
        }
        let bad_gold =
            parse("{\"id\": \"a\", \"text\": \"Rain\", \"claims\": {\"x\": 1}}").unwrap();
        let err = score_impl(&bad_gold.docs, &bad_gold.notes, &[], &[], &ALL).unwrap_err();
        assert_eq!(err.to_string(), "gold doc \"a\": \"claims\" is not a list");
    }

    #[test]
    fn pred_text_and_span_list_warnings() {
        let gold = parse("{\"id\": \"a\", \"text\": \"Rain soon\", \"claims\": [{\"content\": [[0, 4]], \"cue\": 3}]}").unwrap();
        let pred = parse_jsonl(
            concat!(
                "{\"id\": \"a\", \"text\": 5, \"claims\": [{\"content\": [[0, 4]], \"source\": {}}]}\n",
                "{\"id\": \"b\", \"text\": \"x\", \"claims\": [{\"content\": [[0, 4]], \"source\": {}}]}\n",
            )
            .as_bytes(),
            Path::new("p"),
            "pred",
        )
        .unwrap();
        let r = score_impl(&gold.docs, &gold.notes, &pred.docs, &pred.notes, &ALL).unwrap();
        assert_eq!(
            r.warnings,
            BTreeMap::from([
                ("invalid_span_lists".to_string(), 2),
                ("pred_docs_not_in_gold".to_string(), 1),
                ("pred_text_differs_from_gold".to_string(), 1),
            ])
        );
        // the same text as gold is no warning
        let same = vec![doc("a", "Rain soon", vec![])];
        assert!(!score(&gold.docs, &same, &ALL)
            .unwrap()
            .warnings
            .contains_key("pred_text_differs_from_gold"));
    }

    #[test]
    fn slices_with_duplicate_ids_or_no_text_are_errors() {
        let a = doc("a", "x", vec![]);
        let err = score(&[a.clone(), a.clone()], &[], &ALL).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gold documents: gold id \"a\" appears twice"
        );
        let err = score(std::slice::from_ref(&a), &[a.clone(), a.clone()], &ALL).unwrap_err();
        assert_eq!(
            err.to_string(),
            "predicted documents: pred id \"a\" appears twice"
        );
        let no_text = EvalDoc {
            id: "n".into(),
            ..Default::default()
        };
        assert!(score(&[a, no_text], &[], &ALL).is_err());
    }

    #[test]
    fn python_str_of_ids() {
        for (json, want) in [
            ("\"abc\"", "abc"),
            ("7", "7"),
            ("-3", "-3"),
            ("18446744073709551615", "18446744073709551615"),
            ("1.5", "1.5"),
            ("100.0", "100.0"),
            ("1E2", "100.0"),
            ("1e16", "1e+16"),
            ("1.5e16", "1.5e+16"),
            ("1234567890123456.0", "1234567890123456.0"),
            ("0.0001", "0.0001"),
            ("0.00001", "1e-05"),
            ("-2.5e-7", "-2.5e-07"),
            ("1e100", "1e+100"),
            ("0.0", "0.0"),
            ("-0.0", "-0.0"),
            ("true", "True"),
            ("null", "None"),
            ("[1, \"a\", null]", "[1, 'a', None]"),
            ("[\"it's\"]", "[\"it's\"]"),
            ("{\"k\": [false]}", "{'k': [False]}"),
        ] {
            let v: Value = serde_json::from_str(json).unwrap();
            assert_eq!(py_str(&v), want, "{json}");
        }
    }

    #[test]
    fn universal_newlines() {
        let lines = universal_lines(b"a\nb\r\nc\rd\r\r\ne");
        assert_eq!(lines, vec![&b"a"[..], b"b", b"c", b"d", b"", b"e"]);
        assert_eq!(universal_lines(b"a\n"), vec![&b"a"[..]]);
        assert!(universal_lines(b"").is_empty());
    }

    // ---------------------------------------------------------------- robustness

    /// A small deterministic generator (no dependency).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    #[test]
    fn arbitrary_spans_never_panic() {
        let text = "“Ça va,” dit-il.\u{a0}''Yes'' — ‘no’ «oui» 'n' \u{1c}ok\r\n€";
        let mut rng = Lcg(7);
        let len = text.len() + 3;
        let mut any = || {
            if rng.next(10) == 0 {
                RawSpan::Malformed
            } else {
                RawSpan::Pair(rng.next(len), rng.next(len))
            }
        };
        let mut docs = Vec::new();
        for i in 0..200 {
            let claims = (0..4)
                .map(|_| EvalClaim {
                    kind: Some("direct".into()).filter(|_| i % 2 == 0),
                    content: vec![any(), any()],
                    source: vec![any()],
                    cue: vec![any()],
                })
                .collect();
            docs.push(doc(&i.to_string(), text, claims));
        }
        for opts in [ALL, DIRECT] {
            let r = score(&docs, &docs[..100], &opts).unwrap();
            assert_eq!(r.docs, 200);
            let _ = r.render_table("g", "p");
            let r = score(&docs[..100], &docs, &opts).unwrap();
            assert_eq!(r.warnings["pred_docs_not_in_gold"], 100);
        }
        let mut rng = Lcg(11);
        for _ in 0..2000 {
            let frags: Vec<(usize, usize)> = (0..rng.next(4))
                .map(|_| (rng.next(len), rng.next(len)))
                .collect();
            let _ = quote_kind(text, &frags);
        }
    }
}
