//! Finding the noun phrase that names a source, and telling what it is.
//!
//! There is no parser here: a source is a run of name-like tokens next to a
//! cue, bounded by punctuation and function words, from word lists. That
//! covers the way news names its sources ("Analyst Renad Mansour", "a U. S.
//! official", "two Iraqi officials", "the Pentagon", "He") for a small
//! part of a parser's cost; known gaps are long descriptive subjects
//! with verbs inside them ("The man who shot the president said").

// Token ranges are kept in vectors on purpose: one range per span of a
// claim's role, usually one.
#![allow(clippy::single_range_in_vec_init)]

use std::ops::Range;

use crate::doc::{Doc, WordClass};
use crate::lexicon::WORDS;
use crate::pieces::Pieces;
use crate::speaker::ORG_WORDS;
use crate::token::TokenKind;
use crate::vocab::WordFilter;
use crate::SourceKind;

/// Determiners and quantifiers that may open a source phrase.
#[rustfmt::skip]
pub(crate) const DETERMINERS: WordClass = WordClass {
    bit: 1 << 0,
    file: None,
    words: &[
        "a", "all", "an", "another", "both", "each", "eight", "every", "five", "four", "her",
        "his", "its", "many", "most", "my", "nine", "one", "other", "our", "several", "seven",
        "six", "some", "ten", "that", "the", "their", "these", "this", "those", "three", "two",
        "your",
    ],
};

/// Object pronouns: "a source close to them", "asked them whether …".
pub(crate) const OBJECT_PRONOUNS: &[&str] = &["her", "him", "me", "them", "us", "you"];

/// Pronouns that can be the subject of a cue.
#[rustfmt::skip]
pub(crate) const SUBJECT_PRONOUNS: WordClass = WordClass {
    bit: 1 << 1,
    file: None,
    words: &[
        "he", "i", "it", "she", "they", "we", "who", "you", "which",
    ],
};

/// Quantifiers that can stand alone as a subject: "Another said …", and
/// the fractions of a poll: "… and two-thirds said otherwise".
#[rustfmt::skip]
pub(crate) const QUANTIFIER_PRONOUNS: WordClass = WordClass {
    bit: 1 << 2,
    file: None,
    words: &[
        "all", "another", "both", "few", "half", "many", "most", "none", "one-fifth",
        "one-fourth", "one-quarter", "one-third", "others", "several", "some", "three-fourths",
        "three-quarters", "two-thirds",
    ],
};

/// Indefinite pronouns name nobody in particular: "Nobody told us …" is
/// not an attribution to a source.
#[rustfmt::skip]
pub(crate) const INDEFINITE_PRONOUNS: WordClass = WordClass {
    bit: 1 << 3,
    file: None,
    words: &[
        "anybody", "anyone", "everybody", "everyone", "nobody", "somebody", "someone", "nothing",
        "something", "everything", "anything",
    ],
};

/// Adjectives that start a post-modifier: "a person familiar with the
/// plans", "officials close to the talks". The source ends before them.
#[rustfmt::skip]
pub(crate) const POSTMODIFIERS: WordClass = WordClass {
    bit: 1 << 4,
    file: None,
    words: &[
        "aware", "briefed", "close", "familiar", "involved", "knowledgeable", "speaking",
    ],
};

/// Prepositions allowed inside a source phrase: "a spokesman for the
/// campaign", "Iranian hawks in Washington", "a member of the militia".
#[rustfmt::skip]
pub(crate) const INNER_PREPOSITIONS: WordClass = WordClass {
    bit: 1 << 5,
    file: None,
    words: &[
        "at", "for", "from", "in", "of", "with",
    ],
};

/// Words that never belong to a source phrase: they end a leftward scan.
#[rustfmt::skip]
pub(crate) const STOP_WORDS: WordClass = WordClass {
    bit: 1 << 6,
    file: None,
    words: &[
        "about", "above", "after", "against", "also", "although", "am", "and", "are", "as",
        "because", "been", "before", "being", "between", "but", "by", "can", "could", "did", "do",
        "does", "during", "had", "has", "have", "having", "how", "however", "if", "into", "is",
        "may", "might", "must", "nor", "not", "now", "on", "once", "or", "over", "should", "since",
        "so", "than", "then", "though", "through", "to", "toward", "towards", "under", "unless",
        "until", "upon", "was", "were", "what", "when", "whenever", "where", "whether", "while",
        "whom", "whose", "why", "will", "would", "yet",
    ],
};

/// Words between a subject and its cue that are skipped: "Okafor has also
/// said", "Ruiz previously told".
#[rustfmt::skip]
pub(crate) const AUXILIARIES: WordClass = WordClass {
    bit: 1 << 7,
    file: None,
    words: &[
        "again", "already", "also", "always", "been", "did", "does", "even", "ever", "first",
        "had", "has", "have", "is", "just", "later", "long", "never", "not", "now", "often",
        "once", "only", "quickly", "reportedly", "since", "soon", "still", "then", "was", "were",
        "will", "would", "could", "should", "might", "may", "must", "can", "do", "had", "are",
        "be",
    ],
};

/// Weekdays and time words that may sit between a subject and its cue
/// ("Ruiz on Tuesday said") or after a cue ("said Monday that").
#[rustfmt::skip]
pub(crate) const TIME_WORDS: WordClass = WordClass {
    bit: 1 << 8,
    file: None,
    words: &[
        "earlier", "friday", "last", "later", "monday", "month", "morning", "night", "saturday",
        "sunday", "this", "thursday", "today", "tonight", "tuesday", "wednesday", "week", "year",
        "yesterday", "afternoon", "evening", "day",
    ],
};

/// Relative pronouns: the source is the phrase before one ("Two officials
/// who spoke on condition of anonymity said"), and a phrase after a cue
/// ends at one ("said Fenwick, who …").
#[rustfmt::skip]
pub(crate) const RELATIVE_PRONOUNS: WordClass = WordClass {
    bit: 1 << 15,
    file: None,
    words: &[
        "that", "which", "who", "whose",
    ],
};

/// The closing ")" of a party and its state in parentheses opening at
/// `open`: "(R-Ky.)", "(D-N.M.)". Not a bare "(R)", which
/// follows firms too ("Hale & Company Research (R)").
pub(crate) fn party_label_end(doc: &Doc<'_>, open: usize) -> Option<usize> {
    if !doc.punct(open, "(") {
        return None;
    }
    let close = (open + 2..(open + 5).min(doc.toks.len())).find(|&k| doc.punct(k, ")"))?;
    let tag = doc.word(open + 1);
    let party = matches!(tag.as_bytes(), [b'D' | b'R' | b'I', b'-', b'A'..=b'Z', ..])
        || (matches!(tag, "D" | "R" | "I") && doc.kind(open + 2) == Some(TokenKind::Dash));
    party.then_some(close)
}

/// A source found next to a cue: token ranges and kind.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SourceCand {
    pub toks: Pieces,
    pub kind: SourceKind,
}

/// The appositive or relative clause set off by a comma right after a
/// source whose last token ends before `end` (exclusive): between the source
/// and its cue, up to the comma before the cue ("Mansour, a senior fellow at
/// Chatham House, said"), or after a cue, to the end of the sentence
/// ("…, said Mansour, a senior fellow at Chatham House."). `cue` is the
/// cue's first token and `content` the claim's content pieces, which the
/// aside never overlaps. Token range, without the commas.
pub(crate) fn aside_after(
    doc: &Doc<'_>,
    end: usize,
    cue: usize,
    content: &[Range<usize>],
) -> Option<Range<usize>> {
    if !doc.punct(end, ",") {
        return None;
    }
    let first = end + 1;
    // A relative clause, an age, a place, or a noun phrase; not an adjunct
    // or an adverb ("Ruiz, in a statement, said", "he, once again, said"),
    // nor a participle ("Ruiz, citing the audit, said").
    let relative = doc.is_any(first, &["who", "whose", "which"]);
    // "Other council members, including Ada Ruiz and Tom Hale, said".
    let including = doc.is(first, "including") && doc.capitalized(first + 1);
    let opens = relative
        || including
        || doc.kind(first) == Some(TokenKind::Number)
        || doc.is(first, "of")
        || (apposed(doc, first)
            && !doc.is_any(first, ASIDE_OPENERS)
            && !doc.is_any(first, &["and", "or", "but"])
            && !doc.word(first).ends_with("ing"));
    if !opens {
        return None;
    }
    let sent = &doc.sents[doc.sent_of[end] as usize];
    let r = if cue > first {
        // Back from the cue past auxiliaries and adverbs ("…, has long
        // said") to the comma that closes the aside.
        let mut k = cue;
        while k > first && (doc.in_class(k - 1, &AUXILIARIES) || adverb(doc.word(k - 1))) {
            k -= 1;
        }
        (k > first + 1 && doc.punct(k - 1, ",")).then(|| first..k - 1)?
    } else {
        // To the end of the sentence, before its final marks; not into a
        // quotation, which is content.
        let mut e = sent.toks.end;
        while e > first
            && matches!(
                doc.kind(e - 1),
                Some(TokenKind::Punct | TokenKind::ParagraphBreak)
            )
            && !doc.punct(e - 1, ")")
        {
            e -= 1;
        }
        (first..e)
            .all(|k| doc.kind(k) != Some(TokenKind::OpenQuote) && !doc.toks[k].is_double_quote())
            .then_some(first..e)?
    };
    // Past a phrase, a finite verb is a clause's ("Vigo County, Iowa, has
    // picked every winner since 1960, the paper said"), unless a relative
    // pronoun opens the clause it is in ("Ada Ruiz, a nurse and former
    // senator who ran for the council in 2008.").
    let fits = !r.is_empty()
        && (relative
            || r.clone()
                .find(|&k| doc.in_class(k, &crate::rules::FINITE_VERBS))
                .is_none_or(|v| {
                    (r.start + 1..v).any(|k| doc.is_any(k, &["who", "whose", "which", "that"]))
                }))
        && r.len() <= 40
        && r.end <= sent.toks.end
        && content.iter().all(|c| c.end <= r.start || c.start >= r.end);
    fits.then_some(r)
}

