//! Paragraphs and sentences, as spans over the tokens.
//!
//! Every line break ends a paragraph: wire copy separates paragraphs with a
//! blank line, many feeds with a single newline. A sentence never crosses a
//! paragraph. Inside a paragraph a sentence ends after `.`, `!`, `?` or an
//! ellipsis (and any closing quotation marks or brackets after it) when the
//! next token can start a sentence: a capitalized word, a number, an opening
//! mark. Abbreviations end a sentence only when a typical sentence opener
//! follows them, so "U. S. troops", "U.S. Embassy", "Oct. 7", "Mr. Smith"
//! and "John F. Kennedy" stay whole while "… in the U.S. The next day …"
//! splits. Titles ("Mr.", "Gen.") never end a sentence; "a.m." and "p.m."
//! end one before any capitalized word but a day, a month or a time zone
//! ("at 4 a.m. Monday", "8:30 a.m. Eastern time").
//!
//! Known gaps: a capitalized name after a sentence-final abbreviation ("…
//! owned by Avionics Inc. Smith said …") does not split, and a capitalized
//! word after a closing quotation that ends in `!` or `?` always does
//! ("“Stop!” Smith shouted.").

use std::ops::Range;

use crate::doc::Sent;
use crate::lexicon::{abbreviation_class, AbbrevClass};
use crate::token::{tokenize, Token, TokenKind, Tokens};
use crate::Span;

/// Capitalized words that typically open a sentence, which is how an
/// abbreviation that ends a sentence ("in the U.S. The next day") is
/// told from one inside a name ("U.S. Embassy").
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "By",
    "During",
    "Each",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "No",
    "Not",
    "Now",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Capitalized words that may follow "a.m." or "p.m." inside a sentence:
/// days, months and time zones ("at 4 a.m. Monday", "8:30 a.m. Eastern
/// time"). Any other capitalized word after a time starts a sentence ("The
/// polls open at 7 a.m. Voters should …"). Sorted.
const AFTER_TIME: &[&str] = &[
    "Apr",
    "April",
    "Atlantic",
    "Aug",
    "August",
    "CDT",
    "CST",
    "Central",
    "Dec",
    "December",
    "EDT",
    "EST",
    "ET",
    "Eastern",
    "Feb",
    "February",
    "Fri",
    "Friday",
    "GMT",
    "Greenwich",
    "Jan",
    "January",
    "Jul",
    "July",
    "Jun",
    "June",
    "Mar",
    "March",
    "May",
    "Mon",
    "Monday",
    "Mountain",
    "Nov",
    "November",
    "Oct",
    "October",
    "PDT",
    "PST",
    "PT",
    "Pacific",
    "Sat",
    "Saturday",
    "Sep",
    "Sept",
    "September",
    "Sun",
    "Sunday",
    "Thu",
    "Thursday",
    "Tue",
    "Tuesday",
    "UTC",
    "Wed",
    "Wednesday",
];

/// The paragraphs and sentences of a document, found as its tokens are
/// made: each token is fed once, in order, and lands in exactly one
/// sentence (a paragraph break in none). What a pass for the paragraph
/// breaks and a splitter run over each paragraph's tokens would give,
/// without either pass.
#[derive(Debug, Default)]
pub(crate) struct Segmenter<'a> {
    splitter: Splitter<'a>,
    /// The first token of the current paragraph, and of its current sentence.
    para_start: usize,
    sent_start: usize,
    /// Paragraph token ranges (paragraph breaks excluded), in order.
    pub paras: Vec<Range<usize>>,
    pub sents: Vec<Sent>,
}

