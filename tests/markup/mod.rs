//! Parsers for the marked-up test cases in `tests/cases/`.
//!
//! Test code only: it depends on nothing but `std` and nothing from the library, so a bug in
//! claimant cannot hide a bug in its own expectations. Malformed markup panics with a message
//! that names the file kind, the case and the line, because a silently misread case is worse
//! than a failing test.
//!
//! Three formats share one case layout: a case starts after a line that is exactly `---`, the
//! `# ` lines right after it are its comment (the first one names the case), and the lines up
//! to the next `---` are its text. Leading and trailing blank lines of the text are dropped;
//! blank lines inside it are paragraph breaks. Lines before the first `---` are a preamble of
//! `#` comments.
//!
//! * [`parse_attribution`] reads `attribution.txt`: `<s>` source, `<v>` cue, `<c>` content,
//!   numbered `<s2>` … for more claims, `<c kind="mixed">` for an explicit kind.
//! * [`parse_sentences`] reads `sentences.txt`: `|` marks each boundary between sentences.
//! * [`parse_quotes`] reads `quotes.txt`: `⟦` … `⟧` wrap each quotation with its marks.
//!
//! Every offset is a UTF-8 byte offset into the text with the markup removed; spans are
//! half-open `(start, end)`.
//!
//! ```ignore
//! mod markup;
//! let cases = markup::parse_attribution(include_str!("cases/attribution.txt"));
//! for case in &cases {
//!     for claim in &case.claims {
//!         let text = &case.text[claim.content[0].0..claim.content[0].1];
//!         let kind = claim.kind_or_derived(&case.text);
//!     }
//! }
//! ```
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A half-open byte span `(start, end)`.
pub type Span = (usize, usize);

/// One attribution case: the tag-free text and the claims its tags describe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The first comment line, without `# ` (the pattern the case exercises).
    pub name: String,
    /// 1-based line of the first text line in the case file.
    pub line: usize,
    /// The case text with every tag removed.
    pub text: String,
    /// Expected claims ordered by `index`; empty for a negative case.
    pub claims: Vec<ExpectedClaim>,
}

impl Case {
    /// A case without any tag: nothing may be extracted from its text.
    pub fn is_negative(&self) -> bool {
        self.claims.is_empty()
    }
}

/// The spans one claim is expected to have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedClaim {
    /// The claim number used in the tags (`<s2>` is claim 2; an unnumbered tag is claim 1).
    pub index: usize,
    /// Content spans, sorted. Never empty.
    pub content: Vec<Span>,
    /// Source spans, sorted. Empty when the text names no source.
    pub source: Vec<Span>,
    /// Cue spans, sorted. May be empty (a continuation paragraph has no cue word).
    pub cue: Vec<Span>,
    /// The kind given with `<c kind="…">`, if any.
    pub kind: Option<String>,
}

impl ExpectedClaim {
    /// The explicit kind, or the kind derived from the quotation marks of the content
    /// (see [`derive_kind`]).
    pub fn kind_or_derived(&self, text: &str) -> String {
        match &self.kind {
            Some(k) => k.clone(),
            None => derive_kind(text, &self.content).to_string(),
        }
    }

    /// The text of every span of one role, joined with ` | ` (for failure messages).
    pub fn show(&self, text: &str, role: Role) -> String {
        let spans = match role {
            Role::Source => &self.source,
            Role::Cue => &self.cue,
            Role::Content => &self.content,
        };
        spans
            .iter()
            .map(|&(a, b)| &text[a..b])
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// The three roles of an attribution tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// `<s>`
    Source,
    /// `<v>`
    Cue,
    /// `<c>`
    Content,
}

impl Role {
    fn letter(self) -> char {
        match self {
            Role::Source => 's',
            Role::Cue => 'v',
            Role::Content => 'c',
        }
    }
}

/// One sentence-segmentation case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceCase {
    /// The first comment line, without `# `.
    pub name: String,
    /// 1-based line of the first text line in the case file.
    pub line: usize,
    /// The case text with every `|` removed.
    pub text: String,
    /// Byte offsets of the marked boundaries (the end of each sentence but the last), sorted.
    /// The end of the text is always a boundary and is not included.
    pub boundaries: Vec<usize>,
}

/// One quotation-detection case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCase {
    /// The first comment line, without `# `.
    pub name: String,
    /// 1-based line of the first text line in the case file.
    pub line: usize,
    /// The case text with every `⟦` and `⟧` removed.
    pub text: String,
    /// `(start, end, depth)` of each quotation, marks included; depth 0 is outermost.
    /// Sorted by start, then depth.
    pub quotes: Vec<(usize, usize, usize)>,
}

// ---------------------------------------------------------------------------
// case layout
// ---------------------------------------------------------------------------

/// A case before its markup is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCase {
    /// The first comment line, without `# `.
    pub name: String,
    /// All comment lines, without `# `.
    pub comments: Vec<String>,
    /// 1-based line of the first text line.
    pub line: usize,
    /// The marked-up text (lines joined with `\n`).
    pub text: String,
}

