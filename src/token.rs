//! The tokenizer: a lazy, zero-copy iterator of [`Token`]s over a `&str`.
//!
//! Whitespace is not a token, except where it holds a line break: every
//! newline ends a paragraph in news feeds, so a whitespace run with a newline
//! becomes one [`TokenKind::ParagraphBreak`]. The tokens and the whitespace
//! gaps between them rebuild the input exactly.

use std::sync::LazyLock;

use crate::lexicon;
use crate::Span;

/// What a [`Token`] is.
///
/// # Example
///
/// ```
/// use claimant::{tokenize, TokenKind};
///
/// let kinds: Vec<TokenKind> = tokenize("“Yes,” said Mr. Smith.").map(|t| t.kind).collect();
/// assert_eq!(
///     kinds,
///     [
///         TokenKind::OpenQuote,
///         TokenKind::Word,
///         TokenKind::Punct,
///         TokenKind::CloseQuote,
///         TokenKind::Word,
///         TokenKind::Abbreviation,
///         TokenKind::Word,
///         TokenKind::Punct,
///     ]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters and digits, with inner hyphens and apostrophes: `al-Sudani`,
    /// `Iraq’s`, `don't`; also elisions (`’em`, the `’n’` of "rock ’n’
    /// roll") and initialisms that go on (`U.S.-led`, `U.S.’s`).
    Word,
    /// A word that keeps its final period: a known abbreviation (`Mr.`,
    /// `Oct.`, `a.m.`, `R-Kan.`), an initial before a name (the `F.` of
    /// "John F. Kennedy"; the `B.` of "Plan B." is a word and a period), or
    /// a run of initials, with or without inner spaces (`U.S.`, `U. S.`,
    /// `D-N.M.`).
    Abbreviation,
    /// A number with its inner separators, currency sign and suffix:
    /// `2,000`, `3.5`, `$200`, `1990s`, `1990’s`, `’90s`, `24%`,
    /// `30-minute`.
    Number,
    /// One punctuation character: `.` `,` `;` `:` `!` `?` `(` `)` …
    Punct,
    /// A mark that opens a quotation: `“`, `‘`, `«`, `„`, ` `` `, or a
    /// straight mark in opening position.
    OpenQuote,
    /// A mark that closes a quotation: `”`, `’`, `»`, or a straight mark in
    /// closing position.
    CloseQuote,
    /// A straight mark (`"`, `'`, `''`) whose position does not tell
    /// whether it opens or closes.
    Quote,
    /// A dash: `—`, `–`, `--`, or a free-standing `-`.
    Dash,
    /// `…`, three or more periods, or spaced periods (`. . .`).
    Ellipsis,
    /// Whitespace holding one or more line breaks: a paragraph boundary.
    ParagraphBreak,
    /// A web address: `https://…`, `www.…`, or a bare host name with a
    /// common top-level domain and an optional path (`apnews.com/world`).
    /// Trailing punctuation stays outside.
    Url,
    /// An e-mail address: `budget@millbrook.example.gov`.
    Email,
    /// A social-media handle: `@AP`.
    Handle,
    /// A hashtag: `#Election2016` (`#1` is a symbol and a number).
    Hashtag,
    /// Anything else: emoji, `&`, `§`, control characters.
    Symbol,
}

/// One token: a kind and a span of the input, with the text it borrows.
///
/// # Example
///
/// ```
/// use claimant::{tokenize, TokenKind};
///
/// let text = "Iraq’s U. S. troops";
/// let tokens: Vec<_> = tokenize(text).collect();
/// assert_eq!(tokens[0].text, "Iraq’s");
/// assert_eq!(tokens[1].text, "U. S.");
/// assert_eq!(tokens[1].kind, TokenKind::Abbreviation);
/// assert_eq!(&text[tokens[2].span], "troops");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, borrowed from the input.
    pub text: &'a str,
    /// Where the token is in the input.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// True for opening, closing and ambiguous quotation marks.
    ///
    /// ```
    /// let t = claimant::tokenize("”").next().unwrap();
    /// assert!(t.is_quote());
    /// ```
    #[inline]
    pub fn is_quote(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote
        )
    }

    /// True for a double quotation mark (`"` `“` `”` `„` `«` `»` `''` and
    /// the like), false for single marks and for other tokens.
    ///
    /// ```
    /// let t: Vec<_> = claimant::tokenize("“it’s” 'x' ''").collect();
    /// assert!(t[0].is_double_quote() && t[2].is_double_quote());
    /// assert!(!t[1].is_double_quote()); // the word "it’s"
    /// assert!(!t[3].is_double_quote()); // a single straight mark
    /// assert!(t[6].is_double_quote()); // '' : a doubled closing mark
    /// ```
    #[inline]
    pub fn is_double_quote(&self) -> bool {
        self.is_quote() && is_double_mark(self.text)
    }

    /// True for a single quotation mark (`'` `‘` `’` `‚` `‹` `›` and the
    /// like), false for double marks and for other tokens. An apostrophe
    /// inside a word (`Iraq’s`) is part of the word, not a token of its own.
    ///
    /// ```
    /// let t: Vec<_> = claimant::tokenize("‘no’ Iraq’s").collect();
    /// assert!(t[0].is_single_quote() && !t[0].is_double_quote());
    /// assert!(t[2].is_single_quote());
    /// assert!(!t[3].is_single_quote());
    /// ```
    #[inline]
    pub fn is_single_quote(&self) -> bool {
        self.is_quote() && !is_double_mark(self.text)
    }

    /// True for words, abbreviations and numbers: the tokens that carry
    /// letters or digits.
    ///
    /// ```
    /// let t = claimant::tokenize("U.S.").next().unwrap();
    /// assert!(t.is_wordlike());
    /// ```
    #[inline]
    pub fn is_wordlike(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
        )
    }
}

