//! The per-document analysis every rule reads: tokens, paragraphs,
//! sentences and quotations, computed once.

use std::ops::Range;

use crate::lexicon::{CueLexicon, Form};
use crate::quote::{pair, Quotation};
use crate::segment::Segmenter;
use crate::token::{tokenize, Token, TokenKind};
use crate::Span;

/// A closed class of words (determiners, auxiliaries, time words …): one
/// bit of a mask that [`Doc`] computes once per token, so that the rules'
/// many "is this word one of …" questions cost a bit test each.
#[derive(Debug)]
pub(crate) struct WordClass {
    pub bit: u32,
    /// A data file of `data/` whose entries are words of the class too
    /// (a lexicon kept as data, such as the titles), read as
    /// [`lexicon::entries`](crate::lexicon::entries) reads it.
    pub file: Option<&'static str>,
    pub words: &'static [&'static str],
}

impl WordClass {
    /// Every word of the class: its list, then its file's entries.
    pub fn all_words(&self) -> impl Iterator<Item = &'static str> {
        let file = self
            .file
            .into_iter()
            .flat_map(|f| crate::lexicon::entries(f).map(|(_, line)| line.trim()));
        self.words.iter().copied().chain(file)
    }
}

/// Every class, for building the lookup table.
pub(crate) const CLASSES: &[&WordClass] = &[
    &crate::source::DETERMINERS,
    &crate::source::SUBJECT_PRONOUNS,
    &crate::source::QUANTIFIER_PRONOUNS,
    &crate::source::INDEFINITE_PRONOUNS,
    &crate::source::POSTMODIFIERS,
    &crate::source::INNER_PREPOSITIONS,
    &crate::source::STOP_WORDS,
    &crate::source::AUXILIARIES,
    &crate::source::TIME_WORDS,
    &crate::rules::TAIL_OPENERS,
    &crate::rules::ADDRESSEES,
    &crate::rules::NOT_CONTENT_START,
    &crate::rules::ADJUNCT_WORDS,
    &crate::cue::NOUN_MAKERS,
    &crate::rules::NOT_SOURCES,
    &crate::source::RELATIVE_PRONOUNS,
    &crate::rules::COORDINATORS,
    &crate::rules::BASE_AUXILIARIES,
    &crate::rules::MODAL_ADVERBS,
    &crate::rules::MODALS,
    &crate::rules::FINITE_VERBS,
    &crate::rules::DOCUMENT_NOUNS,
    &crate::rules::PASSIVE_AUXILIARIES,
    &crate::speaker::LOWER_TITLE_WORDS,
    &crate::speaker::OPENER_WORDS,
    &crate::speaker::PARTICLE_WORDS,
    &crate::speaker::DEPARTMENTS,
    &crate::speaker::FUNCTION_WORD_CLASS,
    &crate::speaker::TITLE_WORDS,
    &crate::speaker::ORG_WORDS,
];

/// A sentence: its tokens and its paragraph.
#[derive(Clone, Debug)]
pub(crate) struct Sent {
    pub toks: Range<usize>,
    pub para: usize,
}

/// One document, analysed.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    pub paras: Vec<Range<usize>>,
    pub sents: Vec<Sent>,
    /// The sentence of each token (a paragraph break belongs to the sentence before it).
    pub sent_of: Vec<u32>,
    pub quotes: Vec<Quotation>,
    /// How many quotations hold each token inside their marks.
    pub depth: Vec<u8>,
    /// For each quotation mark token that opens (or reopens) or closes a
    /// quotation: that quotation's index; `u32::MAX` otherwise.
    pub mark_of: Vec<u32>,
    /// Tokens that are cue verbs: they end any source phrase scan.
    pub verb: Vec<bool>,
    /// For each token: the innermost quotation holding it inside its marks.
    pub quote_of: Vec<u32>,
    /// For each token: the word classes it belongs to, and [`NAME_LIKE`].
    pub class: Vec<u32>,
    /// For each word-like token: its entry in the cue lexicon
    /// ([`CueLexicon::entry`]), or [`NONE`].
    pub entry: Vec<u32>,
    /// The tokens with the [`NAME_LIKE`] bit, and those with the [`CUE`]
    /// bit, as bit sets: bit `i % 64` of word `i / 64` is token `i`.
    /// The name scan and the cue scan go from one such token to the next
    /// ([`next_in`]), without a branch per token on a bit that follows
    /// no pattern (a word is capitalized, or a cue word, or not).
    pub names: Vec<u64>,
    pub cue_words: Vec<u64>,
    /// The dash tokens, in order: few in news, and the signature rule
    /// looks at them only.
    pub dashes: Vec<u32>,
}

