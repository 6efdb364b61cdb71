//! The tokenizer: a lazy, zero-copy iterator of [`Token`]s over a `&str`.
//!
//! Whitespace is not a token, except where it holds a line break: every
//! newline ends a paragraph in news feeds, so a whitespace run with a newline
//! becomes one [`TokenKind::ParagraphBreak`]. The tokens and the whitespace
//! gaps between them rebuild the input exactly.

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
    /// `Iraq’s`, `don't`.
    Word,
    /// A word that keeps its final period: a known abbreviation (`Mr.`,
    /// `Oct.`, `a.m.`), an initial (`F.`) or a run of initials, with or
    /// without inner spaces (`U.S.`, `U. S.`).
    Abbreviation,
    /// A number with its inner separators, currency sign and suffix:
    /// `2,000`, `3.5`, `$200`, `1990s`, `’90s`, `24%`.
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
    /// `…` or three or more periods.
    Ellipsis,
    /// Whitespace holding one or more line breaks: a paragraph boundary.
    ParagraphBreak,
    /// A web address: `https://…`, `www.…`.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle: `@AP`.
    Handle,
    /// A hashtag: `#Election2016`.
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
    /// let mut t = claimant::tokenize("“it’s” 'x'");
    /// assert!(t.next().unwrap().is_double_quote());
    /// ```
    #[inline]
    pub fn is_double_quote(&self) -> bool {
        self.is_quote() && is_double_mark(self.text)
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

    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.text.as_bytes();
        // Skip whitespace; a run with a line break is a paragraph break.
        let mut first_break = None;
        let mut last_break_end = 0;
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b < 0x80 {
                if b == b'\n' || b == b'\r' {
                    first_break.get_or_insert(self.pos);
                    last_break_end = self.pos + 1;
                } else if !(b == b' ' || b == b'\t' || b == 0x0b || b == 0x0c) {
                    break;
                }
                self.pos += 1;
            } else {
                let c = char_at(self.text, self.pos);
                if !c.is_whitespace() {
                    break;
                }
                if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                    first_break.get_or_insert(self.pos);
                    last_break_end = self.pos + c.len_utf8();
                }
                self.pos += c.len_utf8();
            }
        }
        if let Some(start) = first_break {
            return Some(self.make(start, last_break_end, TokenKind::ParagraphBreak));
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let (end, kind) = scan(self.text, start);
        debug_assert!(end > start && self.text.is_char_boundary(end));
        self.pos = end;
        Some(self.make(start, end, kind))
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

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// The char just before byte `i`, or `None` at the start.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// A character that can be part of a word: letters, digits, and the
/// combining marks and joiners that attach to them.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036f}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05bd}'
            | '\u{064b}'..='\u{065f}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093a}'..='\u{094f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{200c}' | '\u{200d}'
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

/// Scans one token starting at `start` (not whitespace); returns its end and kind.
fn scan(text: &str, start: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let c = char_at(text, start);
    let next = |i: usize| -> Option<char> { text.get(i..).and_then(|s| s.chars().next()) };

    // Web addresses and e-mail come first: they contain punctuation.
    if c == 'h' || c == 'w' || c == 'H' || c == 'W' {
        if let Some(end) = scan_url(text, start) {
            return (end, TokenKind::Url);
        }
    }

    if c.is_ascii_digit() {
        return (scan_number(text, start), TokenKind::Number);
    }
    if matches!(c, '$' | '€' | '£' | '¥')
        && next(start + c.len_utf8()).is_some_and(|d| d.is_ascii_digit())
    {
        return (scan_number(text, start + c.len_utf8()), TokenKind::Number);
    }
    if is_word_char(c) {
        return scan_word(text, start);
    }

    let clen = c.len_utf8();
    match c {
        '"' | '＂' => (start + clen, classify_straight(text, start, clen)),
        '\'' => {
            if bytes.get(start + 1) == Some(&b'\'') {
                return (start + 2, classify_straight(text, start, 2));
            }
            // ’90s, '90s: an apostrophe for left-out century digits.
            if let Some(end) = scan_decade(text, start, clen) {
                return (end, TokenKind::Number);
            }
            if let Some(end) = scan_n(text, start, clen) {
                return (end, TokenKind::Word);
            }
            (start + clen, classify_straight(text, start, clen))
        }
        '’' => {
            if let Some(end) = scan_decade(text, start, clen) {
                return (end, TokenKind::Number);
            }
            if let Some(end) = scan_n(text, start, clen) {
                return (end, TokenKind::Word);
            }
            (start + clen, TokenKind::CloseQuote)
        }
        '‘' => {
            if let Some(end) = scan_decade(text, start, clen) {
                return (end, TokenKind::Number);
            }
            (start + clen, TokenKind::OpenQuote)
        }
        '`' if bytes.get(start + 1) == Some(&b'`') => (start + 2, TokenKind::OpenQuote),
        '“' | '„' | '‟' | '«' | '‚' | '‹' => (start + clen, TokenKind::OpenQuote),
        '”' | '»' | '›' => (start + clen, TokenKind::CloseQuote),
        '—' | '–' | '―' | '‒' => (start + clen, TokenKind::Dash),
        '-' => {
            let mut end = start + 1;
            while bytes.get(end) == Some(&b'-') {
                end += 1;
            }
            (end, TokenKind::Dash)
        }
        '…' => (start + clen, TokenKind::Ellipsis),
        '.' => {
            let mut end = start + 1;
            while bytes.get(end) == Some(&b'.') {
                end += 1;
            }
            if end - start >= 3 {
                (end, TokenKind::Ellipsis)
            } else {
                (start + 1, TokenKind::Punct)
            }
        }
        '@' => match scan_tag(text, start + 1) {
            Some(end) => (end, TokenKind::Handle),
            None => (start + 1, TokenKind::Symbol),
        },
        '#' => match scan_tag(text, start + 1) {
            Some(end) => (end, TokenKind::Hashtag),
            None => (start + 1, TokenKind::Symbol),
        },
        _ if c.is_ascii_punctuation() => {
            if matches!(
                c,
                '&' | '*' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '\\' | '`' | '$' | '%'
            ) {
                (start + 1, TokenKind::Symbol)
            } else {
                (start + 1, TokenKind::Punct)
            }
        }
        '¡' | '¿' | '·' | '•' | '†' | '‡' | '§' | '¶' | '、' | '。' | '，' | '：' | '；' | '！'
        | '？' | '（' | '）' => (start + clen, TokenKind::Punct),
        _ => (start + clen, TokenKind::Symbol),
    }
}

/// `’n’` in "rock ’n’ roll" is a word, not a one-letter quotation.
fn scan_n(text: &str, start: usize, clen: usize) -> Option<usize> {
    let rest = &text[start + clen..];
    let mut it = rest.char_indices();
    let (_, n) = it.next()?;
    if n != 'n' && n != 'N' {
        return None;
    }
    let (i, close) = it.next()?;
    if !is_apostrophe(close) {
        return None;
    }
    let end = start + clen + i + close.len_utf8();
    match text[end..].chars().next() {
        Some(c) if is_word_char(c) => None,
        _ => Some(end),
    }
}

/// `’90s`, `'08`: an apostrophe, two digits, an optional `s`, then no word char.
fn scan_decade(text: &str, start: usize, clen: usize) -> Option<usize> {
    if let Some(prev) = char_before(text, start) {
        if is_word_char(prev) {
            return None;
        }
    }
    let b = text.as_bytes();
    let d = start + clen;
    if !(b.get(d).is_some_and(u8::is_ascii_digit) && b.get(d + 1).is_some_and(u8::is_ascii_digit)) {
        return None;
    }
    let mut end = d + 2;
    if b.get(end) == Some(&b's') {
        end += 1;
    }
    match text[end..].chars().next() {
        Some(c) if is_word_char(c) => None,
        _ => Some(end),
    }
}

/// Decides whether a straight mark at `start` opens or closes, by context:
/// after a boundary and before a non-space it opens; after a non-space and
/// before a boundary it closes.
fn classify_straight(text: &str, start: usize, len: usize) -> TokenKind {
    let prev = char_before(text, start);
    let next = text[start + len..].chars().next();
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

/// A number: digits with inner `,` `.` `:` before digits, then a letter
/// suffix (`1990s`, `5th`, `30-minute` continues as a word) or `%`.
fn scan_number(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if matches!(b.get(i), Some(b',' | b'.' | b':' | b'/'))
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            i += 1;
            continue;
        }
        break;
    }
    if b.get(i) == Some(&b'%') {
        return i + 1;
    }
    // Letters or hyphenated parts continue as one token: "1990s", "30-minute".
    let (end, _) = scan_word_tail(text, i);
    end
}