/// True when a quotation-mark token's text is a double mark.
pub(crate) fn is_double_mark(text: &str) -> bool {
    matches!(
        text,
        "\"" | "“" | "”" | "„" | "‟" | "«" | "»" | "''" | "``" | "＂"
    )
}

/// Splits `text` into tokens, lazily and without copying.
///
/// Offsets are UTF-8 byte offsets into `text`, on char boundaries, in
/// increasing order; tokens never overlap, and the text between two tokens
/// is whitespace without line breaks. The iterator never panics, whatever
/// the input.
///
/// # Example
///
/// ```
/// let words: Vec<&str> = claimant::tokenize("BAGHDAD (AP) — 2,000 troops.")
///     .map(|t| t.text)
///     .collect();
/// assert_eq!(words, ["BAGHDAD", "(", "AP", ")", "—", "2,000", "troops", "."]);
/// ```
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// The iterator returned by [`tokenize`].
///
/// ```
/// let mut tokens = claimant::tokenize("Oct. 7");
/// assert_eq!(tokens.next().unwrap().text, "Oct.");
/// assert_eq!(tokens.next().unwrap().text, "7");
/// assert!(tokens.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        match self.next_simple() {
            Some(t) => Some(t),
            None => self.next_after_space(),
        }
    }
}

impl<'a> Tokens<'a> {
    /// The common case: at most one space, then a token that starts with a
    /// printable ASCII byte. `None` when the next token is anything else
    /// (nothing has moved then).
    #[inline(always)]
    fn next_simple(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = self.pos;
        if bytes.get(pos) == Some(&b' ') {
            pos += 1;
        }
        let b = *bytes.get(pos)?;
        if b <= b' ' || b >= 0x80 {
            return None;
        }
        // Most tokens are words: those that cannot open a web address go
        // straight to the word scan.
        let (end, kind) = if b.is_ascii_alphabetic() && !matches!(b | 0x20, b'h' | b'w') {
            scan_word(text, pos)
        } else {
            scan(text, pos)
        };
        self.pos = end;
        Some(self.make(pos, end, kind))
    }

    /// The next token after whitespace of any kind (a run with a line break
    /// is a paragraph break), or after none when the token starts with a
    /// non-ASCII char.
    #[inline(never)]
    fn next_after_space(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = self.pos;
        let mut first_break = None;
        let mut last_break_end = 0;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b == b' ' {
                pos += 1;
            } else if b < 0x80 {
                match b {
                    b'\n' | b'\r' | 0x0b | 0x0c => {
                        first_break.get_or_insert(pos);
                        last_break_end = pos + 1;
                    }
                    b'\t' => {}
                    _ => break,
                }
                pos += 1;
            } else {
                let c = char_at(text, pos);
                if !c.is_whitespace() {
                    break;
                }
                if is_line_break(c) {
                    first_break.get_or_insert(pos);
                    last_break_end = pos + c.len_utf8();
                }
                pos += c.len_utf8();
            }
        }
        self.pos = pos;
        if let Some(start) = first_break {
            return Some(self.make(start, last_break_end, TokenKind::ParagraphBreak));
        }
        if pos >= bytes.len() {
            return None;
        }
        let (end, kind) = scan(text, pos);
        debug_assert!(end > pos && text.is_char_boundary(end));
        self.pos = end;
        Some(self.make(pos, end, kind))
    }
}

impl std::iter::FusedIterator for Tokens<'_> {}

impl<'a> Tokens<'a> {
    #[inline]
    fn make(&self, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        Token {
            text: &self.text[start..end],
            span: Span::new(start, end),
            kind,
        }
    }
}

/// Line breaks beyond `\n` and `\r` (those are handled on bytes): NEL, the
/// Unicode line and paragraph separators.
#[inline]
fn is_line_break(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The char at byte `i` (a char boundary), or NUL past the end.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0')
}

/// The char at byte `i`, or `None` at the end (or off a boundary).
#[inline]
fn char_after(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char just before byte `i`, or `None` at the start.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// A character that can be part of a word: letters, digits, and the
/// combining marks and joiners that attach to them.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General punctuation (’ “ ” — …) is the most common non-ASCII in news:
    // answer it without the Unicode tables.
    if ('\u{2000}'..='\u{206f}').contains(&c) {
        return matches!(c, '\u{200c}' | '\u{200d}' | '\u{2060}');
    }
    c.is_alphanumeric()
        || matches!(c,
            '\u{ad}' // soft hyphen: "exam­ple" is one word
            | '\u{0300}'..='\u{036f}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05bd}'
            | '\u{064b}'..='\u{065f}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093a}'..='\u{094f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{200c}' | '\u{200d}' | '\u{2060}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{fe20}'..='\u{fe2f}')
}

/// Apostrophes that may sit inside a word: `don't`, `Iraq’s`.
#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Hyphens that may join a word: `al-Sudani`, `Iranian‑backed`.
#[inline]
fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// ASCII letters and digits, as a table: one load per byte on the hot path.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits from `i`: eight bytes at
/// a time, then byte by byte near the end of the text.
#[inline(always)]
fn ascii_alnum_run(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let stop = not_alnum_mask(u64::from_le_bytes(word));
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&x| ASCII_ALNUM[x as usize]) {
        i += 1;
    }
    i
}

