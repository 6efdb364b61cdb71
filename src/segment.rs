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
//! splits.

use std::ops::Range;

use crate::lexicon::{abbreviation_class, AbbrevClass};
use crate::token::{tokenize, Token, TokenKind, Tokens};
use crate::Span;

/// Capitalized words that typically open a sentence, which is how an
/// abbreviation at the end of a sentence ("in the U.S. The next day") is
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

/// Sentence boundaries inside one paragraph's tokens: calls `emit` with the
/// token range of each sentence, in order. Every token lands in exactly one
/// sentence.
pub(crate) fn split_sentences(tokens: &[Token<'_>], mut emit: impl FnMut(Range<usize>)) {
    let n = tokens.len();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        let terminal = match t.kind {
            TokenKind::Punct => matches!(t.text, "." | "!" | "?"),
            TokenKind::Ellipsis => true,
            TokenKind::Abbreviation => true,
            _ => false,
        };
        if !terminal {
            i += 1;
            continue;
        }
        // Closing marks and brackets stay with the sentence they close:
        // "… must stop.” Then …", "(… in 2015.) The …".
        let mut j = i + 1;
        while j < n {
            let k = &tokens[j];
            let adjacent = k.span.start == tokens[j - 1].span.end;
            let closes = match k.kind {
                TokenKind::CloseQuote => true,
                TokenKind::Quote => adjacent,
                TokenKind::Punct => matches!(k.text, ")" | "]" | "!" | "?" | "."),
                _ => false,
            };
            if !closes {
                break;
            }
            j += 1;
        }
        if j >= n {
            break;
        }
        if starts_sentence(t, &tokens[j], &tokens[i + 1..j]) {
            emit(start..j);
            start = j;
        }
        i = j;
    }
    if start < n {
        emit(start..n);
    }
}

/// Whether `next` opens a new sentence after the terminal token `end`
/// (with `closers` between them).
fn starts_sentence(end: &Token<'_>, next: &Token<'_>, closers: &[Token<'_>]) -> bool {
    let capital = next.text.chars().next().is_some_and(char::is_uppercase);
    match end.kind {
        TokenKind::Abbreviation => {
            if !closers.is_empty() {
                // "… in the U.S.” The next …"
                return capital || next.kind == TokenKind::OpenQuote;
            }
            match abbreviation_class(end.text) {
                Some(AbbrevClass::Title) => false,
                _ if is_single_initial(end.text) => false,
                _ => {
                    next.kind == TokenKind::OpenQuote
                        || (capital && SENTENCE_OPENERS.contains(&next.text))
                }
            }
        }
        TokenKind::Ellipsis => capital || next.kind == TokenKind::OpenQuote,
        _ => {
            capital
                || matches!(next.kind, TokenKind::OpenQuote | TokenKind::Number)
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
/// lazily (one paragraph of tokens is buffered at a time).
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
        para: Vec::new(),
        bounds: Vec::new(),
        next: 0,
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
    para: Vec<Token<'a>>,
    bounds: Vec<Span>,
    next: usize,
}

impl Iterator for Sentences<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        loop {
            if let Some(&s) = self.bounds.get(self.next) {
                self.next += 1;
                return Some(s);
            }
            self.para.clear();
            self.bounds.clear();
            self.next = 0;
            for t in self.tokens.by_ref() {
                if t.kind == TokenKind::ParagraphBreak {
                    if self.para.is_empty() {
                        continue;
                    }
                    break;
                }
                self.para.push(t);
            }
            if self.para.is_empty() {
                return None;
            }
            let para = &self.para;
            let bounds = &mut self.bounds;
            split_sentences(para, |r| {
                bounds.push(para[r.start].span.cover(para[r.end - 1].span));
            });
        }
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}