/// An adverb in -ly: "long", "repeatedly".
fn adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// True for tokens that may be inside a source phrase.
#[inline]
fn np_token(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    if doc.verb[i] {
        return false;
    }
    match t.kind {
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number => {
            !doc.in_class(i, &STOP_WORDS) || doc.in_class(i, &DETERMINERS)
        }
        TokenKind::CloseQuote | TokenKind::Quote => plural_possessive(doc, i),
        // "Procter & Gamble", "Johnson & Johnson": an ampersand between
        // capitalized words.
        TokenKind::Symbol => {
            t.text == "&" && i > 0 && doc.capitalized(i - 1) && doc.capitalized(i + 1)
        }
        _ => false,
    }
}

/// The apostrophe of a plural possessive, which the tokenizer cannot tell
/// from a closing single quote: "Voss’ campaign", "voters' rights". It
/// closes no quotation, follows a word in -s without a space, and a word
/// follows it.
#[inline(never)]
pub(crate) fn plural_possessive(doc: &Doc<'_>, i: usize) -> bool {
    let (Some(t), Some(prev)) = (
        doc.toks.get(i),
        i.checked_sub(1).and_then(|p| doc.toks.get(p)),
    ) else {
        return false;
    };
    matches!(t.text, "’" | "'")
        && doc.mark_of[i] == crate::doc::NONE
        && prev.span.end == t.span.start
        && prev.kind == TokenKind::Word
        && prev.text.ends_with('s')
        && doc
            .toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Word)
}

/// True for a token that can begin a source phrase.
fn np_start(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    if !t.is_wordlike() || doc.in_class(i, &INNER_PREPOSITIONS) {
        return false;
    }
    doc.capitalized(i)
        || doc.in_class(i, &DETERMINERS)
        || doc.in_class(i, &SUBJECT_PRONOUNS)
        || t.kind == TokenKind::Number
        || is_person_noun(t.text)
}

/// A lowercase word that may modify a noun in a source phrase: "former"
/// in "current and former aides" (no stop word, no noun of people).
fn modifier_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && !doc.capitalized(i)
        && np_token(doc, i)
        && !doc.in_class(i, &DETERMINERS)
        && !is_person_noun(doc.word(i))
}

/// Whether "and" or "or" at `k` joins two modifiers of one noun, as in
/// "current and former aides".
fn joined_modifiers(doc: &Doc<'_>, k: usize) -> bool {
    k > 0 && doc.is_any(k, &["and", "or"]) && modifier_word(doc, k - 1) && modifier_word(doc, k + 1)
}

/// A lowercase noun that names people: "officials", "activists".
pub(crate) fn is_person_noun(w: &str) -> bool {
    let words = &*WORDS;
    let listed = |w: &str| {
        PERSON_FILTER.may_hold(w) && (words.anonymous.contains(w) || words.groups.contains(w))
    };
    listed(w) || role_base(w).is_some_and(listed)
}

/// The role a prefixed role word names: "host" in "co-host", "aide" in
/// "ex-aide", "chairman" in "vice-chairman".
fn role_base(w: &str) -> Option<&str> {
    // (A hyphen in the first six bytes, one test for most words.)
    if !w.as_bytes().iter().take(6).any(|&b| b == b'-') {
        return None;
    }
    ["co-", "ex-", "vice-"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
}

/// The filter of the anonymous and the group nouns, read by
/// [`is_person_noun`] and [`classify`].
static PERSON_FILTER: std::sync::LazyLock<WordFilter> = std::sync::LazyLock::new(|| {
    WordFilter::of(WORDS.anonymous.iter().chain(&WORDS.groups).copied())
});

/// The filter of the last words of the organization names, read by
/// [`classify`].
static ORG_NAME_END_FILTER: std::sync::LazyLock<WordFilter> =
    std::sync::LazyLock::new(|| WordFilter::of(WORDS.org_name_ends.iter().copied()));

/// True for a token that can end (head) a source phrase.
fn np_head(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    t.is_wordlike()
        && !doc.in_class(i, &INDEFINITE_PRONOUNS)
        && !doc.in_class(i, &POSTMODIFIERS)
        && !doc.in_class(i, &DETERMINERS)
        && !doc.in_class(i, &INNER_PREPOSITIONS)
        && !doc.in_class(i, &STOP_WORDS)
}

/// The subject of a cue at token `cue`: the source phrase ending just
/// before it, after skipping auxiliaries and adverbs, within `[lo, cue)`.
///
/// "Analyst Renad Mansour said", "a U. S. official told", "He explained",
/// "Okafor has also said", "Ruiz on Tuesday said", and, past an
/// appositive or relative clause, "Mansour, a senior fellow, said".
pub(crate) fn subject_before(doc: &Doc<'_>, cue: usize, lo: usize) -> Option<SourceCand> {
    subject_untold(doc, cue, lo).map(|np| np.tell(doc))
}

/// Adverbs that link a sentence to the one before and may stand between a
/// subject and its verb: "Baker, however, said".
const LINKING: &[&str] = &[
    "however",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "though",
    "too",
];

/// What is done with a document before its author is named: "a poll
/// released last week", "a survey conducted by Harlow Research".
pub(crate) const DOCUMENT_PARTICIPLES: &[&str] = &[
    "commissioned",
    "conducted",
    "issued",
    "published",
    "released",
    "taken",
];

/// [`subject_before`], but for what the subject names.
pub(crate) fn subject_untold(doc: &Doc<'_>, cue: usize, lo: usize) -> Option<Untold> {
    let mut end = cue; // exclusive
                       // "Defense Secretary Lloyd Austin “made clear …": a quotation opening on the cue.
    if end > lo && doc.kind(end - 1) == Some(TokenKind::OpenQuote) {
        end -= 1;
    }
    // (A relative clause may end in what is skipped: "The people who
    // live here say".)
    let unskipped = end;
    // Skip auxiliaries, adverbs and a time phrase.
    let mut steps = 0;
    while end > lo && steps < 6 {
        let i = end - 1;
        let w = doc.word(i);
        let adverb = w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase());
        // "Baker however said", "Baker, however, said"; "Polls there
        // show", "Officials here say".
        let place = i > lo && doc.is_any(i, &["here", "there"]);
        // "Okafor hasn't said", "Ruiz didn’t say": a negated auxiliary.
        let negated = (w.ends_with("n't") || w.ends_with("n’t"))
            && w.len() > 4
            && w.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
        if doc.in_class(i, &AUXILIARIES) || adverb || place || negated || doc.is_any(i, LINKING) {
            end -= 1;
        } else if doc.punct(i, ",")
            && i >= lo + 2
            && doc.is_any(i - 1, LINKING)
            && doc.punct(i - 2, ",")
        {
            end -= 3;
        } else if doc.in_class(i, &TIME_WORDS)
            && end - 1 > lo
            && doc.is_any(end - 2, &["on", "last", "this", "earlier"])
        {
            end -= 2;
        } else if doc.is_any(i, &["night", "morning", "afternoon", "evening"])
            && end > lo + 3
            && doc.in_class(end - 2, &TIME_WORDS)
            && doc.is_any(end - 3, &["on", "last", "this", "earlier"])
        {
            // "Delgado on Tuesday night said"
            end -= 3;
        } else if let Some(p) = named_adjunct(doc, end, lo) {
            // "Baker in a tweet said", "Lena Okafor in a WKRD interview said"
            end = p;
        } else if let Some(n) = date_before(doc, end, lo) {
            end -= n;
        } else if doc.is_any(i, &["earlier", "later"]) && end - 1 > lo && !doc.capitalized(i) {
            // "Ruiz earlier this month said", "Hale later said"
            end -= 1;
        } else if doc.in_class(i, &TIME_WORDS)
            && doc.capitalized(i)
            && end - 1 > lo
            && !doc.capitalized(end - 2)
        {
            // "Ruiz Tuesday said" is rare; "on Tuesday" is handled above.
            break;
        } else {
            break;
        }
        steps += 1;
    }
    // "A Ridgeway University poll published this week showed": a document
    // and what was done with it.
    if end > lo + 1
        && doc.in_class(end - 2, &crate::rules::DOCUMENT_NOUNS)
        && (doc.is(end - 1, "out") || doc.is_any(end - 1, DOCUMENT_PARTICIPLES))
    {
        end -= 1;
    }
    if end <= lo {
        return None;
    }
    // "Gov. Ana Ruiz (D-N.M.), said": a comma after a name's party and
    // state (not after another aside: "Lee, chair of Forward (a PAC), said").
    if end > lo + 3 && doc.punct(end - 1, ",") && doc.punct(end - 2, ")") {
        let floor = end.saturating_sub(6).max(lo + 1);
        let open = (floor..end - 2).rev().find(|&k| doc.punct(k, "("));
        if open.is_some_and(|o| doc.capitalized(o - 1) && party_label_end(doc, o) == Some(end - 2))
        {
            end -= 1;
        }
    }
    // "Baker (who has 14 delegates so far) said": past a parenthetical.
    if doc.punct(end - 1, ")") {
        let floor = end.saturating_sub(20).max(lo);
        if let Some(open) = (floor..end - 1).rev().find(|&k| doc.punct(k, "(")) {
            return np_ending_untold(doc, open, lo);
        }
        return None;
    }
    // Past an appositive or a relative clause: "X, a senior fellow, said".
    if doc.punct(end - 1, ",") {
        return subject_past_comma(doc, end - 1, lo);
    }
    // An appositive that ends in a quoted title, its comma inside the
    // marks: "Baker, the host of the cooking show “Open Flame,” said".
    if end > lo + 2 && doc.punct(end - 2, ",") && doc.quote_closed_at(end - 1).is_some() {
        return subject_past_comma(doc, end - 2, lo);
    }
    // "Many speakers at the vigil — including teachers and nurses — said":
    // past an aside between dashes.
    if doc.kind(end - 1) == Some(TokenKind::Dash) {
        let floor = end.saturating_sub(20).max(lo);
        let open = (floor..end - 1)
            .rev()
            .find(|&k| doc.kind(k) == Some(TokenKind::Dash))?;
        return np_ending_untold(doc, open, lo);
    }
    // "Two officials who reviewed the documents said": the phrase before
    // the cue is the relative clause's object; the source is the phrase
    // before "who".
    let np = np_ending_untold(doc, end, lo);
    if let Some(found) = &np {
        let start = found.start();
        let floor = start.saturating_sub(12).max(lo);
        let who = (floor..start)
            .rev()
            .find(|&k| doc.in_class(k, &RELATIVE_PRONOUNS) && doc.is(k, "who"))
            .filter(|&k| k + 1 < start && (k + 1..start).all(|j| doc.toks[j].is_wordlike()));
        if who.is_some() && !found.is_pronoun() {
            if let Some(head) = subject_past_relative(doc, end, lo) {
                return Some(head);
            }
        }
    }
    // "Nurses marching past the clinic chanted": the phrase
    // before the cue is the place of a participle after the subject.
    if let Some(found) = &np {
        let start = found.start();
        let motion = start >= lo + 3
            && doc.is_any(
                start - 1,
                &[
                    "through", "into", "toward", "towards", "over", "under", "past",
                ],
            )
            && doc.kind(start - 2) == Some(TokenKind::Word)
            && !doc.capitalized(start - 2)
            && doc.word(start - 2).ends_with("ing")
            && !doc.verb[start - 2];
        if motion && !found.is_pronoun() {
            if let Some(Untold::Phrase(r)) = np_ending_untold(doc, start - 2, lo) {
                return Some(Untold::Phrase(r.start..end));
            }
        }
    }
    // "Two people briefed on the talks said": the phrase before the cue
    // is the object of a post-modifier, which the source holds.
    if let Some(found) = &np {
        let start = found.start();
        if start >= lo + 2
            && doc.is_any(start - 1, &["about", "on"])
            && doc.in_class(start - 2, &POSTMODIFIERS)
            && !found.is_pronoun()
        {
            if let Some(held) = subject_past_postmodifier(doc, end, lo) {
                return Some(held);
            }
        }
    }
    np.or_else(|| subject_past_relative(doc, end, lo))
        .or_else(|| {
            let place = unskipped > end && doc.is_any(end, &["here", "there"]);
            place
                .then(|| subject_past_relative(doc, unskipped, lo))
                .flatten()
        })
        .or_else(|| subject_past_postmodifier(doc, end, lo))
}

