//! Cue candidates: lexicon hits (single words and phrases) with what the
//! rules need to know about them.

use std::ops::Range;
use std::sync::Arc;

use crate::doc::{Doc, WordClass};
use crate::lexicon::{CueLexicon, Form, Frames};
use crate::rules::TAIL_OPENERS;
use crate::source::{is_subject_pronoun, pronoun_head};
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
    /// A word the noun list holds ("claims", "warning"), however used.
    pub listed_noun: bool,
    /// A capitalized verb read as a cue because its sentence is a headline
    /// in Title Case ("Mayor Says Budget Will Pass"): it starts no trailing
    /// attribution, where every capitalized word would pass for a name.
    pub headline: bool,
}

/// Words after which a verb form reads as a noun: "the report", "a call".
#[rustfmt::skip]
pub(crate) const NOUN_MAKERS: WordClass = WordClass {
    bit: 1 << 13,
    file: None,
    words: &[
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our",
        "my", "your", "no", "any", "every", "each", "another", "such", "whose",
    ],
};

/// Whether the determiner before cue word `i` is a quantifier standing
/// alone as the subject of the verb: "another says …", "each claims …", and
/// "Another said the race was over" (a past form that no noun follows: not
/// "many elected officials").
fn quantifier_subject(doc: &Doc<'_>, i: usize, form: Form) -> bool {
    matches!(form, Form::Past | Form::Third)
        && (doc.in_class(i - 1, &crate::source::QUANTIFIER_PRONOUNS)
            || doc.is_any(i - 1, &["each", "either", "neither"]))
        && (form == Form::Third
            || !doc.toks.get(i + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && !doc.capitalized(i + 1)
                    && !doc.in_class(i + 1, &NOUN_MAKERS)
                    && !doc.in_class(i + 1, &crate::source::STOP_WORDS)
                    && !crate::source::is_pronoun_like(t.text)
            }))
}

