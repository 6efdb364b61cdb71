//! Quotation pairing: which marks open and close which quotation.
//!
//! Pairing never fails. Curly marks and guillemets pair by their shape,
//! straight marks by position (the tokenizer's open/close guess) and then by
//! alternation. An opening shape in closing position (attached to the word
//! before it, free after it) closes: that is German „…“ and ‚…‘, and the
//! sloppy “…“ of some feeds; »…« pairs too, and so does the ”…” of others
//! (a ” that sits where an opening mark sits, with nothing open, opens). At
//! most one double quotation is open at a time, so a new opening double mark
//! in opening position ends an unclosed one ([`Closing::BeforeNextQuote`]).
//! Single marks pair as ‘…’ inside or outside double ones; a `’` with no
//! single quotation open is an apostrophe ("voters’"). News convention for long quotes is honoured: when
//! a paragraph ends inside a quotation and the next paragraph opens with a
//! mark of the same kind, the quotation goes on, and only the last paragraph
//! closes it:
//!
//! ```text
//! “We will stay,” she said. “It takes patience.
//!
//! “And it takes money.”
//! ```
//!
//! A mark that cannot be paired is either closed at the end of its
//! paragraph ([`Closing::ParagraphEnd`], double marks only) or, when it
//! cannot open anything (a closing mark with nothing open, a single mark
//! left open, a mark at the very end of its paragraph), reported in
//! [`Quotations::ignored`]. Work is linear in the number of tokens,
//! whatever the marks.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::token::{Token, TokenKind};
use crate::Span;

/// How a [`Quotation`] ended.
///
/// ```
/// use claimant::{quotations, Closing};
/// let q = quotations("“Never closed\n\nNext paragraph.");
/// assert_eq!(q.quotations[0].closing, Closing::ParagraphEnd);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Closing {
    /// A closing mark ends it.
    Matched,
    /// No closing mark: it is closed at the end of its (last) paragraph.
    ParagraphEnd,
    /// No closing mark: another opening mark of the same kind starts before
    /// it closes, so it ends just before that mark.
    BeforeNextQuote,
}

/// One quotation: its marks, the text between them, and its nesting.
///
/// ```
/// use claimant::quotations;
/// let text = "“He said ‘no,’ twice,” she said.";
/// let q = quotations(text).quotations;
/// assert_eq!(q.len(), 2);
/// assert_eq!(&text[q[0].inner], "He said ‘no,’ twice,");
/// assert_eq!(&text[q[1].span()], "‘no,’");
/// assert_eq!(q[1].parent, Some(0));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quotation {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, when there is one.
    pub close: Option<Span>,
    /// The text between the marks (for an unclosed quotation: up to the end
    /// of its last token).
    pub inner: Span,
    /// A double quotation (“…”, "…", «…», ''…''), not a single one (‘…’).
    pub double: bool,
    /// The index of the quotation this one is nested in.
    pub parent: Option<usize>,
    /// How it ended.
    pub closing: Closing,
    /// The opening marks of the paragraphs that continue it (multi-paragraph
    /// quotations), in order.
    pub reopened: Vec<Span>,
    /// Token indices: the opening mark, and one past the last inner token.
    #[serde(skip)]
    pub(crate) tokens: Range<usize>,
}

impl Quotation {
    /// The whole quotation, marks included.
    ///
    /// ```
    /// let text = "say “hi” now";
    /// let q = &claimant::quotations(text).quotations[0];
    /// assert_eq!(&text[q.span()], "“hi”");
    /// ```
    pub fn span(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.inner.end, |c| c.end),
        )
    }
}

/// The result of pairing the marks of a text.
///
/// ```
/// // A closing mark with nothing open, and a plural's apostrophe.
/// let q = claimant::quotations("Iraq’s odd” mark, the voters’ choice");
/// assert_eq!(q.quotations.len(), 0);
/// assert_eq!(q.ignored.len(), 2);
/// // A ” where an opening mark sits opens (”…” of some feeds).
/// let q = claimant::quotations("Iraq’s ”odd” mark");
/// assert_eq!(q.quotations.len(), 1);
/// assert!(q.ignored.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quotations {
    /// The quotations, ordered by their opening mark.
    pub quotations: Vec<Quotation>,
    /// Quotation marks that open or close nothing (apostrophes written as
    /// closing single marks are among them: "voters’").
    pub ignored: Vec<Span>,
}