/// Where a short phrase of place or occasion that ends at `end` starts,
/// after a name and before its cue: "Baker in a tweet said", "Ruiz at a
/// rally in Ohio said", "Lena Okafor in a WKRD interview said". After a name only:
/// "Officials at the agency said" names its source with the phrase.
fn named_adjunct(doc: &Doc<'_>, end: usize, lo: usize) -> Option<usize> {
    let floor = end.saturating_sub(7).max(lo + 1);
    // (The class bits first: most words are neither.)
    let p = (floor..end.saturating_sub(2)).find(|&p| {
        (doc.in_class(p, &INNER_PREPOSITIONS) || doc.in_class(p, &STOP_WORDS))
            && doc.is_any(p, &["in", "at", "during"])
            && doc.in_class(p + 1, &DETERMINERS)
            && doc.is_any(p + 1, &["a", "an", "his", "her", "their", "its"])
    })?;
    let plain = (p..end).all(|k| doc.toks[k].is_wordlike() && !doc.verb[k]);
    let name = doc.capitalized(p - 1)
        && doc.toks[p - 1].is_wordlike()
        && !doc.in_class(p - 1, &DETERMINERS);
    (plain && name).then_some(p)
}

/// The length of a date ending at `end` between a subject and its cue:
/// "The company on May 3 said", "Officials on Oct. 7 said", "The agency in
/// 2015 said", "Delgado in March said".
fn date_before(doc: &Doc<'_>, end: usize, lo: usize) -> Option<usize> {
    let i = end.checked_sub(1)?;
    let month = |k: usize| crate::rules::is_month(doc.word(k));
    let n = if doc.kind(i) == Some(TokenKind::Number) {
        let year = doc.word(i).len() == 4;
        if i >= lo + 2 && month(i - 1) && doc.is(i - 2, "on") {
            3
        } else if i > lo && year && doc.is_any(i - 1, &["in", "last"]) {
            2
        } else {
            return None;
        }
    } else if i > lo && month(i) && doc.is_any(i - 1, &["in", "last"]) {
        2
    } else {
        return None;
    };
    // Something is left of the subject: not "In 2015 said".
    (end - n > lo).then_some(n)
}

/// "Another source familiar with Okafor’s plans said", "two people
/// briefed on the talks said": a phrase, a post-modifier and its object up
/// to the cue, all of it the source.
fn subject_past_postmodifier(doc: &Doc<'_>, end: usize, lo: usize) -> Option<Untold> {
    let floor = end.saturating_sub(10).max(lo);
    let pm = (floor..end)
        .rev()
        .find(|&k| doc.in_class(k, &POSTMODIFIERS))?;
    let prep =
        doc.in_class(pm + 1, &INNER_PREPOSITIONS) || doc.is_any(pm + 1, &["about", "on", "to"]);
    if !prep || pm + 2 >= end || (pm + 2..end).any(|k| !doc.toks[k].is_wordlike()) {
        return None;
    }
    let np = np_ending_untold(doc, pm, lo)?;
    match np {
        Untold::Phrase(r) => Some(Untold::Phrase(r.start..end)),
        _ => None,
    }
}

/// "Two officials who spoke on condition of anonymity said …": the phrase
/// before a relative pronoun, when the clause runs up to the cue.
fn subject_past_relative(doc: &Doc<'_>, end: usize, lo: usize) -> Option<Untold> {
    let floor = end.saturating_sub(20).max(lo);
    let rel = (floor..end)
        .rev()
        .find(|&k| doc.in_class(k, &RELATIVE_PRONOUNS))?;
    // The clause has words of its own: in "the organization that has
    // ruled" the relative pronoun is the subject, and no source is named.
    if rel + 2 >= end || (rel + 1..end).any(|k| !doc.toks[k].is_wordlike()) {
        return None;
    }
    let np = np_ending_untold(doc, rel, lo)?;
    (!np.is_pronoun()).then_some(np)
}

/// Whether the comma `k` separates a place from its state, which ends at
/// `close`: "of Brackton, Mich.,", "at a rally in Quenby, N.C.,", "of
/// Marlow Falls, Michigan,", "from Ellery, South Carolina,": a capitalized
/// word after the comma (or two, the first of them "New", "North", "South",
/// "West" or "Rhode"), and a place after a preposition before it.
pub(crate) fn state_of_place(doc: &Doc<'_>, k: usize, close: usize) -> bool {
    let word = |p: usize| doc.capitalized(p) && doc.toks[p].is_wordlike();
    let state = (close == k + 2 && word(k + 1))
        || (close == k + 3
            && word(k + 2)
            && doc.is_any(k + 1, &["New", "North", "South", "West", "Rhode"]));
    state
        && k > 0
        && doc.capitalized(k - 1)
        && (k.saturating_sub(4)..k - 1).any(|p| doc.is_any(p, &["of", "in", "from", "at"]))
}