/// The tokens whose classes have `bit`, as a bit set ([`Doc::names`]).
///
/// Eight classes at a time, each shifted by a constant: no branch, and a
/// few instructions per token.
fn bit_set(class: &[u32], bit: u32) -> Vec<u64> {
    debug_assert!(bit.is_power_of_two());
    let shift = bit.trailing_zeros();
    let byte = |c: &[u32]| -> u64 {
        c.iter()
            .enumerate()
            .fold(0, |b, (k, &m)| b | u64::from((m >> shift) & 1) << k)
    };
    let mut out = Vec::with_capacity(class.len() / 64 + 1);
    let mut chunks = class.chunks_exact(64);
    for c in &mut chunks {
        let mut w = 0;
        for (k, c8) in c.chunks_exact(8).enumerate() {
            w |= byte(c8) << (8 * k);
        }
        out.push(w);
    }
    let rest = chunks.remainder();
    let mut w = 0;
    for (k, &m) in rest.iter().enumerate() {
        w |= u64::from((m >> shift) & 1) << k;
    }
    out.push(w);
    out
}

/// The first token at or after `from` in the bit set `bits` (of `n`
/// tokens), or `n`.
#[inline]
pub(crate) fn next_in(bits: &[u64], from: usize, n: usize) -> usize {
    let mut w = from / 64;
    let Some(&first) = bits.get(w) else {
        return n;
    };
    let mut word = first & (u64::MAX << (from % 64));
    while word == 0 {
        w += 1;
        match bits.get(w) {
            Some(&b) => word = b,
            None => return n,
        }
    }
    (w * 64 + word.trailing_zeros() as usize).min(n)
}

pub(crate) const NONE: u32 = u32::MAX;

// A word in no entry has the entry NONE.
const _: () = assert!(NONE == crate::vocab::ABSENT);

/// The bit of [`Doc::class`] set for a word-like token that is name-like
/// ([`is_name_like`]): "Mansour", "al-Anbar", "U.S.". Outside the bits of
/// the word classes.
pub(crate) const NAME_LIKE: u32 = 1 << 31;