/// For eight bytes in a `u64` (little-endian), the high bit of each byte
/// that is not an ASCII letter or digit. No byte's arithmetic carries into
/// the next: every sum below stays under 0x100.
#[inline(always)]
fn not_alnum_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ascii = !w & HIGH;
    let low = w & !HIGH;
    // The high bit of (x + 0x80 - n) is set exactly when x >= n (x < 0x80).
    let at_least = |x: u64, n: u8| (x + ONES * u64::from(0x80 - n)) & HIGH;
    let folded = low | (ONES * 0x20); // 'A'..='Z' onto 'a'..='z'
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    !(letter | digit) & ascii | (HIGH & !ascii)
}

#[inline]
fn digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

/// Scans one token starting at `start` (not whitespace); returns its end and
/// kind. ASCII is dispatched on the byte; only other text decodes a char.
#[inline]
fn scan(text: &str, start: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let b0 = b[start];
    match b0 {
        b'a'..=b'z' | b'A'..=b'Z' => {
            // Web addresses come first: they contain punctuation.
            if matches!(b0, b'h' | b'H' | b'w' | b'W')
                && matches!(b.get(start + 1), Some(b't' | b'T' | b'w' | b'W'))
            {
                if let Some(end) = scan_url(text, start) {
                    return (end, TokenKind::Url);
                }
            }
            scan_word(text, start)
        }
        b'0'..=b'9' => (scan_number(text, start), TokenKind::Number),
        b'$' if digit_at(b, start + 1) => (scan_number(text, start + 1), TokenKind::Number),
        b'"' => (start + 1, classify_straight(text, start, 1)),
        b'\'' => {
            // '' : the doubled mark some archives use for a closing ”.
            if b.get(start + 1) == Some(&b'\'') {
                // Three marks after a word or a mark: a single mark closing
                // inside the doubled one ("'Ridgeway is an odd case,'''
                // Mr. Baker said"), which closes after it.
                if b.get(start + 2) == Some(&b'\'')
                    && start > 0
                    && !b[start - 1].is_ascii_whitespace()
                {
                    return (start + 1, classify_straight(text, start, 1));
                }
                return (start + 2, classify_straight(text, start, 2));
            }
            scan_apostrophe(text, start, 1).unwrap_or_else(|| {
                let kind = classify_straight(text, start, 1);
                (start + 1, kind)
            })
        }
        b'`' if b.get(start + 1) == Some(&b'`') => (start + 2, TokenKind::OpenQuote),
        b'-' => {
            let mut end = start + 1;
            while b.get(end) == Some(&b'-') {
                end += 1;
            }
            (end, TokenKind::Dash)
        }
        b'.' => scan_periods(text, start),
        b'@' => match scan_tag(text, start + 1) {
            Some(end) => (end, TokenKind::Handle),
            None => (start + 1, TokenKind::Symbol),
        },
        b'#' => match scan_tag(text, start + 1) {
            Some(end) => (end, TokenKind::Hashtag),
            None => (start + 1, TokenKind::Symbol),
        },
        b'&' | b'*' | b'+' | b'<' | b'=' | b'>' | b'^' | b'|' | b'~' | b'\\' | b'`' | b'$'
        | b'%' => (start + 1, TokenKind::Symbol),
        _ if b0.is_ascii_punctuation() => (start + 1, TokenKind::Punct),
        0x80.. => scan_non_ascii(text, start),
        // Control characters (whitespace was skipped before).
        _ => (start + 1, TokenKind::Symbol),
    }
}

/// [`scan`] for a token that starts with a non-ASCII char.
fn scan_non_ascii(text: &str, start: usize) -> (usize, TokenKind) {
    let c = char_at(text, start);
    let clen = c.len_utf8();
    let after = start + clen;
    match c {
        '’' => scan_apostrophe(text, start, clen).unwrap_or((after, TokenKind::CloseQuote)),
        '‘' => scan_apostrophe(text, start, clen).unwrap_or((after, TokenKind::OpenQuote)),
        '“' | '„' | '‟' | '«' | '‚' | '‛' | '‹' => (after, TokenKind::OpenQuote),
        '”' | '»' | '›' => (after, TokenKind::CloseQuote),
        '＂' => (after, classify_straight(text, start, clen)),
        '—' | '–' | '―' | '‒' | '⸺' | '⸻' => (after, TokenKind::Dash),
        '…' => (after, TokenKind::Ellipsis),
        '€' | '£' | '¥' | '₹' | '₩' | '₽' if digit_at(text.as_bytes(), after) => {
            (scan_number(text, after), TokenKind::Number)
        }
        '¡' | '¿' | '·' | '•' | '†' | '‡' | '§' | '¶' | '、' | '。' | '，' | '：' | '；' | '！'
        | '？' | '（' | '）' => (after, TokenKind::Punct),
        _ if is_word_char(c) => scan_word(text, start),
        _ => (after, TokenKind::Symbol),
    }
}

/// An apostrophe that is not a quotation mark, at the start of a token:
/// `’90s`, `'08`, `’em`, `’til`, the `’n’` of "rock ’n’ roll".
fn scan_apostrophe(text: &str, start: usize, clen: usize) -> Option<(usize, TokenKind)> {
    if let Some(end) = scan_decade(text, start, clen) {
        return Some((end, TokenKind::Number));
    }
    scan_elision(text, start, clen).map(|end| (end, TokenKind::Word))
}

/// Words that lose their first letters to an apostrophe ("’em", "’til",
/// "’tis", "rock ’n’ roll"), lower-case.
const ELISIONS: &[&str] = &["bout", "cause", "em", "n", "til", "tis", "twas"];