/// "Renad Mansour, a senior fellow at Chatham House, said": the phrase
/// before the earlier comma, when what lies between the commas reads as an
/// appositive, a relative clause or an aside ("Jones, 44, said", "Smith,
/// director of the program, said", "Ortiz, for her part, said", "The
/// Ledger, citing internal documents, reported"). Past an age, one more
/// appositive: "Gloria Fenwick, 71, a retired teacher, said".
fn subject_past_comma(doc: &Doc<'_>, comma: usize, lo: usize) -> Option<Untold> {
    let floor = comma.saturating_sub(44).max(lo);
    let mut close = comma;
    let mut k = comma;
    while k > floor {
        k -= 1;
        // Past a place's state to the comma that opens the appositive, if
        // one does: "Dana Whitlow, 22, of Brackton, Mich., said" (but "A
        // handful of beekeepers in Quenby, Calif., are …" has none).
        if doc.punct(k, ",")
            && state_of_place(doc, k, close)
            && (floor..k).any(|j| doc.punct(j, ",") && apposed(doc, j + 1))
        {
            continue;
        }
        // "Ruiz, the author of “Lost Cities,” about the mill towns, said":
        // a comma inside a quoted title is the aside's own.
        if doc.punct(k, ",") && k + 1 < close && doc.quote_closed_at(k + 1).is_some() {
            continue;
        }
        if doc.punct(k, ",") {
            // "The port authority, which has been criticized by shipping
            // companies, dock unions and the city council, said": a
            // relative clause with commas of its own.
            if k + 1 < close && !apposed(doc, k + 1) {
                k = (floor..k).rev().find(|&j| {
                    doc.punct(j, ",") && doc.is_any(j + 1, &["which", "who", "whose"])
                })?;
            }
            let first = k + 1;
            if first >= close || !apposed(doc, first) {
                return None;
            }
            // "Rep. Marcus Hale (D-Calif.), who …, said"; "Baker,
            // meanwhile, who has won no such endorsements, said".
            let mut end = k;
            if end > floor + 2 && doc.is_any(end - 1, LINKING) && doc.punct(end - 2, ",") {
                end -= 2;
            }
            if end > floor && doc.punct(end - 1, ")") {
                end = (floor..end - 1).rev().find(|&p| doc.punct(p, "("))?;
            }
            // "One of the editors of that 2019 report, Mara Voss, said":
            // when nothing before reads as the subject, a name
            // between the commas does.
            let name = || {
                (first..close)
                    .all(|p| doc.capitalized(p) || doc.toks[p].kind == TokenKind::Abbreviation)
                    .then_some(Untold::Phrase(first..close))
            };
            let Some(np) = np_ending_untold(doc, end, lo) else {
                return name();
            };
            let first = np.start();
            let age = np.one_token()
                && doc.kind(first) == Some(TokenKind::Number)
                && first > floor
                && doc.punct(first - 1, ",");
            if age && close == comma {
                close = k;
                k = first;
                continue;
            }
            // "Mark Hale, chair of the Harbor Fund, the port's lender,
            // said": the phrase found is itself an appositive, of the name
            // before its comma.
            if first > floor + 1
                && doc.punct(first - 1, ",")
                && !doc.capitalized(first)
                && apposed(doc, first)
            {
                let named = np_ending_untold(doc, first - 1, lo).filter(|n| {
                    let s = n.start();
                    doc.capitalized(s)
                        && !doc.in_class(s, &DETERMINERS)
                        && n.end() == first - 1
                        && (s == lo || !doc.punct(s - 1, ","))
                });
                if let Some(n) = named {
                    return Some(n);
                }
            }
            return Some(np);
        }
        if doc.kind(k).is_some_and(|t| {
            !matches!(
                t,
                TokenKind::Word
                    | TokenKind::Abbreviation
                    | TokenKind::Number
                    | TokenKind::Dash
                    | TokenKind::OpenQuote
                    | TokenKind::CloseQuote
                    | TokenKind::Quote
            )
        }) && !doc.punct(k, "(")
            && !doc.punct(k, ")")
            // ("who works for Hale & Brandt")
            && !doc.toks[k].text.starts_with('&')
        {
            return None;
        }
    }
    None
}

/// Words that open an aside between a subject and its verb: "who …",
/// "however", "for example", "in a statement", "meanwhile", "of Ridgeway
/// Capital Markets".
#[rustfmt::skip]
const ASIDE_OPENERS: &[&str] = &[
    "after", "also", "as", "at", "by", "during", "for", "herself", "himself", "however", "in",
    "including", "instead", "itself", "like", "meanwhile", "now", "of", "on", "once", "then",
    "themselves", "though", "to", "too", "when", "which", "while", "who", "whose", "writing",
    "speaking",
];

/// True when the words from `first` on can be an appositive or an aside
/// after a subject: a determiner, a name or a person ("a senior fellow",
/// "Chatham House's director", "officials"), an age ("44"), a lowercase
/// title ("director of the program", "co-founder of …"), a participle
/// ("citing internal documents", "asked about the plan") or an opener of an
/// aside.
pub(crate) fn apposed(doc: &Doc<'_>, first: usize) -> bool {
    let w = doc.word(first);
    doc.is_any(first, ASIDE_OPENERS)
        || doc.in_class(first, &DETERMINERS)
        || doc.capitalized(first)
        || is_person_noun(w)
        || doc.kind(first) == Some(TokenKind::Number)
        || (doc.kind(first) == Some(TokenKind::Word)
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && (is_title_noun(w)
                || w.contains('-')
                || is_participle(w)
                || modified_title(doc, first)))
}

/// A title after one to three lowercase modifiers: "editorial page editor
/// for The Harbor Ledger", "longtime campaign aide", "housing rights
/// program director at the Ridgeway Tenants Union".
fn modified_title(doc: &Doc<'_>, first: usize) -> bool {
    let plain = |k: usize| {
        doc.kind(k) == Some(TokenKind::Word)
            && !doc.capitalized(k)
            && !doc.in_class(k, &STOP_WORDS)
            && !doc.in_class(k, &INNER_PREPOSITIONS)
            && !doc.in_class(k, &DETERMINERS)
            && !doc.verb[k]
    };
    (first + 1..first + 4)
        .take_while(|&k| plain(k - 1) && plain(k))
        .any(|k| is_title_noun(doc.word(k)))
}