/// Continues a word from byte `i`: word chars, inner hyphens and apostrophes.
/// Returns the end and whether anything was consumed.
fn scan_word_tail(text: &str, mut i: usize) -> (usize, bool) {
    let from = i;
    let b = text.as_bytes();
    while i < b.len() {
        let c = char_at(text, i);
        if is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        if (is_hyphen(c) || is_apostrophe(c)) && i > from {
            let after = i + c.len_utf8();
            if text[after..].chars().next().is_some_and(|n| {
                if is_apostrophe(c) {
                    n.is_alphabetic()
                } else {
                    is_word_char(n)
                }
            }) {
                i = after;
                continue;
            }
        }
        if is_hyphen(c) && i == from && i > 0 {
            // A hyphen right after a number: "30-minute".
            let after = i + c.len_utf8();
            if text[after..].chars().next().is_some_and(is_word_char) {
                i = after;
                continue;
            }
        }
        break;
    }
    (i, i > from)
}

/// A word, then perhaps its period: an abbreviation, an initial, a run of
/// initials (`U.S.`, `U. S.`), or an e-mail address.
fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let (mut end, _) = scan_word_tail(text, start);
    // E-mail: word chars and dots, '@', a dotted domain.
    if matches!(b.get(end), Some(b'@' | b'.' | b'_' | b'+')) {
        if let Some(e) = scan_email(text, start) {
            return (e, TokenKind::Email);
        }
    }
    if b.get(end) != Some(&b'.') {
        return (end, TokenKind::Word);
    }
    let word = &text[start..end];
    let letters = word.chars().count();
    // Dotted initialisms: "U.S.", "a.m.", "D.C.", "e.g.", "U.S.-led".
    if letters <= 2 && word.chars().all(char::is_alphabetic) {
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
            end = j + 1;
            // "U.S.-led", "U.N.-backed"
            if b.get(end) == Some(&b'-')
                && text[end + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                return (scan_word_tail(text, end + 1).0, TokenKind::Word);
            }
            return (end, TokenKind::Abbreviation);
        }
    }
    // Initials with spaces: "U. S.", "J. R. R." (single capital letters).
    if letters == 1 && word.chars().all(char::is_uppercase) {
        let mut j = end + 1; // after the period
        loop {
            // one space, one capital letter, a period
            if b.get(j) != Some(&b' ') {
                break;
            }
            let c = char_at(text, j + 1);
            if !c.is_uppercase() {
                break;
            }
            let after = j + 1 + c.len_utf8();
            if b.get(after) != Some(&b'.') {
                break;
            }
            // "U. S." but not the "A." of "Plan B. A new …": the next piece
            // must also be followed by something that is not a lowercase word.
            j = after + 1;
        }
        return (j, TokenKind::Abbreviation);
    }
    if lexicon::is_abbreviation(word) {
        return (end + 1, TokenKind::Abbreviation);
    }
    (end, TokenKind::Word)
}