impl<'a> Segmenter<'a> {
    /// Room for `tokens` tokens: paragraphs of thirty-two tokens and
    /// sentences of sixteen on average (news averages about forty and
    /// twenty-four), so the vectors rarely grow.
    pub fn with_capacity(tokens: usize) -> Segmenter<'a> {
        Segmenter {
            paras: Vec::with_capacity(tokens / 32 + 1),
            sents: Vec::with_capacity(tokens / 16 + 1),
            ..Segmenter::default()
        }
    }

    /// Feeds token `i`, the one after the last fed; returns the index of
    /// its sentence (for a paragraph break: of the sentence before it, or 0
    /// before the first).
    #[inline(always)]
    pub fn push(&mut self, i: usize, t: &Token<'a>) -> u32 {
        if t.kind == TokenKind::ParagraphBreak {
            self.end_paragraph(i);
            return self.sents.len().saturating_sub(1) as u32;
        }
        if self.splitter.starts_sentence_at(t) && i > self.sent_start {
            self.end_sentence(i);
        }
        // The open sentence is the next one pushed.
        self.sents.len() as u32
    }

    #[inline]
    fn end_sentence(&mut self, end: usize) {
        self.sents.push(Sent {
            toks: self.sent_start..end,
            para: self.paras.len(),
        });
        self.sent_start = end;
    }

    /// Ends the paragraph before token `end` (a paragraph break, or the end
    /// of the tokens).
    #[inline(never)]
    pub fn end_paragraph(&mut self, end: usize) {
        if self.sent_start < end {
            self.end_sentence(end);
        }
        if self.para_start < end {
            self.paras.push(self.para_start..end);
        }
        self.para_start = end + 1;
        self.sent_start = end + 1;
        self.splitter = Splitter::default();
    }
}

/// The sentence splitter as a streaming state machine over one paragraph's
/// tokens: it needs no buffer, so [`Sentences`] never holds more than one
/// token, and [`Segmenter`] and [`Sentences`] cannot disagree.
///
/// A sentence may end after `.`, `!`, `?`, an ellipsis or an abbreviation
/// (the terminal), and the closing marks and brackets right after it
/// ("… must stop.” Then …", "(… in 2015.) The …"); the first token after
/// those decides.
#[derive(Clone, Debug, Default)]
struct Splitter<'a> {
    /// The terminal whose fate the next non-closing token decides.
    terminal: Option<Token<'a>>,
    /// Whether closing marks or brackets followed the terminal.
    closers: bool,
    /// The end of the previous token.
    prev_end: usize,
}

impl<'a> Splitter<'a> {
    /// Feeds the next token of the paragraph; true when a new sentence
    /// starts with it.
    #[inline]
    fn starts_sentence_at(&mut self, t: &Token<'a>) -> bool {
        // Most tokens are words in mid-sentence.
        if self.terminal.is_none() && matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            self.prev_end = t.span.end;
            return false;
        }
        self.decide(t)
    }

    #[inline(never)]
    fn decide(&mut self, t: &Token<'a>) -> bool {
        let mut split = false;
        if let Some(end) = self.terminal {
            let adjacent = t.span.start == self.prev_end;
            let closes = match t.kind {
                TokenKind::CloseQuote => true,
                TokenKind::Quote => adjacent,
                TokenKind::Punct => matches!(t.text, ")" | "]" | "!" | "?" | "."),
                _ => false,
            };
            if closes {
                self.closers = true;
                self.prev_end = t.span.end;
                return false;
            }
            split = starts_sentence(&end, t, self.closers);
            self.terminal = None;
            self.closers = false;
        }
        let terminal = match t.kind {
            TokenKind::Punct => matches!(t.text, "." | "!" | "?"),
            TokenKind::Ellipsis | TokenKind::Abbreviation => true,
            _ => false,
        };
        if terminal {
            self.terminal = Some(*t);
        }
        self.prev_end = t.span.end;
        split
    }
}

/// Whether `next` opens a new sentence after the terminal token `end`
/// (with closing marks or brackets between them when `closers`).
fn starts_sentence(end: &Token<'_>, next: &Token<'_>, closers: bool) -> bool {
    let capital = next.text.chars().next().is_some_and(char::is_uppercase);
    let opener = || capital && SENTENCE_OPENERS.binary_search(&next.text).is_ok();
    match end.kind {
        TokenKind::Abbreviation => {
            if closers {
                // "… in the U.S.” The next …"
                return capital || next.kind == TokenKind::OpenQuote;
            }
            match abbreviation_class(end.text) {
                // "Sen. “Bob” Smith"
                Some(AbbrevClass::Title) => false,
                // "John F. Kennedy", but "… than I. The …"
                _ if is_single_initial(end.text) => next.text.len() > 1 && opener(),
                _ if next.kind == TokenKind::OpenQuote => true,
                // "at 4 a.m. Monday", but "at 7 a.m. Voters should …"
                _ if is_time(end.text) => {
                    capital
                        && next.kind == TokenKind::Word
                        && AFTER_TIME.binary_search(&next.text).is_err()
                }
                _ => opener(),
            }
        }
        TokenKind::Ellipsis => capital || next.kind == TokenKind::OpenQuote,
        _ => {
            capital
                || matches!(
                    next.kind,
                    TokenKind::OpenQuote
                        | TokenKind::Number
                        | TokenKind::Handle
                        | TokenKind::Hashtag
                )
                || (next.kind == TokenKind::Quote && next.is_double_quote())
                || matches!(next.text, "(" | "[")
        }
    }
}