/// `’em`, `'til`, `’n’`: an apostrophe, an elided word, and for `n` an
/// optional closing apostrophe; then no word char.
fn scan_elision(text: &str, start: usize, clen: usize) -> Option<usize> {
    let b = text.as_bytes();
    let from = start + clen;
    let mut end = from;
    while end < b.len() && end - from < 5 && b[end].is_ascii_alphabetic() {
        end += 1;
    }
    let word = &text[from..end];
    if !ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word)) {
        return None;
    }
    if word.eq_ignore_ascii_case("n") {
        // "’n’": the closing apostrophe belongs to the word.
        if let Some(c) = char_after(text, end).filter(|&c| is_apostrophe(c) || c == '‘') {
            end += c.len_utf8();
        }
    }
    match char_after(text, end) {
        Some(c) if is_word_char(c) || is_apostrophe(c) => None,
        _ => Some(end),
    }
}

/// `’90s`, `'08`: an apostrophe, two digits, an optional `s`, then no word
/// char, and no word char before the apostrophe either.
fn scan_decade(text: &str, start: usize, clen: usize) -> Option<usize> {
    if char_before(text, start).is_some_and(is_word_char) {
        return None;
    }
    let b = text.as_bytes();
    let d = start + clen;
    if !(digit_at(b, d) && digit_at(b, d + 1)) {
        return None;
    }
    let mut end = d + 2;
    if b.get(end) == Some(&b's') {
        end += 1;
    }
    match char_after(text, end) {
        Some(c) if is_word_char(c) => None,
        _ => Some(end),
    }
}

/// `.`, `..`, an ellipsis of three or more periods, or a spaced one (`. . .`).
fn scan_periods(text: &str, start: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let mut end = start + 1;
    while b.get(end) == Some(&b'.') {
        end += 1;
    }
    if end - start >= 3 {
        return (end, TokenKind::Ellipsis);
    }
    if end - start == 1 {
        let mut dots = 1;
        let mut j = end;
        while b.get(j) == Some(&b' ') && b.get(j + 1) == Some(&b'.') {
            j += 2;
            dots += 1;
        }
        if dots >= 3 {
            return (j, TokenKind::Ellipsis);
        }
    }
    (start + 1, TokenKind::Punct)
}

/// Decides whether a straight mark at `start` opens or closes, by context:
/// after a boundary and before a non-space it opens; after a non-space and
/// before a boundary it closes.
fn classify_straight(text: &str, start: usize, len: usize) -> TokenKind {
    let prev = char_before(text, start);
    let next = char_after(text, start + len);
    let prev_boundary = prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
            || is_quote_char(p)
    });
    let next_space = next.is_none_or(char::is_whitespace);
    let next_boundary = next_space
        || next.is_some_and(|n| {
            matches!(
                n,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '…'
            ) || is_quote_char(n)
        });
    if prev_boundary && !next_space {
        TokenKind::OpenQuote
    } else if !prev_boundary && next_boundary {
        TokenKind::CloseQuote
    } else {
        TokenKind::Quote
    }
}

/// Any quotation-mark character.
#[inline]
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
            | '＂'
    )
}

/// A number from byte `i`: digits with inner `,` `.` `:` `/` before digits,
/// then `%`, a decade's `’s` (`1990’s`), or a word tail (`1990s`, `5th`,
/// `30-minute`, `1-800-555-0142`).
fn scan_number(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        while digit_at(b, i) {
            i += 1;
        }
        if matches!(b.get(i), Some(b',' | b'.' | b':' | b'/')) && digit_at(b, i + 1) {
            i += 1;
            continue;
        }
        break;
    }
    match b.get(i) {
        Some(b'%') => return i + 1,
        Some(b'\'') | Some(0xe2) => {
            if let Some(c) = char_after(text, i).filter(|&c| is_apostrophe(c)) {
                let s = i + c.len_utf8();
                // "1990's", "1990’s": the apostrophe s of a decade or a count.
                if b.get(s) == Some(&b's') && !char_after(text, s + 1).is_some_and(is_word_char) {
                    return s + 1;
                }
                // Feet and inches, "6'2\"" or "6’2”": marks between digits
                // are not quotation marks.
                let e = if digit_at(b, s + 1) { s + 2 } else { s + 1 };
                if digit_at(b, s) && !digit_at(b, e) {
                    return match char_after(text, e) {
                        Some(c @ ('"' | '”' | '″')) => e + c.len_utf8(),
                        Some('\'') if b.get(e + 1) == Some(&b'\'') => e + 2,
                        _ => e,
                    };
                }
            }
        }
        _ => {}
    }
    scan_word_tail(text, i, true)
}

/// Continues a word from byte `i`: word chars, and hyphens and apostrophes
/// between them (a hyphen may also follow a number: "30-minute"), and an
/// ampersand between capitals ("AT&T"). Returns the end.
#[inline(always)]
fn scan_word_tail(text: &str, from: usize, after_number: bool) -> usize {
    let b = text.as_bytes();
    let end = ascii_alnum_run(b, from);
    match b.get(end) {
        Some(&x) if x < 0x80 && x != b'-' && x != b'\'' && x != b'&' => end,
        None => end,
        _ => scan_word_tail_slow(text, from, end, after_number),
    }
}

/// [`scan_word_tail`] past a non-ASCII char, a hyphen or an apostrophe.
#[inline(never)]
fn scan_word_tail_slow(text: &str, from: usize, mut i: usize, after_number: bool) -> usize {
    let b = text.as_bytes();
    loop {
        i = ascii_alnum_run(b, i);
        let Some(&x) = b.get(i) else { break };
        let (c, len) = if x < 0x80 {
            // "AT&T", "P&G", "S&P 500": an ampersand between capitals.
            if x == b'&' {
                if i > from
                    && b[i - 1].is_ascii_uppercase()
                    && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                {
                    i += 1;
                    continue;
                }
                break;
            }
            if !matches!(x, b'-' | b'\'') {
                break;
            }
            (x as char, 1)
        } else {
            let c = char_at(text, i);
            if is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
            (c, c.len_utf8())
        };
        let joins = if is_apostrophe(c) {
            i > from && char_after(text, i + len).is_some_and(char::is_alphabetic)
        } else if is_hyphen(c) {
            (i > from || after_number) && char_after(text, i + len).is_some_and(is_word_char)
        } else {
            false
        };
        if !joins {
            break;
        }
        i += len;
    }
    i
}

