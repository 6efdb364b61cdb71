//! Cue candidates: lexicon hits (single words and phrases) with what the
//! rules need to know about them.

use std::ops::Range;
use std::sync::Arc;

use crate::doc::{Doc, WordClass, NONE};
use crate::lexicon::{CueLexicon, Form, Frames};
use crate::token::TokenKind;
use crate::CueCategory;

/// One cue found in the text.
#[derive(Clone, Debug)]
pub(crate) struct CueHit {
    pub toks: Range<usize>,
    pub lemma: Arc<str>,
    pub category: CueCategory,
    pub frames: Frames,
    pub form: Form,
    /// Used as a noun ("the report", "a promise").
    pub noun: bool,
}

/// Words after which a verb form reads as a noun: "the report", "a call".
#[rustfmt::skip]
pub(crate) const NOUN_MAKERS: WordClass = WordClass {
    bit: 1 << 13,
    words: &[
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our",
        "my", "your", "no", "any", "every", "each", "another", "such", "whose",
    ],
};

/// Finds the cues of a document, in token order.
pub(crate) fn find_cues(
    doc: &Doc<'_>,
    lex: &CueLexicon,
    keep: impl Fn(CueCategory) -> bool,
    out: &mut Vec<CueHit>,
) {
    let toks = &doc.toks;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let e = doc.entry[i];
        if e == NONE {
            i += 1;
            continue;
        }
        let entry = lex.entry(e);
        // Phrases first, longest first: "according to", "made clear".
        let mut matched = false;
        for p in &entry.phrases {
            let n = p.rest.len();
            if i + n < toks.len()
                && p.rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks[i + 1 + k].text.eq_ignore_ascii_case(w))
            {
                if keep(p.category) {
                    out.push(CueHit {
                        toks: i..i + 1 + n,
                        lemma: p.lemma.clone(),
                        category: p.category,
                        frames: Frames::THAT.with(Frames::QUOTE),
                        form: Form::Past,
                        noun: false,
                    });
                }
                i += 1 + n;
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        if let Some(w) = &entry.word {
            // "Secretary of State", "the United States": a capitalized cue
            // word inside a sentence is a name. "a released drone", "the
            // said property": a participle after a determiner is an adjective.
            let after_det = i > 0 && doc.in_class(i - 1, &NOUN_MAKERS);
            let name = doc.capitalized(i)
                && !sentence_start(doc, i)
                && !t.text.bytes().all(|b| b.is_ascii_uppercase());
            let adjective = after_det && !w.noun && matches!(w.form, Form::Past | Form::Gerund);
            // "A federal judge blocked", "the final report": a base form
            // after a determiner and a modifier is a noun.
            let noun_phrase = w.form == Form::Base
                && i > 1
                && doc.in_class(i - 2, &NOUN_MAKERS)
                && doc.toks[i - 1].kind == TokenKind::Word
                && !doc.capitalized(i - 1)
                && !doc.toks[i - 1].text.ends_with('s');
            if keep(w.category) && !name && !adjective {
                let noun = w.noun
                    || noun_phrase
                    || (i > 0 && doc.in_class(i - 1, &NOUN_MAKERS) && w.form != Form::Past);
                out.push(CueHit {
                    toks: i..i + 1,
                    lemma: w.lemma.clone(),
                    category: w.category,
                    frames: w.frames,
                    form: w.form,
                    noun,
                });
            }
        }
        i += 1;
    }
}

/// True when token `i` opens its sentence (perhaps after an opening mark).
fn sentence_start(doc: &Doc<'_>, i: usize) -> bool {
    let s = &doc.sents[doc.sent_of[i] as usize];
    let mut k = s.toks.start;
    while k < i
        && matches!(
            doc.toks[k].kind,
            TokenKind::OpenQuote | TokenKind::Quote | TokenKind::Punct
        )
    {
        k += 1;
    }
    k == i
}