/// "F." in "John F. Kennedy".
fn is_single_initial(text: &str) -> bool {
    let mut c = text.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// "a.m.", "p.m." in any case.
fn is_time(text: &str) -> bool {
    ["a.m.", "p.m."]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(text))
}

/// The paragraphs of `text`, as spans from their first to their last token,
/// lazily. Every line break ends a paragraph; empty lines yield nothing.
///
/// # Example
///
/// ```
/// let text = "First paragraph.\n\nSecond one,\nthird one.";
/// let paras: Vec<&str> = claimant::paragraphs(text).map(|s| &text[s]).collect();
/// assert_eq!(paras, ["First paragraph.", "Second one,", "third one."]);
/// ```
pub fn paragraphs(text: &str) -> Paragraphs<'_> {
    Paragraphs {
        tokens: tokenize(text),
    }
}

/// The iterator returned by [`paragraphs`].
///
/// ```
/// assert_eq!(claimant::paragraphs("\n\n").count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct Paragraphs<'a> {
    tokens: Tokens<'a>,
}

impl Iterator for Paragraphs<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let mut span: Option<Span> = None;
        for t in self.tokens.by_ref() {
            if t.kind == TokenKind::ParagraphBreak {
                if span.is_some() {
                    break;
                }
                continue;
            }
            span = Some(span.map_or(t.span, |s| s.cover(t.span)));
        }
        span
    }
}

impl std::iter::FusedIterator for Paragraphs<'_> {}

/// The sentences of `text`, as spans from their first to their last token,
/// lazily and without allocating. A sentence never crosses a paragraph.
///
/// # Example
///
/// ```
/// let text = "U. S. troops left on Oct. 7. Mr. Smith said “stop.” Then he left.";
/// let sents: Vec<&str> = claimant::sentences(text).map(|s| &text[s]).collect();
/// assert_eq!(
///     sents,
///     ["U. S. troops left on Oct. 7.", "Mr. Smith said “stop.”", "Then he left."]
/// );
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        tokens: tokenize(text),
        splitter: Splitter::default(),
        current: None,
    }
}

/// The iterator returned by [`sentences`].
///
/// ```
/// let mut s = claimant::sentences("One. Two.");
/// assert_eq!(s.next(), Some(claimant::Span::new(0, 4)));
/// ```
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    tokens: Tokens<'a>,
    splitter: Splitter<'a>,
    /// The sentence read so far.
    current: Option<Span>,
}