/// Drops the word classes of a capitalized modal that is part of a name:
/// "Dana May said" (after a plain capitalized word, not before a
/// number: "on Tuesday May 3"), "May said", "Will wrote" (before a past or
/// third-person cue, which no modal comes before), "Will Baker says" (before
/// a plain capitalized word). A plain capitalized word is in no word class:
/// "In May" and "Since May" are the month, and "Will the senator say" and
/// "May add" the modal.
fn modal_names(
    toks: &[Token<'_>],
    class: &mut [u32],
    at: &[u32],
    finite_cue: impl Fn(usize) -> bool,
) {
    let plain = |class: &[u32], k: usize| {
        class.get(k) == Some(&NAME_LIKE) && toks[k].kind == TokenKind::Word
    };
    for &i in at {
        let i = i as usize;
        let next = toks.get(i + 1);
        let name = finite_cue(i + 1)
            || if toks[i].text == "May" {
                i > 0 && plain(class, i - 1) && next.is_none_or(|t| t.kind != TokenKind::Number)
            } else {
                plain(class, i + 1)
            };
        if name {
            class[i] = NAME_LIKE;
        }
    }
}

/// The bit of [`Doc::class`] set for a word whose lexicon entry is a cue
/// word or starts a cue phrase ("said", "according"): the cue scan looks at
/// those only, not at the many words that are in a word class alone ("the",
/// "of"). Outside the bits of the word classes.
pub(crate) const CUE: u32 = 1 << 30;

impl<'a> Doc<'a> {
    /// The analysis of `text` with the built-in lexicon.
    #[cfg(test)]
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc::with_lexicon(text, CueLexicon::builtin())
    }

    /// The analysis of `text`, its words looked up in `lex`.
    pub fn with_lexicon(text: &'a str, lex: &CueLexicon) -> Doc<'a> {
        // News runs at about five bytes a token: room for all of them at
        // once, not a vector that doubles and copies itself ten times.
        let cap = text.len() / 4 + 1;
        let mut toks: Vec<Token<'a>> = Vec::with_capacity(cap);
        // The paragraphs and sentences are found as the tokens are made, and
        // each token's sentence with them.
        let mut seg = Segmenter::with_capacity(cap);
        let mut sent_of: Vec<u32> = Vec::with_capacity(cap);
        // The quotation marks, for the pairing to look at them only.
        let mut marks: Vec<u32> = Vec::new();
        let mut dashes: Vec<u32> = Vec::new();
        // One lookup per word, as it is made: its classes and its cue entry;
        // and whether it may be part of a name, which the rules and the name
        // scan ask of every token.
        let mut entry: Vec<u32> = Vec::with_capacity(cap);
        let mut class: Vec<u32> = Vec::with_capacity(cap);
        // "May" and "Will", which may be names ([`modal_names`]).
        let mut modal_like: Vec<u32> = Vec::new();
        for t in tokenize(text) {
            let (e, c) = if t.is_wordlike() {
                let e = lex.index_in(text, t.span.start, t.text);
                let c = lex.summary(e);
                if matches!(t.text, "May" | "Will") {
                    modal_like.push(toks.len() as u32);
                }
                (e, c | if is_name_like(t.text) { NAME_LIKE } else { 0 })
            } else {
                if t.is_quote() {
                    marks.push(toks.len() as u32);
                } else if t.kind == TokenKind::Dash {
                    dashes.push(toks.len() as u32);
                }
                (NONE, 0)
            };
            entry.push(e);
            class.push(c);
            sent_of.push(seg.push(toks.len(), &t));
            toks.push(t);
        }
        modal_names(&toks, &mut class, &modal_like, |k| {
            entry.get(k).is_some_and(|&e| {
                e != NONE
                    && lex
                        .entry(e)
                        .word
                        .as_ref()
                        .is_some_and(|w| matches!(w.form, Form::Past | Form::Third))
            })
        });
        let (names, cue_words) = (bit_set(&class, NAME_LIKE), bit_set(&class, CUE));
        seg.end_paragraph(toks.len());
        let Segmenter { paras, sents, .. } = seg;
        let quotes = pair(&toks, &paras, &marks).quotations;
        let toks_len = toks.len();
        let mut mark_of = vec![NONE; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            let r = &q.tokens;
            mark_of[r.start] = qi as u32;
            if q.close.is_some() && r.end < toks.len() {
                mark_of[r.end] = qi as u32;
                // A mark of opening shape that closes a quotation (the
                // sloppy “ of "“It's odd,“ said Ada Voss", the “ of
                // German „…“) is a closing mark to the rules.
                if toks[r.end].kind == TokenKind::OpenQuote {
                    toks[r.end].kind = TokenKind::CloseQuote;
                }
            }
            for reopen in &q.reopened {
                if let Ok(k) = toks.binary_search_by_key(&reopen.start, |t| t.span.start) {
                    mark_of[k] = qi as u32;
                }
            }
        }
        // Token t is inside the marks of the quotations with start < t <
        // end; its depth is how many they are, its innermost quotation the
        // latest opened of them (quotations come ordered by their opening
        // mark). That set changes only at some start + 1 or some end: one
        // sweep over those points, each run between two filled at once, not
        // a look at every token, nor one pass per quotation over its inside
        // (quadratic in the nesting depth: ‘a ‹b ‘c … › ’ nests as deep as a
        // scraped page likes).
        let n = toks.len();
        let mut ends: Vec<usize> = quotes
            .iter()
            .filter(|q| q.tokens.start + 1 < q.tokens.end)
            .map(|q| q.tokens.end)
            .collect();
        ends.sort_unstable();
        let mut depth: Vec<u8> = Vec::with_capacity(n);
        let mut quote_of: Vec<u32> = Vec::with_capacity(n);
        let mut open = std::collections::BinaryHeap::new();
        let (mut d, mut next, mut ended) = (0usize, 0, 0);
        let mut at = 0;
        while at < n {
            while next < quotes.len() && quotes[next].tokens.start < at {
                let r = &quotes[next].tokens;
                d += usize::from(r.start + 1 < r.end);
                open.push(next as u32);
                next += 1;
            }
            while ended < ends.len() && ends[ended] <= at {
                d -= 1;
                ended += 1;
            }
            // Those ended are dropped when they come to the top.
            while open
                .peek()
                .is_some_and(|&q| quotes[q as usize].tokens.end <= at)
            {
                open.pop();
            }
            let run_end = quotes
                .get(next)
                .map_or(n, |q| q.tokens.start + 1)
                .min(ends.get(ended).copied().unwrap_or(n))
                .min(n);
            depth.resize(run_end, d.min(u8::MAX as usize) as u8);
            quote_of.resize(run_end, open.peek().copied().unwrap_or(NONE));
            at = run_end;
        }
        Doc {
            text,
            toks,
            paras,
            sents,
            sent_of,
            quotes,
            verb: vec![false; toks_len],
            quote_of,
            class,
            entry,
            depth,
            mark_of,
            names,
            cue_words,
            dashes,
        }
    }

    /// The text of token `i`, or "" past the end.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    /// True when token `i` is the word `w` (ASCII case ignored).
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.text.eq_ignore_ascii_case(w))
    }

    /// True when token `i` belongs to the word class `c`.
    #[inline]
    pub fn in_class(&self, i: usize, c: &WordClass) -> bool {
        self.class.get(i).is_some_and(|&m| m & c.bit != 0)
    }

    /// True when token `i` is one of `words` (ASCII case ignored), words
    /// all of class `c`: the class bit is tested first, which turns most
    /// tokens away before any comparison. (Debug builds check that the
    /// words are of the class.)
    #[inline]
    pub fn is_any_of(&self, i: usize, c: &WordClass, words: &[&str]) -> bool {
        debug_assert!(
            words.iter().all(|w| {
                let lex = CueLexicon::builtin();
                lex.summary(lex.index_in(w, 0, w)) & c.bit != 0
            }),
            "{words:?} are not all of the class"
        );
        self.in_class(i, c) && self.is_any(i, words)
    }

    /// True when token `i` is one of `words` (ASCII case ignored).
    #[inline]
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| words.iter().any(|w| t.text.eq_ignore_ascii_case(w)))
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True when token `i` is the punctuation `p`.
    #[inline]
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text == p)
    }

    /// True when token `i` starts with a capital letter.
    #[inline]
    pub fn capitalized(&self, i: usize) -> bool {
        self.class.get(i).is_some_and(|&m| m & NAME_LIKE != 0)
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    #[inline]
    pub fn span(&self, r: Range<usize>) -> Span {
        if r.start >= r.end || r.end > self.toks.len() {
            return Span::default();
        }
        self.toks[r.start].span.cover(self.toks[r.end - 1].span)
    }

    /// The quotation whose opening mark is token `i`.
    #[inline]
    pub fn quote_opened_at(&self, i: usize) -> Option<usize> {
        let q = *self.mark_of.get(i)?;
        (q != NONE && self.quotes[q as usize].tokens.start == i).then_some(q as usize)
    }

    /// The quotation whose closing mark is token `i`.
    #[inline]
    pub fn quote_closed_at(&self, i: usize) -> Option<usize> {
        let q = *self.mark_of.get(i)?;
        (q != NONE
            && self.quotes[q as usize].close.is_some()
            && self.quotes[q as usize].tokens.end == i)
            .then_some(q as usize)
    }

    /// The token range `[open mark, close mark]` of quotation `q`.
    #[inline]
    pub fn quote_toks(&self, q: usize) -> Range<usize> {
        let r = &self.quotes[q].tokens;
        let end = if self.quotes[q].close.is_some() {
            r.end + 1
        } else {
            r.end
        };
        r.start..end.min(self.toks.len())
    }
}