/// Finds the cues of a document, in token order.
pub(crate) fn find_cues(
    doc: &Doc<'_>,
    lex: &CueLexicon,
    keep: impl Fn(CueCategory) -> bool,
    out: &mut Vec<CueHit>,
) {
    let toks = &doc.toks;
    // The headline verbs of the sentence of the last capitalized cue word
    // (sentences come in order: each is read once).
    let mut title_case: Option<(u32, Option<usize>)> = None;
    let mut i = 0;
    loop {
        // Most tokens are no cue word: punctuation, and the words in no
        // list or in a word class only ("the", "of"). The scan goes from
        // one token with the cue bit to the next, over the document's set of
        // them, not token by token.
        i = crate::doc::next_in(&doc.cue_words, i, toks.len());
        if i >= toks.len() {
            break;
        }
        let t = &toks[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let entry = lex.entry(doc.entry[i]);
        // Phrases first, longest first: "according to", "made clear".
        let mut matched = false;
        // "rose 0.4 percentage points to 5.2 percent", "by 12 points to
        // 8": a count's "points" is a noun, no "points to".
        let counted = i > 0
            && toks[i].text.eq_ignore_ascii_case("points")
            && (toks[i - 1].kind == TokenKind::Number
                || doc.is_any(i - 1, &["percentage", "percent", "basis"]));
        for p in entry.phrases.iter().filter(|_| !counted) {
            let n = p.rest.len();
            if i + n < toks.len()
                && p.rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks[i + 1 + k].text.eq_ignore_ascii_case(w))
            {
                if keep(p.category) {
                    // ", referring to the plan": a participle, unless a
                    // form of "be" makes it a progressive.
                    let (start, form) = match p.gerund.then(|| progressive_start(doc, i, out)) {
                        Some(Some(start)) => (start, Form::Progressive),
                        Some(None) => (i, Form::Gerund),
                        None => (i, Form::Past),
                    };
                    out.push(CueHit {
                        toks: start..i + 1 + n,
                        lemma: p.lemma.clone(),
                        category: p.category,
                        frames: Frames::THAT.with(Frames::QUOTE),
                        form,
                        noun: false,
                        listed_noun: false,
                        headline: false,
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
            let after_det =
                i > 0 && doc.in_class(i - 1, &NOUN_MAKERS) && !quantifier_subject(doc, i, w.form);
            let capital = doc.capitalized(i)
                && !sentence_start(doc, i)
                && !t.text.bytes().all(|b| b.is_ascii_uppercase());
            // A verb in a headline in Title Case is a cue: "Mayor Says
            // Budget Will Pass". Not before the colon of "Lena Okafor
            // Endorses Mark Ruiz: I Am ‘Thrilled’", which names a speaker.
            // A base form is a verb there only after a plural: "Lawmakers
            // Rip …", not "One Tweet Sums Up …".
            let plural_before = i > 0 && {
                let p = doc.word(i - 1);
                p.len() > 3 && p.ends_with('s') && !p.ends_with("ss")
            };
            let headline = capital && !w.noun && (w.form != Form::Base || plural_before) && {
                let si = doc.sent_of[i];
                let verbs_from = match title_case {
                    Some((s, from)) if s == si => from,
                    _ => {
                        let from = headline_verbs_from(doc, si as usize);
                        title_case = Some((si, from));
                        from
                    }
                };
                verbs_from.is_some_and(|from| i >= from)
            };
            let name = capital && !headline;
            // "his warning that …", "the ruling that …": a gerund the noun
            // list holds is a noun there.
            // "the union’s repeated promise": a participle after a genitive
            // and before a noun is an adjective too ("Okafor’s said he …" is
            // "has said").
            let after_genitive_adjective = w.form == Form::Past
                && i > 0
                && genitive(doc.toks[i - 1].text)
                && doc
                    .toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && !doc.capitalized(i + 1)
                && !doc.in_class(i + 1, &NOUN_MAKERS)
                && !doc.in_class(i + 1, &crate::source::SUBJECT_PRONOUNS);
            // "her 20 pledged delegates", "The tally counts pledged
            // delegates": a participle before "delegates" is an adjective
            // (not "told delegates here that …": whom one tells).
            let delegates_adjective = w.form == Form::Past
                && !w.frames.has(Frames::OBJ_THAT)
                && doc.is_any(i + 1, &["delegate", "delegates"]);
            let adjective = (after_det
                && !w.noun
                && (w.form == Form::Past || (w.form == Form::Gerund && !w.also_noun)))
                || after_genitive_adjective
                || delegates_adjective;
            // "A federal judge blocked", "the final report": a base form
            // after a determiner and a modifier is a noun.
            // Not "those" and a participle, a pronoun and what was done to
            // it: "Most of those surveyed say …".
            let noun_phrase = w.form == Form::Base
                && i > 1
                && doc.in_class(i - 2, &NOUN_MAKERS)
                && doc.toks[i - 1].kind == TokenKind::Word
                && !doc.capitalized(i - 1)
                && !doc.toks[i - 1].text.ends_with('s')
                && !(doc.is(i - 2, "those") && doc.toks[i - 1].text.ends_with("ed"))
                // Not the object of a post-modifier: "Officials familiar
                // with the plan say …".
                && !(i.saturating_sub(5)..i - 2)
                    .any(|k| doc.in_class(k, &crate::source::POSTMODIFIERS))
                // Nor of a preposition after a plural: "Officials in each
                // county say …", "Most voters in the state say …".
                && !(i > 3
                    && doc.in_class(i - 3, &crate::source::INNER_PREPOSITIONS)
                    && {
                        let w = doc.word(i - 4);
                        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                    });
            // "thanks to new revenue", "thanks in part to …": a preposition.
            let thanks_to = w.form == Form::Third
                && t.text.eq_ignore_ascii_case("thanks")
                && (i + 1..(i + 4).min(doc.toks.len())).any(|k| doc.is(k, "to"))
                && (doc.is(i + 1, "to")
                    || doc.is_any(i + 1, &["in", "largely", "mostly", "partly"]));
            // "the candidates found themselves targeted": finding oneself
            // somewhere reports nothing.
            let finds_oneself = &*w.lemma == "find"
                && doc.is_any(
                    i + 1,
                    &[
                        "herself",
                        "himself",
                        "itself",
                        "myself",
                        "ourselves",
                        "themselves",
                        "yourself",
                    ],
                );
            if keep(w.category) && !name && !adjective && !thanks_to && !finds_oneself {
                // "the secretary of state", "in support of": a base form
                // after a preposition is a noun (a verb there is a gerund).
                let after_preposition = w.form == Form::Base
                    && i > 0
                    && doc.is_any_of(i - 1, &TAIL_OPENERS, crate::rules::OBJECT_PREPOSITIONS);
                // "Okafor’s support rose", "Editor’s note:", "the party’s
                // state convention": after a genitive, as after "his", a
                // present form is a noun ("Okafor’s said" is "has said").
                let after_genitive = matches!(w.form, Form::Base | Form::Third)
                    && i > 0
                    && genitive(doc.toks[i - 1].text);
                // The form of the next token when it is a word the lexicon
                // holds as a verb only.
                let next_verb_form = doc
                    .toks
                    .get(i + 1)
                    .filter(|t| {
                        t.kind == TokenKind::Word && doc.class[i + 1] & crate::doc::CUE != 0
                    })
                    .and_then(|_| lex.entry(doc.entry[i + 1]).word.as_ref())
                    .filter(|v| !v.noun && !v.mostly_noun)
                    .map(|v| v.form);
                // "records show", "reports say": a plural before a base form
                // of a cue verb, the subject of that verb ("Baker says
                // praise from the mayor helps": "says" is no noun).
                let before_base_cue = w.form == Form::Third
                    && &*w.lemma != "say"
                    && next_verb_form == Some(Form::Base);
                // "some party figures declared that …", "the questions asked
                // by reporters": a present form right before a past form of
                // a cue verb is a noun too, whether the past form is the
                // verb or a participle.
                let before_past_cue = next_verb_form == Some(Form::Past) && !doc.capitalized(i + 1);
                // "The club rules may be outdated", "if the harbor attacks
                // drove voters away", and the above: a present form right
                // before a finite verb is the head of that verb's subject, a
                // noun.
                // Not after a relative word or a pronoun, where the verb's
                // own subject is left out ("a rise that the agency predicts
                // will last", "who she claims has misled voters").
                let before_verb = matches!(w.form, Form::Base | Form::Third)
                    && (doc.in_class(i + 1, &crate::rules::FINITE_VERBS)
                        || before_base_cue
                        || before_past_cue)
                    && !(i.saturating_sub(5)..i).any(|k| {
                        doc.is_any(k, &["that", "what", "which", "who", "whom"])
                            || doc.in_class(k, &crate::source::SUBJECT_PRONOUNS)
                    });
                // "City Hall press secretary Mara Voss": a base form
                // between a name and a title is part of the title.
                let in_title = w.form == Form::Base
                    && i > 0
                    && doc.capitalized(i - 1)
                    && doc.toks.get(i + 1).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && !doc.capitalized(i + 1)
                            && crate::source::is_listed_title_noun(t.text)
                    });
                // "said a leading Supreme Court advocate.", "A Supreme Court
                // advocate said": a role noun after a name, before a mark or
                // a verb.
                let role_noun = w.form == Form::Base
                    && i > 0
                    && doc.capitalized(i - 1)
                    && crate::source::is_listed_title_noun(t.text)
                    && doc.toks.get(i + 1).is_none_or(|n| {
                        n.kind != TokenKind::Word
                            || doc.in_class(i + 1, &crate::rules::FINITE_VERBS)
                            || doc.class[i + 1] & crate::doc::CUE != 0
                    });
                // "State officials say …", "State education officials
                // say …": a capitalized base form opening the sentence before
                // people modifies them (an order would go on with an object:
                // "State your name").
                let modifier =
                    w.form == Form::Base && doc.capitalized(i) && sentence_start(doc, i) && {
                        let lower = |k: usize| {
                            doc.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                                && !doc.capitalized(k)
                                && !doc.in_class(k, &crate::source::STOP_WORDS)
                        };
                        let person = |k: usize| crate::source::is_person_noun(doc.word(k));
                        lower(i + 1) && (person(i + 1) || (lower(i + 2) && person(i + 2)))
                    };
                let mostly_noun = w.mostly_noun && !verb_frame_after(doc, i);
                let noun = w.noun
                    || role_noun
                    || modifier
                    || mostly_noun
                    || in_title
                    || before_verb
                    || noun_phrase
                    || after_preposition
                    || after_genitive
                    || (i > 0
                        && doc.in_class(i - 1, &NOUN_MAKERS)
                        && w.form != Form::Past
                        && !quantifier_subject(doc, i, w.form));
                let progressive = (w.form == Form::Gerund && !noun)
                    .then(|| progressive_start(doc, i, out))
                    .flatten();
                out.push(CueHit {
                    toks: progressive.unwrap_or(i)..i + 1,
                    lemma: w.lemma.clone(),
                    category: w.category,
                    frames: w.frames,
                    form: if progressive.is_some() {
                        Form::Progressive
                    } else {
                        w.form
                    },
                    noun,
                    listed_noun: w.noun || w.also_noun,
                    headline,
                });
            }
        }
        i += 1;
    }
}

/// Whether a form the news mostly writes as a noun ("swing states", "the
/// convention rules") reads as a verb at token `i`: before "that", a
/// quotation mark, a colon or a full stop, or after a pronoun ("The report
/// states that …", "It states: …"), not before a comma ("Before the dock
/// attacks, Baker …") or a dash ("smaller states – none of …"). Nor is
/// "that" with a verb after it a complementizer ("the four states that held
/// runoffs"), and a ’ after the form is a possessive ("their home states’
/// votes").
fn verb_frame_after(doc: &Doc<'_>, i: usize) -> bool {
    let that_clause = doc.is(i + 1, "that")
        && !doc.in_class(i + 2, &crate::rules::FINITE_VERBS)
        && !doc.toks.get(i + 2).is_some_and(|t| t.text.ends_with("ed"));
    let quote_next = doc
        .toks
        .get(i + 1)
        .is_some_and(|t| t.is_quote() && !matches!(t.text, "’" | "'"));
    let pronoun_before = i > 0 && doc.in_class(i - 1, &crate::source::SUBJECT_PRONOUNS);
    that_clause || quote_next || pronoun_before || doc.is_any(i + 1, &[":", "."])
}

/// A word with a genitive ending ("Okafor’s", "voters'"), but not a
/// contraction of "is", "has" or "us" ("he’s", "that's", "let’s").
pub(crate) fn genitive(w: &str) -> bool {
    // Most words end in none of s, ' and ’ (whose last byte is 0x99).
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return false;
    }
    let Some(head) = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .filter(|h| !h.is_empty())
    else {
        return false;
    };
    // "voters'": a bare apostrophe only after a plural -s.
    if !w.ends_with('s') && !head.ends_with('s') {
        return false;
    }
    !is_subject_pronoun(head)
        && !CONTRACTING.iter().any(|c| head.eq_ignore_ascii_case(c))
        && head
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b >= 0x80)
}