/// A word, then perhaps its period: an abbreviation, an initial, a run of
/// initials (`U.S.`, `U. S.`, `D-N.M.`); or an e-mail or a bare web address.
#[inline(always)]
fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    let end = scan_word_tail(text, start, false);
    match text.as_bytes().get(end) {
        Some(b'.' | b'@' | b'_' | b'+') => scan_word_end(text, start, end),
        _ => (end, TokenKind::Word),
    }
}

/// [`scan_word`] for a word followed by `.`, `@`, `_` or `+`.
#[inline(never)]
fn scan_word_end(text: &str, start: usize, end: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    match b.get(end) {
        Some(b'.') => {}
        Some(b'@' | b'_' | b'+') => {
            return match scan_email(text, start) {
                Some(e) => (e, TokenKind::Email),
                None => (end, TokenKind::Word),
            };
        }
        _ => return (end, TokenKind::Word),
    }
    if b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
        // "measles.info@carvercounty.org", "greenfieldlibrary.org/policy"
        if let Some(e) = scan_email(text, start) {
            return (e, TokenKind::Email);
        }
        if let Some(e) = scan_domain(text, start) {
            return (e, TokenKind::Url);
        }
    }
    let word = &text[start..end];
    // The part after the last hyphen: "N" in "D-N.M.", "Kan" in "R-Kan.".
    let piece_start = match word.rfind(is_hyphen) {
        Some(k) => start + k + char_at(word, k).len_utf8(),
        None => start,
    };
    let piece = &text[piece_start..end];
    let mut letters = piece.chars();
    let short_letters = match (letters.next(), letters.next(), letters.next()) {
        (Some(a), None, _) => a.is_alphabetic(),
        (Some(a), Some(z), None) => a.is_alphabetic() && z.is_alphabetic(),
        _ => false,
    };
    // Dotted initialisms: "U.S.", "a.m.", "D.C.", "e.g.", "Ph.D.", "U.S.-led".
    if short_letters {
        let mut j = end;
        let mut pieces = 1;
        while b.get(j) == Some(&b'.') {
            let (e, more) = scan_letters(text, j + 1, 2);
            if !more || b.get(e) != Some(&b'.') {
                break;
            }
            j = e;
            pieces += 1;
        }
        if pieces >= 2 {
            let end = j + 1;
            if let Some(e) = possessive(text, end) {
                return (e, TokenKind::Word);
            }
            // "U.S.-led", "U.N.-backed": one word.
            if b.get(end) == Some(&b'-')
                && char_after(text, end + 1).is_some_and(char::is_alphabetic)
            {
                return (scan_word_tail(text, end + 1, false), TokenKind::Word);
            }
            return (end, TokenKind::Abbreviation);
        }
    }
    // An initial, or initials with spaces: "F.", "U. S.", "J. R. R.".
    if piece_start == start && is_single_upper(piece) {
        let mut j = end + 1; // after the period
        while b.get(j) == Some(&b' ') {
            let c = char_at(text, j + 1);
            if !c.is_uppercase() {
                break;
            }
            let after = j + 1 + c.len_utf8();
            if b.get(after) != Some(&b'.') {
                break;
            }
            j = after + 1;
        }
        // A lone initial comes before a name ("John F. Kennedy", "John F.
        // “Jack” Kennedy"); otherwise the period ends a sentence after a
        // letter ("Plan B.", "“B.”", "E. coli").
        let name_follows = b.get(j) == Some(&b' ')
            && char_after(text, j + 1)
                .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '\'' | '«'));
        if j > end + 1 || name_follows {
            return (j, TokenKind::Abbreviation);
        }
    }
    if maybe_abbreviation(piece) && lexicon::is_abbreviation(piece)
        || piece_start != start && maybe_abbreviation(word) && lexicon::is_abbreviation(word)
    {
        if let Some(e) = possessive(text, end + 1) {
            return (e, TokenKind::Word);
        }
        return (end + 1, TokenKind::Abbreviation);
    }
    (end, TokenKind::Word)
}

/// The end of a possessive `’s` or `'s` at byte `i`, after an
/// abbreviation: "the U.S.’s position", "Apple Inc.'s shares". A
/// possessive never ends a sentence, so the whole is a word.
fn possessive(text: &str, i: usize) -> Option<usize> {
    let c = char_after(text, i).filter(|&c| is_apostrophe(c))?;
    let s = i + c.len_utf8();
    (text.as_bytes().get(s) == Some(&b's') && !char_after(text, s + 1).is_some_and(is_word_char))
        .then_some(s + 1)
}

/// For each ASCII first byte, a bit per length (up to 15 bytes) that some
/// abbreviation in the lexicon has: a cheap filter that spares the hash
/// lookup for most sentence-final words ("said." never reaches it).
static ABBREVIATION_SHAPES: LazyLock<[u16; 128]> = LazyLock::new(|| {
    let mut t = [0u16; 128];
    for (_, line) in lexicon::entries(lexicon::ABBREVIATIONS) {
        let abbr = line.split('\t').next().unwrap_or("");
        let key = abbr.strip_suffix('.').unwrap_or(abbr);
        match key.as_bytes().first() {
            Some(&f) if f < 0x80 && key.len() < 16 => t[f as usize] |= 1 << key.len(),
            // A key the filter cannot describe: let every word through.
            _ => return [u16::MAX; 128],
        }
    }
    t
});