/// Splits a case file into cases. `what` names the format in panic messages.
pub fn split_cases(src: &str, what: &str) -> Vec<RawCase> {
    let lines: Vec<&str> = src
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut i = 0;
    // preamble
    while i < lines.len() && lines[i] != "---" {
        let l = lines[i];
        if !(l.trim().is_empty() || l.starts_with('#')) {
            panic!(
                "{what}: line {}: text before the first `---` must be `#` comments: {l:?}",
                i + 1
            );
        }
        i += 1;
    }
    let mut cases = Vec::new();
    while i < lines.len() {
        debug_assert_eq!(lines[i], "---");
        let sep_line = i + 1;
        i += 1;
        let mut comments = Vec::new();
        while i < lines.len() && (lines[i].starts_with("# ") || lines[i] == "#") {
            comments.push(lines[i].strip_prefix('#').unwrap().trim_start().to_string());
            i += 1;
        }
        let start = i;
        while i < lines.len() && lines[i] != "---" {
            i += 1;
        }
        let mut body = &lines[start..i];
        let mut first = start;
        while let Some((l, rest)) = body.split_first() {
            if l.trim().is_empty() {
                body = rest;
                first += 1;
            } else {
                break;
            }
        }
        while let Some((l, rest)) = body.split_last() {
            if l.trim().is_empty() {
                body = rest;
            } else {
                break;
            }
        }
        if body.is_empty() {
            if comments.is_empty() && i >= lines.len() {
                break; // a trailing `---` at the end of the file
            }
            panic!("{what}: case starting at line {sep_line} has no text");
        }
        let Some(name) = comments.first().cloned() else {
            panic!("{what}: case starting at line {sep_line} has no `# ` name line after `---`");
        };
        if name.is_empty() {
            panic!("{what}: case starting at line {sep_line} has an empty name line");
        }
        for (k, l) in body.iter().enumerate() {
            if l.ends_with(' ') || l.ends_with('\t') {
                panic!(
                    "{what}: case {name:?} line {}: trailing whitespace",
                    first + k + 1
                );
            }
        }
        cases.push(RawCase {
            name,
            comments,
            line: first + 1,
            text: body.join("\n"),
        });
    }
    cases
}

/// Where we are, for panic messages.
struct Ctx<'a> {
    what: &'a str,
    name: &'a str,
    line: usize,
    marked: &'a str,
}

impl Ctx<'_> {
    fn fail(&self, pos: usize, msg: &str) -> ! {
        let line = self.line + self.marked[..pos].matches('\n').count();
        panic!("{} case {:?} (line {line}): {msg}", self.what, self.name);
    }
}

// ---------------------------------------------------------------------------
// attribution markup
// ---------------------------------------------------------------------------

/// Parses `attribution.txt`.
pub fn parse_attribution(src: &str) -> Vec<Case> {
    split_cases(src, "attribution")
        .into_iter()
        .map(|raw| {
            let (text, claims) = claims_markup(&raw.text, "attribution", &raw.name, raw.line);
            Case {
                name: raw.name,
                line: raw.line,
                text,
                claims,
            }
        })
        .collect()
}

/// Parses one marked-up text (no case layout); `line` is used in panic messages.
pub fn parse_claim_markup(marked: &str, line: usize) -> (String, Vec<ExpectedClaim>) {
    claims_markup(marked, "attribution", "<inline>", line)
}

struct Tag {
    close: bool,
    role: Role,
    index: usize,
    kind: Option<String>,
    len: usize,
}

/// Reads a tag at the start of `s` (which starts with `<`).
fn read_tag(s: &str) -> Option<Tag> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let (close, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let mut chars = inner.chars();
    let role = match chars.next()? {
        's' => Role::Source,
        'v' => Role::Cue,
        'c' => Role::Content,
        _ => return None,
    };
    let rest = chars.as_str();
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let index = if digits_end == 0 {
        1
    } else {
        rest[..digits_end].parse().ok()?
    };
    let attrs = &rest[digits_end..];
    let kind = if attrs.is_empty() {
        None
    } else {
        let v = attrs.strip_prefix(" kind=\"")?.strip_suffix('"')?;
        if v.contains('"') {
            return None;
        }
        Some(v.to_string())
    };
    Some(Tag {
        close,
        role,
        index,
        kind,
        len: end + 1,
    })
}