/// A capitalized word, or a name with a lowercase particle: "al-Anbar",
/// "el-Sisi", "bin-Salman".
pub(crate) fn is_name_like(w: &str) -> bool {
    // Asked of every word: ASCII is decided on its first bytes.
    match w.as_bytes() {
        [b, ..] if b.is_ascii_uppercase() => return true,
        [b, rest @ ..] if b.is_ascii_lowercase() => {
            // The particle is at most three bytes: look for the hyphen there
            // only.
            return match rest.iter().take(3).position(|&b| b == b'-') {
                Some(h) => w[h + 2..].chars().next().is_some_and(char::is_uppercase),
                None => false,
            };
        }
        [b, ..] if b.is_ascii() => return false,
        _ => {}
    }
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => w
            .bytes()
            .take(4)
            .position(|b| b == b'-')
            .is_some_and(|h| w[h + 1..].chars().next().is_some_and(char::is_uppercase)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{bit_set, is_name_like, next_in, Doc, CUE, NAME_LIKE, NONE};

    #[test]
    fn bit_sets_list_the_tokens_with_the_bit() {
        // Lengths around the 8- and 64-token steps, classes of every pattern.
        for n in [0, 1, 7, 8, 9, 63, 64, 65, 130, 200] {
            let class: Vec<u32> = (0..n as u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 7) & (NAME_LIKE | CUE | 0xff))
                .collect();
            for bit in [NAME_LIKE, CUE, 1] {
                let set = bit_set(&class, bit);
                assert_eq!(set.len(), n / 64 + 1);
                let mut from = 0;
                let mut seen = Vec::new();
                while from < n {
                    from = next_in(&set, from, n);
                    if from < n {
                        seen.push(from);
                        from += 1;
                    }
                }
                let want: Vec<usize> = (0..n).filter(|&i| class[i] & bit != 0).collect();
                assert_eq!(seen, want, "{n} tokens, bit {bit:#x}");
                assert_eq!(next_in(&set, n + 5, n), n);
            }
        }
    }

    #[test]
    fn the_bit_sets_are_those_of_the_classes() {
        let doc = Doc::new("Renad Mansour said, according to the Pentagon, that “Iraq” will.");
        assert_eq!(doc.names, bit_set(&doc.class, NAME_LIKE));
        assert_eq!(doc.cue_words, bit_set(&doc.class, CUE));
        let said = doc.toks.iter().position(|t| t.text == "said").unwrap();
        assert_eq!(next_in(&doc.cue_words, 0, doc.toks.len()), said);
        assert_eq!(next_in(&doc.names, 1, doc.toks.len()), 1);
    }
    use proptest::prelude::*;

    /// Texts thick with nested, unclosed and reopened quotations.
    fn quote_soup() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "“", "”", "‘", "’", "\"", "'", "«", "»", "‹", "›", "„", "said", "no", "x", ".", ",",
            " ", " ", "\n", "\n\n",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
    }

    proptest! {
        /// The run sweep gives each token what the definition says: how
        /// many quotations hold it inside their marks, and the latest
        /// opened of them.
        #[test]
        fn depth_and_quote_of_follow_their_definition(text in prop_oneof![quote_soup(), any::<String>()]) {
            let doc = Doc::new(&text);
            for t in 0..doc.toks.len() {
                let holding: Vec<usize> = (0..doc.quotes.len())
                    .filter(|&q| doc.quotes[q].tokens.start < t && t < doc.quotes[q].tokens.end)
                    .collect();
                prop_assert_eq!(usize::from(doc.depth[t]), holding.len().min(255));
                prop_assert_eq!(doc.quote_of[t], holding.last().map_or(NONE, |&q| q as u32));
            }
        }
    }

    #[test]
    fn a_modal_in_a_name_is_in_no_word_class() {
        let modal = |text: &str, word: &str| {
            let doc = Doc::new(text);
            let i = doc.toks.iter().position(|t| t.text == word).unwrap();
            doc.in_class(i, &crate::rules::MODALS)
        };
        assert!(!modal("Theresa May said it.", "May"));
        assert!(!modal("May said it.", "May"));
        assert!(!modal("Rep. Will Hurd says so.", "Will"));
        assert!(!modal("“It is over,” Will wrote.", "Will"));
        assert!(modal("Will say it again.", "Will"));
        assert!(modal("In May, it rained.", "May"));
        assert!(modal("On Tuesday May 3 it rained.", "May"));
        assert!(modal("May God bless you.", "May"));
        assert!(modal("May add that it rained.", "May"));
        assert!(modal("It may rain.", "may"));
        assert!(modal("Will the senator say it?", "Will"));
    }

    #[test]
    fn the_name_and_cue_bits_are_no_word_class() {
        for c in super::CLASSES {
            assert_eq!(
                c.bit & (super::NAME_LIKE | super::CUE),
                0,
                "{:?}",
                c.all_words().next()
            );
        }
    }

    #[test]
    fn cue_words_and_phrase_starts_have_the_cue_bit() {
        let doc = Doc::new("According to the report, she said the plan of the day failed.");
        let marked: Vec<&str> = (0..doc.toks.len())
            .filter(|&i| doc.class[i] & super::CUE != 0)
            .map(|i| doc.toks[i].text)
            .collect();
        assert_eq!(marked, ["According", "report", "said", "plan"]);
    }

    #[test]
    fn names_are_capitalized_or_have_a_short_particle() {
        for (w, want) in [
            ("Mansour", true),
            ("al-Anbar", true),
            ("bin-Salman", true),
            ("el-Sisi", true),
            ("said", false),
            ("well-known", false),
            ("anti-Trump", false),
            ("-x", false),
            ("", false),
            ("Ünal", true),
        ] {
            assert_eq!(is_name_like(w), want, "{w}");
        }
    }
}