/// Up to `max` letters from `i`; returns the end and whether there was one.
fn scan_letters(text: &str, i: usize, max: usize) -> (usize, bool) {
    let mut j = i;
    let mut n = 0;
    while n < max {
        match text.get(j..).and_then(|s| s.chars().next()) {
            Some(c) if c.is_alphabetic() => {
                j += c.len_utf8();
                n += 1;
            }
            _ => break,
        }
    }
    (j, n > 0)
}

fn scan_email(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = start;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'_' | b'+' | b'-'))
    {
        i += 1;
    }
    if b.get(i) != Some(&b'@') || i == start {
        return None;
    }
    let dom = i + 1;
    let mut j = dom;
    let mut last_dot = None;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b'-')) {
        if b[j] == b'.' {
            last_dot = Some(j);
        }
        j += 1;
    }
    // Trailing dots belong to the sentence.
    while j > dom && b[j - 1] == b'.' {
        j -= 1;
    }
    match last_dot {
        Some(d) if d > dom && d + 1 < j => Some(j),
        _ => None,
    }
}

/// The end of a handle or hashtag body starting at `i`, if it has one.
fn scan_tag(text: &str, i: usize) -> Option<usize> {
    let mut j = i;
    for c in text[i..].chars() {
        if is_word_char(c) || c == '_' {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    (j > i).then_some(j)
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
    if let Some(prev) = char_before(text, start) {
        if is_word_char(prev) {
            return None;
        }
    }
    let mut end = start + body;
    for c in text[end..].chars() {
        if c.is_whitespace() || matches!(c, '"' | '“' | '”' | '<' | '>' | '«' | '»') {
            break;
        }
        end += c.len_utf8();
    }
    while end > start + body {
        let c = char_before(text, end).unwrap_or(' ');
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’'
        ) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (end > start + body).then_some(end)
}