/// False when `word` cannot be an abbreviation in the lexicon.
#[inline]
fn maybe_abbreviation(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(&f) if f < 0x80 && word.len() < 16 => {
            ABBREVIATION_SHAPES[f as usize] & (1 << word.len()) != 0
        }
        _ => true,
    }
}

/// One upper-case letter and nothing else: "F", "É".
#[inline]
fn is_single_upper(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next()), (Some(a), None) if a.is_uppercase())
}

/// Up to `max` letters from `i`; returns the end and whether there was one.
fn scan_letters(text: &str, i: usize, max: usize) -> (usize, bool) {
    let mut j = i;
    let mut n = 0;
    while n < max {
        match char_after(text, j) {
            Some(c) if c.is_alphabetic() => {
                j += c.len_utf8();
                n += 1;
            }
            _ => break,
        }
    }
    (j, n > 0)
}

/// Longest local part and domain looked at, as in the mail standards; they
/// also keep the scan bounded on a run like "a.a.a.a…" (no quadratic time).
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;
/// Most labels a host name may have here ("news.example.co.uk" has four):
/// keeps the work per token small on a run like "abc.abc.abc…".
const MAX_LABELS: usize = 8;

/// An e-mail address starting at `start`: `[A-Za-z0-9._+-]+@` and a dotted
/// domain whose trailing periods belong to the sentence.
fn scan_email(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let limit = (start + MAX_LOCAL).min(b.len());
    memchr::memchr(b'@', &b[start..limit])?;
    let mut i = start;
    while i < limit && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'_' | b'+' | b'-')) {
        i += 1;
    }
    if b.get(i) != Some(&b'@') || i == start {
        return None;
    }
    scan_labels(text, i + 1).map(|(end, _)| end)
}

/// A dotted host name from `i`: two or more labels of `[A-Za-z0-9-]`,
/// separated by single periods, not running on into a word. Returns the
/// end and the start of the last label.
fn scan_labels(text: &str, mut i: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let limit = (i + MAX_DOMAIN).min(b.len());
    let mut labels = 0;
    let last = loop {
        let label = i;
        while i < limit && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if i == label {
            return None;
        }
        labels += 1;
        if i + 1 < limit && b[i] == b'.' && b[i + 1].is_ascii_alphanumeric() {
            if labels == MAX_LABELS {
                return None;
            }
            i += 1;
            continue;
        }
        break label;
    };
    if labels < 2 || char_after(text, i).is_some_and(|c| is_word_char(c) || c == '@') {
        return None;
    }
    Some((i, last))
}

/// Top-level domains that make a bare host name a web address
/// ("greenfieldlibrary.example.org/policy"). Two-letter ones that are
/// English words ("in", "it", "me", "us", "co") are left out on purpose.
const TLDS: &[&str] = &[
    "ai", "app", "au", "biz", "br", "ca", "cn", "com", "de", "dev", "edu", "eu", "fr", "gov", "ie",
    "info", "int", "io", "jp", "ly", "mil", "net", "news", "nz", "org", "ru", "tv", "uk", "za",
];

/// A bare web address: a host name whose last label is a known top-level
/// domain (lower-case), with an optional path.
fn scan_domain(text: &str, start: usize) -> Option<usize> {
    let (end, last) = scan_labels(text, start)?;
    if !TLDS.contains(&&text[last..end]) {
        return None;
    }
    if text.as_bytes().get(end) == Some(&b'/') {
        return Some(url_end(text, end, end));
    }
    Some(end)
}

/// The end of a handle or hashtag body starting at `i`, if it has one with
/// a letter in it ("#1" is a number sign and a number).
fn scan_tag(text: &str, i: usize) -> Option<usize> {
    let mut j = i;
    let mut letter = false;
    for c in text[i..].chars() {
        if is_word_char(c) || c == '_' {
            letter |= !c.is_ascii_digit();
            j += c.len_utf8();
        } else {
            break;
        }
    }
    (j > i && letter).then_some(j)
}

/// `http://…`, `https://…`, `www.…`: up to whitespace, less trailing
/// punctuation and closing marks.
fn scan_url(text: &str, start: usize) -> Option<usize> {
    let rest = &text.as_bytes()[start..];
    let starts = |p: &[u8]| {
        rest.get(..p.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(p))
    };
    let body = if starts(b"https://") {
        8
    } else if starts(b"http://") {
        7
    } else if starts(b"www.") {
        4
    } else {
        return None;
    };
    if char_before(text, start).is_some_and(is_word_char) {
        return None;
    }
    let from = start + body;
    let end = url_end(text, from, from);
    (end > from).then_some(end)
}