/// A lowercase -ing or -ed form: "citing", "asked", "elected", or a short
/// irregular one: "The volunteers, led by campaign manager Dana Whitlow, told".
fn is_participle(w: &str) -> bool {
    (w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed")))
        || matches!(
            w,
            "born"
                | "caught"
                | "clad"
                | "given"
                | "held"
                | "known"
                | "led"
                | "paid"
                | "run"
                | "seen"
                | "sent"
                | "shown"
                | "struck"
                | "taken"
                | "won"
        )
}

/// The source phrase ending at `end` (exclusive), starting no earlier than `lo`.
pub(crate) fn np_ending_at(doc: &Doc<'_>, end: usize, lo: usize) -> Option<SourceCand> {
    np_ending_untold(doc, end, lo).map(|np| np.tell(doc))
}

/// [`np_ending_at`], but for what the phrase names.
pub(crate) fn np_ending_untold(doc: &Doc<'_>, end: usize, lo: usize) -> Option<Untold> {
    if end <= lo {
        return None;
    }
    // "a source close to them said": a post-modifier and its object, an
    // object pronoun too, are part of the phrase (a person or a source
    // alone names nobody).
    // (The post-modifier's class bit first: it turns nearly every phrase away.)
    if end >= lo + 4
        && doc.in_class(end - 3, &POSTMODIFIERS)
        && (doc.in_class(end - 2, &INNER_PREPOSITIONS) || doc.is(end - 2, "to"))
        && doc.is_any(end - 1, OBJECT_PRONOUNS)
    {
        return np_ending_untold(doc, end - 3, lo).map(|np| Untold::Phrase(np.start()..end));
    }
    // "Another said", "Some argue", "Many believe": a quantifier alone.
    if doc.in_class(end - 1, &QUANTIFIER_PRONOUNS)
        && (end - 1 == lo || !np_token(doc, end - 2) || doc.in_class(end - 2, &STOP_WORDS))
    {
        return Some(Untold::Word(end - 1, SourceKind::Other));
    }
    if let Some(start) = poll_share(doc, end, lo) {
        return Some(Untold::Phrase(start..end));
    }
    if !np_head(doc, end - 1) {
        return None;
    }
    // A pronoun stands alone, also with a verb contracted onto it: "He’s
    // telling donors …", "They’re calling for …".
    if doc.in_class(end - 1, &SUBJECT_PRONOUNS) || contracted_pronoun(doc.word(end - 1)) {
        return Some(Untold::Word(end - 1, SourceKind::Pronoun));
    }
    // The phrase starts on its leftmost token that can begin one. The scan
    // left only finds how far the phrase's tokens reach; which of them can
    // begin it (a lookup in the person nouns for a lowercase word) is asked
    // after, from the left, where a determiner or a name mostly answers at
    // once: in "an Iraqi official said", "an", not "official".
    let mut i = end;
    let floor = end.saturating_sub(16).max(lo);
    // Tokens at or after `unasked` up to `end` have not been asked
    // whether they can begin a phrase; `known` is one that can.
    let (mut unasked, mut known) = (end, None);
    let mut relative = false;
    while i > floor {
        let k = i - 1;
        // "An aide close to the senator said": "to" after a post-modifier,
        // which the phrase holds with its object.
        if doc.is(k, "to") && k > floor && doc.in_class(k - 1, &POSTMODIFIERS) {
            i -= 1;
            continue;
        }
        // "A poll by the Harlow Institute shows", "a survey conducted by
        // Harlow Research found": the document is the source, its author inside it.
        if doc.is(k, "by") && k > floor {
            if doc.in_class(k - 1, &crate::rules::DOCUMENT_NOUNS) {
                i -= 1;
                continue;
            }
            if k - 1 > floor
                && doc.in_class(k - 2, &crate::rules::DOCUMENT_NOUNS)
                && doc.is_any(k - 1, DOCUMENT_PARTICIPLES)
            {
                i -= 2;
                continue;
            }
        }
        if !np_token(doc, k) {
            // "He and Brandt said", "They and their supporters say": a
            // subject pronoun opens the coordinated phrase.
            if doc.is(k, "and")
                && k > floor
                && doc.in_class(k - 1, &SUBJECT_PRONOUNS)
                && !doc.is(k - 1, "it")
                && (k + 1..end).any(|p| np_token(doc, p) && np_start(doc, p))
            {
                i = k - 1;
                known = Some(k - 1);
                break;
            }
            // "the state and local officials say", "current and former
            // aides said": two modifiers of one head that names people,
            // the first opening the phrase or after its determiner.
            if k > floor
                && k + 2 < end
                && is_person_noun(doc.word(end - 1))
                && joined_modifiers(doc, k)
            {
                let first = k - 1;
                let det = first > lo && doc.in_class(first - 1, &DETERMINERS);
                if first == lo || det || !np_token(doc, first - 1) {
                    i = if det { first - 1 } else { first };
                    known = Some(i);
                    break;
                }
            }
            // "Okafor and Delgado said", "an Iraqi official and a member …"
            if doc.is(k, "and")
                && k > floor
                && (doc.capitalized(k - 1) || is_person_noun(doc.word(k - 1)))
                && (known.is_some() || {
                    known = (k + 1..unasked)
                        .rev()
                        .find(|&p| np_token(doc, p) && np_start(doc, p));
                    unasked = k + 1;
                    known.is_some()
                })
            {
                i -= 1;
                continue;
            }
            break;
        }
        if doc.in_class(k, &SUBJECT_PRONOUNS) && k + 1 < end {
            break;
        }
        // "a merger that bank managers said could …": "that" after
        // a noun is a relative pronoun, and the phrase starts after it.
        if doc.is(k, "that")
            && k > floor
            && doc.toks[k - 1].kind == TokenKind::Word
            && !doc.capitalized(k - 1)
            && np_token(doc, k - 1)
            && !doc.in_class(k - 1, &DETERMINERS)
            && !doc.in_class(k - 1, &INNER_PREPOSITIONS)
        {
            relative = true;
            break;
        }
        i -= 1;
    }
    // The tokens the scan passed are `[i, end)`: those of the phrase, and
    // the "and"s it went past (which no phrase starts on: they are no
    // phrase tokens).
    // (After a relative "that", all of what is left: "bank managers".)
    let start = if relative && known.is_none() && i < end {
        Some(i)
    } else {
        (i..known.unwrap_or(end))
            .find(|&p| np_token(doc, p) && np_start(doc, p))
            .or(known)
    };
    // "former President Edna Hale", "former Gov. Owen Baker": "former"
    // before a title or a name belongs to the phrase.
    let start = start.map(|s| {
        if s > i && doc.is(s - 1, "former") && doc.capitalized(s) {
            s - 1
        } else {
            s
        }
    });
    // "callers asked how …": a bare plural noun as the subject.
    let start = start.or_else(|| {
        let w = doc.word(end - 1);
        let plural = w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.bytes().all(|b| b.is_ascii_lowercase());
        if !plural {
            return None;
        }
        if end - 1 == lo || !np_token(doc, end - 2) {
            return Some(end - 1);
        }
        // "public records show", "recent polls show": documents with
        // lowercase modifiers and no determiner; and people named by what
        // they do ("security specialists say", "gun owners say").
        let agents = ["ists", "ers", "ors", "ians"]
            .iter()
            .any(|s| w.ends_with(s));
        if !doc.in_class(end - 1, &crate::rules::DOCUMENT_NOUNS) && !agents {
            return None;
        }
        let first = (end.saturating_sub(4).max(lo)..end - 1)
            .rev()
            .take_while(|&k| {
                doc.toks[k].kind == TokenKind::Word
                    && !doc.capitalized(k)
                    && !doc.verb[k]
                    && !doc.in_class(k, &STOP_WORDS)
                    && !doc.in_class(k, &DETERMINERS)
                    && !doc.in_class(k, &INNER_PREPOSITIONS)
                    && !doc.in_class(k, &crate::rules::FINITE_VERBS)
            });
        let first = first.last()?;
        (first == lo || !np_token(doc, first - 1)).then_some(first)
    })?;
    // A leading preposition or conjunction is not part of it.
    let mut s = start;
    // Nor is a complementizer before a name: "the Pentagon said that
    // Defense Secretary Lloyd Austin …".
    while s < end
        && (doc.in_class(s, &INNER_PREPOSITIONS)
            || doc.is(s, "and")
            || (doc.is(s, "that") && doc.capitalized(s + 1)))
    {
        s += 1;
    }
    if s >= end {
        return None;
    }
    Some(Untold::Phrase(s..end))
}

/// A number in digits or a small one in words: the parts of a share
/// ("one in four", "4 in 10", "nine out of 10").
pub(crate) fn small_number(doc: &Doc<'_>, k: usize) -> bool {
    const SMALL: &[&str] = &[
        "eight", "five", "four", "nine", "one", "seven", "six", "ten", "three", "two",
    ];
    doc.kind(k) == Some(TokenKind::Number) || doc.is_any(k, SMALL)
}

/// "One in five said", "about 3 in 10 say", "nearly eight out of 10
/// believe": a share of those polled, ending at `end`; where it starts.
pub(crate) fn poll_share(doc: &Doc<'_>, end: usize, lo: usize) -> Option<usize> {
    let number = |k: usize| small_number(doc, k);
    if end < lo + 3 || !number(end - 1) {
        return None;
    }
    let mut start = if doc.is(end - 2, "in") {
        end - 3
    } else if end >= lo + 4 && doc.is(end - 2, "of") && doc.is(end - 3, "out") {
        end - 4
    } else {
        return None;
    };
    if !number(start) {
        return None;
    }
    if start > lo && doc.is_any(start - 1, &["about", "almost", "nearly", "roughly"]) {
        start -= 1;
    } else if start > lo + 1
        && doc.is(start - 1, "than")
        && doc.is_any(start - 2, &["fewer", "less", "more"])
    {
        start -= 2;
    }
    Some(start)
}

/// The source phrase starting at `start` and going right, within `[start, hi)`:
/// the name after an inverted cue ("said Mansour, a senior fellow") or
/// after "according to". Stops at a comma, a relative pronoun or the end.
pub(crate) fn np_starting_at(doc: &Doc<'_>, start: usize, hi: usize) -> Option<SourceCand> {
    np_starting_untold(doc, start, hi).map(|np| np.tell(doc))
}

/// The end of the object of a post-modifier ("familiar with the
/// mayor’s plans", "close to him") starting at `from`, before `hi`: words
/// up to a punctuation mark, a relative pronoun or a verb.
fn np_object_end(doc: &Doc<'_>, from: usize, hi: usize) -> Option<usize> {
    let end = (from..hi)
        .take_while(|&k| {
            let t = &doc.toks[k];
            (t.is_wordlike() || crate::source::plural_possessive(doc, k))
                && !doc.verb[k]
                && !doc.in_class(k, &RELATIVE_PRONOUNS)
                && !doc.in_class(k, &crate::rules::FINITE_VERBS)
        })
        .last()?
        + 1;
    (np_head(doc, end - 1) || doc.is_any(end - 1, OBJECT_PRONOUNS)).then_some(end)
}

/// A source phrase not yet told what it names ([`classify`]) nor split
/// into its coordinated names: telling costs more than finding it, and
/// most phrases found lead to no attribution. A pronoun and a lone
/// quantifier are known for what they are, and a phrase once told is a
/// source already.
pub(crate) enum Untold {
    Phrase(Range<usize>),
    /// One token of a known kind ("he", "Another"): its source is made
    /// (a vector of its one range) when it is read as one.
    Word(usize, SourceKind),
    Told(SourceCand),
}

impl Untold {
    /// The first token of the phrase.
    pub(crate) fn start(&self) -> usize {
        match self {
            Untold::Phrase(r) => r.start,
            Untold::Word(k, _) => *k,
            Untold::Told(s) => s.toks[0].start,
        }
    }

    /// The token after the phrase.
    pub(crate) fn end(&self) -> usize {
        match self {
            Untold::Phrase(r) => r.end,
            Untold::Word(k, _) => k + 1,
            Untold::Told(s) => s.toks[s.toks.len() - 1].end,
        }
    }

    /// The token after the first name of the phrase: "a Western diplomat"
    /// in "a Western diplomat and a rebel negotiator".
    pub(crate) fn first_end(&self, doc: &Doc<'_>) -> usize {
        match self {
            Untold::Phrase(r) => first_name_end(doc, r.clone()),
            Untold::Word(k, _) => k + 1,
            Untold::Told(s) => s.toks[0].end,
        }
    }

    /// The token after the names the phrase starts with: after the first
    /// name ([`Untold::first_end`]), or after the last of coordinated names
    /// ("Voss and Baker", "Gov. Ana Ruiz and Owen Baker").
    pub(crate) fn names_end(&self, doc: &Doc<'_>) -> usize {
        let first = self.first_end(doc);
        if doc.is(first, "and") && self.end() > first {
            self.end()
        } else {
            first
        }
    }

    /// A phrase of one token (one name of one token).
    fn one_token(&self) -> bool {
        match self {
            // Coordination splits only a phrase of three tokens or more.
            Untold::Phrase(r) => r.len() == 1,
            Untold::Word(..) => true,
            Untold::Told(s) => s.toks.len() == 1 && s.toks[0].len() == 1,
        }
    }

    /// A lone pronoun ("he", "they"), told at once.
    pub(crate) fn is_pronoun(&self) -> bool {
        match self {
            Untold::Word(_, kind) => *kind == SourceKind::Pronoun,
            Untold::Told(s) => s.kind == SourceKind::Pronoun,
            Untold::Phrase(_) => false,
        }
    }

    /// The source, told what it names (once).
    pub(crate) fn get(&mut self, doc: &Doc<'_>) -> &SourceCand {
        if !matches!(self, Untold::Told(_)) {
            let told = std::mem::replace(self, Untold::Word(0, SourceKind::Other)).tell(doc);
            *self = Untold::Told(told);
        }
        match self {
            Untold::Told(s) => s,
            _ => unreachable!("told above"),
        }
    }

    /// The source, told what it names: the kind and spans
    /// [`np_starting_at`] and [`np_ending_at`] give.
    pub(crate) fn tell(self, doc: &Doc<'_>) -> SourceCand {
        match self {
            Untold::Phrase(r) => SourceCand {
                kind: classify(doc, r.clone()),
                toks: coordinated(doc, r),
            },
            Untold::Word(k, kind) => SourceCand {
                toks: Pieces::one(k..k + 1),
                kind,
            },
            Untold::Told(s) => s,
        }
    }
}

/// [`np_starting_at`], but for what the phrase names.
pub(crate) fn np_starting_untold(doc: &Doc<'_>, start: usize, hi: usize) -> Option<Untold> {
    // Every phrase but a pronoun is told later.
    let untold = |r| Some(Untold::Phrase(r));
    if start >= hi {
        return None;
    }
    if !np_start(doc, start) {
        // "said master of ceremonies Owen Baker", "said secretary of
        // state Ana Ruiz": a lowercase title with "of" before a name.
        if start + 3 < hi
            && is_title_noun(doc.word(start))
            && doc.is(start + 1, "of")
            && doc.kind(start + 2) == Some(TokenKind::Word)
            && !doc.capitalized(start + 2)
            && doc.capitalized(start + 3)
        {
            let name_end = (start + 3..(start + 7).min(hi))
                .take_while(|&k| doc.capitalized(k))
                .last()
                .unwrap_or(start + 3);
            return untold(start..name_end + 1);
        }
        // "veteran Republicans said", "senior administration officials
        // said": lowercase modifiers before a noun naming people.
        // ("current and former aides said": two modifiers joined.)
        let joined = |k: usize| k > start && joined_modifiers(doc, k);
        let reach = if (start + 1..start + 3).any(joined) {
            5
        } else {
            4
        };
        let head = (start..(start + reach).min(hi))
            .take_while(|&k| {
                (np_token(doc, k) && !doc.in_class(k, &INNER_PREPOSITIONS)) || joined(k)
            })
            .last()
            .filter(|&k| !joined(k))?;
        let w = doc.word(head);
        // "said political scientist Zoë Lindqvist": a lowercase title
        // before a name.
        // ("said retired Gen. Mick Harlan": a modifier of the title.)
        let titled_name = doc.capitalized(head)
            && (start..head).any(|k| {
                !doc.capitalized(k)
                    && (is_title_noun(doc.word(k))
                        || doc.is_any(k, &["acting", "late", "outgoing", "retired"]))
            });
        let head = if titled_name {
            let name_end = (head..(head + 4).min(hi))
                .take_while(|&k| doc.capitalized(k))
                .last()
                .unwrap_or(head);
            // "former Gov. Ana Ruiz of New Mexico": a place after the name.
            if doc.is(name_end + 1, "of") && name_end + 2 < hi && doc.capitalized(name_end + 2) {
                (name_end + 2..(name_end + 5).min(hi))
                    .take_while(|&k| doc.capitalized(k))
                    .last()
                    .unwrap_or(name_end)
            } else {
                name_end
            }
        } else {
            head
        };
        let mut buf = [0u8; 32];
        // "…, fundraising documents show": a document speaks as a person.
        let document = doc.in_class(head, &crate::rules::DOCUMENT_NOUNS) && w.ends_with('s');
        if (head == start && !document)
            || !(titled_name
                || document
                || is_person_noun(w)
                || is_person_noun(recase(w, &mut buf, false)))
        {
            return None;
        }
        // "state Senate leader Mara Voss and House Speaker Owen Baker":
        // a second name after "and".
        if titled_name && doc.is(head + 1, "and") && doc.capitalized(head + 2) {
            if let Some(Untold::Phrase(second)) = np_starting_untold(doc, head + 2, hi) {
                return untold(start..second.end);
            }
        }
        return untold(start..head + 1);
    }
    if doc.in_class(start, &SUBJECT_PRONOUNS) {
        return Some(Untold::Word(start, SourceKind::Pronoun));
    }
    let mut end = start;
    let ceil = (start + 16).min(hi);
    let mut i = start;
    // A name (not a capitalized first word of a sentence: "Farm groups").
    let sentence_initial = doc.sents[doc.sent_of[start] as usize].toks.start == start;
    let proper =
        (doc.capitalized(start) && !doc.in_class(start, &DETERMINERS) && !sentence_initial)
            || (doc.is(start, "the") && doc.capitalized(start + 1));
    while i < ceil {
        // "a Western diplomat and a rebel negotiator"
        if doc.is(i, "and")
            && end > start
            && (doc.in_class(i + 1, &DETERMINERS) || doc.capitalized(i + 1))
        {
            i += 1;
            continue;
        }
        // "the city or county auditors": two modifiers of one head.
        if i > start
            && end == i
            && joined_modifiers(doc, i)
            && (i + 2..(i + 4).min(hi)).any(|k| is_person_noun(doc.word(k)))
        {
            i += 1;
            continue;
        }
        // "said the station chief known as Hal", "a man known only as Rafi":
        // the name one goes by is part of the phrase.
        if i > start && end == i && doc.is(i, "known") {
            let a = i + 1 + usize::from(doc.is(i + 1, "only"));
            if doc.is(a, "as") && doc.capitalized(a + 1) && !doc.in_class(a + 1, &DETERMINERS) {
                end = (a + 1..(a + 4).min(hi))
                    .take_while(|&k| doc.capitalized(k) && doc.toks[k].is_wordlike())
                    .last()
                    .map_or(a + 2, |k| k + 1);
                break;
            }
        }
        // ("briefed" in "people briefed on the talks" is a cue verb too.)
        let postmodifier = doc.in_class(i, &POSTMODIFIERS)
            && end > start
            && (doc.in_class(i + 1, &INNER_PREPOSITIONS)
                || doc.is_any(i + 1, &["about", "on", "to"]));
        if !np_token(doc, i) && !postmodifier {
            break;
        }
        // A preposition continues only into a name or a determiner phrase,
        // or into the title "chief of staff".
        if doc.in_class(i, &INNER_PREPOSITIONS)
            && (!np_start(doc, i + 1) || doc.in_class(i + 1, &SUBJECT_PRONOUNS))
            && !chief_of_staff(doc, i)
        {
            break;
        }
        // "said Okafor on Monday", "told reporters Tuesday" (not "a
        // Wednesday editorial").
        if doc.in_class(i, &TIME_WORDS)
            && i > start
            && doc.capitalized(i)
            && !(doc.in_class(i - 1, &DETERMINERS) && is_weekday(doc.word(i)))
        {
            break;
        }
        if doc.in_class(i, &RELATIVE_PRONOUNS) {
            break;
        }
        // "told a reporter she was leaning", "told WKRD he’ll work":
        // a subject pronoun starts the next clause.
        if i > start && is_pronoun_like(doc.word(i)) {
            break;
        }
        // A name runs on through names, not into lowercase words:
        // "told Belgian television channel LNT TV that" is fine, "told
        // WKRD campaigns are …" stops after WKRD.
        if proper
            && i > start
            && !doc.capitalized(i)
            && !doc.toks[i].text.starts_with(char::is_numeric)
        {
            let joins = doc.in_class(i, &INNER_PREPOSITIONS)
                || (doc.is(i, "the") && doc.in_class(i - 1, &INNER_PREPOSITIONS))
                // "said Pierre de Vos", "Anke von der Heide"
                || (doc.in_class(i, &crate::speaker::PARTICLE_WORDS)
                    && (doc.capitalized(i + 1)
                        || doc.in_class(i + 1, &crate::speaker::PARTICLE_WORDS)))
                || (doc.is(i, "and") && doc.capitalized(i + 1))
                || doc.toks[i].text == "&"
                || (i > start + 1 && chief_of_staff(doc, i - 1))
                || (i > start && doc.word(i - 1).ends_with(['’', '\'']))
                // "The Greenfield Public Library’s board of trustees" (after
                // "the": "called Mr. Baker’s remarks …" names no one)
                || (doc.in_class(start, &DETERMINERS) && crate::cue::genitive(doc.word(i - 1)));
            // "said Marcus Hale of the New Mexico delegation": after
            // "of the", one lowercase head ends an organization's name.
            let org_head = i > start + 3
                && doc.capitalized(i - 1)
                && doc.kind(i) == Some(TokenKind::Word)
                && !doc.in_class(i, &STOP_WORDS)
                && (start + 1..i - 1)
                    .any(|k| doc.in_class(k, &INNER_PREPOSITIONS) && doc.is(k + 1, "the"))
                && !doc.toks.get(i + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !doc.capitalized(i + 1)
                        && !doc.in_class(i + 1, &STOP_WORDS)
                });
            // "said Okafor’s chief water policy aide Dana Whitlow"; after
            // a genitive or "the", before a comma too: "said Ruiz’s deputy
            // campaign manager, Owen Baker", "the City Hall press
            // secretary, Mara Voss, said".
            let titled_owner = || {
                title_before(doc, i, ceil, |k| doc.punct(k, ","))
                    && (doc.is(start, "the")
                        || (start..i).any(|k| crate::cue::genitive(doc.word(k))))
            };
            // "The Delgado campaign", "the Okafor administration": a name
            // and the body it names, one phrase after "the".
            let body = doc.is(start, "the")
                && doc.is_any(
                    i,
                    &[
                        "administration",
                        "camp",
                        "campaign",
                        "family",
                        "government",
                        "team",
                    ],
                );
            if !joins
                && !org_head
                && !body
                && !is_person_noun(doc.word(i))
                && !title_before(doc, i, ceil, |k| doc.capitalized(k))
                && !titled_owner()
            {
                break;
            }
        }
        // "The union walked out", "A federal judge blocked", "Ferreira
        // toured the depot", "Rodriguez became …": a past-tense verb after a
        // noun ends the phrase.
        if (i > start + 1 || (i == start + 1 && !doc.in_class(start, &DETERMINERS)))
            && !doc.capitalized(i)
            && (doc.word(i).ends_with("ed") || doc.in_class(i, &crate::rules::FINITE_VERBS))
            && !doc.in_class(i - 1, &DETERMINERS)
            && !doc.in_class(i - 1, &INNER_PREPOSITIONS)
            && !doc.in_class(i, &POSTMODIFIERS)
        {
            break;
        }
        // "according to a person familiar with the plans", "according to
        // three people briefed on the talks": a post-modifier and its
        // object are part of the phrase.
        if postmodifier {
            if let Some(object) = np_object_end(doc, i + 2, (i + 10).min(hi)) {
                end = object;
            }
            break;
        }
        if doc.in_class(i, &POSTMODIFIERS) || doc.in_class(i, &INDEFINITE_PRONOUNS) {
            break;
        }
        if np_head(doc, i) {
            end = i + 1;
        }
        i += 1;
    }
    if end <= start {
        return None;
    }
    untold(start..end)
}