fn claims_markup(
    marked: &str,
    what: &str,
    name: &str,
    line: usize,
) -> (String, Vec<ExpectedClaim>) {
    let ctx = Ctx {
        what,
        name,
        line,
        marked,
    };
    let mut text = String::with_capacity(marked.len());
    // open tags: (role, index, plain start, kind, marked position)
    let mut stack: Vec<(Role, usize, usize, Option<String>, usize)> = Vec::new();
    let mut claims: BTreeMap<usize, ExpectedClaim> = BTreeMap::new();
    let mut pos = 0;
    while pos < marked.len() {
        let rest = &marked[pos..];
        let ch = rest.chars().next().unwrap();
        if ch == '>' {
            ctx.fail(pos, "stray `>` outside a tag");
        }
        if ch != '<' {
            text.push(ch);
            pos += ch.len_utf8();
            continue;
        }
        let Some(tag) = read_tag(rest) else {
            let shown: String = rest.chars().take(16).collect();
            ctx.fail(pos, &format!("malformed tag or stray `<` at {shown:?}"));
        };
        if tag.index == 0 {
            ctx.fail(pos, "claim numbers start at 1");
        }
        if let Some(k) = &tag.kind {
            if tag.close {
                ctx.fail(pos, "a closing tag cannot carry `kind`");
            }
            if tag.role != Role::Content {
                ctx.fail(pos, "only content tags carry `kind`");
            }
            if !matches!(k.as_str(), "direct" | "indirect" | "mixed") {
                ctx.fail(
                    pos,
                    &format!("kind must be direct, indirect or mixed, not {k:?}"),
                );
            }
        }
        if !tag.close {
            if stack.iter().any(|t| t.1 == tag.index) {
                ctx.fail(
                    pos,
                    &format!("tags of claim {} nest inside each other", tag.index),
                );
            }
            stack.push((tag.role, tag.index, text.len(), tag.kind, pos));
        } else {
            let Some((role, index, start, kind, _)) = stack.pop() else {
                ctx.fail(
                    pos,
                    &format!(
                        "closing </{}{}> without an open tag",
                        tag.role.letter(),
                        tag.index
                    ),
                );
            };
            if (role, index) != (tag.role, tag.index) {
                ctx.fail(
                    pos,
                    &format!(
                        "</{}{}> closes <{}{}>: tags must nest properly",
                        tag.role.letter(),
                        tag.index,
                        role.letter(),
                        index
                    ),
                );
            }
            let span = &text[start..];
            if span.is_empty() {
                ctx.fail(pos, "empty span");
            }
            if span.trim() != span {
                ctx.fail(pos, &format!("span has whitespace at an edge: {span:?}"));
            }
            let claim = claims.entry(index).or_insert_with(|| ExpectedClaim {
                index,
                content: Vec::new(),
                source: Vec::new(),
                cue: Vec::new(),
                kind: None,
            });
            if let Some(k) = kind {
                if claim.kind.as_ref().is_some_and(|old| *old != k) {
                    ctx.fail(pos, &format!("claim {index} has two different kinds"));
                }
                claim.kind = Some(k);
            }
            let list = match role {
                Role::Source => &mut claim.source,
                Role::Cue => &mut claim.cue,
                Role::Content => &mut claim.content,
            };
            list.push((start, text.len()));
        }
        pos += tag.len;
    }
    if let Some((role, index, _, _, at)) = stack.last() {
        ctx.fail(
            *at,
            &format!("<{}{}> is never closed", role.letter(), index),
        );
    }
    let mut out: Vec<ExpectedClaim> = claims.into_values().collect();
    for (k, claim) in out.iter_mut().enumerate() {
        if claim.index != k + 1 {
            ctx.fail(
                0,
                &format!(
                    "claims must be numbered 1, 2, … without gaps; claim {} is missing",
                    k + 1
                ),
            );
        }
        if claim.content.is_empty() {
            ctx.fail(0, &format!("claim {} has no content span", claim.index));
        }
        let mut all: Vec<Span> = Vec::new();
        for list in [&mut claim.content, &mut claim.source, &mut claim.cue] {
            list.sort_unstable();
            all.extend(list.iter().copied());
        }
        all.sort_unstable();
        for w in all.windows(2) {
            if w[1].0 < w[0].1 {
                ctx.fail(0, &format!("spans of claim {} overlap", claim.index));
            }
        }
    }
    (text, out)
}

/// Writes the claims back into the text as tags (the inverse of the parser, for failure
/// messages and for tests). Tags are numbered when there is more than one claim.
pub fn render_claims(text: &str, claims: &[ExpectedClaim]) -> String {
    struct Ev {
        pos: usize,
        open: bool,
        other_end: usize,
        index: usize,
        role: Role,
        first_content: bool,
    }
    let numbered = claims.len() > 1;
    let mut evs = Vec::new();
    for c in claims {
        for (role, list) in [
            (Role::Source, &c.source),
            (Role::Cue, &c.cue),
            (Role::Content, &c.content),
        ] {
            for (k, &(a, b)) in list.iter().enumerate() {
                let first_content = role == Role::Content && k == 0;
                evs.push(Ev {
                    pos: a,
                    open: true,
                    other_end: b,
                    index: c.index,
                    role,
                    first_content,
                });
                evs.push(Ev {
                    pos: b,
                    open: false,
                    other_end: a,
                    index: c.index,
                    role,
                    first_content: false,
                });
            }
        }
    }
    // at one position: closings first (innermost, i.e. latest start, first), then openings
    // (outermost, i.e. latest end, first); ties between claims by claim number
    evs.sort_by(|x, y| {
        x.pos
            .cmp(&y.pos)
            .then_with(|| x.open.cmp(&y.open))
            .then_with(|| {
                if x.open {
                    y.other_end.cmp(&x.other_end).then(x.index.cmp(&y.index))
                } else {
                    y.other_end.cmp(&x.other_end).then(y.index.cmp(&x.index))
                }
            })
    });
    let mut out = String::with_capacity(text.len() + evs.len() * 5);
    let mut at = 0;
    for e in &evs {
        out.push_str(&text[at..e.pos]);
        at = e.pos;
        let num = if numbered {
            e.index.to_string()
        } else {
            String::new()
        };
        if e.open {
            let _ = write!(out, "<{}{}", e.role.letter(), num);
            if e.first_content {
                if let Some(k) = claims
                    .iter()
                    .find(|c| c.index == e.index)
                    .and_then(|c| c.kind.as_ref())
                {
                    let _ = write!(out, " kind=\"{k}\"");
                }
            }
            out.push('>');
        } else {
            let _ = write!(out, "</{}{}>", e.role.letter(), num);
        }
    }
    out.push_str(&text[at..]);
    out
}

