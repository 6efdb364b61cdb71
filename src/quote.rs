//! Quotation pairing: which marks open and close which quotation.
//!
//! Pairing never fails. Curly marks and guillemets pair by their shape,
//! straight marks by position (the tokenizer's open/close guess) and then by
//! alternation. Single marks pair only as ‘…’ around words: a lone `’` is an
//! apostrophe. News convention for long quotes is honoured: when a paragraph
//! ends inside a quotation and the next paragraph opens with a quotation
//! mark, the quotation goes on, and only the last paragraph closes it:
//!
//! ```text
//! “We will stay,” she said. “It takes patience.
//!
//! “And it takes money.”
//! ```
//!
//! A mark that cannot be paired is either closed at the end of its
//! paragraph ([`Closing::ParagraphEnd`]) or, when it cannot open anything
//! (a closing mark with nothing open, a dangling single mark), reported in
//! [`Quotations::ignored`].

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
/// let q = claimant::quotations("Iraq’s ”odd” mark");
/// assert_eq!(q.quotations.len(), 0);
/// assert_eq!(q.ignored.len(), 2);
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
    pair(&tokens, &paras)
}

/// Token ranges of the paragraphs (ParagraphBreak tokens excluded).
pub(crate) fn paragraph_ranges(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
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
    matches!(text, "“" | "„" | "‟" | "«" | "``" | "‘" | "‚" | "‹")
}

struct Pending {
    tok: usize,
    double: bool,
    reopened: Vec<Span>,
}

/// Pairs the marks among `tokens`, paragraph by paragraph.
pub(crate) fn pair(tokens: &[Token<'_>], paras: &[Range<usize>]) -> Quotations {
    let mut done: Vec<Quotation> = Vec::new();
    let mut ignored = Vec::new();
    let mut stack: Vec<Pending> = Vec::new();
    let mut skip = usize::MAX;

    let close = |p: Pending,
                 last: usize,
                 close_tok: Option<usize>,
                 closing: Closing,
                 done: &mut Vec<Quotation>,
                 ignored: &mut Vec<Span>| {
        let open = tokens[p.tok].span;
        let inner_end = match close_tok {
            Some(c) => tokens[c].span.start,
            None => tokens[last].span.end.max(open.end),
        };
        if close_tok.is_none() && last <= p.tok {
            // A mark with nothing after it in its paragraph opens nothing.
            ignored.push(open);
            return;
        }
        done.push(Quotation {
            open,
            close: close_tok.map(|c| tokens[c].span),
            inner: Span::new(open.end, inner_end),
            double: p.double,
            parent: None,
            closing,
            reopened: p.reopened,
            tokens: p.tok..close_tok.unwrap_or(last + 1),
        });
    };

    for (pi, para) in paras.iter().enumerate() {
        for i in para.clone() {
            let t = &tokens[i];
            if !t.is_quote() || i == skip {
                continue;
            }
            if t.is_double_quote() {
                let open_double = stack.iter().rposition(|q| q.double);
                let opens = match t.kind {
                    TokenKind::OpenQuote if shaped_open(t.text) => {
                        if let Some(pos) = open_double {
                            // “A … “B”: the first lost its closing mark.
                            while stack.len() > pos {
                                let p = stack.pop().expect("len > pos");
                                if p.double {
                                    close(
                                        p,
                                        i - 1,
                                        None,
                                        Closing::BeforeNextQuote,
                                        &mut done,
                                        &mut ignored,
                                    );
                                } else {
                                    ignored.push(tokens[p.tok].span);
                                }
                            }
                        }
                        true
                    }
                    TokenKind::CloseQuote => false,
                    // Straight marks alternate.
                    _ => open_double.is_none(),
                };
                if opens {
                    stack.push(Pending {
                        tok: i,
                        double: true,
                        reopened: Vec::new(),
                    });
                } else if let Some(pos) = open_double {
                    while stack.len() > pos + 1 {
                        let p = stack.pop().expect("len > pos + 1");
                        ignored.push(tokens[p.tok].span);
                    }
                    let p = stack.pop().expect("open double");
                    close(p, i, Some(i), Closing::Matched, &mut done, &mut ignored);
                } else {
                    ignored.push(t.span);
                }
            } else {
                let top_single = stack.last().is_some_and(|q| !q.double);
                match t.kind {
                    TokenKind::OpenQuote => stack.push(Pending {
                        tok: i,
                        double: false,
                        reopened: Vec::new(),
                    }),
                    _ if top_single => {
                        let p = stack.pop().expect("top single");
                        close(p, i, Some(i), Closing::Matched, &mut done, &mut ignored);
                    }
                    _ => ignored.push(t.span),
                }
            }
        }
        // End of paragraph: single marks never run on; a double quotation
        // runs on when the next paragraph opens with a mark.
        while stack.last().is_some_and(|q| !q.double) {
            let p = stack.pop().expect("non-empty");
            ignored.push(tokens[p.tok].span);
        }
        if stack.is_empty() {
            continue;
        }
        let next_open = paras.get(pi + 1).and_then(|np| {
            let t = &tokens[np.start];
            (t.is_double_quote() && t.kind != TokenKind::CloseQuote).then_some(np.start)
        });
        match next_open {
            Some(k) => {
                if let Some(top) = stack.last_mut() {
                    top.reopened.push(tokens[k].span);
                }
                skip = k;
            }
            None => {
                let last = para.end - 1;
                while let Some(p) = stack.pop() {
                    close(
                        p,
                        last,
                        None,
                        Closing::ParagraphEnd,
                        &mut done,
                        &mut ignored,
                    );
                }
            }
        }
    }
    // Marks still open at the end of the text (no paragraphs follow).
    if let Some(last_para) = paras.last() {
        while let Some(p) = stack.pop() {
            close(
                p,
                last_para.end - 1,
                None,
                Closing::ParagraphEnd,
                &mut done,
                &mut ignored,
            );
        }
    }

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