/// A day of the week: "Monday" … "Sunday".
fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// The "of" of "chief of staff", "chiefs of staff": "Ruiz’s chief of
/// staff, Owen Baker, told the Harbor Ledger".
fn chief_of_staff(doc: &Doc<'_>, of: usize) -> bool {
    of > 0
        && doc.is(of, "of")
        && doc.is_any(of - 1, &["chief", "chiefs"])
        && doc.is(of + 1, "staff")
}

/// Lowercase words from `i`, at most four, the last a title and after it
/// a token `next` holds: a name ("campaign manager" in "said Okafor
/// campaign manager Dana Whitlow", "host" in "told Harbor Radio host Mara
/// Voss"), or a comma. A name runs on through them.
fn title_before(doc: &Doc<'_>, i: usize, ceil: usize, next: impl Fn(usize) -> bool) -> bool {
    let mut k = i;
    while k < ceil
        && k < i + 4
        && doc.kind(k) == Some(TokenKind::Word)
        && np_token(doc, k)
        && !doc.capitalized(k)
    {
        if k + 1 < ceil && next(k + 1) && is_title_noun(doc.word(k)) {
            return true;
        }
        if chief_of_staff(doc, k + 1) {
            return k + 3 < ceil && next(k + 3);
        }
        k += 1;
    }
    false
}