// ---------------------------------------------------------------------------
// kind
// ---------------------------------------------------------------------------

const DOUBLE_OPEN: &[char] = &['\u{201c}', '\u{201e}', '\u{ab}'];
const DOUBLE_CLOSE: &[char] = &['\u{201d}', '\u{bb}'];

/// The kind of a content from its quotation marks, following the rule of
/// `shared/eval/README.md`: `direct` when every letter or digit is quoted, `indirect` when
/// none is, `mixed` otherwise. A double mark just before the first span (only whitespace
/// between) counts; a closing mark with no opening one quotes the letters since the previous
/// mark; single marks count only as a matched pair outside double quotes.
pub fn derive_kind(text: &str, spans: &[Span]) -> &'static str {
    let mut spans: Vec<Span> = spans.iter().copied().filter(|s| s.1 > s.0).collect();
    spans.sort_unstable();
    if spans.is_empty() {
        return "indirect";
    }
    let before = text[..spans[0].0].trim_end();
    // straight and doubled marks count only when their context makes them opening marks
    let opens_here = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(straight_opener_context)
    };
    if before.ends_with(DOUBLE_OPEN) {
        let c = before.chars().next_back().unwrap();
        spans[0].0 = before.len() - c.len_utf8();
    } else if before.ends_with('"') && opens_here(before.len() - 1) {
        spans[0].0 = before.len() - 1;
    } else if before.ends_with("``") || (before.ends_with("''") && opens_here(before.len() - 2)) {
        spans[0].0 = before.len() - 2;
    }
    let mut flags: Vec<bool> = Vec::new();
    let mut open = false;
    let mut opener: Option<char> = None;
    let mut since: Vec<usize> = Vec::new();
    for &(a, b) in &spans {
        let seg = &text[a..b];
        let mut sq_open: Option<usize> = None;
        let mut regions: Vec<(usize, usize)> = Vec::new();
        let mut prev: Option<char> = text[..a].chars().next_back();
        let mut it = seg.char_indices().peekable();
        while let Some((i, ch)) = it.next() {
            let next = seg[i + ch.len_utf8()..]
                .chars()
                .next()
                .or_else(|| text[b..].chars().next());
            let doubled = (ch == '`' && next == Some('`')) || (ch == '\'' && next == Some('\''));
            let is_double =
                DOUBLE_OPEN.contains(&ch) || DOUBLE_CLOSE.contains(&ch) || ch == '"' || doubled;
            if is_double {
                let opening = if DOUBLE_OPEN.contains(&ch) || ch == '`' {
                    true
                } else if DOUBLE_CLOSE.contains(&ch) {
                    false
                } else {
                    // straight " or '': the context decides, else it toggles
                    let after = if doubled {
                        seg[i + 2..]
                            .chars()
                            .next()
                            .or_else(|| text[b..].chars().next())
                    } else {
                        next
                    };
                    if prev.is_none_or(straight_opener_context) {
                        true
                    } else if after.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–".contains(c))
                    {
                        false
                    } else {
                        !open
                    }
                };
                // „…“ closes with a left mark; after “ a new “ is a paragraph reopening
                let opening = opening && !(ch == '\u{201c}' && opener == Some('\u{201e}'));
                if opening {
                    open = true;
                    opener = Some(ch);
                } else {
                    if !open {
                        for &k in &since {
                            flags[k] = true;
                        }
                    }
                    open = false;
                    opener = None;
                }
                since.clear();
                sq_open = None;
                if doubled {
                    it.next();
                }
                prev = Some(ch);
                continue;
            }
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
            // an opening single mark follows a non-letter and touches the next word; a closing
            // one touches the previous character and is not followed by a letter (don't,
            // voters', ’90s are apostrophes: they never pair up)
            if !open && (ch == '\u{2018}' || ch == '\'') && !alnum(prev) && solid(next) {
                sq_open = Some(flags.len());
            } else if !open && (ch == '\u{2019}' || ch == '\'') && solid(prev) && !alnum(next) {
                if let Some(s) = sq_open.take() {
                    regions.push((s, flags.len()));
                }
            } else if ch.is_alphanumeric() {
                since.push(flags.len());
                flags.push(open);
            }
            prev = Some(ch);
        }
        for (s, e) in regions {
            for f in &mut flags[s..e] {
                *f = true;
            }
        }
    }
    let quoted = flags.iter().filter(|&&f| f).count();
    if quoted == 0 {
        "indirect"
    } else if quoted == flags.len() {
        "direct"
    } else {
        "mixed"
    }
}

/// A straight mark after this character opens a quotation.
fn straight_opener_context(c: char) -> bool {
    c.is_whitespace() || "([{—–".contains(c)
}

// ---------------------------------------------------------------------------
// sentences
// ---------------------------------------------------------------------------

/// Parses `sentences.txt`.
pub fn parse_sentences(src: &str) -> Vec<SentenceCase> {
    split_cases(src, "sentences")
        .into_iter()
        .map(|raw| {
            let (text, boundaries) = sentences_markup(&raw.text, &raw.name, raw.line);
            SentenceCase {
                name: raw.name,
                line: raw.line,
                text,
                boundaries,
            }
        })
        .collect()
}