/// The end of a web address's body from byte `i`: up to whitespace or a
/// double quotation mark, less trailing punctuation (which belongs to the
/// sentence), never before `min`.
fn url_end(text: &str, mut i: usize, min: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_whitespace() || matches!(x, b'"' | b'<' | b'>' | 0x0b) {
                break;
            }
            i += 1;
        } else {
            let c = char_at(text, i);
            if c.is_whitespace() || matches!(c, '“' | '”' | '«' | '»') {
                break;
            }
            i += c.len_utf8();
        }
    }
    while i > min {
        match char_before(text, i) {
            Some(c @ ('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’')) => {
                i -= c.len_utf8();
            }
            _ => break,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::TokenKind::*;
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).map(|t| (t.text, t.kind)).collect()
    }

    /// The news cases of issue #2, one row each: the input and every token.
    #[test]
    fn news_tokens_table() {
        #[rustfmt::skip]
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            // Initials and abbreviations keep their periods.
            ("U. S. troops", &[("U. S.", Abbreviation), ("troops", Word)]),
            ("U.S. troops", &[("U.S.", Abbreviation), ("troops", Word)]),
            ("the U.S.", &[("the", Word), ("U.S.", Abbreviation)]),
            ("U.S.-led", &[("U.S.-led", Word)]),
            // An ampersand between capitals is inside a name; spaced or
            // between lowercase letters it is a symbol.
            ("AT&T and P&G", &[("AT&T", Word), ("and", Word), ("P&G", Word)]),
            ("S&P 500", &[("S&P", Word), ("500", Number)]),
            ("Q&A:", &[("Q&A", Word), (":", Punct)]),
            ("Barnes & Noble", &[("Barnes", Word), ("&", Symbol), ("Noble", Word)]),
            ("rock&roll", &[("rock", Word), ("&", Symbol), ("roll", Word)]),
            ("AT&", &[("AT", Word), ("&", Symbol)]),
            ("the U.S.’s army", &[("the", Word), ("U.S.’s", Word), ("army", Word)]),
            ("Apple Inc.'s shares", &[("Apple", Word), ("Inc.'s", Word), ("shares", Word)]),
            ("Oct. 7", &[("Oct.", Abbreviation), ("7", Number)]),
            ("Mr. Smith", &[("Mr.", Abbreviation), ("Smith", Word)]),
            ("Gen. Vance", &[("Gen.", Abbreviation), ("Vance", Word)]),
            ("Sen. Brandt", &[("Sen.", Abbreviation), ("Brandt", Word)]),
            ("at 5 a.m. Monday", &[("at", Word), ("5", Number), ("a.m.", Abbreviation), ("Monday", Word)]),
            ("John F. Kennedy", &[("John", Word), ("F.", Abbreviation), ("Kennedy", Word)]),
            ("John F. “Jack” Kennedy", &[("John", Word), ("F.", Abbreviation), ("“", OpenQuote), ("Jack", Word), ("”", CloseQuote), ("Kennedy", Word)]),
            ("Plan B.", &[("Plan", Word), ("B", Word), (".", Punct)]),
            ("“B.”", &[("“", OpenQuote), ("B", Word), (".", Punct), ("”", CloseQuote)]),
            ("E. coli", &[("E", Word), (".", Punct), ("coli", Word)]),
            ("in the U. S.", &[("in", Word), ("the", Word), ("U. S.", Abbreviation)]),
            ("J. R. R. Tolkien", &[("J. R. R.", Abbreviation), ("Tolkien", Word)]),
            ("a Ph.D. student", &[("a", Word), ("Ph.D.", Abbreviation), ("student", Word)]),
            ("D-N.M., said", &[("D-N.M.", Abbreviation), (",", Punct), ("said", Word)]),
            ("R-Kan., said", &[("R-Kan.", Abbreviation), (",", Punct), ("said", Word)]),
            ("Roe v. Wade", &[("Roe", Word), ("v.", Abbreviation), ("Wade", Word)]),
            ("it ended.", &[("it", Word), ("ended", Word), (".", Punct)]),
            // Apostrophes, not quotation marks.
            ("Iraq’s", &[("Iraq’s", Word)]),
            ("don't", &[("don't", Word)]),
            ("O’Rourke", &[("O’Rourke", Word)]),
            ("the ’90s", &[("the", Word), ("’90s", Number)]),
            ("the '90s", &[("the", Word), ("'90s", Number)]),
            ("the ‘90s", &[("the", Word), ("‘90s", Number)]),
            ("in ’08,", &[("in", Word), ("’08", Number), (",", Punct)]),
            ("the 1990’s", &[("the", Word), ("1990’s", Number)]),
            ("rock ’n’ roll", &[("rock", Word), ("’n’", Word), ("roll", Word)]),
            ("let ’em go", &[("let", Word), ("’em", Word), ("go", Word)]),
            ("voters’ rights", &[("voters", Word), ("’", CloseQuote), ("rights", Word)]),
            // Words, numbers, money.
            ("al-Sudani", &[("al-Sudani", Word)]),
            ("Iranian‑backed", &[("Iranian‑backed", Word)]),
            ("2,000", &[("2,000", Number)]),
            ("$200", &[("$200", Number)]),
            ("$48.6 million", &[("$48.6", Number), ("million", Word)]),
            ("€5", &[("€5", Number)]),
            ("24 percent", &[("24", Number), ("percent", Word)]),
            ("24%", &[("24%", Number)]),
            ("1990s", &[("1990s", Number)]),
            ("30-minute", &[("30-minute", Number)]),
            ("8:30", &[("8:30", Number)]),
            ("1-800-555-0142", &[("1-800-555-0142", Number)]),
            ("the 6'2\" guard", &[("the", Word), ("6'2\"", Number), ("guard", Word)]),
            ("“It’s 6’2”,”", &[("“", OpenQuote), ("It’s", Word), ("6’2”", Number), (",", Punct), ("”", CloseQuote)]),
            ("6’11 tall", &[("6’11", Number), ("tall", Word)]),
            ("No. 1", &[("No.", Abbreviation), ("1", Number)]),
            // Datelines, dashes, ellipses.
            ("(AP) —", &[("(", Punct), ("AP", Word), (")", Punct), ("—", Dash)]),
            ("a -- b", &[("a", Word), ("--", Dash), ("b", Word)]),
            ("wait…", &[("wait", Word), ("…", Ellipsis)]),
            ("wait...", &[("wait", Word), ("...", Ellipsis)]),
            ("wait. . . then", &[("wait", Word), (". . .", Ellipsis), ("then", Word)]),
            ("end..", &[("end", Word), (".", Punct), (".", Punct)]),
            // The web.
            ("at https://health.example.gov/measles/carver and", &[("at", Word), ("https://health.example.gov/measles/carver", Url), ("and", Word)]),
            ("see http://x.com/a?b=1.", &[("see", Word), ("http://x.com/a?b=1", Url), (".", Punct)]),
            ("(www.ap.org)", &[("(", Punct), ("www.ap.org", Url), (")", Punct)]),
            ("at greenfieldlibrary.example.org/policy.", &[("at", Word), ("greenfieldlibrary.example.org/policy", Url), (".", Punct)]),
            ("to budget@millbrookpa.example.gov until", &[("to", Word), ("budget@millbrookpa.example.gov", Email), ("until", Word)]),
            ("to measles.info@carvercounty.example.org,", &[("to", Word), ("measles.info@carvercounty.example.org", Email), (",", Punct)]),
            ("mail me@ap.org.", &[("mail", Word), ("me@ap.org", Email), (".", Punct)]),
            ("handle @PriyaForMillbrook.", &[("handle", Word), ("@PriyaForMillbrook", Handle), (".", Punct)]),
            ("the hashtag #MayorOkoro was", &[("the", Word), ("hashtag", Word), ("#MayorOkoro", Hashtag), ("was", Word)]),
            ("#1 seed", &[("#", Symbol), ("1", Number), ("seed", Word)]),
            ("a @ b", &[("a", Word), ("@", Symbol), ("b", Word)]),
            // Quotation marks.
            ("“Yes,” he said", &[("“", OpenQuote), ("Yes", Word), (",", Punct), ("”", CloseQuote), ("he", Word), ("said", Word)]),
            ("‘no’", &[("‘", OpenQuote), ("no", Word), ("’", CloseQuote)]),
            ("\"Yes,\" he", &[("\"", OpenQuote), ("Yes", Word), (",", Punct), ("\"", CloseQuote), ("he", Word)]),
            ("'no,' he", &[("'", OpenQuote), ("no", Word), (",", Punct), ("'", CloseQuote), ("he", Word)]),
            ("``Yes,'' he", &[("``", OpenQuote), ("Yes", Word), (",", Punct), ("''", CloseQuote), ("he", Word)]),
            // Three marks closing: the single one inside, then the doubled
            // (after a mark, its side is left to the pairing).
            ("case,''' he", &[("case", Word), (",", Punct), ("'", CloseQuote), ("''", Quote), ("he", Word)]),
            ("„Ja“", &[("„", OpenQuote), ("Ja", Word), ("“", OpenQuote)]),
            ("«Oui»", &[("«", OpenQuote), ("Oui", Word), ("»", CloseQuote)]),
            ("a \" b", &[("a", Word), ("\"", Quote), ("b", Word)]),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = toks(text);
            if got != *want {
                failures.push(format!("{text:?}\n   got: {got:?}\n  want: {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn paragraph_breaks_table() {
        #[rustfmt::skip]
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            ("a\nb", &[("a", Word), ("\n", ParagraphBreak), ("b", Word)]),
            ("a \r\n\r\n b", &[("a", Word), ("\r\n\r\n", ParagraphBreak), ("b", Word)]),
            ("a\u{2029}b", &[("a", Word), ("\u{2029}", ParagraphBreak), ("b", Word)]),
            ("a\u{a0}b\tc", &[("a", Word), ("b", Word), ("c", Word)]),
            ("\n\na", &[("\n\n", ParagraphBreak), ("a", Word)]),
            ("a\n ", &[("a", Word), ("\n", ParagraphBreak)]),
            ("", &[]),
            ("  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "{text:?}");
        }
    }

    #[test]
    fn odd_characters_are_symbols() {
        #[rustfmt::skip]
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            ("\0", &[("\0", Symbol)]),
            ("a\u{200b}b", &[("a", Word), ("\u{200b}", Symbol), ("b", Word)]),
            ("👍🏽", &[("👍", Symbol), ("🏽", Symbol)]),
            ("\u{200f}x", &[("\u{200f}", Symbol), ("x", Word)]),
            ("e\u{301}te\u{301}", &[("e\u{301}te\u{301}", Word)]),
            ("\u{301}x", &[("\u{301}x", Word)]),
            ("exam\u{ad}ple", &[("exam\u{ad}ple", Word)]),
            ("a & b", &[("a", Word), ("&", Symbol), ("b", Word)]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "{text:?}");
        }
    }

    /// The SWAR letter scan equals the byte-by-byte one on every byte value
    /// in every position of a word.
    #[test]
    fn alnum_run_matches_bytewise() {
        let naive = |b: &[u8], i: usize| {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            j
        };
        for stop in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = vec![b'k'; 12];
                bytes[at] = stop;
                for from in 0..=at {
                    assert_eq!(
                        ascii_alnum_run(&bytes, from),
                        naive(&bytes, from),
                        "byte {stop:#x} at {at}, from {from}"
                    );
                }
            }
        }
    }

    /// Runs like "a.a.a.a…" and "abc.abc.abc…" used to make the e-mail scan
    /// quadratic; they must stay linear (this would take minutes otherwise).
    #[test]
    fn dotted_runs_stay_linear() {
        for piece in ["a.", "abc.", "ab-c.", "x@", "a.b@"] {
            let text = piece.repeat(100_000);
            let n = tokenize(&text).count();
            assert!(n > 0);
        }
    }

    #[test]
    fn abbreviation_filter_admits_every_entry() {
        for (_, line) in lexicon::entries(lexicon::ABBREVIATIONS) {
            let abbr = line.split('\t').next().unwrap();
            let key = abbr.strip_suffix('.').unwrap();
            assert!(maybe_abbreviation(key), "{abbr}");
        }
        assert!(!maybe_abbreviation("said"));
    }
}