/// Where the first span of [`coordinated`] ends.
fn first_name_end(doc: &Doc<'_>, r: Range<usize>) -> usize {
    r.clone()
        .find(|&k| splits(doc, k, r.start, r.end))
        .unwrap_or(r.end)
}

/// An "and" at `k` that starts a second name of a phrase `[from, end)`:
/// "a Western diplomat and a rebel negotiator".
fn splits(doc: &Doc<'_>, k: usize, from: usize, end: usize) -> bool {
    doc.is(k, "and")
        && k > from
        && k + 1 < end
        && (doc.capitalized(k + 1) || doc.in_class(k + 1, &DETERMINERS))
}

/// A source phrase, split into one span per coordinated name: "a Western
/// diplomat and a rebel negotiator", "Marsh and Councilwoman Priya Nand".
/// The first starts at `r.start`, the last ends at `r.end`.
fn coordinated(doc: &Doc<'_>, r: Range<usize>) -> Pieces {
    let mut toks = Pieces::default();
    let mut from = r.start;
    for k in r.clone() {
        if splits(doc, k, from, r.end) {
            toks.push(from..k);
            from = k + 1;
        }
    }
    toks.push(from..r.end);
    toks
}

/// Heads that count people rather than name them: "a broad array of
/// economists", "a handful of Democrats", "a majority of voters", "a third
/// of the delegates". A verb after them agrees with the people ("A majority
/// of farmers support …").
#[rustfmt::skip]
pub(crate) const COLLECTIVE_HEADS: &[&str] = &[
    "array", "bunch", "couple", "dozen", "dozens", "group", "half", "handful", "host", "lot",
    "lots", "majority", "minority", "number", "plurality", "quarter", "range", "slew", "third",
    "variety",
];