/// Parses one `|`-marked text (no case layout); `line` is used in panic messages.
pub fn parse_sentence_markup(marked: &str, line: usize) -> (String, Vec<usize>) {
    sentences_markup(marked, "<inline>", line)
}

fn sentences_markup(marked: &str, name: &str, line: usize) -> (String, Vec<usize>) {
    let ctx = Ctx {
        what: "sentences",
        name,
        line,
        marked,
    };
    let mut text = String::with_capacity(marked.len());
    let mut out = Vec::new();
    for (pos, ch) in marked.char_indices() {
        if ch != '|' {
            text.push(ch);
            continue;
        }
        let before = text.chars().next_back();
        let after = marked[pos + 1..].chars().next();
        match before {
            None => ctx.fail(pos, "`|` at the start of the text"),
            Some(c) if c.is_whitespace() => ctx.fail(
                pos,
                "`|` must follow the sentence's last character, not whitespace",
            ),
            Some('|') => ctx.fail(pos, "two `|` in a row"),
            _ => {}
        }
        match after {
            None => ctx.fail(pos, "`|` at the end of the text: the end is implicit"),
            Some(c) if !c.is_whitespace() => ctx.fail(pos, "`|` must be followed by whitespace"),
            _ => {}
        }
        out.push(text.len());
    }
    (text, out)
}

// ---------------------------------------------------------------------------
// quotations
// ---------------------------------------------------------------------------

/// Parses `quotes.txt`.
pub fn parse_quotes(src: &str) -> Vec<QuoteCase> {
    split_cases(src, "quotes")
        .into_iter()
        .map(|raw| {
            let (text, quotes) = quotes_markup(&raw.text, &raw.name, raw.line);
            QuoteCase {
                name: raw.name,
                line: raw.line,
                text,
                quotes,
            }
        })
        .collect()
}

/// Parses one `⟦…⟧`-marked text (no case layout); `line` is used in panic messages.
pub fn parse_quote_markup(marked: &str, line: usize) -> (String, Vec<(usize, usize, usize)>) {
    quotes_markup(marked, "<inline>", line)
}

const OPENERS: &[char] = &[
    '\u{201c}', '"', '\u{ab}', '\u{201e}', '\u{2018}', '\'', '`', '\u{201d}',
];
const CLOSERS: &[char] = &[
    '\u{201d}', '"', '\u{bb}', '\u{201c}', '\u{2019}', '\'', '\u{2018}',
];

fn quotes_markup(marked: &str, name: &str, line: usize) -> (String, Vec<(usize, usize, usize)>) {
    let ctx = Ctx {
        what: "quotes",
        name,
        line,
        marked,
    };
    let mut text = String::with_capacity(marked.len());
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (plain start, marked pos)
    let mut out = Vec::new();
    for (pos, ch) in marked.char_indices() {
        match ch {
            '\u{27e6}' => {
                let after = marked[pos + ch.len_utf8()..].chars().next();
                if !after.is_some_and(|c| OPENERS.contains(&c)) {
                    ctx.fail(
                        pos,
                        &format!(
                            "`⟦` must be followed by an opening quotation mark, found {after:?}"
                        ),
                    );
                }
                stack.push((text.len(), pos));
            }
            '\u{27e7}' => {
                let Some((start, _)) = stack.pop() else {
                    ctx.fail(pos, "`⟧` without `⟦`");
                };
                let before = text.chars().next_back();
                if !before.is_some_and(|c| CLOSERS.contains(&c)) {
                    ctx.fail(
                        pos,
                        &format!("`⟧` must follow a closing quotation mark, found {before:?}"),
                    );
                }
                if text.len() - start < 2 {
                    ctx.fail(pos, "a quotation needs at least its two marks");
                }
                out.push((start, text.len(), stack.len()));
            }
            _ => text.push(ch),
        }
    }
    if let Some(&(_, at)) = stack.last() {
        ctx.fail(at, "`⟦` is never closed");
    }
    out.sort_unstable_by_key(|&(a, _, d)| (a, d));
    (text, out)
}