/// Words whose "’s" is "is", "has" or "us": "that’s", "there's", "let’s".
#[rustfmt::skip]
const CONTRACTING: &[&str] = &[
    "everybody", "everyone", "here", "how", "let", "nobody", "one", "somebody", "someone",
    "that", "there", "what", "when", "where", "who", "why",
];

/// Forms of "be" that make a gerund after them a progressive verb.
#[rustfmt::skip]
const BE_FORMS: &[&str] = &[
    "am", "are", "aren't", "aren’t", "be", "been", "is", "isn't", "isn’t", "was", "wasn't",
    "wasn’t", "were", "weren't", "weren’t",
];

/// Where a progressive cue starts when the gerund at token `i` follows a
/// form of "be", perhaps past an adverb or two: on the auxiliary ("Critics
/// are calling for a new vote", "The mayor is now telling residents that
/// …"), or on the gerund after a pronoun that holds the auxiliary ("He’s
/// telling donors …"). `None` when no auxiliary stands there, or when it
/// already belongs to the cue before.
fn progressive_start(doc: &Doc<'_>, i: usize, found: &[CueHit]) -> Option<usize> {
    let floor = found.last().map_or(0, |h| h.toks.end);
    let mut k = i;
    while k > floor && k + 2 > i && adverb_between(doc.word(k - 1)) {
        k -= 1;
    }
    if k <= floor {
        return None;
    }
    let aux = doc.word(k - 1);
    if doc.is_any(k - 1, BE_FORMS) {
        Some(k - 1)
    } else {
        contracted_be(aux).then_some(i)
    }
}