/// Pairs the quotation marks of `text`.
///
/// # Example
///
/// ```
/// let text = "“It takes patience.\n\n“And money,” she said.";
/// let q = claimant::quotations(text);
/// assert_eq!(q.quotations.len(), 1);
/// assert_eq!(q.quotations[0].reopened.len(), 1);
/// assert_eq!(&text[q.quotations[0].span()], text.split(" she").next().unwrap());
/// ```
pub fn quotations(text: &str) -> Quotations {
    let tokens: Vec<Token<'_>> = crate::tokenize(text).collect();
    let paras = paragraph_ranges(&tokens);
    let marks: Vec<u32> = (0..tokens.len() as u32)
        .filter(|&i| tokens[i as usize].is_quote())
        .collect();
    pair(&tokens, &paras, &marks)
}

/// Token ranges of the paragraphs (ParagraphBreak tokens excluded).
pub(crate) fn paragraph_ranges(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    // Room for paragraphs of thirty-two tokens on average (news averages
    // about forty).
    let mut out = Vec::with_capacity(tokens.len() / 32 + 1);
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::ParagraphBreak {
            if start < i {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// True for marks whose shape says they open: curly and angle marks, ``.
fn shaped_open(text: &str) -> bool {
    matches!(text, "“" | "„" | "‟" | "«" | "``" | "‘" | "‚" | "‛" | "‹")
}

/// True when token `i` sits where a closing mark sits: attached to the
/// word or punctuation before it, and followed by a space, punctuation or
/// the end of its paragraph. That is how the `“` of German „…“ (and of a
/// sloppy “…“) and the `‘` of ‚…‘ are told from opening marks.
fn in_closing_position(tokens: &[Token<'_>], para: &Range<usize>, i: usize) -> bool {
    let t = &tokens[i];
    let attached_before = i > para.start && {
        let p = &tokens[i - 1];
        p.span.end == t.span.start
            && !matches!(
                p.kind,
                TokenKind::OpenQuote | TokenKind::Quote | TokenKind::Dash
            )
            && !matches!(p.text, "(" | "[" | "{")
    };
    let free_after = i + 1 >= para.end || {
        let n = &tokens[i + 1];
        n.span.start > t.span.end
            || matches!(
                n.kind,
                TokenKind::CloseQuote | TokenKind::Dash | TokenKind::Ellipsis
            )
            || (n.kind == TokenKind::Punct && !matches!(n.text, "(" | "[" | "{"))
    };
    attached_before && free_after
}

/// True when token `i` sits where an opening mark sits: after a space or
/// the start of its paragraph, attached to the word after it.
fn in_opening_position(tokens: &[Token<'_>], para: &Range<usize>, i: usize) -> bool {
    let t = &tokens[i];
    // An invisible direction mark before it (U+202A … U+202E, U+2066 …
    // U+2069, U+200E, U+200F, U+FEFF: pasted posts carry them) counts as
    // nothing.
    let mut b = i;
    while b > para.start
        && invisible(tokens[b - 1].text)
        && tokens[b - 1].span.end == tokens[b].span.start
    {
        b -= 1;
    }
    let free_before = b == para.start || tokens[b - 1].span.end < tokens[b].span.start;
    let attached_after = i + 1 < para.end && tokens[i + 1].span.start == t.span.end;
    free_before && attached_after
}

/// A character that shows nothing and only sets the direction of text.
fn invisible(text: &str) -> bool {
    matches!(
        text,
        "\u{200e}"
            | "\u{200f}"
            | "\u{202a}"
            | "\u{202b}"
            | "\u{202c}"
            | "\u{202d}"
            | "\u{202e}"
            | "\u{2066}"
            | "\u{2067}"
            | "\u{2068}"
            | "\u{2069}"
            | "\u{feff}"
    )
}

/// How far [`plural_possessive`] looks for a later closing mark.
const POSSESSIVE_LOOKAHEAD: usize = 32;

/// True when the single mark at `i`, with a single quotation open, is the
/// apostrophe of a plural possessive rather than its closing mark: it hangs
/// on a word in `s`, a word follows after a space, and a closing single
/// mark comes later in the paragraph before any opening or double mark:
///
/// ```text
/// “He called it ‘the workers’ plan,’ ” she said.
/// ```
fn plural_possessive(tokens: &[Token<'_>], para: &Range<usize>, i: usize) -> bool {
    let t = &tokens[i];
    let shape = i > para.start
        && i + 1 < para.end
        && tokens[i - 1].kind == TokenKind::Word
        && tokens[i - 1].span.end == t.span.start
        && tokens[i - 1].text.ends_with(['s', 'S'])
        && tokens[i + 1].is_wordlike()
        && tokens[i + 1].span.start > t.span.end;
    if !shape {
        return false;
    }
    let end = para.end.min(i + 1 + POSSESSIVE_LOOKAHEAD);
    for k in i + 1..end {
        let m = &tokens[k];
        if !m.is_quote() {
            continue;
        }
        if m.is_double_quote() || m.kind == TokenKind::OpenQuote {
            return false;
        }
        // A later single mark that can close: not glued to a word after it.
        let free_after = k + 1 >= para.end
            || tokens[k + 1].span.start > m.span.end
            || !tokens[k + 1].is_wordlike();
        if free_after {
            return true;
        }
    }
    false
}

/// A quotation whose closing mark has not been seen yet.
struct Pending {
    tok: usize,
    double: bool,
    reopened: Vec<Span>,
}

/// The pairing state: the open quotations (at most one double among them:
/// a new double mark closes the open one), and what has been decided.
struct Pairer<'t, 'a> {
    tokens: &'t [Token<'a>],
    stack: Vec<Pending>,
    /// Where the open double quotation is in `stack`.
    double_at: Option<usize>,
    done: Vec<Quotation>,
    ignored: Vec<Span>,
}

impl Pairer<'_, '_> {
    fn push(&mut self, tok: usize, double: bool) {
        if double {
            self.double_at = Some(self.stack.len());
        }
        self.stack.push(Pending {
            tok,
            double,
            reopened: Vec::new(),
        });
    }

    /// Removes every open quotation from position `pos` of the stack up:
    /// doubles end at token `last` (`closing`), singles are ignored (a
    /// dangling single mark is too often an apostrophe to open anything).
    fn unwind(&mut self, pos: usize, last: usize, closing: Closing) {
        while self.stack.len() > pos {
            let p = self.stack.pop().expect("len > pos");
            if p.double {
                self.double_at = None;
                self.finish(p, last, None, closing);
            } else if !p.reopened.is_empty() {
                // A single quotation that already ran over paragraphs.
                self.finish(p, last, None, Closing::ParagraphEnd);
            } else {
                self.ignored.push(self.tokens[p.tok].span);
            }
        }
    }

    /// Closes the top of the stack with the mark at `close`.
    fn close_top(&mut self, close: usize) {
        let p = self.stack.pop().expect("an open quotation");
        if p.double {
            self.double_at = None;
        }
        self.finish(p, close, Some(close), Closing::Matched);
    }

    /// Records a quotation opened at `p.tok` whose last inner token is
    /// `last` (or whose closing mark is `close`).
    fn finish(&mut self, p: Pending, last: usize, close: Option<usize>, closing: Closing) {
        let tokens = self.tokens;
        let open = tokens[p.tok].span;
        if close.is_none() && last <= p.tok {
            // A mark with nothing after it in its paragraph opens nothing.
            self.ignored.push(open);
            self.ignored.extend(p.reopened);
            return;
        }
        let inner_end = match close {
            Some(c) => tokens[c].span.start,
            None => tokens[last].span.end.max(open.end),
        };
        self.done.push(Quotation {
            open,
            close: close.map(|c| tokens[c].span),
            inner: Span::new(open.end, inner_end),
            double: p.double,
            parent: None,
            closing,
            reopened: p.reopened,
            tokens: p.tok..close.unwrap_or(last + 1),
        });
    }

    /// One double mark, token `i` of paragraph `para`.
    fn double_mark(&mut self, para: &Range<usize>, i: usize) {
        let t = &self.tokens[i];
        let Some(pos) = self.double_at else {
            match t.kind {
                // »…« (German and Danish books): a » that opens.
                // ”…” (some feeds): a ” where an opening mark sits, with
                // nothing open, opens.
                TokenKind::CloseQuote
                    if matches!(t.text, "»" | "”") && in_opening_position(self.tokens, para, i) =>
                {
                    self.push(i, true)
                }
                TokenKind::CloseQuote => self.ignored.push(t.span),
                _ => self.push(i, true),
            }
            return;
        };
        let reversed = self.tokens[self.stack[pos].tok].text == "»";
        let closes = match t.kind {
            _ if reversed && t.text == "«" => true,
            TokenKind::CloseQuote => true,
            // “A … “B”: the first lost its closing mark, unless the second
            // sits where a closing mark sits („…“, or a sloppy “…“).
            TokenKind::OpenQuote if shaped_open(t.text) => {
                in_closing_position(self.tokens, para, i)
            }
            // Straight marks alternate.
            _ => true,
        };
        if closes {
            // Single marks left open inside end with it, unmatched.
            self.unwind(pos + 1, i, Closing::Matched);
            self.close_top(i);
        } else {
            self.unwind(pos, i - 1, Closing::BeforeNextQuote);
            self.push(i, true);
        }
    }

    /// One single mark, token `i` of paragraph `para`.
    fn single_mark(&mut self, para: &Range<usize>, i: usize) {
        let t = &self.tokens[i];
        let top_single = self.stack.last().is_some_and(|q| !q.double);
        match t.kind {
            // ‚…‘ (and a sloppy ‘…‘): an opening shape in closing position.
            TokenKind::OpenQuote
                if top_single
                    && shaped_open(t.text)
                    && in_closing_position(self.tokens, para, i) =>
            {
                self.close_top(i)
            }
            TokenKind::OpenQuote => self.push(i, false),
            _ if top_single && !plural_possessive(self.tokens, para, i) => self.close_top(i),
            // An apostrophe after a plural ("voters’") or a stray mark.
            _ => self.ignored.push(t.span),
        }
    }
}

/// Pairs the marks among `tokens`, paragraph by paragraph. `marks` are
/// the indices of the quotation marks among them, in order: only those are
/// looked at.
pub(crate) fn pair(tokens: &[Token<'_>], paras: &[Range<usize>], marks: &[u32]) -> Quotations {
    let mut p = Pairer {
        tokens,
        stack: Vec::new(),
        double_at: None,
        done: Vec::new(),
        ignored: Vec::new(),
    };
    let mut skip = usize::MAX;
    let mut marks = marks.iter().map(|&i| i as usize).peekable();
    for (pi, para) in paras.iter().enumerate() {
        // No mark is a paragraph break: the marks before this paragraph
        // were all in earlier ones.
        while let Some(i) = marks.next_if(|&i| i < para.end) {
            let t = &tokens[i];
            if i == skip {
                continue;
            }
            if t.is_double_quote() {
                p.double_mark(para, i);
            } else {
                p.single_mark(para, i);
            }
        }
        if p.stack.is_empty() {
            continue;
        }
        // End of paragraph. The outermost open quotation runs on when the
        // next paragraph opens with a mark of its kind (news style for long
        // quotes); whatever is open inside it ends here.
        let last = para.end - 1;
        let outer_double = p.stack[0].double;
        let next_open = paras.get(pi + 1).map(|np| np.start).filter(|&k| {
            let t = &tokens[k];
            t.is_quote()
                && t.kind != TokenKind::CloseQuote
                && t.is_double_quote() == outer_double
                && (outer_double || t.kind == TokenKind::OpenQuote)
        });
        match next_open {
            Some(k) => {
                p.unwind(1, last, Closing::ParagraphEnd);
                p.stack[0].reopened.push(tokens[k].span);
                skip = k;
            }
            None => p.unwind(0, last, Closing::ParagraphEnd),
        }
    }

    let Pairer {
        mut done,
        mut ignored,
        ..
    } = p;
    done.sort_by_key(|q| (q.open.start, std::cmp::Reverse(q.span().end)));
    // Parents: the nearest earlier quotation that encloses this one.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..done.len() {
        let span = done[i].span();
        while let Some(&top) = open.last() {
            if done[top].span().encloses(span) {
                break;
            }
            open.pop();
        }
        done[i].parent = open.last().copied();
        open.push(i);
    }
    ignored.sort();
    Quotations {
        quotations: done,
        ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with each quotation wrapped in `⟦…⟧` (marks included; an
    /// unclosed one ends its bracket at its inner end), and the ignored
    /// marks wrapped in `⟨…⟩`.
    fn marked(text: &str) -> String {
        let q = quotations(text);
        let mut marks: Vec<(usize, u8, char)> = Vec::new();
        for x in &q.quotations {
            let s = x.span();
            marks.push((s.start, 1, '⟦'));
            marks.push((s.end, 0, '⟧'));
        }
        for s in &q.ignored {
            marks.push((s.start, 1, '⟨'));
            marks.push((s.end, 0, '⟩'));
        }
        marks.sort_by_key(|&(at, open, _)| (at, open));
        let mut out = String::new();
        let mut last = 0;
        for (at, _, c) in marks {
            out.push_str(&text[last..at]);
            out.push(c);
            last = at;
        }
        out.push_str(&text[last..]);
        out
    }

    /// The marks of issue #2, one row each: `⟦…⟧` quotations, `⟨…⟩`
    /// ignored marks.
    #[test]
    fn quotation_table() {
        let cases = [
            // Every kind of mark.
            "⟦“Yes,”⟧ he said.",
            "⟦\"Yes,\"⟧ he said.",
            "⟦'Yes,'⟧ he said.",
            "⟦‘Yes,’⟧ he said.",
            "⟦«Oui»⟧, dit-il.",
            "⟦»Ja«⟧, sagte er.",
            "⟦„Ja“⟧, sagte er.",
            "⟦„Ja”⟧, sagte er.",
            "⟦‚ja‘⟧, sagte er.",
            "⟦``Yes,''⟧ he said.",
            "⟦''Yes,''⟧ he said.",
            "⟦“Yes,“⟧ he said, sloppily.",
            // Nesting.
            "⟦“He said ⟦‘no’⟧ twice,”⟧ she said.",
            "⟦\"He said ⟦'no,'⟧ twice\"⟧ she said.",
            "⟦‘He said ⟦“no”⟧ twice,’⟧ she recalled.",
            // Apostrophes are not marks, or are ignored.
            "Iraq’s ’90s don't rock ’n’ roll.",
            "The voters⟨’⟩ choice.",
            "⟦“The voters⟨’⟩ choice,”⟧ he said.",
            "⟦“He called it ⟦‘the workers⟨’⟩ plan,’⟧ ”⟧ she said.",
            "⟦‘Give me the facts’⟧ he said, ⟦‘and the figures’⟧.",
            "⟦‘The voters’⟧ choice is clear.",
            "⟦“’Tis the season,”⟧ he said.",
            // Unmatched marks: closed at the paragraph end, or ignored.
            "He read ⟦“Closed for repairs.⟧\n\nNext.",
            "He left⟨”⟩ without a word.",
            "He left⟨’⟩ without a word.",
            "He left ⟨‘⟩without a word.",
            "⟨“⟩\n\nNext.",
            "⟦“A lost mark⟧ ⟦“B”⟧ he said.",
        ];
        let mut failures = Vec::new();
        for want in cases {
            let text: String = want.chars().filter(|c| !"⟦⟧⟨⟩".contains(*c)).collect();
            let got = marked(&text);
            if got != want {
                failures.push(format!("   got: {got}\n  want: {want}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn closing_says_how_a_quotation_ended() {
        let text = "“A,” he said. “B\n\nThen “C” and “D “E”";
        let q = quotations(text).quotations;
        let got: Vec<(&str, Closing)> = q.iter().map(|x| (&text[x.span()], x.closing)).collect();
        assert_eq!(
            got,
            [
                ("“A,”", Closing::Matched),
                ("“B", Closing::ParagraphEnd),
                ("“C”", Closing::Matched),
                ("“D", Closing::BeforeNextQuote),
                ("“E”", Closing::Matched),
            ]
        );
    }

    #[test]
    fn multi_paragraph_quotation_is_one() {
        let text = "“I raised concerns.\n\n“No soldier broke the law.\n\n“That will remain true,” she said.";
        let q = quotations(text);
        assert_eq!(q.quotations.len(), 1, "{q:?}");
        let x = &q.quotations[0];
        assert_eq!(x.closing, Closing::Matched);
        assert_eq!(x.reopened.len(), 2);
        assert!(x.reopened.iter().all(|&s| &text[s] == "“"));
        assert_eq!(&text[x.span()], text.split(" she").next().unwrap());
        assert_eq!(
            &text[x.inner],
            "I raised concerns.\n\n“No soldier broke the law.\n\n“That will remain true,"
        );
        assert!(q.ignored.is_empty());
    }

    #[test]
    fn multi_paragraph_single_quotation_british_style() {
        let text = "‘We will stay,’ she said. ‘It takes patience.\n\n‘And money.’";
        let q = quotations(text).quotations;
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].reopened.len(), 1);
        assert_eq!(&text[q[1].span()], "‘It takes patience.\n\n‘And money.’");
    }

    #[test]
    fn multi_paragraph_quotation_left_open() {
        let text = "“One.\n\n“Two.\n\nThree.";
        let q = quotations(text).quotations;
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].closing, Closing::ParagraphEnd);
        assert_eq!(&text[q[0].span()], "“One.\n\n“Two.");
    }

    #[test]
    fn marks_and_inner_spans() {
        let text = "x “He said ‘no,’ twice,” y";
        let q = quotations(text).quotations;
        assert_eq!(q.len(), 2);
        assert_eq!(&text[q[0].open], "“");
        assert_eq!(&text[q[0].close.unwrap()], "”");
        assert_eq!(&text[q[0].inner], "He said ‘no,’ twice,");
        assert!(q[0].double && !q[1].double);
        assert_eq!((q[0].parent, q[1].parent), (None, Some(0)));
        assert_eq!(&text[q[1].inner], "no,");
    }

    /// Soups of marks: never a panic, every span in bounds, quotations
    /// ordered, marks inside their quotation.
    #[test]
    fn mark_soups_are_safe() {
        let marks = [
            "“", "”", "‘", "’", "\"", "'", "''", "``", "«", "»", "„", "‚", "‹", "›", "a", " ",
            "\n\n",
        ];
        let mut state = 0x2545_f491_u32;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                text.push_str(marks[state as usize % marks.len()]);
            }
            let q = quotations(&text);
            for (i, x) in q.quotations.iter().enumerate() {
                let s = x.span();
                assert!(
                    s.get(&text).is_some() && x.inner.get(&text).is_some(),
                    "{text:?}"
                );
                assert!(s.encloses(x.inner) && s.encloses(x.open), "{text:?}");
                if i > 0 {
                    assert!(q.quotations[i - 1].open.start < x.open.start, "{text:?}");
                }
                if let Some(p) = x.parent {
                    assert!(p < i && q.quotations[p].span().encloses(s), "{text:?}");
                }
            }
        }
    }
}