// ---------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> Case {
        let mut v = parse_attribution(src);
        assert_eq!(v.len(), 1, "expected one case");
        v.pop().unwrap()
    }

    fn spans<'a>(text: &'a str, list: &[Span]) -> Vec<&'a str> {
        list.iter().map(|&(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn split_cases_reads_preamble_comments_and_lines() {
        let src = "# preamble\n\n---\n# first\n# more words\n\nA text.\n\nSecond para.\n\n---\n# second\nB.\n---\n";
        let cases = split_cases(src, "test");
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].name, "first");
        assert_eq!(cases[0].comments, vec!["first", "more words"]);
        assert_eq!(cases[0].text, "A text.\n\nSecond para.");
        assert_eq!(cases[0].line, 7);
        assert_eq!(cases[1].name, "second");
        assert_eq!(cases[1].line, 13);
        assert_eq!(cases[1].text, "B.");
    }

    #[test]
    fn split_cases_accepts_crlf() {
        let cases = split_cases("---\r\n# crlf\r\nOne.\r\n", "test");
        assert_eq!(cases[0].text, "One.");
    }

    #[test]
    #[should_panic(expected = "line 1")]
    fn split_cases_rejects_text_in_preamble() {
        split_cases("stray\n---\n# a\nB.\n", "test");
    }

    #[test]
    #[should_panic(expected = "no `# ` name line")]
    fn split_cases_rejects_unnamed_case() {
        split_cases("---\nB.\n", "test");
    }

    #[test]
    #[should_panic(expected = "has no text")]
    fn split_cases_rejects_empty_case() {
        split_cases("---\n# empty\n---\n# b\nB.\n", "test");
    }

    #[test]
    #[should_panic(expected = "line 3: trailing whitespace")]
    fn split_cases_rejects_trailing_whitespace() {
        split_cases("---\n# a\nB. \n", "test");
    }

    #[test]
    fn direct_quote_offsets_are_bytes() {
        let c =
            one("---\n# direct\n<c>“We will stay,”</c> <v>said</v> <s>Ortiz</s>, a spokeswoman.\n");
        assert_eq!(c.text, "“We will stay,” said Ortiz, a spokeswoman.");
        assert_eq!(c.claims.len(), 1);
        let k = &c.claims[0];
        assert_eq!(k.index, 1);
        assert_eq!(k.content, vec![(0, 19)]); // two 3-byte marks + 13 ASCII bytes
        assert_eq!(&c.text[k.content[0].0..k.content[0].1], "“We will stay,”");
        assert_eq!(spans(&c.text, &k.cue), vec!["said"]);
        assert_eq!(spans(&c.text, &k.source), vec!["Ortiz"]);
        assert_eq!(k.kind, None);
        assert_eq!(k.kind_or_derived(&c.text), "direct");
        assert!(!c.is_negative());
    }

    #[test]
    fn split_quote_has_two_sorted_content_spans() {
        let c = one("---\n# split\n<c>“A,”</c> <s>she</s> <v>said</v>. <c>“B.”</c>\n");
        let k = &c.claims[0];
        assert_eq!(spans(&c.text, &k.content), vec!["“A,”", "“B.”"]);
        assert!(k.content[0].0 < k.content[1].0);
    }

    #[test]
    fn numbered_claims_nest_and_share_a_mention() {
        let src = "---\n# nested\n<s1><s2>Choi</s2></s1> <v1>said</v1> <c1>x is y</c1>, <v2>adding</v2> that <c2>z</c2>.\n";
        let c = one(src);
        assert_eq!(c.claims.len(), 2);
        assert_eq!(c.claims[0].source, c.claims[1].source);
        assert_eq!(spans(&c.text, &c.claims[1].cue), vec!["adding"]);
        let src = "---\n# n\n<s1>A</s1> <v1>said</v1> <c1><s2>B</s2> <v2>told</v2> C that <c2>D left</c2></c1>.\n";
        let c = one(src);
        assert_eq!(c.text, "A said B told C that D left.");
        assert_eq!(
            spans(&c.text, &c.claims[0].content),
            vec!["B told C that D left"]
        );
        assert_eq!(spans(&c.text, &c.claims[1].content), vec!["D left"]);
    }

    #[test]
    fn unnumbered_tags_are_claim_one() {
        let c = one("---\n# mix\n<s>A</s> <v1>said</v1> <c>b</c>.\n");
        assert_eq!(c.claims.len(), 1);
        assert_eq!(c.claims[0].index, 1);
    }

    #[test]
    fn explicit_kind_is_kept() {
        let c = one("---\n# kind\n<s>A</s> <v>said</v> <c kind=\"mixed\">b “c”</c>\n");
        assert_eq!(c.claims[0].kind.as_deref(), Some("mixed"));
    }

    #[test]
    fn several_spans_of_one_role() {
        let c = one("---\n# two cues\n<s>Farm groups</s> <v>criticized</v> it, <v>saying</v> <c>it is bad</c>.\n");
        assert_eq!(
            spans(&c.text, &c.claims[0].cue),
            vec!["criticized", "saying"]
        );
        let c = one("---\n# two sources\n<s>A</s> and <s>B</s> <v>said</v> <c>c</c>.\n");
        assert_eq!(spans(&c.text, &c.claims[0].source), vec!["A", "B"]);
    }

    #[test]
    fn sourceless_and_cueless_claims() {
        let c = one("---\n# no source\nIt is <v>said</v> that <c>x</c>.\n");
        assert!(c.claims[0].source.is_empty());
        let c = one("---\n# continuation\n<c1>“A.”</c1> <s1><s2>B</s2></s1> <v1>said</v1>.\n\n<c2>“C.”</c2>\n");
        assert!(c.claims[1].cue.is_empty());
        assert_eq!(c.claims[1].source, c.claims[0].source);
        assert!(c.text.contains("\n\n"));
    }

    #[test]
    fn negative_case_has_no_claims() {
        let c = one("---\n# negative\nCritics call it a “truce.”\n");
        assert!(c.is_negative());
        assert_eq!(c.text, "Critics call it a “truce.”");
    }

    #[test]
    fn multiline_spans_keep_paragraph_breaks() {
        let c = one("---\n# multi\n<s>She</s> <v>said</v>:\n\n<c>“A.\n\n“B.”</c>\n");
        assert_eq!(spans(&c.text, &c.claims[0].content), vec!["“A.\n\n“B.”"]);
        assert_eq!(c.claims[0].kind_or_derived(&c.text), "direct");
    }

    fn bad(src: &str) {
        parse_attribution(src);
    }

    #[test]
    #[should_panic(expected = "line 4")]
    fn rejects_unclosed_tag_naming_its_line() {
        bad("---\n# unclosed\nFirst line.\nA <s>B said.\n");
    }

    #[test]
    #[should_panic(expected = "tags must nest properly")]
    fn rejects_crossing_tags() {
        bad("---\n# crossing\n<s1>A <c2>b</s1> c</c2> <v1>x</v1> <c1>y</c1> <v2>z</v2>\n");
    }

    #[test]
    #[should_panic(expected = "nest inside each other")]
    fn rejects_same_claim_nesting() {
        bad("---\n# same\n<c><s>A</s> b</c> <v>said</v>\n");
    }

    #[test]
    #[should_panic(expected = "no content span")]
    fn rejects_claim_without_content() {
        bad("---\n# nocontent\n<s>A</s> <v>said</v> so.\n");
    }

    #[test]
    #[should_panic(expected = "claim 2 is missing")]
    fn rejects_gap_in_numbering() {
        bad("---\n# gap\n<s1>A</s1> <v1>said</v1> <c1>b</c1>; <c3>d</c3>\n");
    }

    #[test]
    #[should_panic(expected = "kind must be")]
    fn rejects_unknown_kind() {
        bad("---\n# kind\n<c kind=\"partial\">b</c>\n");
    }

    #[test]
    #[should_panic(expected = "only content tags")]
    fn rejects_kind_on_source() {
        bad("---\n# kind\n<s kind=\"direct\">A</s> <c>b</c>\n");
    }

    #[test]
    #[should_panic(expected = "whitespace at an edge")]
    fn rejects_untrimmed_span() {
        bad("---\n# ws\n<s>A </s><v>said</v> <c>b</c>\n");
    }

    #[test]
    #[should_panic(expected = "empty span")]
    fn rejects_empty_span() {
        bad("---\n# empty\n<s></s><v>said</v> <c>b</c>\n");
    }

    #[test]
    #[should_panic(expected = "stray `<`")]
    fn rejects_unknown_tag() {
        bad("---\n# tag\n<x>A</x> <c>b</c>\n");
    }

    #[test]
    #[should_panic(expected = "stray `>`")]
    fn rejects_stray_gt() {
        bad("---\n# gt\nA > B <c>b</c>\n");
    }

    #[test]
    fn render_round_trips() {
        let src = "---\n# n\n<s1>A</s1> <v1>said</v1> <c1 kind=\"mixed\"><s2><s3>B</s3></s2> <v2>told</v2> C that <c2>“D”</c2>, <v3>adding</v3> <c3>e</c3></c1>.\n";
        let c = one(src);
        let again = render_claims(&c.text, &c.claims);
        let (text, claims) = parse_claim_markup(&again, 1);
        assert_eq!(text, c.text);
        assert_eq!(claims, c.claims);
        assert_eq!(
            again,
            "<s1>A</s1> <v1>said</v1> <c1 kind=\"mixed\"><s2><s3>B</s3></s2> <v2>told</v2> C that <c2>“D”</c2>, <v3>adding</v3> <c3>e</c3></c1>."
        );
        let c = one("---\n# single\n<c>“x,”</c> <s>he</s> <v>said</v>.\n");
        assert_eq!(
            render_claims(&c.text, &c.claims),
            "<c>“x,”</c> <s>he</s> <v>said</v>."
        );
    }

    #[test]
    fn derive_kind_follows_the_quotation_marks() {
        let k = |t: &str, a: &str| {
            let s = t.find(a).unwrap();
            derive_kind(t, &[(s, s + a.len())])
        };
        assert_eq!(k("“We stay,” she said.", "“We stay,”"), "direct");
        assert_eq!(
            k(
                "He said it was “a tax on workers.”",
                "it was “a tax on workers.”"
            ),
            "mixed"
        );
        assert_eq!(
            k(
                "He said the voters' mood don't matter.",
                "the voters' mood don't matter"
            ),
            "indirect"
        );
        assert_eq!(k("He said \"no\" twice.", "\"no\" twice"), "mixed");
        // a closing straight mark just before the span is not taken in
        assert_eq!(k("\"No.\"\n\"Yes,\" he said.", "\"Yes,\""), "direct");
        assert_eq!(
            k("''The numbers speak,'' he said.", "''The numbers speak,''"),
            "direct"
        );
        assert_eq!(k("``We stay,'' he said.", "``We stay,''"), "direct");
        assert_eq!(k("It is the ’90s again.", "the ’90s again"), "indirect");
        assert_eq!(k("“He told me, ‘Stay,’” she said.", "‘Stay,’"), "direct");
        // the opening mark just before the span counts
        assert_eq!(k("“We stay,” she said.", "We stay,”"), "direct");
        // a closing mark without an opening one quotes the text before it
        assert_eq!(k("“I said it.” Then", "said it.”"), "direct");
        assert_eq!(k("She wrote: „Wir bleiben.“", "„Wir bleiben.“"), "direct");
        assert_eq!(k("It said «non» twice.", "«non» twice"), "mixed");
        let t = "“A.\n\n“B.”";
        assert_eq!(derive_kind(t, &[(0, t.len())]), "direct");
        let t = "“A.\n\n“B.\n\n“C.” she said";
        assert_eq!(derive_kind(t, &[(0, t.len())]), "mixed");
        let t = "“A,” he said, “b.”";
        assert_eq!(
            derive_kind(
                t,
                &[(0, "“A,”".len()), (t.find(", “").unwrap() + 2, t.len())]
            ),
            "direct"
        );
    }

    #[test]
    fn sentences_boundaries() {
        let (t, b) =
            parse_sentence_markup("She returned to the U.S.| The next day, she testified.", 1);
        assert_eq!(t, "She returned to the U.S. The next day, she testified.");
        assert_eq!(b, vec![24]);
        let (t, b) = parse_sentence_markup("“Stop.”| Then he left.|\n\nNext.", 1);
        assert_eq!(&t[..b[0]], "“Stop.”");
        assert_eq!(&t[b[0]..b[1]], " Then he left.");
        let cases = parse_sentences("---\n# one\nNo boundary here.\n---\n# two\nA.| B.\n");
        assert_eq!(cases.len(), 2);
        assert!(cases[0].boundaries.is_empty());
        assert_eq!(cases[1].boundaries, vec![2]);
        assert_eq!(cases[1].line, 6);
    }

    #[test]
    #[should_panic(expected = "line 3")]
    fn sentences_reject_mark_before_whitespace() {
        parse_sentences("---\n# bad\nA. |B.\n");
    }

    #[test]
    #[should_panic(expected = "end is implicit")]
    fn sentences_reject_mark_at_end() {
        parse_sentences("---\n# bad\nA.|\n");
    }

    #[test]
    #[should_panic(expected = "followed by whitespace")]
    fn sentences_reject_mark_inside_a_word() {
        parse_sentences("---\n# bad\nU.|S. troops.\n");
    }

    #[test]
    fn quotes_nest_with_depth() {
        let (t, q) = parse_quote_markup("⟦“I told myself, ⟦‘Shoot,’⟧ and did,”⟧ he said.", 1);
        assert_eq!(t, "“I told myself, ‘Shoot,’ and did,” he said.");
        assert_eq!(q.len(), 2);
        let (a, b, d) = q[0];
        assert_eq!((&t[a..b], d), ("“I told myself, ‘Shoot,’ and did,”", 0));
        let (a, b, d) = q[1];
        assert_eq!((&t[a..b], d), ("‘Shoot,’", 1));
        let (t, q) = parse_quote_markup("⟦``We stay,''⟧ he said. ⟦''Go.''⟧", 1);
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[1].0..q[1].1], "''Go.''");
        let (_, q) = parse_quote_markup("Iraq’s voters' don't.", 1);
        assert!(q.is_empty());
    }

    #[test]
    #[should_panic(expected = "never closed")]
    fn quotes_reject_unclosed() {
        parse_quotes("---\n# bad\n⟦“A.”\n");
    }

    #[test]
    #[should_panic(expected = "without `⟦`")]
    fn quotes_reject_unopened() {
        parse_quotes("---\n# bad\n“A.”⟧\n");
    }

    #[test]
    #[should_panic(expected = "line 4")]
    fn quotes_reject_bracket_not_on_a_mark() {
        parse_quotes("---\n# bad\nfirst line\nShe said ⟦we stay⟧.\n");
    }

    // The case files of this repository, read exactly as the integration tests read them.

    const ATTRIBUTION: &str = include_str!("../cases/attribution.txt");
    const SENTENCES: &str = include_str!("../cases/sentences.txt");
    const QUOTES: &str = include_str!("../cases/quotes.txt");

    #[test]
    fn attribution_file_parses_and_round_trips() {
        let cases = parse_attribution(ATTRIBUTION);
        let negative = cases.iter().filter(|c| c.is_negative()).count();
        assert!(cases.len() >= 120, "{} cases", cases.len());
        assert!(negative >= 35, "{negative} negative cases");
        for c in &cases {
            let (text, claims) = parse_claim_markup(&render_claims(&c.text, &c.claims), c.line);
            assert_eq!(text, c.text, "case {:?} line {}", c.name, c.line);
            assert_eq!(claims, c.claims, "case {:?} line {}", c.name, c.line);
            for k in &c.claims {
                // an explicit kind must agree with the marks; it only documents the intent
                if let Some(kind) = &k.kind {
                    assert_eq!(
                        kind,
                        derive_kind(&c.text, &k.content),
                        "case {:?} line {}",
                        c.name,
                        c.line
                    );
                }
            }
        }
    }

    #[test]
    fn sentence_file_parses() {
        let cases = parse_sentences(SENTENCES);
        assert!(cases.len() >= 40, "{} cases", cases.len());
        for c in &cases {
            assert!(c.boundaries.iter().all(|&b| c.text.is_char_boundary(b)));
        }
    }

    #[test]
    fn quote_file_parses() {
        let cases = parse_quotes(QUOTES);
        assert!(cases.len() >= 30, "{} cases", cases.len());
        assert!(
            cases.iter().any(|c| c.quotes.iter().any(|q| q.2 == 1)),
            "nested quotations"
        );
        assert!(
            cases.iter().any(|c| c.quotes.is_empty()),
            "cases without quotations"
        );
    }
}