/// Tells what a source phrase names.
pub(crate) fn classify(doc: &Doc<'_>, r: Range<usize>) -> SourceKind {
    let words = &*WORDS;
    if r.len() == 1 && doc.in_class(r.start, &SUBJECT_PRONOUNS) {
        return SourceKind::Pronoun;
    }
    // The head: the last word before any inner preposition or post-modifier
    // ("a person familiar with the talks").
    let mut head_end = r.end;
    for i in r.clone().skip(1) {
        if doc.in_class(i, &INNER_PREPOSITIONS) || doc.in_class(i, &POSTMODIFIERS) {
            head_end = i;
            break;
        }
    }
    let head = head_end - 1;
    // "a broad array of economists", "a handful of Democrats": a number of
    // people is a group of them.
    if head_end + 1 < r.end
        && doc.is(head_end, "of")
        && doc.is_any(head, COLLECTIVE_HEADS)
        && matches!(
            classify(doc, head_end + 1..r.end),
            SourceKind::Group | SourceKind::Anonymous
        )
    {
        return SourceKind::Group;
    }
    // "Procter & Gamble", "Ernst & Young": names joined by an ampersand
    // name a firm.
    if head > r.start + 1 && doc.toks[head - 1].text == "&" && doc.capitalized(head) {
        return SourceKind::Organization;
    }
    let head_word = doc.word(head);
    // Case variants on the stack (the lists hold words as written), made
    // only when a list may hold them. `recase` leaves a word longer than
    // its buffer as it is: so do the bytes of its lowercase form here.
    let mut lower_buf = [0u8; 32];
    let fits = head_word.len() <= lower_buf.len();
    let lower = |b: u8| if fits { b.to_ascii_lowercase() } else { b };
    // Each distinct form looked up once: a lowercase head is its own
    // lowercase form, a capitalized one its own capitalized form.
    let lower_differs = fits && head_word.bytes().any(|b| b.is_ascii_uppercase());
    // The three forms differ in ASCII case only: when the head's class
    // says it is no organization word in any case, none is looked up.
    if doc.in_class(head, &ORG_WORDS) {
        let mut cap_buf = [0u8; 32];
        let lower_head: &str = recase(head_word, &mut lower_buf, false);
        // "the union", "the ministry": the lists hold the capitalized form.
        let cap_head: &str = recase(head_word, &mut cap_buf, true);
        let cap_differs = cap_head != head_word && cap_head != lower_head;
        if words.org_words.contains(head_word)
            || (lower_differs && words.org_words.contains(lower_head))
            || (cap_differs && words.org_words.contains(cap_head))
        {
            return SourceKind::Organization;
        }
    }
    // "the Islamic Resistance in Iraq": the head ends a known name; most
    // heads end none, and the names are not read.
    let org_name_end =
        ORG_NAME_END_FILTER.may_hold(head_word) && words.org_name_ends.contains(head_word);
    let names: &[Vec<&str>] = if org_name_end { &words.org_names } else { &[] };
    for name in names {
        if name.len() <= head_end - r.start {
            let from = head_end - name.len();
            if name
                .iter()
                .enumerate()
                .all(|(k, w)| doc.word(from + k) == *w)
            {
                return SourceKind::Organization;
            }
        }
    }
    // The person filter ignores case: one question covers the head and
    // its lowercase form.
    let person_may = PERSON_FILTER.may_hold(head_word);
    let b = head_word.as_bytes();
    let last = b.last().map(|&c| lower(c));
    let anonymous = person_may
        && words
            .anonymous
            .contains(recase(head_word, &mut lower_buf, false));
    if anonymous && !doc.capitalized(head) {
        return SourceKind::Anonymous;
    }
    let group = person_may && words.groups.contains(head_word);
    if group
        || (lower_differs
            && person_may
            && words
                .groups
                .contains(recase(head_word, &mut lower_buf, false)))
    {
        return SourceKind::Group;
    }
    // ("Officials said" opening a sentence; not a title word, which heads
    // a name: "U. S. Secretary of Commerce Nadia Brandt".)
    if anonymous && !words.titles.contains(head_word) {
        return SourceKind::Anonymous;
    }
    // "Farm groups", "callers": a lowercase plural names a group.
    let before_last = b.len().checked_sub(2).map(|k| lower(b[k]));
    if !doc.capitalized(head) && b.len() > 3 && last == Some(b's') && before_last != Some(b's') {
        return SourceKind::Group;
    }
    // "Poll: Voters Split on Trade": a document alone, capitalized in a
    // headline, names no person.
    if r.len() == 1 && doc.in_class(head, &crate::rules::DOCUMENT_NOUNS) {
        return SourceKind::Other;
    }
    if doc.capitalized(head) {
        // "the Pentagon": a determiner before a single capitalized name.
        if doc.is(r.start, "the") {
            return SourceKind::Organization;
        }
        return SourceKind::Person;
    }
    SourceKind::Other
}

/// A subject pronoun, or one with a contraction: "she", "he’ll", "they're".
pub(crate) fn is_pronoun_like(w: &str) -> bool {
    // Asked of most words of a phrase: a pronoun has four letters at most,
    // so a word with no apostrophe (' or the first byte of ’) in its first
    // five bytes is none, whatever its length.
    let b = w.as_bytes();
    if b.len() > 4 && !b[..5].iter().any(|&c| c == b'\'' || c == 0xE2) {
        return false;
    }
    is_subject_pronoun(pronoun_head(w))
}

/// A subject pronoun with a contraction: "he’s", "they're", "I’ve".
pub(crate) fn contracted_pronoun(w: &str) -> bool {
    let head = pronoun_head(w);
    head.len() < w.len() && is_subject_pronoun(head)
}

pub(crate) fn is_subject_pronoun(w: &str) -> bool {
    w.len() <= 4
        && ["he", "she", "they", "we", "i", "it", "you"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
}

/// The word before an apostrophe: "we" in "we’re".
pub(crate) fn pronoun_head(w: &str) -> &str {
    let b = w.as_bytes();
    let end = (0..b.len())
        .find(|&i| b[i] == b'\'' || b[i..].starts_with("’".as_bytes()))
        .unwrap_or(b.len());
    &w[..end]
}

/// A lowercase word that works as a title before a name: "economist",
/// "spokeswoman", "political scientist", "former senator".
pub(crate) fn is_title_noun(w: &str) -> bool {
    is_listed_title_noun(w)
        || ["ist", "er", "or", "ian", "ant", "ent"]
            .iter()
            .any(|s| w.len() > 4 && w.ends_with(s))
}

/// A lowercase word the lexicons list as a role or a title: "secretary",
/// "spokesman" (not "government" or "movement", which only end like one).
pub(crate) fn is_listed_title_noun(w: &str) -> bool {
    let words = &*WORDS;
    let listed = |w: &str| {
        let mut buf = [0u8; 32];
        words.anonymous.contains(w) || words.titles.contains(recase(w, &mut buf, true))
    };
    listed(w) || role_base(w).is_some_and(listed)
}

/// `w` in lowercase (or with its first letter capitalized) in `buf`, when
/// it is ASCII and fits; otherwise `w` itself.
fn recase<'b>(w: &'b str, buf: &'b mut [u8; 32], cap: bool) -> &'b str {
    // Only ASCII bytes change, so the bytes stay UTF-8 (as with
    // `str::to_ascii_lowercase`). A longer word is in no list.
    if w.len() > buf.len() {
        return w;
    }
    // Nothing to change (most words): the word itself, not a copy.
    let same = if cap {
        !w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
    } else {
        !w.bytes().any(|b| b.is_ascii_uppercase())
    };
    if same {
        return w;
    }
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    if cap {
        b[0].make_ascii_uppercase();
    } else {
        b.make_ascii_lowercase();
    }
    std::str::from_utf8(b).unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::{contracted_pronoun, is_pronoun_like, pronoun_head};

    #[test]
    fn asides_are_appositives_and_relative_clauses_only() {
        let aside = |text: &str| {
            let out = crate::extract(text);
            let source = out.claims[0].source.clone().expect("a source");
            source.aside.map(|a| text[a].to_owned())
        };
        for (text, want) in [
            (
                "Ada Ruiz, a nurse at the clinic, said the shifts are too long.",
                Some("a nurse at the clinic"),
            ),
            (
                "Ruiz, who has run the clinic since 2019, has said the shifts are too long.",
                Some("who has run the clinic since 2019"),
            ),
            (
                "Tom Baker, 61, of Millbrook, said the shifts are too long.",
                Some("61, of Millbrook"),
            ),
            (
                "“The shifts are too long,” said Ada Ruiz, a nurse at the clinic.",
                Some("a nurse at the clinic"),
            ),
            (
                "“The shifts are too long,” said Ada Ruiz, a nurse and former councilor who ran for mayor in 2018.",
                Some("a nurse and former councilor who ran for mayor in 2018"),
            ),
            (
                "Ada Ruiz, the nurse who founded the clinic in 1999 and is its director, said the shifts are too long.",
                Some("the nurse who founded the clinic in 1999 and is its director"),
            ),
            (
                "Other nurses, including Ada Ruiz and Tom Baker, said the shifts are too long.",
                Some("including Ada Ruiz and Tom Baker"),
            ),
            ("Ada Ruiz said the shifts are too long.", None),
            ("Ruiz, in a statement, said the shifts are too long.", None),
            (
                "Ruiz, including overtime, said the shifts are too long.",
                None,
            ),
            (
                "Ruiz, citing the audit, said the shifts are too long.",
                None,
            ),
            ("He, once again, said the shifts are too long.", None),
            (
                "“The shifts are too long,” said Ruiz, “and nobody listens.”",
                None,
            ),
        ] {
            assert_eq!(aside(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn pronouns_with_and_without_contractions() {
        for (w, head, like, contracted) in [
            ("he", "he", true, false),
            ("He’s", "He", true, true),
            ("they're", "they", true, true),
            ("I’m", "I", true, true),
            ("Iraq’s", "Iraq", false, false),
            ("hers", "hers", false, false),
            ("’90s", "", false, false),
        ] {
            assert_eq!(pronoun_head(w), head, "{w}");
            assert_eq!(is_pronoun_like(w), like, "{w}");
            assert_eq!(contracted_pronoun(w), contracted, "{w}");
        }
    }
}