impl Iterator for Sentences<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        for t in self.tokens.by_ref() {
            if t.kind == TokenKind::ParagraphBreak {
                self.splitter = Splitter::default();
                if let Some(s) = self.current.take() {
                    return Some(s);
                }
                continue;
            }
            let new = self.splitter.starts_sentence_at(&t);
            match self.current {
                Some(s) if new => {
                    self.current = Some(t.span);
                    return Some(s);
                }
                Some(s) => self.current = Some(Span::new(s.start, t.span.end)),
                None => self.current = Some(t.span),
            }
        }
        self.current.take()
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Doc;
    use proptest::prelude::*;

    /// `text` with `|` after every sentence but the last.
    fn marked(text: &str) -> String {
        let spans: Vec<Span> = sentences(text).collect();
        let mut out = String::new();
        let mut last = 0;
        for s in &spans[..spans.len().saturating_sub(1)] {
            out.push_str(&text[last..s.end]);
            out.push('|');
            last = s.end;
        }
        out.push_str(&text[last..]);
        out
    }

    /// The news cases of issue #2: `|` marks each sentence boundary.
    #[test]
    fn sentence_table() {
        let cases = [
            "U. S. troops left.| The U.S. Embassy stayed open.",
            "She returned to the U.S.| The next day she testified.",
            "She moved to the U. S.| It was 1998.",
            "The war began on Oct. 7 and has not stopped.",
            "It takes effect Jan. 1.| Farmers are worried.",
            "Mr. Smith and Mrs. Jones met Gen. Vance and Sen. Brandt.",
            "Lt. Col. Aaron Befort and Dr. Amari spoke.",
            "It hit at 4 a.m. Monday.| Schools closed.",
            "Polls open at 7 a.m.| Voters should bring ID.",
            "It is due at 8:30 a.m. Eastern time.",
            "The plane landed at John F. Kennedy airport.",
            "So do I.| The end came later.",
            "Vitamin D. Smith said so.",
            "“The attacks must stop.”| Then he left.",
            "“The attacks must stop,” he said.| Then he left.",
            "“Who is it?” she asked.| Nobody answered.",
            "\"Stop.\"| Then he left.",
            "(He left in 2015.)| The rest stayed.",
            "We are trying … literally.| Then it ended.",
            "He paused...| Then he answered.",
            "He paused . . . and answered.",
            "Sen. Castellanos, D-N.M., voted no.| Grissom, R-Idaho, voted yes.",
            "The case is Roe v. Wade.",
            "He was ranked No. 2 in 2015.| 2016 was worse.",
            "See https://example.com/a.b.| It has maps.",
            "Write to me@example.org.| We reply fast.",
            "The ’90s were kind.| Rock ’n’ roll won.",
            "It was trending.| #MayorOkoro was everywhere.",
            "Sen. “Bob” Brandt and John F. “Jack” Kennedy met.",
            "He left the U.S.| “It was time,” he said.",
            "The U.S.’s position changed.",
        ];
        let mut failures = Vec::new();
        for want in cases {
            let text = want.replace('|', "");
            let got = marked(&text);
            if got != want {
                failures.push(format!("   got: {got}\n  want: {want}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let text = "Council approves budget\nMILLBROOK, Pa. (AP) — It passed.\n\n“Fix it first.\n\n“Then ask.”";
        let got: Vec<&str> = sentences(text).map(|s| &text[s]).collect();
        assert_eq!(
            got,
            [
                "Council approves budget",
                "MILLBROOK, Pa. (AP) — It passed.",
                "“Fix it first.",
                "“Then ask.”"
            ]
        );
        let paras: Vec<&str> = paragraphs(text).map(|s| &text[s]).collect();
        assert_eq!(
            paras,
            [
                "Council approves budget",
                "MILLBROOK, Pa. (AP) — It passed.",
                "“Fix it first.",
                "“Then ask.”"
            ]
        );
    }

    #[test]
    fn empty_and_blank_texts() {
        for text in ["", " ", "\n\n", " \r\n \u{2029} "] {
            assert_eq!(sentences(text).count(), 0, "{text:?}");
            assert_eq!(paragraphs(text).count(), 0, "{text:?}");
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [SENTENCE_OPENERS, AFTER_TIME] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    /// Text from news-like pieces, so that the splitter's branches are hit.
    fn news_soup() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "The", "said", "U.S.", "U. S.", "Oct.", "7", "Mr.", "F.", "a.m.", "Monday", ".", ",",
            "!", "?", "…", "...", "“", "”", "\"", "'", "‘", "’", "(", ")", "—", "I", "He", "x",
            "2,000", "#tag", "@AP", " ", " ", " ", "\n", "\n\n", "\r\n", "\u{2029}",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest! {
        /// `sentences()` and `paragraphs()` agree with the per-document
        /// segmentation the extractor reads.
        #[test]
        fn iterators_agree_with_doc(text in prop_oneof![news_soup(), any::<String>()]) {
            let doc = Doc::new(&text);
            let want: Vec<Span> = doc
                .sents
                .iter()
                .map(|s| doc.toks[s.toks.start].span.cover(doc.toks[s.toks.end - 1].span))
                .collect();
            prop_assert_eq!(sentences(&text).collect::<Vec<_>>(), want);
            let want: Vec<Span> = doc
                .paras
                .iter()
                .map(|p| doc.toks[p.start].span.cover(doc.toks[p.end - 1].span))
                .collect();
            prop_assert_eq!(paragraphs(&text).collect::<Vec<_>>(), want);
        }
    }
}