/// Words that stand between an auxiliary and its verb: "is now saying",
/// "was repeatedly calling for", "is not ruling out".
fn adverb_between(w: &str) -> bool {
    matches!(
        w,
        "also" | "again" | "already" | "even" | "just" | "not" | "now" | "still"
    ) || (w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A subject pronoun with "be" contracted onto it: "he’s", "they're", "I’m".
fn contracted_be(w: &str) -> bool {
    let head = pronoun_head(w);
    let tail = w[head.len()..].strip_prefix(['’', '\'']);
    matches!(tail, Some("s" | "re" | "m")) && is_subject_pronoun(head)
}

/// Short words a headline in Title Case leaves in lowercase.
#[rustfmt::skip]
const TITLE_CASE_SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "than", "the", "to", "via", "vs", "with",
];

/// When sentence `si` is a headline in Title Case (three capitalized words
/// or more, and no lowercase word but short function words): the token
/// from which its capitalized verbs are cues, after its last colon if it
/// has one.
fn headline_verbs_from(doc: &Doc<'_>, si: usize) -> Option<usize> {
    let s = doc.sents[si].toks.clone();
    let mut from = s.start;
    let mut capitals = 0;
    for k in s {
        if doc.punct(k, ":") {
            from = k + 1;
        }
        if doc.toks[k].kind != TokenKind::Word {
            continue;
        }
        if doc.capitalized(k) {
            capitals += 1;
        } else if !doc.is_any(k, TITLE_CASE_SMALL) {
            return None;
        }
    }
    (capitals >= 3).then_some(from)
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
