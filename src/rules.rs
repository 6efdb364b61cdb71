//! The attribution rules. Each is a small function from a cue (or a colon)
//! and its sentence to zero or more candidate claims, and each says which
//! news sentence it exists for. Candidates carry a score; one place
//! ([`crate::extractor`]) decides between overlapping ones.

// Token ranges are kept in vectors on purpose: one range per span of a
// claim's role, usually one.
#![allow(clippy::single_range_in_vec_init)]

use std::cell::Cell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::cue::CueHit;
use crate::doc::{Doc, WordClass, NONE};
use crate::lexicon::{Form, Frames};
use crate::pieces::Pieces;
use crate::source::{
    np_ending_at, np_ending_untold, np_starting_at, np_starting_untold, subject_before,
    subject_untold, SourceCand, Untold, AUXILIARIES, DETERMINERS, INNER_PREPOSITIONS,
    POSTMODIFIERS, QUANTIFIER_PRONOUNS, RELATIVE_PRONOUNS, STOP_WORDS, SUBJECT_PRONOUNS,
    TIME_WORDS,
};
use crate::token::TokenKind;
use crate::{CueCategory, Rule, SourceKind};

/// How far (in tokens) a source is looked for from its cue. Keeps the work
/// per cue bounded whatever the input.
pub(crate) const MAX_SOURCE_TOKENS: usize = 16;
/// How far (in tokens) a cue may stand from the end of a trailing
/// attribution's sentence (", said Iyad al-Anbar, a political science
/// professor at Baghdad University.").
pub(crate) const MAX_TAIL_TOKENS: usize = 24;
/// How far (in tokens) reported content is followed from its cue, when
/// nothing ends it sooner: forward to the end of a clause, or back to the
/// start of a sentence. News sentences run to 60 or 80 tokens, the longest
/// (lists, long paraphrases) to about 200; a "sentence" of thousands is a
/// scraped page without full stops, and following every cue in it to its
/// end would make the work quadratic. Quotations are not cut: a quoted
/// content runs to its closing mark.
pub(crate) const MAX_CLAUSE_TOKENS: usize = 256;
/// How far (in tokens) the verb of a trailing attribution may stand from
/// its start: past a source phrase, a parenthetical and a few auxiliaries.
const MAX_TRAILING_VERB: usize = MAX_SOURCE_TOKENS + 16;

/// A candidate claim, in token ranges.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// The cue hit it was built from (`NONE` for a bare colon).
    pub cue: u32,
    pub cue_toks: Pieces,
    pub source: Option<SourceCand>,
    pub content: Pieces,
    pub rule: Rule,
    pub score: f32,
    pub sent: usize,
}

impl Cand {
    /// A candidate built from the cue hit `ci`.
    fn of(
        ci: usize,
        c: &CueHit,
        source: Option<SourceCand>,
        content: Pieces,
        rule: Rule,
        score: f32,
        sent: usize,
    ) -> Cand {
        Cand {
            cue: ci as u32,
            cue_toks: Pieces::one(c.toks.clone()),
            source,
            content,
            rule,
            score,
            sent,
        }
    }
}

/// What the rules share for one document.
pub(crate) struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub cues: &'d [CueHit],
    /// What the rules ask of each token, in one vector: one allocation,
    /// not one per question.
    at: Vec<At>,
    /// Content keeps its complementizer: "said that …" gives "that …".
    pub include_that: bool,
}

/// What the rules ask of one token.
#[derive(Clone)]
struct At {
    /// The cue hit that starts there ([`NONE`] if none).
    cue: u32,
    /// The nearest token at or after it where a finite cue verb starts
    /// ([`NONE`] if none). Lets the trailing rule skip the commas that no
    /// attribution follows.
    next_verb: u32,
    /// What [`trailing_at`] answered there, for the end of the token's
    /// sentence: bit 0 when asked, bit 1 when it found one. The end of a
    /// clause asks at every comma after a cue, and the cues of a sentence
    /// share its commas with each other and with the trailing scan.
    tail: Cell<u8>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, cues: &'d [CueHit], include_that: bool) -> Ctx<'d, 'a> {
        let none = At {
            cue: NONE,
            next_verb: NONE,
            tail: Cell::new(0),
        };
        let mut at = vec![none; doc.toks.len()];
        for (i, c) in cues.iter().enumerate() {
            at[c.toks.start].cue = i as u32;
        }
        // One run of the same value per verb, up to it from the one before,
        // not a look at every token. Cues come in token order, each
        // starting after the one before.
        let mut from = 0;
        for (i, c) in cues.iter().enumerate() {
            let start = c.toks.start;
            if start >= from
                && at[start].cue == i as u32
                && !c.noun
                && c.form != Form::Gerund
                && !is_according(c)
            {
                for a in &mut at[from..=start] {
                    a.next_verb = start as u32;
                }
                from = start + 1;
            }
        }
        Ctx {
            doc,
            cues,
            at,
            include_that,
        }
    }

    /// The cue hit that starts at token `tok` ([`NONE`] if none, or past
    /// the end).
    pub fn cue_at(&self, tok: usize) -> u32 {
        self.at.get(tok).map_or(NONE, |a| a.cue)
    }

    /// The nearest token at or after `k` where a finite cue verb starts
    /// ([`NONE`] when no verb follows); `None` past the end.
    fn next_verb(&self, k: usize) -> Option<usize> {
        self.at.get(k).map(|a| a.next_verb as usize)
    }

    /// What [`trailing_at`] answered at token `k` (`k` in the document)
    /// for the end of `k`'s sentence, if it was asked.
    fn tail_known(&self, k: usize) -> Option<bool> {
        let bits = self.at[k].tail.get();
        (bits & 1 != 0).then_some(bits & 2 != 0)
    }

    /// Notes what [`trailing_at`] answered at token `k` (`k` in the
    /// document) for the end of `k`'s sentence.
    fn note_tail(&self, k: usize, found: bool) {
        self.at[k].tail.set(1 | u8::from(found) << 1);
    }

    /// True when `sent_end` is the end of the sentence of token `k`.
    fn own_sentence_end(&self, k: usize, sent_end: usize) -> bool {
        self.doc
            .sent_of
            .get(k)
            .is_some_and(|&s| self.doc.sents[s as usize].toks.end == sent_end)
    }

    /// Where content starts when the complementizer "that" stands just
    /// before `a`: at `a`, or on "that" when the convention keeps it.
    fn content_start(&self, a: usize) -> usize {
        if !self.include_that || a == 0 {
            a
        } else if self.doc.is(a - 1, "that") {
            a - 1
        } else if a > 1 && self.doc.punct(a - 1, ",") && self.doc.is(a - 2, "that") {
            // "argue that, while the levy may …": the comma after it too.
            a - 2
        } else {
            a
        }
    }

    fn cue(&self, tok: usize) -> Option<(usize, &'d CueHit)> {
        let c = self.at.get(tok)?.cue;
        (c != NONE).then(|| (c as usize, &self.cues[c as usize]))
    }

    /// A cue usable as a finite verb at `tok` (not a noun, not a gerund).
    fn verb(&self, tok: usize) -> Option<(usize, &'d CueHit)> {
        self.cue(tok)
            .filter(|(_, c)| !c.noun && c.form != Form::Gerund && !is_according(c))
    }
}

fn is_according(c: &CueHit) -> bool {
    c.category == crate::CueCategory::According
}

/// Drops trailing sentence punctuation from a content range, and leading
/// commas, colons and a complementizer.
fn trim(doc: &Doc<'_>, mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end {
        let t = &doc.toks[r.start];
        if (t.kind == TokenKind::Punct && matches!(t.text, "," | ":" | ";"))
            || t.kind == TokenKind::ParagraphBreak
            || t.kind == TokenKind::Dash
        {
            r.start += 1;
        } else {
            break;
        }
    }
    while r.start < r.end {
        let t = &doc.toks[r.end - 1];
        if (t.kind == TokenKind::Punct && matches!(t.text, "." | "," | ";" | ":" | "!" | "?" | "("))
            || t.kind == TokenKind::ParagraphBreak
            || t.kind == TokenKind::Dash
        {
            r.end -= 1;
        } else if t.kind == TokenKind::Punct && t.text == ")" && unopened(doc, r.clone()) {
            // "(She says the photo was never shown.)": the parenthesis
            // opened before the content and closes the writer's aside.
            r.end -= 1;
        } else {
            break;
        }
    }
    r
}

/// Whether the ")" that ends `r` closes a parenthesis opened before `r`.
fn unopened(doc: &Doc<'_>, r: Range<usize>) -> bool {
    let mut depth = 0usize;
    for k in r {
        match doc.toks[k].text {
            "(" => depth += 1,
            ")" if depth == 0 => return true,
            ")" => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Whether "at least" or "at most" at `j` opens a quantity ("reported at
/// least nine boats circled"), not how often something was said ("said at
/// least twice", "at least three times").
fn at_least_quantity(doc: &Doc<'_>, j: usize) -> bool {
    doc.is(j, "at")
        && doc.is_any(j + 1, &["least", "most"])
        && !doc.is_any(j + 2, &["once", "twice"])
        && !doc.is_any(j + 3, &["times", "occasions"])
}

/// Whether token `k` is the verb of a clause: a form of "be", "have" or a
/// modal, a common past, a finite cue, or a lowercase word in -ed ("the
/// agency mishandled the case").
fn clause_verb(cx: &Ctx<'_, '_>, k: usize) -> bool {
    let doc = cx.doc;
    doc.in_class(k, &FINITE_VERBS)
        || cx.verb(k).is_some_and(|(_, c)| finite(c))
        || (doc.kind(k) == Some(TokenKind::Word)
            && !doc.capitalized(k)
            && doc.word(k).len() > 4
            && doc.word(k).ends_with("ed"))
}

/// How many words the tokens of `r` hold.
fn word_count(doc: &Doc<'_>, r: &Range<usize>) -> usize {
    doc.toks[r.clone()]
        .iter()
        .filter(|t| t.is_wordlike())
        .count()
}

/// True when a range holds at least two words, or one long one (“我们不会让步”).
fn substantial(doc: &Doc<'_>, r: &Range<usize>) -> bool {
    let mut words = doc.toks[r.clone()].iter().filter(|t| t.is_wordlike());
    match (words.next(), words.next()) {
        (Some(_), Some(_)) => true,
        (Some(w), None) => w.text.chars().count() >= 6 && !w.text.is_ascii(),
        _ => false,
    }
}

/// Adverbs between a coordinator and a second verb of the subject: "… but
/// then announced …", "… and also said …".
const AFTER_COORDINATOR: &[&str] = &["also", "later", "then"];

/// "but", "and", "while", "though" or "although" at token `i`: a new
/// clause after a comma.
fn clause_opener(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_any_of(
        i,
        &STOP_WORDS,
        &["but", "and", "while", "though", "although"],
    )
}

/// The token where the content after position `from` ends in its sentence:
/// before a trailing attribution, an "according to", or a participle cue
/// that starts another claim ("…, adding that …").
fn clause_end(cx: &Ctx<'_, '_>, from: usize, sent_end: usize) -> usize {
    let doc = cx.doc;
    let mut k = from;
    let mut limit = sent_end.min(from.saturating_add(MAX_CLAUSE_TOKENS));
    // A clause that starts inside a quotation ends with it: in "“[Ruiz]
    // doesn't speak for any parent who thinks the library should stay
    // open,” Okafor told a packed gym", what "thinks" reports stops at the
    // closing mark.
    if let Some(&q) = doc.quote_of.get(from).filter(|&&q| q != NONE) {
        limit = limit.min(doc.quotes[q as usize].tokens.end);
    }
    // "Though they expect Mr. Havel to be rehired, they say he will …":
    // in a clause that a subordinator opens before the sentence's own, the
    // content ends at the comma before the main clause.
    if let Some(s) = doc.sent_of.get(from).map(|&s| &doc.sents[s as usize]) {
        // ("But if the records show …, the clerk …": past a conjunction.)
        let opener =
            s.toks.start + usize::from(doc.is_any_of(s.toks.start, &COORDINATORS, &["and", "but"]));
        // ("Despite reports that …, the moderators …": a fronted
        // preposition's phrase too.)
        if (doc.is_any_of(opener, &STOP_WORDS, SUBORDINATORS)
            || doc.is_any(opener, FRONTED_PREPOSITIONS))
            && !(s.toks.start..from).any(|k| doc.punct(k, ","))
        {
            if let Some(k) = main_clause_comma(cx, from..limit, sent_end) {
                limit = k;
            }
        }
    }
    // "Baker said the clerk had not seen the ballots and said Ridgeway
    // was never told": the subject's second claim. The clause's few cue
    // verbs are visited, not its words.
    // (The first few: a page of nothing but cues has one on every token.)
    let mut v = from + 1;
    for _ in 0..8 {
        let Some(next) = cx.next_verb(v).filter(|&n| n < limit) else {
            break;
        };
        // After a comma, any finite cue verb: "…, and accused the county
        // board of twisting her words", "…, but cautioned against
        // reading it as an endorsement"; or one after an auxiliary: "…, but
        // did not recommend charges".
        let aux = (next.saturating_sub(3)..next)
            .rev()
            .take_while(|&k| k > from && (doc.in_class(k, &AUXILIARIES) || doc.is(k, "not")))
            .last()
            .unwrap_or(next);
        // ("… but then announced that …": an adverb after the coordinator.)
        let aux = if aux > from + 2 && doc.is_any(aux - 1, AFTER_COORDINATOR) {
            aux - 1
        } else {
            aux
        };
        if aux > from + 1
            && doc.is_any_of(aux - 1, &COORDINATORS, &["and", "but"])
            && cx.verb(next).is_some_and(|(_, c)| {
                (aux + 1 >= next && speech_verb(c))
                    // "said Mr. Baker was “careless” with the budget and
                    // criticized him for …": a stance taken, in the past,
                    // toward someone.
                    || (aux == next
                        && c.form == Form::Past
                        && !c.noun
                        && c.category == CueCategory::Stance
                        && doc.is_any(next + 1, crate::source::OBJECT_PRONOUNS))
                    || (doc.punct(aux.saturating_sub(2), ",")
                        && !c.noun
                        && (aux < next || matches!(c.form, Form::Past | Form::Third)))
            })
        {
            limit = aux - 1;
            break;
        }
        // "… when you say the pier is sinking and he says it will
        // hold", "… and Ruiz says most of them …": a clause of its own
        // with a subject and a verb of saying, after "and" or "but".
        let subject = if doc.in_class(aux - 1, &SUBJECT_PRONOUNS) {
            Some(aux - 1)
        } else if doc.capitalized(aux - 1) && doc.toks[aux - 1].kind == TokenKind::Word {
            Some(if aux >= 2 && doc.capitalized(aux - 2) {
                aux - 2
            } else {
                aux - 1
            })
        } else {
            // "… and the governor said …", "…, and rights groups warned …": a
            // phrase that names someone, right before its verb, after a
            // clause with its verb. Not after an auxiliary ("the requests
            // were denied"), nor before a verb of naming, a participle as
            // often ("the method sometimes called …"), nor in one subject
            // of two nouns ("said the shootings and protests demand …").
            // (The coordinator is looked for first, the phrase then: most
            // verbs have none before them.)
            (aux == next
                && cx.verb(next).is_some_and(|(_, c)| {
                    !NAMING.contains(&&*c.lemma) && matches!(c.form, Form::Past | Form::Third)
                })
                && (aux.saturating_sub(MAX_SOURCE_TOKENS).max(from + 2)..aux)
                    .any(|k| doc.is_any_of(k, &COORDINATORS, &["and", "but"])))
            .then(|| np_ending_at(doc, aux, from + 2))
            .flatten()
            .filter(|np| np.kind != SourceKind::Other && !np.toks.is_empty())
            .map(|np| np.toks[0].start)
            .filter(|&sub| (from..sub - 1).any(|k| clause_verb(cx, k)))
        };
        if let Some(sub) = subject.filter(|&sub| sub > from + 2) {
            if doc.is_any_of(sub - 1, &COORDINATORS, &["and", "but"])
                && doc.quote_of.get(sub).is_some_and(|&q| q == NONE)
                && cx.verb(next).is_some_and(|(_, c)| {
                    (speech_verb(c)
                        || (c.category == CueCategory::Stance && !c.noun && aux == next))
                        && matches!(c.form, Form::Past | Form::Third)
                })
            {
                limit = if doc.punct(sub - 2, ",") {
                    sub - 2
                } else {
                    sub - 1
                };
                break;
            }
        }
        v = next + 1;
    }
    while k < limit {
        let t = &doc.toks[k];
        // Only a comma, a dash, a semicolon or a closing mark ends a clause
        // (and an "and" before a verb of saying, found above): words pass.
        if !matches!(
            t.kind,
            TokenKind::Punct | TokenKind::Dash | TokenKind::CloseQuote | TokenKind::Quote
        ) {
            // "calling him a “bully” and accusing him of running the board
            // like a “private club”": a second participle of saying is a claim
            // of its own; not one coordinated with an -ing form of the
            // content ("suggested looking at … and asking yourself …").
            if k > from
                && doc.in_class(k, &COORDINATORS)
                && doc.is(k, "and")
                && cx.cue(k + 1).is_some_and(|(_, c)| participle_cue(c))
                && doc.quote_of.get(k).is_some_and(|&q| q == NONE)
                && !(from..k).any(|j| {
                    // (a quoted word is none: "calling the fee “insulting” and
                    // asserting …")
                    is_gerund_like(doc.word(j))
                        && !doc.capitalized(j)
                        && doc.depth[j] <= doc.depth[from]
                })
            {
                return if doc.punct(k - 1, ",") { k - 1 } else { k };
            }
            // "… she’s “proud of where we are” as she faces a runoff vote",
            // "… even as he praised the harbor master": a clause of time with
            // its own subject is the writer's.
            if k > from + 2
                && doc.in_class(k, &TAIL_OPENERS)
                && doc.is(k, "as")
                && !doc.capitalized(k)
                // ("only teams such as the Hawks wanted …": a comparison.)
                && !doc.is_any(k - 1, &["such", "same", "well"])
                && doc.quote_of.get(k).is_some_and(|&q| q == NONE)
                // (not inside a parenthetical: "that Baker — even as he
                // says …, is …")
                && !(from..k).any(|j| doc.kind(j) == Some(TokenKind::Dash))
                && as_clause(cx, k, limit)
            {
                let k = if doc.is(k - 1, "even") { k - 1 } else { k };
                return if doc.punct(k - 1, ",") { k - 1 } else { k };
            }
            k += 1;
            continue;
        }
        // "… born outside the county; 29 percent said …"
        if doc.punct(k, ";") && k > from {
            return k;
        }
        let comma = doc.punct(k, ",") || doc.kind(k) == Some(TokenKind::Dash);
        let closing = t.kind == TokenKind::CloseQuote
            || (t.kind == TokenKind::Quote && doc.punct(k.wrapping_sub(1), ","));
        // "said the survey “should settle the question,” but few parents
        // agreed": a new clause after a quotation that ends in a comma.
        // (Not "and" before another quotation of the speaker's: "says he
        // “loves the city,” and “the city loves me,” he …".)
        if closing
            && k + 1 < sent_end
            && doc.punct(k.wrapping_sub(1), ",")
            && clause_opener(doc, k + 1)
            && !(doc.is(k + 1, "and") && doc.quote_opened_at(k + 2).is_some())
        {
            return k + 1;
        }
        // "under what Ms. Okafor called “the old toll formula,” the port
        // charged …": a quotation that opens the content and ends in a comma
        // is all of it when words of the writer's go on after it.
        if closing
            && k + 1 < sent_end
            && doc.punct(k.wrapping_sub(1), ",")
            && doc
                .quote_closed_at(k)
                .is_some_and(|q| doc.quotes[q].tokens.start == from)
            && doc.toks[k + 1].is_wordlike()
            && !doc.in_class(k + 1, &COORDINATORS)
        {
            return k + 1;
        }
        // "Delgado said most of the fuel would evaporate, but he warned that
        // …": a coordinated clause with an attribution of its own.
        if comma && clause_opener(doc, k + 1) {
            let lo = k + 2;
            let hi = (lo + MAX_SOURCE_TOKENS).min(sent_end);
            // ("…, and two-thirds agreed": a quantifier alone.)
            // ("…, while nearly 3 in 10 want the ferry fare cut in half":
            // a share of those polled, which takes a base form.)
            // (Only a number or an approximation opens one.)
            let share = || {
                (crate::source::small_number(doc, lo)
                    || doc.is_any(
                        lo,
                        &[
                            "about", "almost", "fewer", "less", "more", "nearly", "roughly",
                        ],
                    ))
                .then(|| {
                    (lo + 3..(lo + 7).min(hi))
                        .find(|&j| crate::source::poll_share(doc, j, lo) == Some(lo))
                })
                .flatten()
            };
            // ("…, but 58 percent of likely voters say the levy is too high":
            // a base form after a plural subject.)
            let (np_end, plural) = match np_starting_untold(doc, lo, hi) {
                Some(np) => {
                    let end = np.end();
                    let v = skip_auxiliaries(cx, end, hi);
                    let plural = cx.verb(v).is_some_and(|(_, c)| c.form == Form::Base)
                        && base_form_verb(doc, v, &np.tell(doc));
                    (Some(end), plural)
                }
                None if doc.in_class(lo, &QUANTIFIER_PRONOUNS) => (Some(lo + 1), true),
                None => (share(), true),
            };
            if let Some(np_end) = np_end {
                let v = skip_auxiliaries(cx, np_end, hi);
                // ("…, but Baker did not say when": a base form after an
                // auxiliary.)
                if cx.verb(v).is_some_and(|(_, c)| {
                    finite(c) || (c.form == Form::Base && (v > np_end || plural))
                }) {
                    return k;
                }
            }
            // "said the county plans to hire a new auditor, but it is
            // unclear whether anyone will apply": after "but", a
            // pronoun subject starts the writer's own clause.
            if doc.is(k + 1, "but")
                && lo + 1 < sent_end
                && (doc.is_any(lo, &["he", "she", "it", "they", "we", "there"]))
                && doc.toks[lo + 1].is_wordlike()
                && doc.quote_of.get(k).is_none_or(|&q| q == NONE)
            {
                return k;
            }
        }
        // "… would “not get pushed around” at the hearing, a swipe at the
        // last council session": a noun phrase that closes the sentence comments on
        // the content and is the writer's.
        if comma && k > from + 2 && closing_appositive(cx, k + 1, sent_end) {
            return k;
        }
        // "called her a “realist,” a pointed dig at a rival who …": the
        // comma inside the closing mark.
        if closing
            && k > from + 2
            && doc.punct(k - 1, ",")
            && closing_appositive(cx, k + 1, sent_end)
        {
            return k + 1;
        }
        // "said he would be glad to testify — a play on the old port
        // slogan “Harbor First,” which …": after a dash, a closing
        // noun phrase opened by "a" is the writer's aside, whatever its
        // clauses and quotations.
        if doc.kind(k) == Some(TokenKind::Dash) && k > from + 2 && dash_aside(cx, k + 1, sent_end) {
            return k;
        }
        // "Marsh, who voted against the measure, said …": a verb right after
        // a comma is the predicate of a subject to the left.
        if comma && k > from && cx.verb(k + 1).is_some_and(|(_, c)| finite(c)) {
            return k;
        }
        // "Oakes, citing “the worst winter in memory,” said …"
        if closing
            && k > from
            && doc.punct(k - 1, ",")
            && cx.verb(k + 1).is_some_and(|(_, c)| finite(c))
        {
            return k + 1;
        }
        // "said that Baker “is, we believe, the wrong choice”": inside a
        // quotation the content opened, an attribution is the quoted
        // speaker's own.
        let own_quote = comma
            && doc
                .quote_of
                .get(k)
                .is_some_and(|&q| q != NONE && doc.quotes[q as usize].tokens.start >= from);
        if (comma || closing) && k + 1 < sent_end && !own_quote {
            let next = k + 1;
            if let Some((_, c)) = cx.cue(next) {
                if is_according(c) || participle_cue(c) {
                    return if closing { k + 1 } else { k };
                }
            }
            if trailing_found(cx, next, sent_end) {
                return if closing { k + 1 } else { k };
            }
        }
        k += 1;
    }
    limit
}

/// A finite verb of saying or writing: "said", "added", "wrote".
fn speech_verb(c: &CueHit) -> bool {
    finite(c) && !c.noun && matches!(c.category, CueCategory::Speech | CueCategory::Writing)
}

/// Whether a trailing attribution starts at token `k` ([`trailing_at`]),
/// asked once per token: "Delgado said most of the fuel would evaporate,
/// officials said" asks at its comma for the content of "said" and in the
/// trailing scan. Only answers for the end of `k`'s own sentence are
/// noted, which is what the callers ask.
fn trailing_found(cx: &Ctx<'_, '_>, k: usize, sent_end: usize) -> bool {
    if !cx.own_sentence_end(k, sent_end) {
        return trailing_at(cx, k, sent_end).is_some();
    }
    cx.tail_known(k).unwrap_or_else(|| {
        let found = trailing_at(cx, k, sent_end).is_some();
        cx.note_tail(k, found);
        found
    })
}

/// Whether a phrase opened by a preposition at `at` runs into a finite verb
/// with no mark or relative word between: "…, said tempers among most
/// drivers on the east side were running short", where what follows
/// "said" is a clause, not its inverted subject ("…, said Tom Ridgeway of
/// Millbrook, who chairs the board" stays one).
fn verb_past_phrase(doc: &Doc<'_>, at: usize, sent_end: usize) -> bool {
    if !doc.in_class(at, &TAIL_OPENERS) {
        return false;
    }
    for j in at + 1..(at + 8).min(sent_end) {
        if !doc.toks[j].is_wordlike() || doc.in_class(j, &RELATIVE_PRONOUNS) || doc.is(j, "that") {
            return false;
        }
        if doc.in_class(j, &FINITE_VERBS) {
            return true;
        }
    }
    false
}

/// The comma that closes an appositive ending in a place, `close` being
/// the comma after the place: the one after its state when one follows
/// ("…,” Carl Ruiz, of Millbrook, N.C., said"; "…,” Mr. Havel, retired in
/// Eastcliff, Mass., said"), else `close`.
fn state_after_place(doc: &Doc<'_>, close: usize, sent_end: usize) -> usize {
    (close + 2..(close + 4).min(sent_end))
        .find(|&p| doc.punct(p, ","))
        .filter(|&p| crate::source::state_of_place(doc, close, p))
        .unwrap_or(close)
}

/// A trailing attribution starting at token `k` and running to the end of
/// its sentence (or to a comma before the rest of a split quote):
///
/// * source first: "…, an Iraqi official said." / "…,” he said."
/// * cue first: "…,” said Mansour, a senior fellow at Chatham House."
///
/// Returns the cue hit, the source and the token after the attribution.
fn trailing_at(cx: &Ctx<'_, '_>, k: usize, sent_end: usize) -> Option<(usize, SourceCand, usize)> {
    let doc = cx.doc;
    // The verb comes after at most a source phrase, a parenthetical and a
    // few auxiliaries.
    let verb = cx.next_verb(k)?;
    if verb >= sent_end || verb > k + MAX_TRAILING_VERB {
        return None;
    }
    let hi = (k + MAX_TAIL_TOKENS).min(sent_end);
    // Cue first: "…,” said Mansour, a senior fellow …". The name ends the
    // sentence or is followed by an appositive or an adjunct; "…, says she
    // couldn’t …" is no inversion.
    if let Some((ci, c)) = cx.verb(k) {
        let speech = matches!(c.category, CueCategory::Speech | CueCategory::Writing);
        if c.headline {
            return None;
        }
        // ("…, say some Democrats": a base form before a plural.)
        let base = c.form == Form::Base;
        // ("Voss — named by the Harbor Ledger as a contender — told Dana Hale
        // that …": one tells someone, so "told" is never inverted.)
        if (c.form == Form::Past || c.form == Form::Third || base)
            && speech
            && c.frames.has(Frames::QUOTE)
            && &*c.lemma != "tell"
        {
            let mut src = np_starting_untold(doc, c.toks.end, hi)?;
            if base && !base_form_verb(doc, c.toks.start, src.get(doc)) {
                return None;
            }
            // ("…,” said Okafor and Delgado.": coordinated names.)
            let after = src.names_end(doc);
            let ends = after >= sent_end
                || doc.is_any(after, &["who", "which", "whose"])
                // "…,” said Smith and hung up.", "…,” said Smith, and the
                // line went dead."
                // (A name: "…, repeated those concerns and said" has an
                // object, no inverted subject.)
                || (doc.is_any(after, &["and", "but"])
                    && doc.capitalized(src.start())
                    && !doc.in_class(src.start(), &DETERMINERS)
                    && (second_verb(doc, after + 1) || clause_after_and(cx, after + 1, sent_end)))
                || matches!(
                    doc.kind(after),
                    Some(TokenKind::CloseQuote | TokenKind::Quote)
                )
                || doc.punct(after, ",")
                || doc.punct(after, ".")
                || doc.punct(after, "(")
                || doc.in_class(after, &TAIL_OPENERS)
                // "…,” said a former aide to the mayor."
                || tail_to(doc, after)
                // "…,” said a person familiar with the talks."
                || doc.in_class(after, &POSTMODIFIERS);
            // ("The merger, announced Monday, would close …": a time after a
            // participle, no inverted subject.)
            if src.is_pronoun()
                || !ends
                || verb_past_phrase(doc, after, sent_end)
                || (after == src.start() + 1 && doc.in_class(src.start(), &TIME_WORDS))
            {
                return None;
            }
            // "Dana Ruiz, who oversees bookings at the Harbor Arena, described
            // the mood when …": what comes before is a subject and its
            // relative clause, and the cue that subject's verb.
            let s0 = doc.sents[doc.sent_of[k] as usize].toks.start;
            if np_starting_untold(doc, s0, k).is_some_and(|np| {
                let e = np.first_end(doc);
                doc.punct(e, ",") && doc.is_any(e + 1, &["who", "whose"])
            }) {
                return None;
            }
            let end = tail_end(cx, after, sent_end, true)?;
            return Some((ci, src.tell(doc), end));
        }
        return None;
    }
    // Source first. What it names is told last, when it has led to an
    // attribution.
    // ("…, most recently known on the waterfront as …": an adverb phrase
    // names nobody.)
    if doc.is_any(k, &["most", "more", "less", "least"]) && is_adverb(doc.word(k + 1)) {
        return None;
    }
    let src = np_starting_untold(doc, k, hi)?;
    // "…, said Gloria Fenwick, 71, who spoke against the plan": a relative
    // clause describes the name before it; it attributes nothing.
    // (A relative pronoun or "whom", a stop word: two bit tests first.)
    let first = src.start();
    if (doc.in_class(first, &RELATIVE_PRONOUNS) || doc.in_class(first, &STOP_WORDS))
        && doc.is_any(first, &["who", "which", "that", "whom"])
    {
        return None;
    }
    // ("…,” Voss and Hale, both Republicans, said": coordinated names,
    // and perhaps an appositive after the last of them.)
    let mut j = src.names_end(doc);
    // "Sen. Paul Wexley (R-Iowa) told the Ledger."
    if doc.punct(j, "(") {
        j = (j + 1..(j + 10).min(hi)).find(|&p| doc.punct(p, ")"))? + 1;
    }
    // "…,” Joan Pruitt, a top outside Okafor adviser, said at …": an
    // appositive between the name and its verb ("Ana Lutz, Rivers’
    // campaign manager, said": a plural possessive in it too).
    // "…,” Walt Dunmore, 66, said": an age, and after one perhaps another
    // appositive, whose comma is the age's closing one ("Gloria Fenwick,
    // 71, a retired teacher, said").
    // What can stand between a name and its verb is what can between a
    // subject and its verb (`source::apposed`: "a retired teacher", "deputy
    // harbor safety advisor", "44"), and "former …".
    let apposed = |p: usize| crate::source::apposed(doc, p) || doc.is(p, "former");
    let (mut after_age, mut asides) = (false, 0);
    while doc.punct(j, ",") && !src.is_pronoun() {
        let close = (j + 1..(j + 20).min(sent_end)).find(|&p| doc.punct(p, ","))?;
        if !apposed(j + 1)
            || (j + 1..close).any(|p| {
                !doc.toks[p].is_wordlike()
                    && !doc.punct(p, "-")
                    && !crate::source::plural_possessive(doc, p)
                    // ("wearing a hard hat and “Vote Okafor” campaign pins")
                    && !doc.toks[p].is_double_quote()
            })
        {
            return None;
        }
        let age = !after_age && close == j + 2 && doc.kind(j + 1) == Some(TokenKind::Number);
        let close = state_after_place(doc, close, sent_end);
        // Another appositive after an age has a comma of its own to end it.
        let another = (close + 2..(close + 20).min(sent_end)).any(|p| doc.punct(p, ","));
        let aside_follows = another && apposed(close + 1) && cx.verb(close + 1).is_none();
        if age && aside_follows {
            after_age = true;
            j = close;
        } else if aside_follows && asides < 2 {
            // "…,” Carl Ruiz, of Millbrook, Vt., who was among the voters
            // surveyed, said": a second aside, then a third at most.
            asides += 1;
            j = close;
        } else {
            j = close + 1;
            break;
        }
    }
    let mut j = skip_auxiliaries(cx, j, hi);
    // A longer phrase, told already.
    let mut long = None;
    if cx.verb(j).is_none() {
        // A longer phrase runs on through words only.
        if !doc.toks.get(j).is_some_and(|t| t.is_wordlike()) {
            return None;
        }
        let (l, v) = long_source(cx, k, hi)?;
        (long, j) = (Some(l), v);
    }
    let (ci, c) = cx.verb(j)?;
    if c.headline {
        return None;
    }
    if !(c.frames.has(Frames::THAT)
        || c.frames.has(Frames::QUOTE)
        || c.frames.has(Frames::OBJ_THAT))
    {
        return None;
    }
    // "…, one of her aides could be charged.": what a passive's subject
    // undergoes is no attribution of what came before; "…, it was
    // announced" is one, with no source.
    if c.form == Form::Past && passive_before(doc, c.toks.start, k) && !doc.is(k, "it") {
        return None;
    }
    let mut after = c.toks.end;
    // "…,” Okafor told the workers’ families." The addressee is a person
    // or a body, not "a message"; one asks anyone ("…?” Mercer asked the
    // shipping magnate.").
    let asks = &*c.lemma == "ask";
    // After a quotation, what one tells is the quotation: the phrase after
    // "told" is whom ("…,” Delgado told a packed union hall in Port Ansel").
    let tells = &*c.lemma == "tell";
    if c.frames.has(Frames::OBJ_THAT) || asks {
        if doc.in_class(after, &ADDRESSEES) && !doc.is_any(after, &["the", "a", "an"]) {
            after += 1;
        } else if quoted_name(doc, after) {
            // "…,” Voss told “Sunday on the Waterfront,” remarking …"
            after = doc
                .quote_toks(doc.quote_opened_at(after).unwrap_or(after))
                .end;
            if doc.punct(after - 2, ",") {
                after -= 2;
            }
        } else if let Some(np) = np_starting_at(doc, after, hi) {
            if np.kind != SourceKind::Other || asks || tells {
                after = np.toks.last().map_or(after, |r| r.end);
            }
            // "…,'' Mr. Baker told the WKRD hosts of ''Harbor Morning,''
            // adding …": a quoted name after the addressee.
            let of = usize::from(doc.is(after, "of"));
            if quoted_name(doc, after + of) {
                after = doc
                    .quote_toks(doc.quote_opened_at(after + of).unwrap_or(after))
                    .end;
                if doc.punct(after - 2, ",") {
                    after -= 2;
                }
            }
        }
    }
    // "…,” Ruiz told a crowd that spilled out past the ferry gates": a
    // relative clause of the addressee, which runs on to the end.
    let relative = after > c.toks.end
        && doc.is_any(after, &["that", "who"])
        && verb_after_relative(doc, after + 1);
    let end = tail_end(cx, after, sent_end, relative)?;
    let src = long.unwrap_or(src).tell(doc);
    // "…, a former county press aide": a base form after a singular noun
    // is a noun.
    if c.form == Form::Base && !base_form_verb(doc, j, &src) {
        return None;
    }
    Some((ci, src, end))
}

/// "as The Ledger reported", "as first reported by WKRD" from the "as"
/// at token `k`, to the end of its sentence (past adjuncts) or a comma
/// (what [`trailing_at`] gives): the cue, its source and where the
/// attribution ends. The cue is a finite verb of saying or writing.
fn as_reported(cx: &Ctx<'_, '_>, k: usize, sent_end: usize) -> Option<(usize, SourceCand, usize)> {
    let doc = cx.doc;
    // "as first reported by", "as The Ledger previously reported".
    const WHEN: &[&str] = &[
        "also",
        "earlier",
        "first",
        "later",
        "originally",
        "previously",
    ];
    let mut v = k + 1;
    // "as first reported by": the passive, its source after "by".
    while doc.is_any(v, WHEN) {
        v += 1;
    }
    // The verbs of reporting: "as Mr. Delgado suggested" compares more
    // than it attributes.
    let saying = |c: &CueHit| {
        finite(c) && !c.noun && ["note", "observe", "report", "say", "write"].contains(&&*c.lemma)
    };
    let hi = (k + MAX_TAIL_TOKENS).min(sent_end);
    if let Some((ci, c)) = cx
        .verb(v)
        .filter(|(_, c)| saying(c) && c.form == Form::Past)
    {
        if doc.is(c.toks.end, "by") {
            let np = np_starting_at(doc, c.toks.end + 1, hi)?;
            let after = np.toks.last().map_or(c.toks.end + 1, |r| r.end);
            let end = tail_end(cx, after, sent_end, false)?;
            return Some((ci, np, end));
        }
    }
    // "as The Ledger reported": the source, perhaps an adverb, the verb.
    let np = np_starting_untold(doc, k + 1, hi)?;
    let mut j = np.end();
    while doc.is_any(j, WHEN) || is_adverb(doc.word(j)) {
        j += 1;
    }
    let (ci, c) = cx.verb(j).filter(|(_, c)| saying(c))?;
    let end = tail_end(cx, c.toks.end, sent_end, false)?;
    Some((ci, np.tell(doc), end))
}

/// A source phrase from `k` that runs on to the next cue verb, longer than
/// a name: "…,” the Republican mayoral candidate told reporters",
/// "…,” the former harbor commissioner said", "…, a spokesman for
/// council Democrats said". Read leftward from the verb, as a subject
/// is; it must start at `k`. Returns the source (told what it names when
/// it has led to an attribution) and the verb's token.
fn long_source(cx: &Ctx<'_, '_>, k: usize, hi: usize) -> Option<(Untold, usize)> {
    let doc = cx.doc;
    let verb = cx.next_verb(k)?;
    if verb >= hi || verb > k + MAX_SOURCE_TOKENS {
        return None;
    }
    let mut e = verb;
    while e > k && (doc.in_class(e - 1, &AUXILIARIES) || is_adverb(doc.word(e - 1))) {
        e -= 1;
    }
    let src = np_ending_untold(doc, e, k)?;
    // No verb inside: "the mayor every spring sets the ferry fare" and
    // "Ruiz hired seven new drivers" are clauses.
    let verb_inside = (k..e).any(|i| {
        let w = doc.word(i);
        doc.toks[i].kind == TokenKind::Word
            && !doc.capitalized(i)
            && !doc.in_class(i, &INNER_PREPOSITIONS)
            && !doc.is(i, "and")
            && (w.ends_with("ed")
                || doc.in_class(i + 1, &DETERMINERS)
                || doc.kind(i + 1) == Some(TokenKind::Number))
    });
    // (A phrase of one subject pronoun is told a pronoun.)
    let pronoun = src.is_pronoun()
        || matches!(&src, Untold::Phrase(r) if r.len() == 1 && doc.in_class(r.start, &SUBJECT_PRONOUNS));
    (src.start() == k && !pronoun && !verb_inside).then_some((src, verb))
}

/// The first token at or after `j` (before `hi`) past auxiliaries and
/// adverbs, stopping at a cue that starts on one ("is telling").
fn skip_auxiliaries(cx: &Ctx<'_, '_>, mut j: usize, hi: usize) -> usize {
    let doc = cx.doc;
    while j < hi
        && cx.cue_at(j) == NONE
        && (doc.in_class(j, &AUXILIARIES) || is_adverb(doc.word(j)))
    {
        j += 1;
    }
    j
}

/// A finite form with its own subject: "said", "says", "is saying".
fn finite(c: &CueHit) -> bool {
    matches!(c.form, Form::Past | Form::Third | Form::Progressive)
}

/// A lowercase word in -ly: "sharply", "matter-of-factly".
fn is_adverb(w: &str) -> bool {
    // ("matter-of-factly")
    w.len() > 4
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !w.starts_with('-')
}

/// Where a trailing attribution ends, if what follows `from` is only an
/// addressee, an adjunct or an appositive: the end of the sentence, or a
/// comma before the rest of a split quote or sentence.
///
/// * "…, a U. S. official told The Associated Press."
/// * "…,” Okafor said in a brief talk to weary volunteers."
/// * "…!” State Senator Ana Ruiz said as she opened the hearing."
/// * "…,” said Mansour, a senior fellow at the Chatham House think tank."
/// * "A shorter agenda, she said, would let …" (ends at the second comma)
///
/// Never a clause: "Blinken said the Americans would …" is no tail.
fn tail_end(cx: &Ctx<'_, '_>, from: usize, sent_end: usize, appositive_ok: bool) -> Option<usize> {
    let doc = cx.doc;
    let mut j = from;
    let limit = (from + if appositive_ok { 64 } else { MAX_TAIL_TOKENS }).min(sent_end);
    // Past a preposition or a subordinator, the rest is an adjunct.
    let mut free = appositive_ok;
    while j < limit {
        let t = &doc.toks[j];
        match t.kind {
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number => {
                // "…,” she said and quickly left the room.": a second verb of the
                // speaker ends the attribution.
                if !free
                    && doc.is_any_of(j, &COORDINATORS, &["and", "but"])
                    && (second_verb(doc, j + 1) || clause_after_and(cx, j + 1, sent_end))
                {
                    return Some(j);
                }
                // ("…, WKRD reported at least nine boats blocked the channel":
                // "at least" is a quantity, no adjunct.)
                let quantity = at_least_quantity(doc, j);
                // "told a crowd that organizers put at 3,000", "has told
                // her donors that …": after an addressee, "that" opens
                // a relative clause or a clause of its own, and the cue with
                // its addressee stands as an attribution (a content before
                // its comma does not run on through it).
                let that_after_addressee = doc.is(j, "that")
                    && j > from
                    && doc.kind(j - 1) == Some(TokenKind::Word)
                    && !doc.capitalized(j - 1)
                    && (crate::source::is_person_noun(doc.word(j - 1))
                        || doc.in_class(j - 1, &ADJUNCT_WORDS))
                    && !doc.in_class(j - 1, &STOP_WORDS);
                if !free
                    && !quantity
                    && (that_after_addressee
                        || doc.in_class(j, &TAIL_OPENERS)
                        || tail_to(doc, j)
                        || tail_adjunct(doc, j))
                {
                    free = true;
                } else if !free && (j >= from + 8 || !tail_word(doc, j)) {
                    return None;
                }
            }
            TokenKind::Punct if matches!(t.text, "." | "!" | "?" | ";") => return Some(j),
            TokenKind::Punct if t.text == "," => {
                let n = j + 1;
                // "…,” he said, “…"
                if doc.kind(n) == Some(TokenKind::OpenQuote)
                    || (doc.kind(n) == Some(TokenKind::Quote) && doc.toks[n].is_double_quote())
                {
                    return Some(j);
                }
                // "he said, adding that …", "she said, would let …"
                if !appositive_ok && !free {
                    return Some(j);
                }
                // "The plan, said Ruiz, would cost more …": the sentence goes
                // on with its verb after an inverted attribution.
                if j == from && !doc.capitalized(n) && doc.in_class(n, &FINITE_VERBS) {
                    return Some(j);
                }
                // "the two sides agreed on a timetable, a diplomat said":
                // the attribution is the later one. Not a relative clause:
                // "…,” said Tom Ridgeway of Millbrook, who chairs the board".
                if !doc.in_class(n, &RELATIVE_PRONOUNS) && simple_tail(cx, n, sent_end) {
                    return None;
                }
            }
            TokenKind::CloseQuote | TokenKind::Quote | TokenKind::OpenQuote if free => {}
            TokenKind::Handle
            | TokenKind::Hashtag
            | TokenKind::Url
            | TokenKind::Email
            | TokenKind::Symbol
                if free => {}
            TokenKind::CloseQuote | TokenKind::Quote => return Some(j),
            TokenKind::Dash | TokenKind::Punct if free => {}
            // "- ''Never paid a bridge toll in his life,'' Mr. Baker said
            // - but few of them budged …": a dash closes the aside.
            TokenKind::Dash => return Some(j),
            TokenKind::Punct if matches!(t.text, "(" | ")" | "’" | "'") => {}
            _ => return None,
        }
        j += 1;
    }
    (j >= sent_end || free).then_some(sent_end.min(j.max(sent_end)))
}

/// A word that opens an adjunct after a trailing cue: a participle right
/// after "said" or "says", which takes no gerund ("…,” Okafor said
/// taking questions after a school board forum"; "suggested looking at
/// …" is content), or a span of time ("…,” Ruiz said 90 minutes into the
/// hearing").
fn tail_adjunct(doc: &Doc<'_>, j: usize) -> bool {
    let w = doc.word(j);
    let participle = doc.is_any(j.wrapping_sub(1), &["said", "says"])
        && doc.kind(j) == Some(TokenKind::Word)
        && w.len() > 5
        && w.ends_with("ing")
        && !w.ends_with("thing")
        && w.bytes().all(|b| b.is_ascii_lowercase());
    let span = doc.kind(j) == Some(TokenKind::Number)
        && doc.is_any(
            j + 1,
            &[
                "days", "hours", "minutes", "months", "seconds", "weeks", "years",
            ],
        );
    // "…,” he told 1,340 people gathered at Westbrook College": a
    // participle after the people one tells.
    let after_people =
        j > 0 && crate::source::is_person_noun(doc.word(j - 1)) && is_participle_ed(doc, j);
    participle || span || after_people
}

/// A word of the addressee or adjunct after a trailing cue: "told
/// reporters Tuesday", "said sarcastically", "told cheering supporters".
fn tail_word(doc: &Doc<'_>, j: usize) -> bool {
    let w = doc.word(j);
    let lower = doc.kind(j) == Some(TokenKind::Word) && !doc.capitalized(j);
    adjunct_like(doc, j..j + 1)
        || is_adverb(w)
        // "said just after midnight", "said shortly before the vote"
        || (doc.is_any(j, &["just", "shortly", "soon", "right", "only"])
            && doc.in_class(j + 1, &TAIL_OPENERS))
        || crate::source::is_person_noun(w)
        // "told state delegates", "told a cheering crowd": a word before
        // people or an audience.
        || (lower
            && (crate::source::is_person_noun(doc.word(j + 1))
                || (doc.in_class(j + 1, &ADJUNCT_WORDS)
                    && !doc.in_class(j + 1, &STOP_WORDS)
                    && !doc.in_class(j + 1, &DETERMINERS)
                    && !doc.in_class(j + 1, &INNER_PREPOSITIONS))))
        // "said Dec. 6": the day after a month.
        || (doc.kind(j) == Some(TokenKind::Number) && j > 0 && doc.capitalized(j - 1))
        // "told 1,340 people gathered at Westbrook College"
        || (doc.kind(j) == Some(TokenKind::Number) && crate::source::is_person_noun(doc.word(j + 1)))
        // "tells hundreds of soaked fans"
        || (doc.is_any(j, &["dozens", "hundreds", "millions", "scores", "thousands"])
            && doc.is(j + 1, "of"))
}

/// A verb right after a relative "that" or "who" at `k - 1`, which makes
/// it no complementizer: "a crowd that spilled out past the ferry gates", "a
/// crowd that was waiting".
fn verb_after_relative(doc: &Doc<'_>, k: usize) -> bool {
    !doc.capitalized(k) && (doc.in_class(k, &FINITE_VERBS) || doc.word(k).ends_with("ed"))
}

/// A lowercase word at `k` (past an -ly adverb) that opens no noun phrase:
/// the verb of "and quickly left the room", "and walked off the stage".
fn second_verb(doc: &Doc<'_>, k: usize) -> bool {
    let k = if is_adverb(doc.word(k)) { k + 1 } else { k };
    doc.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
        && !doc.capitalized(k)
        && !doc.in_class(k, &DETERMINERS)
        && !doc.in_class(k, &STOP_WORDS)
        && !doc.in_class(k, &crate::source::SUBJECT_PRONOUNS)
        && !doc.in_class(k, &ADDRESSEES)
        && !crate::source::is_person_noun(doc.word(k))
}

/// A clause of its own from token `k`, after "and" or "but" ends a trailing
/// attribution: "…,” Baker snapped and a deputy walked Ruiz out of the
/// room.", "…,” she said, and then the line went dead." A subject phrase,
/// then a finite verb.
fn clause_after_and(cx: &Ctx<'_, '_>, k: usize, sent_end: usize) -> bool {
    let doc = cx.doc;
    let Some(np) = crate::source::np_starting_untold(doc, k, (k + 8).min(sent_end)) else {
        return false;
    };
    let e = np.end();
    e < sent_end
        && !doc.capitalized(e)
        && doc.kind(e) == Some(TokenKind::Word)
        && (doc.in_class(e, &FINITE_VERBS) || is_participle_ed(doc, e) || cx.verb(e).is_some())
}

/// "to" opening an adjunct, not an infinitive: "said to reporters", "said
/// to the crowd", "told to WKRD".
fn tail_to(doc: &Doc<'_>, j: usize) -> bool {
    doc.is(j, "to")
        && (doc.in_class(j + 1, &DETERMINERS)
            || doc.capitalized(j + 1)
            || doc.in_class(j + 1, &ADJUNCT_WORDS)
            || crate::source::is_person_noun(doc.word(j + 1))
            // "said to scattered cheers"; not an infinitive ("appears to
            // hold a narrow lead", "seemed to tell them")
            || (doc.kind(j + 1) == Some(TokenKind::Word)
                && !doc.capitalized(j + 1)
                && doc.in_class(j + 2, &ADJUNCT_WORDS)
                && !doc.in_class(j + 2, &STOP_WORDS)
                && !doc.in_class(j + 2, &DETERMINERS)
                && !doc.is_any(j + 2, crate::source::OBJECT_PRONOUNS)))
}

/// Words after which the rest of a trailing attribution is an adjunct:
/// "said in a short address to …", "said as she opened the hearing".
#[rustfmt::skip]
pub(crate) const TAIL_OPENERS: WordClass = WordClass {
    bit: 1 << 9,
    file: None,
    words: &[
        "aboard", "about", "after", "ahead", "amid", "as", "at", "because", "before", "by",
        "during", "following", "for", "from", "in", "inside", "into", "near", "of", "on", "outside",
        "over", "since", "though", "through", "when", "while", "with", "without",
    ],
};

/// True when a word looks like a gerund or a present participle: a word in
/// -ing ("saying", "citing"), but not a preposition, a pronoun or a noun
/// ("said that, during the talks, …", "said nothing").
fn is_gerund_like(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing") && !NOT_GERUNDS.iter().any(|g| g.eq_ignore_ascii_case(w))
}

/// Words in -ing that are no verb: prepositions, pronouns and nouns.
const NOT_GERUNDS: &[&str] = &[
    "anything",
    "bring",
    "ceiling",
    "during",
    "evening",
    "everything",
    "morning",
    "nothing",
    "notwithstanding",
    "something",
    "spring",
    "string",
    "thing",
    "wedding",
];

/// The content that ends just before token `end` (a comma or the start of a
/// trailing attribution): back to the start of the sentence, or, when it ends
/// with a closing quotation mark, back to that quotation's opening mark if
/// the quotation began in an earlier sentence.
fn content_before(doc: &Doc<'_>, sent_start: usize, end: usize) -> Option<Range<usize>> {
    let mut e = end;
    while e > sent_start && doc.punct(e - 1, ",") {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    let mut start = sent_start.max(e.saturating_sub(MAX_CLAUSE_TOKENS));
    // An attribution inside a quotation reports only what is inside it:
    // in `that "the guard locked the gate early, according to the police"`
    // the content starts after the opening mark.
    let q = doc.quote_of.get(end).copied().unwrap_or(NONE);
    if q != NONE {
        let open = doc.quotes[q as usize].tokens.start;
        if open >= start && doc.quote_closed_at(e - 1) != Some(q as usize) {
            start = open + 1;
        }
    }
    // The quote mark closing the content: "…,”" or "…”,".
    let mut k = e - 1;
    if doc.punct(k, ",") && k > 0 {
        k -= 1;
    }
    if let Some(q) = doc.quote_closed_at(k) {
        let open = doc.quotes[q].tokens.start;
        if open < start {
            start = open;
        }
        // "Hale went over the club's rules: “Dues come first,” he
        // said.": the writer's words before the colon introduce the
        // quotation, which alone is what the source said.
        // So do words before a dash: "Okafor suggested that the plan was
        // vague - “Again, we need to see the actual numbers,” she
        // said." (Not a quotation's piece before it: "“I don't think the
        // old toll plan” -- that … -- “is going to survive,” he says.")
        let dash_before = open > start
            && doc.kind(open - 1) == Some(TokenKind::Dash)
            && !(start..open).any(|j| doc.toks[j].is_double_quote());
        // And an opening parenthesis: "… from riders (“I want my fare
        // back,” wrote Tess Moran, …), and …".
        if open > start && (doc.punct(open - 1, ":") || doc.punct(open - 1, "(") || dash_before) {
            start = open;
        }
    }
    // "MILLBROOK (AP) - The county likely overspent …, the audit
    // said": a dateline is no content.
    if start == sent_start {
        start = past_dateline(doc, start, e);
    }
    let r = trim(doc, start..e);
    (substantial(doc, &r) || whole_quotation(doc, &r)).then_some(r)
}

/// The token after a dateline opening a paragraph at `start`, or `start`:
/// "WASHINGTON (AP) —", "DES MOINES, Iowa —", "BEIRUT -". Upper-case words,
/// perhaps a comma and a state, perhaps an agency in parentheses, then a
/// dash, within the first dozen tokens before `end`.
fn past_dateline(doc: &Doc<'_>, start: usize, end: usize) -> usize {
    let para_start = start == 0 || doc.kind(start - 1) == Some(TokenKind::ParagraphBreak);
    let caps = |k: usize| {
        let w = doc.word(k);
        w.len() > 1
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'.' || b == b'-')
    };
    if !para_start || !caps(start) {
        return start;
    }
    let limit = (start + 12).min(end);
    let mut k = start;
    while k < limit && caps(k) {
        k += 1;
    }
    // ", Iowa", ", Fla."
    if doc.punct(k, ",") && k + 1 < limit && doc.capitalized(k + 1) {
        k += 2;
        if doc.kind(k) == Some(TokenKind::Abbreviation) || doc.punct(k, ".") {
            k += 1;
        }
    }
    // "(AP)", "(Reuters)"
    if doc.punct(k, "(") {
        match (k + 1..limit).find(|&p| doc.punct(p, ")")) {
            Some(close) if close <= k + 4 => k = close + 1,
            _ => return start,
        }
    }
    if k < limit && doc.kind(k) == Some(TokenKind::Dash) {
        k + 1
    } else {
        start
    }
}

/// Subordinators that open a clause which cannot stand as content alone.
const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "because", "before", "if", "once", "since", "though", "unless",
    "until", "when", "whenever", "while",
];

/// A fronted adjunct before a comma, which is no content: "In a June
/// interview, she spoke to reporters", "When pressed by the moderators,
/// Baker apologized to Okafor". A phrase opened by a preposition is an
/// adjunct when it has no verb and no comma; one opened by a subordinator,
/// when it has no comma (the main clause would follow one).
fn adjunct_only(doc: &Doc<'_>, r: &Range<usize>) -> bool {
    let comma = (r.start..r.end.min(r.start + MAX_CLAUSE_TOKENS)).any(|k| doc.punct(k, ","));
    // ("But even after the rents cooled", "just before the vote": past a
    // conjunction and an adverb of degree.)
    let mut first = r.start;
    if doc.is_any(first, &["and", "but"]) && first + 1 < r.end {
        first += 1;
    }
    if doc.is_any(first, &["even", "just", "only", "long", "shortly"]) {
        first += 1;
    }
    if doc.is_any(first, SUBORDINATORS) {
        return !comma;
    }
    // "Days after its audit was released, the port announced …": a time
    // before a subordinator.
    if doc.is_any(r.start, TIME_SPANS) && doc.is_any(r.start + 1, SUBORDINATORS) {
        return !comma;
    }
    // "Speaking to a full hall in Millbrook, Vermont, Okafor laid into
    // Baker": a participle phrase, commas and all.
    if doc.kind(r.start) == Some(TokenKind::Word)
        && is_gerund_like(doc.word(r.start))
        && doc.capitalized(r.start)
    {
        return !has_finite_verb(doc, r.clone());
    }
    // "In recent weeks, Ruiz attacked …", "With 214 seats at stake,
    // Okafor assured …": a prepositional phrase, whose plural nouns are
    // no verbs; only a form of "be", "have" or a modal, a common past or
    // a cue verb makes it a clause.
    // ("But he reads the budget another way, he said": "but" opening
    // a sentence is a conjunction.)
    doc.in_class(r.start, &NOT_CONTENT_START)
        && !doc.is(r.start, "but")
        && !comma
        && !(r.start..r.end.min(r.start + MAX_CLAUSE_TOKENS))
            .any(|k| doc.in_class(k, &FINITE_VERBS) || doc.verb[k] || is_participle_ed(doc, k))
}

/// A lowercase word in -ed after a word of its clause: "the party
/// collapsed", a past verb (or a participle).
fn is_participle_ed(doc: &Doc<'_>, k: usize) -> bool {
    let w = doc.word(k);
    w.len() > 3 && w.ends_with("ed") && !doc.capitalized(k) && doc.kind(k) == Some(TokenKind::Word)
}

/// Spans of time that open an adjunct with a subordinator after them:
/// "Days after …", "Hours before …".
const TIME_SPANS: &[&str] = &[
    "days", "decades", "hours", "minutes", "moments", "months", "weeks", "years",
];

/// True when a range is exactly one quotation with a word inside: “No,”
fn whole_quotation(doc: &Doc<'_>, r: &Range<usize>) -> bool {
    r.end > r.start + 1
        && doc
            .quote_opened_at(r.start)
            .is_some_and(|q| doc.quote_toks(q).end == r.end)
        && doc.toks[r.clone()].iter().any(|t| t.is_wordlike())
}

/// Quotation `q` and the quotations after it that continue the same
/// speaker ([`continuation_quotes`]): the content of "Mansour said, “A.” “B.”".
fn quotation_and_continuations(cx: &Ctx<'_, '_>, q: usize) -> Pieces {
    let qt = cx.doc.quote_toks(q);
    let end = qt.end;
    let mut pieces = Pieces::one(qt);
    pieces.extend(continuation_quotes(cx, end));
    pieces
}

/// After a trailing attribution ending at `end` (a comma or a period), the
/// quotations that continue the same speaker: “A,” he said, “B.” / “A,” he
/// said. “B.” — each opening right after the previous piece, in the same
/// paragraph, with no attribution of its own after it.
fn continuation_quotes(cx: &Ctx<'_, '_>, end: usize) -> Pieces {
    let doc = cx.doc;
    let mut out = Pieces::default();
    let mut j = end;
    loop {
        if doc.punct(j, ",") || doc.punct(j, ".") || doc.punct(j, ":") {
            j += 1;
        }
        // "…,” he said on “Harbor Week.” “But being audited …”": the
        // attribution's sentence ended inside a quoted title, past its mark.
        if out.is_empty() && j > end && doc.quote_closed_at(j).is_some() {
            j += 1;
        }
        // "…,” she said, speaking from a shelter in Port Ansel. “People were
        // running …”", "…,” Ruiz said, in response to a question about
        // school buses. “There was a hard lesson …”": past a phrase
        // that ends the sentence.
        // (Not a second clause: "…,” Marsh said, and her son broke in.
        // “Don’t forget …” is his.)
        if out.is_empty()
            && j < doc.toks.len()
            && doc.quote_opened_at(j).is_none()
            && !doc.is_any(j, &["and", "but", "then"])
        {
            let s = &doc.sents[doc.sent_of[j] as usize];
            let quoteless = (j..s.toks.end).all(|k| !doc.toks[k].is_quote());
            let next_para = doc.sents.get(doc.sent_of[j] as usize + 1).map(|n| n.para);
            if quoteless && next_para == Some(s.para) {
                j = s.toks.end;
            }
        }
        let Some(q) = doc.quote_opened_at(j) else {
            break;
        };
        let qt = doc.quote_toks(q);
        // Same paragraph only.
        if doc.sents[doc.sent_of[j] as usize].para
            != doc.sents[doc.sent_of[end.min(doc.toks.len() - 1)] as usize].para
        {
            break;
        }
        if doc.quotes[q].closing != crate::Closing::Matched && !doc.quotes[q].reopened.is_empty() {
            break;
        }
        let after = qt.end;
        // A quotation followed by its own attribution belongs to that one.
        let mut n = after;
        if doc.punct(n, ",") {
            n += 1;
        }
        let sent_end = doc.sents[doc.sent_of[j] as usize].toks.end;
        if n < sent_end && trailing_found(cx, n, sent_end) {
            break;
        }
        // The quotation must end its sentence: “B.” then a new sentence.
        let mut m = after;
        while m < doc.toks.len()
            && doc.kind(m) == Some(TokenKind::Punct)
            && matches!(doc.word(m), "." | "!" | "?")
        {
            m += 1;
        }
        out.push(qt);
        if m >= doc.toks.len() || doc.kind(m) == Some(TokenKind::ParagraphBreak) {
            break;
        }
        if doc.sent_of[m] as usize == doc.sent_of[j] as usize && m != after {
            break;
        }
        j = m;
        if doc.quote_opened_at(j).is_none() {
            break;
        }
    }
    out
}

/// Rule: trailing and inverted attributions.
///
/// * "For now, a small number of Iraqi militants are in southern Lebanon,
///   the Kataib Hezbollah official said."
/// * "“Iran and Iraq have so far maintained a transparent line …,” said
///   Mansour, a senior fellow at the Chatham House think tank."
/// * "“We'll stay,” she said. “It takes patience.”" (one claim, two spans)
pub(crate) fn trailing(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (si, s) in doc.sents.iter().enumerate() {
        let r = s.toks.clone();
        // "“Why's she blaming me?” Baker said.": the question mark ended
        // the quotation's sentence, and the attribution is a sentence of its
        // own.
        if si > 0 && doc.sents[si - 1].para == s.para {
            let prev = doc.sents[si - 1].toks.clone();
            // Only a quotation that is the whole previous sentence: in "Brandt
            // said spending had “run out of road.” The White House disagreed."
            // the quotation has its speaker already.
            let whole = doc
                .quote_closed_at(prev.end - 1)
                .filter(|&q| doc.quotes[q].tokens.start <= prev.start);
            if let Some(q) = whole {
                if let Some((ci, src, end)) = trailing_at(cx, r.start, r.end) {
                    let quote = doc.quote_toks(q);
                    let mut pieces = Pieces::one(quote);
                    pieces.extend(continuation_quotes(cx, end));
                    out.push(Cand {
                        cue: ci as u32,
                        cue_toks: Pieces::one(cx.cues[ci].toks.clone()),
                        source: Some(src),
                        rule: if pieces.len() > 1 {
                            Rule::SplitQuote
                        } else {
                            Rule::QuoteCueSource
                        },
                        content: pieces,
                        score: 0.9,
                        sent: si,
                    });
                }
            }
        }
        let mut next = r.start;
        while next + 1 < r.end {
            let k = next;
            next += 1;
            // Only a comma, a dash or a closing mark comes before a trailing
            // attribution: words pass at once.
            if !matches!(
                doc.toks[k].kind,
                TokenKind::Punct | TokenKind::Dash | TokenKind::CloseQuote | TokenKind::Quote
            ) {
                continue;
            }
            // An attribution after `k` needs a cue verb near it (see
            // `trailing_at`): none after it in the sentence ends the scan,
            // and one far ahead skips the tokens that cannot reach it. Most
            // of a sentence's commas have no verb after them ("In Baghdad,
            // Kirkuk and Mosul, …").
            let verb = cx.next_verb(k + 1).unwrap_or(usize::MAX);
            if verb >= r.end {
                break;
            }
            if verb > k + 1 + MAX_TRAILING_VERB {
                next = verb - MAX_TRAILING_VERB - 1;
                continue;
            }
            let comma = doc.punct(k, ",");
            let closing = matches!(doc.kind(k), Some(TokenKind::CloseQuote | TokenKind::Quote))
                && doc.quote_closed_at(k).is_some();
            let dash = doc.kind(k) == Some(TokenKind::Dash);
            if !(comma || closing || dash) {
                continue;
            }
            // “…,” he said: the comma is inside the quote; start after the mark.
            let start = if comma && doc.quote_closed_at(k + 1).is_some() {
                continue;
            } else {
                k + 1
            };
            // "…, as the Harbor Ledger reported on Tuesday.", "…, as first
            // reported by WKRD."
            let as_tail = comma && doc.is(start, "as") && start + 2 < r.end;
            // (`start` is a token of this sentence, before its end.)
            let found = if as_tail {
                // Mid-sentence ("Of course, as Hale observed, the …"),
                // the verb's own content comes after it.
                as_reported(cx, start, r.end).filter(|&(_, _, end)| !doc.punct(end, ","))
            } else {
                trailing_at(cx, start, r.end)
            };
            cx.note_tail(start, found.is_some());
            let Some((ci, src, end)) = found else {
                continue;
            };
            // The content ends with the comma's token or the closing mark.
            let content_end = if comma || dash { k } else { k + 1 };
            let cue_first = cx.cues[ci].toks.start == start;
            // "Customers, he said, have been moving …": a parenthetical
            // attribution; the short piece before it is content too. So
            // inverted: "The plan, said Ruiz, would cost more …".
            let parenthetical = doc.punct(end, ",")
                && if cue_first {
                    end <= cx.cues[ci].toks.end + 4
                } else {
                    end <= cx.cues[ci].toks.end + 3
                };
            // "… before the levy vote — that won’t pass, they believe —
            // but how …": an attribution closed by a dash reports the aside
            // its dash closes.
            let from = if doc.kind(end) == Some(TokenKind::Dash) {
                (r.start..content_end)
                    .rev()
                    .find(|&j| doc.kind(j) == Some(TokenKind::Dash))
                    .map_or(r.start, |j| j + 1)
            } else {
                r.start
            };
            let before = content_before(doc, from.min(content_end), content_end);
            let Some(content) = before.or_else(|| {
                let short = trim(doc, r.start..content_end);
                (parenthetical && !short.is_empty() && short.len() <= 3).then_some(short)
            }) else {
                continue;
            };
            let quoted = doc.quote_closed_at(content.end - 1).is_some();
            let mut pieces = Pieces::one(content.clone());
            if quoted {
                pieces.extend(continuation_quotes(cx, end));
            }
            // Whether the rest is a quotation that opens in lowercase,
            // going on with the sentence the piece before began.
            let mut rest_goes_on = false;
            // "A shorter agenda, she said, would let the board finish by
            // noon": the sentence goes on after the attribution.
            if parenthetical && pieces.len() == 1 && !quoted {
                let next = end + 1;
                let participle = cx
                    .cue(next)
                    .is_some_and(|(_, c)| c.form == Form::Gerund || is_according(c))
                    || is_gerund_like(doc.word(next));
                if !participle {
                    let rest = trim(doc, next..clause_end(cx, next, r.end));
                    // "Instead, Ruiz said, “the city will borrow the
                    // money.”": the rest is a quotation, whole, and the
                    // quotations that continue it.
                    match doc.quote_opened_at(rest.start) {
                        Some(q) if rest.len() > 1 => {
                            let qt = doc.quote_toks(q);
                            // (Not after a time of the saying: "Later that
                            // night, Ruiz wrote, “we will not back down.”")
                            rest_goes_on = doc.kind(qt.start + 1) == Some(TokenKind::Word)
                                && !doc.capitalized(qt.start + 1)
                                && (verb_anywhere(doc, content.clone())
                                    || !content.clone().any(|k| {
                                        (doc.in_class(k, &TIME_WORDS) && !doc.is(k, "this"))
                                            || is_month(doc.word(k))
                                    }));
                            pieces.push(qt.clone());
                            pieces.extend(continuation_quotes(cx, qt.end));
                        }
                        _ if substantial(doc, &rest) => pieces.push(rest),
                        _ => {}
                    }
                }
            }
            if !substantial(doc, &content) && !whole_quotation(doc, &content) && pieces.len() == 1 {
                continue;
            }
            // "Speaking at a rally in Port Ansel, Baker called Okafor, his
            // rival, a “career fixer.”": a participle phrase before a
            // subject and its verb is the writer's frame, not a piece of
            // content around a parenthetical attribution.
            // (Not a gerund subject: "Running the food bank, she said,
            // taught her to …", where the rest opens with the verb; nor an
            // adjunct before a clause: "During those years, records
            // show, the ferry sailed half empty".)
            if pieces.len() > 1
                && !quoted
                && is_gerund_like(doc.word(content.start))
                && doc.capitalized(content.start)
                && !verb_anywhere(doc, content.clone())
                && pieces.get(1).is_some_and(|rest| {
                    (doc.in_class(rest.start, &DETERMINERS) || doc.capitalized(rest.start))
                        && !verb_anywhere(doc, rest.clone())
                })
            {
                continue;
            }
            // "In a June interview, she spoke to reporters": the fronted
            // adjunct is no content unless the sentence goes on after the
            // attribution ("In her district, Ruiz said, repairs are …").
            // Nor is a phrase without a verb ("Earlier in 2019, Ambassador
            // Hale wrote to her about …"): the attribution has content of
            // its own after it.
            if pieces.len() == 1
                && !quoted
                && (adjunct_only(doc, &content) || !verb_anywhere(doc, content.clone()))
            {
                continue;
            }
            let rule = match (quoted, pieces.len() > 1, cue_first) {
                (_, true, _) => Rule::SplitQuote,
                (true, _, _) => Rule::QuoteCueSource,
                (false, _, true) => Rule::ContentCueSource,
                (false, _, false) => Rule::ContentSourceCue,
            };
            let mut score = if quoted || rest_goes_on { 0.95 } else { 0.85 };
            if src.kind == SourceKind::Other {
                score -= 0.1;
            }
            out.push(Cand {
                cue: ci as u32,
                cue_toks: Pieces::one(cx.cues[ci].toks.clone()),
                source: Some(src),
                content: pieces,
                rule,
                score,
                sent: si,
            });
        }
    }
}

/// The start of the content past adjuncts before "that" or a quotation
/// after cue `c`, whose content would start at `a`: "said in a statement
/// that", "said Monday that", "said in a long interview recorded for the
/// port archive that", "said in a statement: “…”", "saying at one point, “…”".
fn past_lead(cx: &Ctx<'_, '_>, c: &CueHit, mut a: usize, sent_end: usize) -> usize {
    let doc = cx.doc;
    if doc.is(a, "that") {
        return a;
    }
    // "said Sunday in Millbrook, Vermont, that": a comma inside a
    // place name, between two capitalized words or before "that".
    let place_comma = |j: usize| {
        doc.punct(j, ",")
            && j > a
            && doc.capitalized(j - 1)
            && (doc.capitalized(j + 1) || doc.is(j + 1, "that"))
    };
    // "said in a statement Friday night they dropped …": a subject
    // pronoun after the adjunct opens the clause; "promised on
    // Monday to delay …": an infinitive, for a verb that takes one.
    // (Not for "asked the crowd to …", whose object is content.)
    let infinitive_frame = c.frames.has(Frames::TO) && !c.frames.has(Frames::OBJ_TO);
    // ("said on WKRD’s “Harbor Week” on Sunday that": a quoted name.)
    let quote_mark = |j: usize| doc.toks[j].is_double_quote() && j > a;
    // "said Tuesday, in an interview with WKRD, that …": an adjunct
    // between commas, when a comma and "that" end it.
    let adjunct_comma = |j: usize| {
        j > a
            && doc.punct(j, ",")
            && (j..(a + 16).min(sent_end)).any(|k| doc.punct(k, ",") && doc.is(k + 1, "that"))
    };
    let mut j = a;
    while j < sent_end
        && j < a + 16
        && (doc.toks[j].is_wordlike() || place_comma(j) || quote_mark(j) || adjunct_comma(j))
        && !doc.is(j, "that")
        && !(j > a && doc.in_class(j, &SUBJECT_PRONOUNS))
        && !(infinitive_frame && doc.is(j, "to"))
        // ("said in a statement released by his campaign that": a
        // participle and its agent inside the adjunct)
        && (cx.verb(j).is_none()
            || (j > a && doc.is(j + 1, "by") && cx.verb(j).is_some_and(|(_, c)| c.form == Form::Past)))
    {
        j += 1;
    }
    // (Not after a subordinator: in "demonstrated outside the
    // paper after it backed Okafor" the pronoun is the
    // subordinate clause's.)
    let pronoun_next = doc.in_class(j, &SUBJECT_PRONOUNS)
        && doc
            .toks
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
        && !(a..j).any(|k| doc.is_any(k, SUBORDINATORS));
    // "said evenly, “…”", "said only that": an adverb leads too.
    let adverbs = || {
        (a..j).all(|k| is_adverb(doc.word(k)) || doc.is_any(k, &["just", "only", "simply", "then"]))
    };
    // (Names alone are no adjunct but whom one tells, "telling WKRD,
    // “…”": in "Ana Ruiz Says Baker, ‘Toll Hawks’ Pose A Threat" the
    // quotation is part of the clause.)
    let names_only = !c.frames.has(Frames::OBJ_THAT)
        && (a..j).all(|k| doc.capitalized(k) && !doc.in_class(k, &TIME_WORDS));
    let lead = j > a
        && ((a..j).all(|k| {
            place_comma(k) || quote_mark(k) || adjunct_comma(k) || adjunct_like(doc, k..k + 1)
        }) && !names_only
            // ("proposed just that in 2019": "that" a pronoun)
            || (j <= a + 2 && !doc.in_class(j + 1, &NOT_CONTENT_START) && adverbs())
            || (doc.in_class(a, &TAIL_OPENERS) && !doc.is_any(a, &["to", "for", "as"]))
            // ("said to reporters: “…”", "said to the crowd that")
            || tail_to(doc, a));
    let quote_next =
        (doc.punct(j, ":") || doc.punct(j, ",")) && doc.quote_opened_at(j + 1).is_some();
    let infinitive_next = infinitive_frame && j > a + 1 && doc.is(j, "to");
    if lead && (doc.is(j, "that") || quote_next || pronoun_next || infinitive_next) {
        a = j;
    }
    a
}

/// The noun phrase starting at `a` after a verb of telling, past a role
/// before a name: "told host Dale Mercer a Baker loss is …" (the name is
/// whom one tells, "host" no thing told).
fn addressee_np(doc: &Doc<'_>, a: usize, sent_end: usize) -> Option<SourceCand> {
    let role = doc.capitalized(a + 1)
        && doc.toks.get(a).is_some_and(|t| t.kind == TokenKind::Word)
        && !doc.capitalized(a)
        && crate::source::is_listed_title_noun(doc.word(a));
    let a = if role { a + 1 } else { a };
    // "told voters the plan had failed": an article or a possessive after
    // a lowercase head opens the content, not more of whom one tells.
    let hi = (a + 1..(a + 6).min(sent_end))
        .find(|&k| {
            doc.is_any(k, &["a", "an", "his", "its", "our", "the", "their"])
                && doc.kind(k - 1) == Some(TokenKind::Word)
                && !doc.capitalized(k - 1)
                && crate::source::is_person_noun(doc.word(k - 1))
        })
        .unwrap_or(sent_end);
    np_starting_at(doc, a, hi)
}

/// Object pronouns and common addressees after "told", "warned", "assured".
#[rustfmt::skip]
pub(crate) const ADDRESSEES: WordClass = WordClass {
    bit: 1 << 10,
    file: None,
    words: &[
        "a", "an", "her", "him", "journalists", "lawmakers", "listeners", "me", "reporters",
        "supporters", "the", "them", "us", "viewers", "voters", "you",
    ],
};

/// Rule: the source before its cue, the content after it.
///
/// * "Analyst Renad Mansour said he believed Iran would ensure attacks
///   remained below a threshold …"
/// * "U. S. Secretary of State Antony Blinken told al-Sudani that
///   Washington expects …"
/// * "CIA Director William Burns warned al-Sudani of “serious
///   consequences” if Iraq does not act …"
/// * "Mansour said: “…”" and "Mansour said, “…”" (the quotation is the
///   content, even across a paragraph break after the colon).
pub(crate) fn source_cue_content(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (ci, c) in cx.cues.iter().enumerate() {
        // Participles are bound to a subject elsewhere: see `participle`.
        if c.noun || is_according(c) || c.form == Form::Gerund {
            continue;
        }
        let si = doc.sent_of[c.toks.start] as usize;
        let s = &doc.sents[si];
        let sent_end = s.toks.end;
        // (After a comma the subject may stand past a long relative
        // clause: "Ms. Okafor's mayoral campaign, which has been
        // dogged for 14 months by …, said".)
        let reach = if doc.punct(c.toks.start.wrapping_sub(1), ",") {
            40
        } else {
            8
        };
        let lo = c
            .toks
            .start
            .saturating_sub(MAX_SOURCE_TOKENS + reach)
            .max(s.toks.start);
        // "have been claimed", "was told": in the passive the subject is
        // not the source.
        if c.form == Form::Past && passive_before(doc, c.toks.start, lo) {
            if let Some(cand) = impersonal_passive(cx, ci, c, si) {
                out.push(cand);
            }
            continue;
        }
        // "Do you support Ana Ruiz?": a question the writer asks
        // reports nothing.
        if writers_question(doc, s.toks.clone(), c.toks.start) {
            continue;
        }
        // "The ministry will announce the cuts": what someone will, could or
        // should say is not yet said.
        if c.toks.start > s.toks.start && modal_before(doc, c.toks.start) {
            continue;
        }
        // "“Thanks, Port Ansel, for coming,” said master of ceremonies …":
        // a quotation opening the sentence and closing on the cue is its
        // content, and no subject stands inside it.
        if c.toks.start > s.toks.start + 1
            && (closes_quote_from(doc, c.toks.start - 1, s.toks.start)
                || (doc.punct(c.toks.start - 1, ",")
                    && closes_quote_from(doc, c.toks.start - 2, s.toks.start)))
        {
            continue;
        }
        // "Grissom praised Harrow … and said he expects …": a second verb
        // shares the subject of the sentence.
        // Past auxiliaries and adverbs: "… and formally endorsed
        // Okafor", "… and has since said".
        let mut v = c.toks.start;
        while v > s.toks.start
            && v + 3 > c.toks.start
            && (doc.in_class(v - 1, &AUXILIARIES) || is_adverb(doc.word(v - 1)))
        {
            v -= 1;
        }
        let coordinated = v > s.toks.start
            && (doc.in_class(v - 1, &COORDINATORS) || doc.is(v - 1, "then"))
            // After a comma, only a verb of saying: "The ferry line posted
            // a loss for the year, and said fares would rise in May".
            && (!doc.punct(v.saturating_sub(2), ",") || speech_verb(c));
        // What the subject names is told when a test or a claim reads it:
        // most cues lead to no claim.
        let source = subject_untold(doc, c.toks.start, lo)
            .or_else(|| {
                coordinated
                    .then(|| sentence_subject(doc, s.toks.clone(), c.toks.start))
                    .flatten()
                    .map(Untold::Told)
            })
            .or_else(|| long_subject(doc, s.toks.start, c));
        // Without a subject this is rarely an attribution ("Learn more
        // here", "attacks remained below …").
        let Some(mut source) = source else { continue };
        // A bare base form is a verb only after a plural or first-person
        // subject or an auxiliary ("Activists say", "I think", "did not
        // say"); after a singular noun it is a noun ("the embassy attack").
        // When the phrase before it is the end of a longer subject
        // ("Supporters of tighter limits on port traffic here say"), that
        // subject is asked.
        if c.form == Form::Base && !base_form_verb(doc, c.toks.start, source.get(doc)) {
            match long_subject(doc, s.toks.start, c) {
                Some(mut long) => {
                    if !base_form_verb(doc, c.toks.start, long.get(doc)) {
                        continue;
                    }
                    source = long;
                }
                None => continue,
            }
        }
        let mut a = c.toks.end;
        // "Austin “made clear (to al-Sudani) that …": a parenthetical.
        if doc.punct(a, "(") {
            if let Some(close) = (a + 1..(a + 12).min(sent_end)).find(|&j| doc.punct(j, ")")) {
                a = close + 1;
            }
        }
        // "…,” Voss told “Sunday on the Waterfront,” remarking …": a quoted name
        // is whom one tells, not what.
        if c.frames.has(Frames::OBJ_THAT) && quoted_name(doc, a) {
            a = doc.quote_toks(doc.quote_opened_at(a).unwrap_or(a)).end;
            // "…, remarking on …" or the end: what was told came before.
            if a >= sent_end
                || (a.saturating_sub(3)..a + 1).any(|k| doc.punct(k, ",") || doc.punct(k, "."))
            {
                continue;
            }
        }
        // An addressee: "told al-Sudani", "told The Associated Press",
        // and "warned al-Sudani of …".
        if c.frames.has(Frames::OBJ_THAT) && !doc.is(a, "that") {
            // "warned customers that", "told her counterpart that", "told
            // WKRD’s “Morning Dock” that": up to a near "that",
            // whatever the addressee is, a quoted name too.
            // (Not past a subject pronoun, which opens the content: "told a
            // town meeting they are still working to fix
            // that"; nor a "that" that ends the clause.)
            let that = (a..(a + 14).min(sent_end))
                .take_while(|&j| {
                    (doc.toks[j].is_wordlike() || doc.toks[j].is_double_quote())
                        && !(j > a && doc.in_class(j, &SUBJECT_PRONOUNS))
                })
                .find(|&j| {
                    doc.is(j, "that")
                        && !that_is_determiner(doc, j)
                        && doc
                            .toks
                            .get(j + 1)
                            .is_some_and(|t| t.is_wordlike() || t.is_quote())
                });
            if let Some(t) = that {
                a = t;
            } else if doc.in_class(a, &ADDRESSEES) && !doc.is_any(a, &["the", "a", "an", "her"]) {
                a += 1;
            } else if let Some(np) = addressee_np(doc, a, sent_end) {
                if let Some(end) = audience(doc, &np) {
                    a = end;
                } else if np.kind != SourceKind::Other {
                    a = np.toks.last().map_or(a, |r| r.end);
                }
            }
            // "warned al-Sudani of “serious consequences”"
            if &*c.lemma == "warn" && doc.is(a, "of") {
                a += 1;
            }
            // "told reporters Tuesday the plan would …": a day after the
            // addressee is no content.
            a = past_day(doc, a);
        }
        // "The port authority has said for years that …", "Ruiz has said
        // for weeks she’s the only one who can fix …": a span of time is no
        // content.
        if doc.is(a, "for") {
            let mut k = a + 1;
            if doc.is_any(k, &["the", "several", "many", "a", "some"]) {
                k += 1;
            }
            if doc.is_any(k, &["past", "last", "few"]) {
                k += 1;
            }
            if crate::source::small_number(doc, k) {
                k += 1;
            }
            // ("for a while")
            if doc.is_any(k, TIME_SPANS) || doc.is(k, "while") {
                a = k + 1;
            }
        }
        // "asked Baker Wednesday if the project …", "told reporters how
        // …": an addressee before a question word, which opens the content.
        if (c.frames.has(Frames::OBJ_THAT) || &*c.lemma == "ask") && !doc.is(a, "that") {
            let question = (a..(a + 7).min(sent_end))
                .take_while(|&j| doc.toks[j].is_wordlike() && cx.verb(j).is_none())
                .find(|&j| doc.is_any(j, QUESTION_WORDS));
            if let Some(q) = question.filter(|&q| q > a && addressee_before(doc, a, q)) {
                a = q;
            }
        }
        // Adjuncts before "that" or a quotation: "said in a statement
        // that", "said Monday that", "said in a long interview recorded
        // for the port archive that", "said in a statement: “…”".
        a = past_lead(cx, c, a, sent_end);
        // "Two papers reported on Monday the county auditor had
        // …": a day after "on".
        if c.frames.has(Frames::THAT) && doc.is(a, "on") {
            let after = past_day(doc, a + 1);
            if after > a + 1 && doc.in_class(after, &DETERMINERS) {
                a = after;
            }
        }
        // "said Thursday the plan would …": a day before the clause.
        if c.frames.has(Frames::THAT) && !doc.is(a, "that") {
            let after = past_day(doc, a);
            if after > a
                && doc
                    .toks
                    .get(after)
                    .is_some_and(|t| t.kind == TokenKind::Word)
            {
                a = after;
            }
        }
        // "Mr. Baker said, for his part, that …": an aside between
        // commas before "that"; "Okafor said, when the audit came out, “We
        // never …”": before a quotation, which is the content then.
        if doc.punct(a, ",") {
            let close = (a + 2..(a + 10).min(sent_end))
                .take_while(|&j| doc.toks[j].is_wordlike() || doc.punct(j, ","))
                .find(|&j| doc.punct(j, ","));
            if let Some(j) = close.filter(|&j| {
                (doc.is(j + 1, "that") && !that_is_determiner(doc, j + 1))
                    // (Not a participle: "…, Voss said, adding, “…”".)
                    || (doc.quote_opened_at(j + 1).is_some()
                        && (a + 1..j).all(|k| doc.toks[k].is_wordlike() && cx.cue_at(k) == NONE))
            }) {
                a = if doc.is(j + 1, "that") { j + 1 } else { j };
            }
        }
        // ("Haddad-Sirri rejected that account": after a verb that takes
        // no clause, "that" is a determiner.)
        let had_that = doc.is(a, "that")
            && c.frames.has(Frames::THAT.with(Frames::OBJ_THAT))
            && !that_is_determiner(doc, a);
        if had_that {
            a += 1;
        }
        // "“Nobody has shouted yet,” Ruiz said 90
        // minutes into the forum": a verb after a quotation that opens
        // the sentence and ends in a comma, and its subject, reports the
        // quotation; what follows it is no content of
        // its own, unless "that" or a quotation opens it.
        // ("…,” Ruiz told a crowd at the Dockside Tavern that spilled out
        // past the ferry gates": a "that" before a verb opens a relative clause.)
        let relative = had_that && a < sent_end && verb_after_relative(doc, a);
        if (!had_that || relative)
            && a < sent_end
            && source.start() > s.toks.start + 1
            && closes_quote_from(doc, source.start() - 1, s.toks.start)
            && doc.punct(source.start() - 2, ",")
            && doc.quote_opened_at(a).is_none()
            && doc.quote_opened_at(a + 1).is_none()
        {
            continue;
        }
        if a >= sent_end {
            // The cue ends its sentence: a trailing attribution or a colon at
            // the end of the paragraph.
            let source = Some(source.tell(doc));
            if let Some(cand) = colon_next_paragraph(cx, ci, c, source, a, si) {
                out.push(cand);
            }
            continue;
        }
        // "said, “…”" and "said: “…”".
        if doc.punct(a, ",") || doc.punct(a, ":") {
            let source = source.tell(doc);
            let colon = doc.punct(a, ":");
            if let Some(q) = doc.quote_opened_at(a + 1) {
                let pieces = quotation_and_continuations(cx, q);
                out.push(Cand::of(
                    ci,
                    c,
                    Some(source),
                    pieces,
                    Rule::SourceCueQuote,
                    0.9,
                    si,
                ));
                continue;
            }
            if colon {
                if a + 1 >= sent_end || doc.kind(a + 1) == Some(TokenKind::ParagraphBreak) {
                    if let Some(cand) = colon_next_paragraph(cx, ci, c, Some(source), a + 1, si) {
                        out.push(cand);
                    }
                    continue;
                }
                // "X said: the plan failed." — the rest of the paragraph.
                let para_end = doc.paras[s.para].end;
                let content = trim(doc, a + 1..para_end);
                if substantial(doc, &content) {
                    out.push(Cand::of(
                        ci,
                        c,
                        Some(source.clone()),
                        Pieces::one(content),
                        Rule::SourceCueQuote,
                        0.75,
                        si,
                    ));
                }
            }
            // "Ana Ruiz says, rain or shine on Saturday, the ferry will
            // sail": the content runs on past the comma.
            let next = a + 1;
            let participle = cx
                .cue(next)
                .is_some_and(|(_, c)| c.form == Form::Gerund || is_according(c))
                || is_gerund_like(doc.word(next));
            if !colon && !participle {
                let mut content = trim(doc, next..clause_end(cx, next, sent_end));
                // ("said that, in 2009, the company was failing": after
                // "that", a preposition opens an adjunct of the clause.)
                if substantial(doc, &content)
                    && (had_that || !doc.in_class(content.start, &NOT_CONTENT_START))
                {
                    // "argue that, while the levy may …": "that" and its comma.
                    if had_that && content.start == next {
                        content.start = cx.content_start(next);
                    }
                    out.push(Cand::of(
                        ci,
                        c,
                        Some(source.clone()),
                        Pieces::one(content),
                        Rule::SourceCueContent,
                        0.7,
                        si,
                    ));
                }
            }
            continue;
        }
        // "Hale declined to say whether …", "the union vowed to strike": an
        // infinitive is the content of a verb that takes one. An object
        // before it ("urged residents to stay off the roads") is read below.
        if !had_that && doc.is(a, "to") && c.frames.has(Frames::TO) {
            // "He seems to think the dispute will be settled …", "She appeared
            // to suggest that …": a raising verb and a verb of saying or
            // thinking after "to" are one cue, whose subject is the source
            // (PolNeAR marks 33 of its 197 "seem" and "appear" cues so).
            if RAISING.contains(&&*c.lemma) {
                let inner = cx.cue(a + 1).filter(|(_, h)| {
                    !h.noun
                        && h.form == Form::Base
                        && h.toks.start == a + 1
                        && matches!(
                            h.category,
                            CueCategory::Speech | CueCategory::Writing | CueCategory::Belief
                        )
                });
                if let Some((ii, h)) = inner {
                    let b = h.toks.end;
                    let content = clause_after(cx, b, sent_end);
                    if substantial(doc, &content)
                        && !doc.in_class(content.start, &NOT_CONTENT_START)
                    {
                        out.push(Cand {
                            cue: ii as u32,
                            cue_toks: Pieces::one(c.toks.start..b),
                            source: Some(source.tell(doc)),
                            content: Pieces::one(cx.content_start(content.start)..content.end),
                            rule: Rule::SourceCueContent,
                            score: 0.75,
                            sent: si,
                        });
                        continue;
                    }
                }
            }
            let content = cut_coordinated(cx, trim(doc, a..clause_end(cx, a, sent_end)));
            let content = infinitive_end(doc, content);
            // "He declined to comment" reports a refusal, the source's answer
            // to a request; "He declined to comment further" only ends what
            // was reported before it.
            if substantial(doc, &content) && !no_further_comment(doc, &content) {
                let (source, content) = raised(doc, c, source.tell(doc), Pieces::one(content));
                out.push(Cand::of(
                    ci,
                    c,
                    source,
                    content,
                    Rule::SourceCueContent,
                    0.7,
                    si,
                ));
            }
            continue;
        }
        // "said to be", "spoke on condition of anonymity", "reported from
        // Beirut": not a reported clause.
        // ("WKRD reported at least nine boats blocked the channel": "at least"
        // is a quantity.)
        // ("She says despite the delays, the bridge will open": a fronted
        // "despite" phrase and its comma open the clause; "…, Ruiz said
        // despite the delays." ends in an adjunct.)
        let fronted = doc.is(a, "despite")
            && (a + 2..(a + 12).min(sent_end))
                .find(|&k| doc.punct(k, ","))
                .is_some_and(|k| has_finite_verb(doc, k + 1..sent_end));
        let quantity = at_least_quantity(doc, a);
        if !(had_that || fronted || quantity || !doc.in_class(a, &NOT_CONTENT_START)) {
            continue;
        }
        // A clause needs a verb that takes one; a verb used only with quotes
        // ("call", "attack") needs the quotation right after it.
        let clause = c.frames.has(Frames::THAT) || c.frames.has(Frames::OBJ_THAT);
        let quoted = c.frames.has(Frames::QUOTE) && doc.quote_opened_at(a).is_some();
        let np_only = !clause && !quoted && c.frames.has(Frames::NP);
        if !(clause || quoted || np_only) {
            continue;
        }
        // "Al-Sudani condemned the U. S. attacks …": the object is the
        // content, but only for a finite verb after a name.
        // Evidence verbs need a clause: "Divers found the wreck" is no claim.
        // A base form takes an object after a plural subject ("Council
        // members support rewriting the charter").
        let plural_stance = c.form == Form::Base
            && matches!(c.category, CueCategory::Stance | CueCategory::Belief)
            && source.end() <= c.toks.start
            && (source.end()..c.toks.start).all(|k| {
                // (not a modal: "they would back a second term" is a
                // conditional, no stance taken)
                doc.is_any(
                    k,
                    &["do", "does", "did", "also", "still", "now", "not", "n't"],
                ) || is_adverb(doc.word(k))
            })
            && base_form_verb(doc, c.toks.start, source.get(doc));
        if np_only
            && (!(finite(c) || plural_stance)
                || c.category == CueCategory::Evidence
                || (source.get(doc).kind == SourceKind::Other
                    && !writing_source(doc, source.get(doc))
                    && !(plural_stance && share_source(doc, source.get(doc))))
                || (source.is_pronoun() && doc.is(source.start(), "it")))
        {
            continue;
        }
        // "a militant organization called the Islamic Resistance in Iraq":
        // naming, not attributing.
        if np_only && NAMING.contains(&&*c.lemma) {
            let end = clause_end(cx, a, sent_end);
            let name = (a..end)
                .filter(|&k| doc.toks[k].is_wordlike())
                .all(|k| doc.capitalized(k) || doc.is_any(k, &["the", "of", "in", "and", "for"]));
            // ("Jacobs called Okafor “The Mayor of the Whole Waterfront”":
            // an object and a quoted epithet, two objects.)
            let epithet = (a + 1..end).any(|k| doc.quote_opened_at(k).is_some());
            if name && !epithet {
                continue;
            }
        }
        // "He wrote ''The Salt Orchard'' in 2019": a quoted title.
        if doc.quote_opened_at(a).is_some_and(|q| title_like(doc, q)) {
            continue;
        }
        let end = quote_then_verb(
            doc,
            a,
            run_on_quote(doc, a, clause_end(cx, a, sent_end), sent_end),
        );
        let mut content = trim(doc, a..end);
        // "The governor urged residents to stay off the roads": a request
        // is a claim, its content the object and the infinitive, as PolNeAR
        // annotates it; a command ("It ordered the government to prosecute
        // the activists") is not. Like an object, the content ends before a
        // second verb of the subject ("He urged parents to check their
        // records and said …").
        let directive = !had_that && c.frames.has(Frames::OBJ_TO) && {
            let to =
                (content.start..(content.start + 6).min(content.end)).find(|&k| doc.is(k, "to"));
            to.is_some_and(|to| !has_finite_verb(doc, content.start..to))
        };
        let command = matches!(c.category, CueCategory::Speech | CueCategory::Stance)
            && !REQUESTS.contains(&&*c.lemma);
        if directive && command {
            continue;
        }
        if np_only || directive {
            content = cut_coordinated(cx, content);
        }
        // "a bill that Ridgeway pushed three years ago alongside …": a
        // preposition or a time where the object would be; the object is
        // the noun the relative clause hangs on.
        let gapped = np_only
            && (doc.in_class(content.start, &TAIL_OPENERS)
                || (doc.in_class(content.start, &TIME_WORDS)
                    && !doc.in_class(content.start, &DETERMINERS)
                    && !doc.in_class(content.start + 1, &INNER_PREPOSITIONS))
                || (doc.kind(content.start) == Some(TokenKind::Number)
                    && doc.in_class(content.start + 1, &TIME_WORDS)));
        if gapped {
            continue;
        }
        // Not for a verb of two objects ("called Ms. Okafor's budget on
        // Friday “a real wake-up call”"), nor for an object with a
        // quotation in it, which mostly runs on to the quotation.
        let two_objects = NAMING.contains(&&*c.lemma) || &*c.lemma == "describe";
        let quoted = (content.start..content.end).any(|k| doc.toks[k].is_quote());
        // "Ms. Ruiz stressed those concerns on Sunday at a forum in
        // Millbrook, and she raised them again …": a verb that takes a
        // clause or an object, with an object, which ends as one does.
        // (Only where the object ends at that word.)
        let object = !np_only && !had_that && c.frames.has(Frames::NP) && !two_objects && !quoted;
        if np_only && !two_objects && !quoted {
            content = object_np(cx, content);
        } else if let Some(k) = object
            .then(|| object_then_adjunct(cx, content.clone()))
            .flatten()
        {
            let cut = object_np(cx, content.clone());
            if cut.end <= k {
                content = cut;
            }
        }
        // "who has known Baker since the 1990s", "has known the Okafors
        // for decades": an acquaintance, not a belief.
        if !had_that && doc.is(c.toks.start, "known") {
            let person = doc.is_any(content.start, crate::source::OBJECT_PRONOUNS)
                || np_starting_at(doc, content.start, sent_end)
                    .is_some_and(|np| np.kind != SourceKind::Other);
            let span = (content.start + 1..(content.start + 6).min(content.end))
                .any(|k| doc.is_any(k, &["since", "for"]));
            if person && span {
                continue;
            }
        }
        // "Okafor called both candidates Sunday morning", "Baker, who called
        // Ruiz shortly after the results came in": a person called
        // with nothing said of them is a telephone call.
        if np_only && &*c.lemma == "call" && !quoted {
            let call = np_starting_at(doc, content.start, sent_end).is_some_and(|np| {
                let after = np.toks.last().map_or(content.start, |r| r.end);
                np.kind != SourceKind::Other
                    && (after >= sent_end
                        || doc.punct(after, ".")
                        || doc.in_class(after, &TIME_WORDS)
                        || doc.in_class(after, &TAIL_OPENERS)
                        || doc.in_class(after, &COORDINATORS)
                        || is_adverb(doc.word(after)))
            });
            if call {
                continue;
            }
        }
        let name = np_only && content.len() == 1 && one_word_object(doc, content.start);
        // "Everyone but Delgado said no": an answer of one word.
        let answer = content.len() == 1
            && matches!(c.category, CueCategory::Speech)
            && doc.is_any(content.start, &["yes", "no"]);
        if !substantial(doc, &content) && !name && !answer {
            continue;
        }
        // "…, he said this week.": a time alone is no content.
        if content.clone().all(|k| {
            doc.in_class(k, &TIME_WORDS)
                || doc.is_any(k, &["this", "last", "next", "on", "earlier", "later"])
        }) {
            continue;
        }
        // A quotation starting the content and holding all of it.
        let mut pieces = Pieces::one(content.clone());
        if let Some(q) = doc.quote_opened_at(content.start) {
            let qt = doc.quote_toks(q);
            if qt.end >= content.end {
                pieces = Pieces::one(qt.clone());
                pieces.extend(continuation_quotes(cx, qt.end));
            }
        }
        // "T-shirts appeared in front of the office that said …", "Ruiz
        // appeared Sunday, …": "appear" or "seem" after a subject and
        // before a place or a time is showing up, not seeming; a raising
        // verb reports "to …", an adjective ("seemed ready to …") or a
        // clause after "it" ("It appears the vote will slip").
        let expletive = doc.is_any(source.start(), &["it", "there"]);
        if RAISING.contains(&&*c.lemma) && !had_that && !expletive {
            let k = c.toks.end;
            let shows_up = (doc.in_class(k, &INNER_PREPOSITIONS) && !doc.is(k, "of"))
                || (doc.in_class(k, &TIME_WORDS) && doc.capitalized(k))
                || doc.is_any(k, &["on", "before", "onstage", "alongside", "together"]);
            if shows_up {
                continue;
            }
        }
        // "She told a story about her grandmother", "Divers found the
        // wreck": without "that", an evidence verb needs a clause after
        // it, and "tell" needs a person to tell.
        let evidence = c.category == CueCategory::Evidence;
        if !had_that && direct_start_free(doc, content.start) {
            let tells_a_thing = c.frames.has(Frames::OBJ_THAT)
                && addressee_np(doc, c.toks.end, sent_end)
                    .is_some_and(|np| np.kind == SourceKind::Other && audience(doc, &np).is_none());
            // "The latest poll shows Okafor well in front", "A poll by
            // the Ledger shows …": a document may show a clause without a verb.
            let document = (source.start()..source.end()).any(|k| doc.in_class(k, &DOCUMENT_NOUNS));
            // "The council seemed ready to …": a raising verb takes an
            // adjective too.
            let raising = RAISING.contains(&&*c.lemma);
            // "she has maintained her standing as the favorite": "maintain"
            // keeps a thing as often as it claims one, and claims only a
            // clause.
            let no_clause = &*c.lemma == "maintain" && !has_finite_verb(doc, content.clone());
            // "he has proved durable on the east side", "who has proved a
            // welcome alternative": without "that", "prove" is a copula.
            let copula = &*c.lemma == "prove";
            if tells_a_thing
                || no_clause
                || copula
                || (evidence
                    && !np_only
                    && !document
                    && !raising
                    && !has_finite_verb(doc, content.clone()))
            {
                continue;
            }
        }
        if had_that && (pieces[0].start == a || pieces[0].start == a + 1 && doc.punct(a, ",")) {
            pieces[0].start = cx.content_start(pieces[0].start);
        }
        let mut score = if had_that { 0.9 } else { 0.8 };
        if np_only {
            score -= 0.25;
        }
        let source = source.tell(doc);
        if source.kind == SourceKind::Other {
            score -= 0.1;
        }
        let (source, pieces) = raised(doc, c, source, pieces);
        out.push(Cand {
            cue: ci as u32,
            cue_toks: Pieces::one(c.toks.clone()),
            source,
            content: pieces,
            rule: if np_only {
                Rule::ObjectContent
            } else {
                Rule::SourceCueContent
            },
            score,
            sent: si,
        });
    }
}

/// Where content from `a` that reaches its sentence's end (`end ==
/// sent_end`) ends when a quotation opened in it is still open there: at
/// the quotation's close, within its paragraph ("… said Baker “has to drag
/// the whole board along to every meeting. I think it's a real
/// shame.”"). Otherwise `end`.
fn run_on_quote(doc: &Doc<'_>, a: usize, end: usize, sent_end: usize) -> usize {
    if end != sent_end || end <= a {
        return end;
    }
    // The last inner token of the content, before a final mark or stop.
    let last = (a..end)
        .rev()
        .take(3)
        .find(|&k| doc.toks[k].is_wordlike())
        .unwrap_or(end - 1);
    let Some(&q) = doc.quote_of.get(last).filter(|&&q| q != NONE) else {
        return end;
    };
    let qt = doc.quote_toks(q as usize);
    let para_end = doc.paras[doc.sents[doc.sent_of[a] as usize].para].end;
    if qt.start >= a && qt.end > end && doc.quotes[q as usize].close.is_some() && qt.end <= para_end
    {
        qt.end
    } else {
        end
    }
}

/// Where content from `a` that opens with a quotation ends when a second
/// verb of the subject follows the quotation: at its close ("She said “no
/// way” and walked off", "… which read “Nurses 4 Okafor” — and waved
/// it"). Otherwise `end`.
fn quote_then_verb(doc: &Doc<'_>, a: usize, end: usize) -> usize {
    let Some(q) = doc.quote_opened_at(a) else {
        return end;
    };
    let close = doc.quote_toks(q).end;
    if close >= end || doc.quotes[q].close.is_none() {
        return end;
    }
    let mut k = close;
    if doc.punct(k, ",") || doc.kind(k) == Some(TokenKind::Dash) {
        k += 1;
    }
    let verb_next = k + 1 < end
        && doc.is_any(k, &["and", "but"])
        && doc.toks[k + 1].kind == TokenKind::Word
        && !doc.capitalized(k + 1)
        && !doc.in_class(k + 1, &crate::source::SUBJECT_PRONOUNS)
        && !doc.in_class(k + 1, &DETERMINERS);
    if verb_next {
        close
    } else {
        end
    }
}

/// Raising verbs: their subject is what they say something of, not who
/// says it ("The plan seems to work").
const RAISING: &[&str] = &["appear", "seem"];

/// The source and content of cue `c` with subject `source`: for a raising
/// verb no source, and the subject in the content ("Tom Ridgeway
/// appeared to drop his bid …", "The speaker seemed closer to …"), but not
/// the "it" of "It appears that …".
fn raised(
    doc: &Doc<'_>,
    c: &CueHit,
    source: SourceCand,
    content: Pieces,
) -> (Option<SourceCand>, Pieces) {
    if !RAISING.contains(&&*c.lemma) {
        return (Some(source), content);
    }
    let expletive = source.toks.len() == 1
        && source.toks[0].len() == 1
        && doc.is_any(source.toks[0].start, &["it", "there"]);
    if expletive {
        return (None, content);
    }
    (None, source.toks.iter().cloned().chain(content).collect())
}

/// Verbs whose object and infinitive report a request: "urged residents
/// to stay home", "asked customers to report downed lines".
#[rustfmt::skip]
const REQUESTS: &[&str] = &[
    "appeal", "ask", "beg", "encourage", "implore", "lobby", "plead", "press", "push", "urge",
];

/// Words that cannot open a reported clause right after its cue.
#[rustfmt::skip]
pub(crate) const NOT_CONTENT_START: WordClass = WordClass {
    bit: 1 << 11,
    file: None,
    words: &[
        "about", "across", "after", "against", "along", "alongside", "amid", "among", "and",
        "around", "as", "at", "before", "behind", "below", "beside", "between", "beyond", "but",
        "by", "despite", "during", "for", "from", "in", "inside", "into", "near", "of", "off",
        "on", "or", "out", "outside", "over", "past", "since", "through", "throughout", "to", "toward",
        "towards", "under", "up", "upon", "via", "with", "within", "without",
    ],
};

/// Forms of "be" and "get" that make a participle after them passive.
#[rustfmt::skip]
pub(crate) const PASSIVE_AUXILIARIES: WordClass = WordClass {
    bit: 1 << 22,
    file: None,
    words: &[
        "is", "are", "was", "were", "been", "being", "be", "get", "got",
    ],
};

/// True when a form of "be" stands among the auxiliaries before the cue at
/// `cue`: "have been claimed", "was told", "is expected".
fn passive_before(doc: &Doc<'_>, cue: usize, lo: usize) -> bool {
    let mut k = cue;
    while k > lo {
        k -= 1;
        if doc.in_class(k, &PASSIVE_AUXILIARIES) {
            return true;
        }
        if !(doc.in_class(k, &AUXILIARIES) || is_adverb(doc.word(k))) {
            return false;
        }
    }
    false
}
/// Words of the adjuncts and addressees that may stand between a cue and
/// its clause or end a trailing attribution: "said in a statement that",
/// "told reporters on a conference call", "told a local radio station".
#[rustfmt::skip]
pub(crate) const ADJUNCT_WORDS: WordClass = WordClass {
    bit: 1 << 12,
    file: None,
    words: &[
        "a", "after", "afterward", "afterwards", "again", "aloud", "also", "an", "applause",
        "assembly", "at", "audience", "before", "breakfast", "briefing", "call", "caucus",
        "cheers", "committee", "conference", "congregation", "convention", "crowd",
        "delegation", "dinner", "during", "earlier", "email", "event", "facebook", "forum",
        "gathering", "hall", "hearing", "her", "him", "his", "in", "interview", "interviews",
        "its", "last", "later", "laughs", "laughter", "letter", "local", "luncheon", "magazine",
        "me", "meeting", "month", "morning", "network", "news", "newspaper", "night", "on",
        "onstage", "outlet", "panel", "post", "previously", "privately", "program", "publicly",
        "radio", "rally", "recently", "repeatedly", "reporter", "reporters", "session", "show",
        "speech", "statement", "station", "summit", "television", "the", "their", "them",
        "then", "this", "today", "tonight", "too", "town", "tv", "tweet", "twitter", "us",
        "via", "week", "with", "year", "yesterday",
    ],
};

/// True when every token of `r` can belong to an adjunct or an addressee.
fn adjunct_like(doc: &Doc<'_>, r: Range<usize>) -> bool {
    r.clone().all(|j| {
        doc.in_class(j, &ADJUNCT_WORDS) || doc.in_class(j, &TIME_WORDS) || doc.capitalized(j)
    })
}

/// "X said:" at the end of a paragraph: the next paragraph (a quotation,
/// perhaps running over several paragraphs) is the content.
fn colon_next_paragraph(
    cx: &Ctx<'_, '_>,
    ci: usize,
    c: &CueHit,
    source: Option<SourceCand>,
    a: usize,
    si: usize,
) -> Option<Cand> {
    let doc = cx.doc;
    let para = doc.sents[si].para;
    // The colon must be the last token of its paragraph.
    let last = doc.paras[para].end - 1;
    if !doc.punct(last, ":") || last + 1 < a.min(doc.paras[para].end) {
        return None;
    }
    let next = doc.paras.get(para + 1)?;
    let content = if let Some(q) = doc.quote_opened_at(next.start) {
        doc.quote_toks(q)
    } else {
        trim(doc, next.clone())
    };
    if !substantial(doc, &content) {
        return None;
    }
    Some(Cand {
        cue: ci as u32,
        cue_toks: Pieces::one(c.toks.start..c.toks.end),
        score: if source.is_some() { 0.85 } else { 0.5 },
        source,
        content: Pieces::one(content),
        rule: Rule::SourceCueQuote,
        sent: si,
    })
}

/// Rule: "according to".
///
/// * "…, according to two Iraqi officials who spoke on condition of
///   anonymity …" (content before)
/// * "According to the newspaper, “The county’s aging water pipes …”" (content after)
/// * "The plan, according to aides, would cost $2 billion." (both sides)
pub(crate) fn according_to(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (ci, c) in cx.cues.iter().enumerate() {
        if !is_according(c) {
            continue;
        }
        let si = doc.sent_of[c.toks.start] as usize;
        let s = &doc.sents[si];
        let (start, mut end) = (s.toks.start, s.toks.end);
        // "“It goes according to seniority,” said Nell Porter": inside a
        // quotation, the content stays inside it.
        if let Some(&q) = doc.quote_of.get(c.toks.start).filter(|&&q| q != NONE) {
            end = end.min(doc.quotes[q as usize].tokens.end);
        }
        // "according to plan", "according to state law": not a source.
        let head = (c.toks.end..(c.toks.end + 4).min(end))
            .take_while(|&k| doc.toks[k].is_wordlike())
            .last();
        if head.is_some_and(|h| doc.in_class(h, &NOT_SOURCES)) {
            continue;
        }
        // "according to court filings": any short phrase up to the comma
        // when it is not a name.
        let src = np_starting_at(doc, c.toks.end, end).or_else(|| {
            let stop = (c.toks.end..(c.toks.end + 8).min(end))
                .find(|&k| !doc.toks[k].is_wordlike())
                .unwrap_or(end.min(c.toks.end + 8));
            (stop > c.toks.end + 1).then(|| SourceCand {
                toks: Pieces::one(c.toks.end..stop),
                kind: SourceKind::Other,
            })
        });
        let after_np = src
            .as_ref()
            .and_then(|s| s.toks.last())
            .map_or(c.toks.end, |r| r.end);
        let mut pieces = Pieces::default();
        // "“… what they really stand for?” Baker said at a town
        // meeting, according to the Harbor Ledger.": a sentence that
        // opens with the attribution of the quotation before it reports
        // that quotation too.
        let start = match start.checked_sub(1).and_then(|p| doc.quote_closed_at(p)) {
            Some(q) if trailing_found(cx, start, end) => doc.quotes[q].tokens.start,
            _ => start,
        };
        // "He went because, according to Ruiz, the media would …": after a
        // conjunction the content is the clause that it opens, after the
        // source.
        // (A clause with its subject: not "… replaced its auditors and,
        // according to staff, adopted a new policy".)
        let opened = c.toks.start >= start + 2
            && doc.punct(c.toks.start - 1, ",")
            && doc.is_any(
                c.toks.start - 2,
                &[
                    "because", "but", "and", "while", "although", "though", "since", "so", "yet",
                ],
            )
            && doc.punct(after_np, ",")
            && (doc.in_class(after_np + 1, &SUBJECT_PRONOUNS)
                || doc.in_class(after_np + 1, &DETERMINERS)
                || doc.capitalized(after_np + 1));
        // Text before the cue.
        if c.toks.start > start && !opened {
            if let Some(before) = content_before(doc, start, c.toks.start) {
                pieces.push(before);
            }
        }
        // Text after the source phrase, past a relative clause: to the end
        // of the sentence, inner attributions included ("According to two
        // officials, Voss said …, arguing that …").
        let mut j = after_np;
        if doc.is_any(j, &["who", "which"]) || !doc.punct(j, ",") {
            let stop = end.min(after_np + MAX_CLAUSE_TOKENS);
            while j < stop && !doc.punct(j, ",") {
                j += 1;
            }
        }
        if doc.punct(j, ",") && j + 1 < end {
            let rest = trim(doc, j + 1..end.min(j + 1 + MAX_CLAUSE_TOKENS));
            // "According to X, “…”" may run past the sentence as a quotation.
            let rest = match doc.quote_opened_at(rest.start) {
                Some(q) if doc.quote_toks(q).end > rest.end => doc.quote_toks(q),
                _ => rest,
            };
            // "…, according to the finance director, Martin Oakes.": a name
            // in apposition, not content.
            let appositive = !pieces.is_empty()
                && rest.len() <= 5
                && rest
                    .clone()
                    .all(|k| doc.capitalized(k) || doc.in_class(k, &DETERMINERS));
            // "Okafor has won 61 precincts, according to a Ledger tally, but
            // her lead is narrowing", "…, according to VoteWatch, the most
            // of any candidate": after a clause of its own, what follows the
            // source is the writer's. Only a content without its verb yet
            // goes on after it ("Among the piers in danger, according to
            // Ms. Ruiz, are nine …").
            let complete = pieces
                .first()
                .is_some_and(|b| b.clone().skip(1).any(|k| clause_verb(cx, k)));
            if substantial(doc, &rest) && !appositive && !complete {
                pieces.push(rest);
            }
        }
        if pieces.is_empty() {
            continue;
        }
        let score = if src.is_some() { 0.9 } else { 0.5 };
        out.push(Cand::of(ci, c, src, pieces, Rule::AccordingTo, score, si));
    }
}

/// Rule: a document named in a fronted "in" phrase is the source of the
/// clause after it, as "according to" would make it.
///
/// * "In a Harbor Ledger-WKRD News poll released Sunday, 62 percent of
///   residents said they opposed the toll plan."
/// * "In the newest Ledger poll, Ruiz had 31 percent."
///
/// "In a statement, the union said …" names no document: a statement is
/// said, and its verb is the cue.
pub(crate) fn in_document(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (si, s) in doc.sents.iter().enumerate() {
        let end = s.toks.end;
        let p =
            s.toks.start + usize::from(doc.is_any_of(s.toks.start, &COORDINATORS, &["and", "but"]));
        if !(doc.in_class(p, &INNER_PREPOSITIONS) && doc.is(p, "in")) {
            continue;
        }
        let Some(comma) = (p + 2..(p + 16).min(end)).find(|&k| doc.punct(k, ",")) else {
            continue;
        };
        let phrase = p + 1..comma;
        let plain = phrase.clone().all(|k| {
            doc.toks[k].is_wordlike()
                || doc.punct(k, "/")
                || crate::source::plural_possessive(doc, k)
        });
        // A lowercase -ed or -ing word: a participle.
        let participle = |k: usize| {
            let w = doc.word(k);
            !doc.capitalized(k) && (w.ends_with("ed") || w.ends_with("ing"))
        };
        // The document is the phrase's head, before any preposition or
        // participle: not "In the wake of the Ledger report", "In four of
        // seven precincts where voters were surveyed".
        let head = phrase.clone().find(|&k| {
            doc.in_class(k, &DOCUMENT_NOUNS)
                || doc.in_class(k, &INNER_PREPOSITIONS)
                || doc.is(k, "by")
                || participle(k)
        });
        if !plain || !head.is_some_and(|k| doc.in_class(k, &DOCUMENT_NOUNS)) {
            continue;
        }
        // "In an earlier Ledger-WKRD poll, fielded over three days in April,
        // Okafor led …": past an aside on the document.
        let mut from = comma + 1;
        if participle(from) {
            match (from + 1..(from + 12).min(end)).find(|&k| doc.punct(k, ",")) {
                Some(k) => from = k + 1,
                None => continue,
            }
        }
        let rest = trim(doc, from..end.min(from + MAX_CLAUSE_TOKENS));
        if !substantial(doc, &rest) || !verb_anywhere(doc, rest.clone()) {
            continue;
        }
        let source = Untold::Phrase(phrase).tell(doc);
        out.push(Cand {
            cue: NONE,
            cue_toks: Pieces::one(p..p + 1),
            source: Some(source),
            content: Pieces::one(rest),
            rule: Rule::InDocument,
            score: 0.8,
            sent: si,
        });
    }
}

/// Rule: a document named in an "in" phrase that closes its clause is the
/// source of the clause before it.
///
/// * "Ruiz had 31 percent support in the newest Ledger poll."
/// * "But she slipped to 14 percent in the latest Ledger/WKRD poll released
///   Wednesday, a slide driven by …"
///
/// Not "Twelve percent of parents in the survey were unsure", where the
/// phrase is inside the subject: the phrase must end the sentence or stand
/// before a comma.
pub(crate) fn in_document_after(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    // One class-bit test a token; only the few polls and surveys are read
    // further.
    let mut k = 0;
    while k < doc.toks.len() {
        let head = k;
        k += 1;
        // (Polls and surveys only: "in large numbers", "in his records"
        // are no documents that report.)
        if !doc.in_class(head, &DOCUMENT_NOUNS)
            || !doc.is_any(head, &["poll", "polls", "survey", "surveys"])
        {
            continue;
        }
        let si = doc.sent_of[head] as usize;
        let s = &doc.sents[si];
        // The "in" within a few words before the head, with words only
        // between ("in the latest Ledger/WKRD poll", "in a Port Ansel Herald
        // poll"), none of them a preposition.
        let floor = head.saturating_sub(8).max(s.toks.start);
        let Some(p) = (floor..head).rev().find(|&j| doc.is(j, "in")) else {
            continue;
        };
        let plain = (p + 1..head).all(|j| {
            (doc.toks[j].is_wordlike()
                || doc.punct(j, "/")
                || crate::source::plural_possessive(doc, j))
                && !doc.in_class(j, &INNER_PREPOSITIONS)
                && !doc.in_class(j, &STOP_WORDS)
                && !doc.in_class(j, &DOCUMENT_NOUNS)
        });
        if !plain || p <= s.toks.start + 2 || doc.quote_of.get(p).is_some_and(|&q| q != NONE) {
            continue;
        }
        // The phrase runs on through a participle and a time: "released
        // Wednesday", "taken last week", "last month".
        let mut end = head + 1;
        let time = |j: usize| {
            doc.in_class(j, &TIME_WORDS)
                || doc.kind(j) == Some(TokenKind::Number)
                || is_month(doc.word(j))
                || doc.is_any(j, &["on", "in", "this", "last"])
        };
        if doc.in_class(end, &TIME_WORDS) && !doc.in_class(end, &DETERMINERS) {
            while end < s.toks.end && end < head + 4 && time(end) {
                end += 1;
            }
        } else if doc.is_any(end, crate::source::DOCUMENT_PARTICIPLES) || doc.is(end, "taken") {
            end += 1;
            while end < s.toks.end && end < head + 6 && time(end) {
                end += 1;
            }
        }
        let closes = end >= s.toks.end
            || doc.punct(end, ".")
            || doc.punct(end, ",")
            || doc.punct(end, ";")
            || doc.kind(end) == Some(TokenKind::Dash);
        if !closes {
            continue;
        }
        // The content: the clause before "in", past a fronted adjunct
        // without a verb ("In June, Baker had 41 percent in a Ledger
        // poll").
        // After a subordinate clause, the main one: "Though she trails
        // Baker countywide, Okafor has led in several Millbrook
        // surveys".
        let mut start = s.toks.start;
        if doc.is_any_of(start, &STOP_WORDS, SUBORDINATORS) {
            match main_clause_comma(cx, start..p, p) {
                Some(c) => start = c + 1,
                None => continue,
            }
        } else if let Some(c) = (start..p).find(|&j| doc.punct(j, ",")) {
            if !verb_anywhere(doc, start..c) {
                start = c + 1;
            }
        }
        start = past_dateline(doc, start, p);
        let content = trim(doc, start..p);
        if !substantial(doc, &content)
            || doc.in_class(content.start, &RELATIVE_PRONOUNS)
            || !has_finite_verb(doc, content.clone())
            || (content.start..content.end).any(|j| cx.verb(j).is_some_and(|(_, c)| finite(c)))
        {
            continue;
        }
        let source = Untold::Phrase(p + 1..end).tell(doc);
        out.push(Cand {
            cue: NONE,
            cue_toks: Pieces::one(p..p + 1),
            source: Some(source),
            content: Pieces::one(content),
            rule: Rule::InDocument,
            score: 0.6,
            sent: si,
        });
        k = end;
    }
}

/// Nouns after "according to" that name a standard, not a source.
#[rustfmt::skip]
pub(crate) const NOT_SOURCES: WordClass = WordClass {
    bit: 1 << 14,
    file: None,
    words: &[
        "custom", "guidelines", "instructions", "law", "laws", "plan", "plans", "policy",
        "procedure", "protocol", "regulations", "rule", "rules", "schedule", "script", "standards",
        "tradition",
    ],
};

/// Rule: participles bound to the subject of the main clause.
///
/// * "Iranian hawks in Washington criticized the move, saying it would
///   bolster Tehran’s revenue …"
/// * "Blinken said the Americans would take matters into their own hands,
///   arguing that Baghdad had done enough …"
///
/// Runs after the other rules: the source is that of the claim whose cue
/// comes before it in the sentence, or else the sentence's subject.
/// How many claims before a participle are asked for its subject.
const MAX_PRIOR: usize = 64;

pub(crate) fn participle(cx: &Ctx<'_, '_>, cands: &mut Vec<Cand>) {
    let doc = cx.doc;
    let mut added = Vec::new();
    let mut superseded = Vec::new();
    // Candidates by sentence and cue, to find a participle's subject claim.
    let mut by_sent: Vec<usize> = (0..cands.len()).collect();
    by_sent.sort_by_key(|&i| (cands[i].sent, cands[i].cue_toks[0].start));
    for (ci, c) in cx.cues.iter().enumerate() {
        if !participle_cue(c) {
            continue;
        }
        let p = c.toks.start;
        let si = doc.sent_of[p] as usize;
        let s = &doc.sents[si];
        // ", saying …" / ", adding that …" / "and adding …"
        let mut b = p;
        while b > s.toks.start
            && doc.is_any(b - 1, &["also", "while", "before", "after", "and", "then"])
        {
            b -= 1;
        }
        // A verb that takes no clause follows a comma or a dash: in "a
        // ''super PAC'' supporting Okafor" it modifies a noun.
        let clause = c.frames.has(Frames::THAT.with(Frames::QUOTE));
        // "opened her campaign by talking about …", "After blasting the
        // report, Marsh said …": a gerund after a preposition of manner or
        // time is something its clause's subject does.
        let prep = p > s.toks.start
            && matches!(c.category, CueCategory::Speech | CueCategory::Writing)
            && doc.is_any(
                p - 1,
                &["after", "before", "by", "in", "upon", "while", "without"],
            )
            && (p - 1 == s.toks.start || !doc.in_class(p - 2, &DETERMINERS));
        if b == s.toks.start && !prep {
            continue;
        }
        // "board members suggesting the port should …", "the share of
        // renters saying …": a verb that takes a clause, right after a
        // noun, reports what that noun's people say.
        // (Not a gerund the noun list holds: "the committee hearing".)
        let reduced = c.frames.has(Frames::THAT)
            && c.category == CueCategory::Speech
            && !c.listed_noun
            && b == p
            && reduced_relative_head(doc, p - 1);
        // "…, calling him a “bully” and accusing him of …": a participle
        // coordinated with one after a comma.
        let chained = doc.is(b, "and")
            && (b.saturating_sub(30).max(s.toks.start + 1)..b).any(|k| {
                doc.punct(k - 1, ",") && cx.cue(k).is_some_and(|(_, c)| participle_cue(c))
            });
        // (`b` is the sentence's first token, perhaps the text's, only
        // after a preposition: "After blasting the report, …".)
        let after_mark = b > 0
            && (doc.punct(b - 1, ",")
                || doc.kind(b - 1) == Some(TokenKind::Dash)
                || (clause && doc.kind(b - 1) == Some(TokenKind::CloseQuote)));
        // "…, with Sen. Ada Pruitt calling it a “grab bag”", "with
        // polls showing Okafor ahead": in an absolute phrase the subject
        // of the participle is the phrase after "with".
        let absolute_source = (b == p && !reduced && !prep && !chained && !after_mark)
            .then(|| {
                let lo = p.saturating_sub(MAX_SOURCE_TOKENS).max(s.toks.start);
                np_ending_at(doc, p, lo)
            })
            .flatten()
            .filter(|np| {
                let first = np.toks[0].start;
                first > s.toks.start
                    && doc.is(first - 1, "with")
                    && !is_gerund_like(doc.word(first))
                    && np.kind != SourceKind::Pronoun
            });
        let absolute = absolute_source.is_some();
        if !(reduced || prep || chained || after_mark || absolute) {
            continue;
        }
        // ("saying in a statement that …", "saying at one point, “…”")
        let mut a = past_lead(cx, c, c.toks.end, s.toks.end);
        // ", telling reporters the bridge would open": whom one tells is
        // no content.
        // (Not a subject pronoun past an adjunct, which opens the content,
        // nor whom one advises to do something: "advising the mayor to
        // stick to the budget".)
        if c.frames.has(Frames::OBJ_THAT)
            && a == c.toks.end
            && !doc.is(a, "that")
            && !doc.in_class(a, &SUBJECT_PRONOUNS)
        {
            let after =
                if doc.in_class(a, &ADDRESSEES) && !doc.is_any(a, &["the", "a", "an", "her"]) {
                    Some(a + 1)
                } else {
                    addressee_np(doc, a, s.toks.end)
                        .filter(|np| np.kind != SourceKind::Other)
                        .and_then(|np| np.toks.last().map(|r| r.end))
                        .filter(|&e| !crate::cue::genitive(doc.word(e - 1)))
                };
            // What follows opens a clause: "that", a subject pronoun, a
            // determiner or a name ("promising the Harbor Choir will
            // return" has its subject in the phrase, "advising Westbrook
            // College graduates to" its addressee after it).
            if let Some(e) = after.filter(|&e| {
                doc.is(e, "that")
                    || doc.in_class(e, &SUBJECT_PRONOUNS)
                    || (doc.in_class(e, &DETERMINERS) && !doc.is_any(e, &["that", "this"]))
                    || (doc.capitalized(e) && doc.toks[e].is_wordlike() && !doc.capitalized(e - 1))
            }) {
                a = e;
                if !doc.is(a, "that") {
                    a = past_day(doc, a);
                }
            }
        }
        let had_that = doc.is(a, "that") && !that_is_determiner(doc, a);
        if had_that {
            a += 1;
        }
        let mut end = clause_end(cx, a, s.toks.end);
        // "In a memo announcing the hire, the union called …", "After
        // telling reporters …, Ferreira said …": in an adjunct the content
        // ends before the clause after a comma.
        let fronted = prep && p - 1 == s.toks.start;
        if reduced || fronted {
            // (`clause_end` may have stopped on that comma already.)
            match main_clause_comma(cx, a..(end + 1).min(s.toks.end), s.toks.end) {
                Some(k) => end = k,
                None if fronted => continue,
                None => {}
            }
        }
        let mut content = trim(doc, a..end);
        if let Some(q) = doc.quote_opened_at(content.start) {
            let qt = doc.quote_toks(q);
            if qt.end > content.end {
                content = qt;
            }
        }
        // ", citing the late hour", ", seeking to …": a verb that takes
        // no clause reports its object or its infinitive.
        let infinitive = !clause && c.frames.has(Frames::TO) && doc.is(content.start, "to");
        // (After "that", a preposition opens an adjunct of the clause:
        // "saying that as mayor, Ms. Okafor would be firm".)
        let opener_ok = !doc.in_class(content.start, &NOT_CONTENT_START) || infinitive || had_that;
        // A verb that takes only a quotation reports only one: in "Okafor
        // toured the pier, beaming, a hometown crowd around her"
        // the phrase after it is no content.
        let quote_only = !c.frames.has(
            Frames::THAT
                .with(Frames::OBJ_THAT)
                .with(Frames::NP)
                .with(Frames::TO)
                .with(Frames::OBJ_TO),
        );
        if !substantial(doc, &content)
            || !opener_ok
            || (!clause && !infinitive && !c.frames.has(Frames::NP))
            || (quote_only && doc.quote_opened_at(content.start).is_none())
        {
            continue;
        }
        // (", declining to comment further": see `no_further_comment`.)
        if infinitive && no_further_comment(doc, &content) {
            continue;
        }
        if had_that && (content.start == a || content.start == a + 1 && doc.punct(a, ",")) {
            content.start = cx.content_start(content.start);
        }
        // The source: from the nearest earlier claim in this sentence with
        // one, among the MAX_PRIOR claims whose cues come just before (a
        // page without full stops is one sentence of thousands of claims).
        let lo = by_sent.partition_point(|&i| cands[i].sent < si);
        let before =
            by_sent.partition_point(|&i| (cands[i].sent, cands[i].cue_toks[0].start) < (si, p));
        let prior = by_sent[lo.max(before.saturating_sub(MAX_PRIOR))..before]
            .iter()
            .rev()
            .map(|&i| (i, &cands[i]))
            .find(|(_, k)| k.source.is_some());
        let mut cue_toks = Pieces::one(c.toks.clone());
        // (Not "Holding signs calling …": a participle phrase, not a noun.)
        let reduced_source = reduced
            .then(|| {
                np_ending_at(
                    doc,
                    p,
                    p.saturating_sub(MAX_SOURCE_TOKENS).max(s.toks.start),
                )
            })
            .flatten()
            .filter(|np| !is_gerund_like(doc.word(np.toks[0].start)));
        if reduced && reduced_source.is_none() {
            continue;
        }
        // "Board members suggesting the port needs an audit were
        // outvoted": inside the subject of its sentence, the content ends
        // before the sentence's verb, the second finite verb of the
        // content.
        if reduced
            && !(s.toks.start..p).any(|k| doc.in_class(k, &FINITE_VERBS) || cx.verb(k).is_some())
        {
            let verb_like = |k: usize| {
                doc.in_class(k, &FINITE_VERBS)
                    || cx.verb(k).is_some_and(|(_, c)| finite(c))
                    || (doc.word(k).ends_with("ed") && !doc.capitalized(k))
            };
            let mut finite_seen = false;
            for k in content.clone() {
                if verb_like(k) {
                    let after_word = doc.toks[k - 1].is_wordlike()
                        && !doc.in_class(k - 1, &FINITE_VERBS)
                        && !is_adverb(doc.word(k - 1))
                        && !doc.in_class(k - 1, &DETERMINERS);
                    if finite_seen && k > content.start + 1 && after_word {
                        content.end = k;
                        break;
                    }
                    finite_seen = true;
                }
            }
            content = trim(doc, content);
        }
        // Fronted, the subject is the one after the adjunct's comma.
        let fronted_source = fronted
            .then(|| np_starting_untold(doc, end + 1, s.toks.end))
            .flatten()
            .map(|np| np.tell(doc));
        let (source, score) = match prior {
            _ if reduced => (reduced_source, 0.7),
            _ if absolute => (absolute_source, 0.8),
            _ if fronted => (fronted_source, 0.7),
            // "Iranian hawks in Washington criticized the move, saying …":
            // one claim, whose cue is both verbs; the object is not content.
            // (Once: a second participle, "…, calling it “unsettling” and
            // warning that …", keeps its own cue.)
            Some((k, prev))
                if prev.rule == Rule::ObjectContent && clause && !superseded.contains(&k) =>
            {
                superseded.push(k);
                cue_toks.insert(0, prev.cue_toks[0].clone());
                (prev.source.clone(), 0.85)
            }
            Some((_, prev)) => (prev.source.clone(), 0.85),
            None => match participle_subject(cx, s.toks.clone(), b, end) {
                Some(src) => (Some(src), 0.75),
                None => (None, 0.45),
            },
        };
        added.push(Cand {
            cue: ci as u32,
            cue_toks,
            source,
            content: Pieces::one(content),
            rule: Rule::Participle,
            score,
            sent: si,
        });
    }
    superseded.sort_unstable();
    superseded.dedup();
    for k in superseded.into_iter().rev() {
        cands.swap_remove(k);
    }
    cands.extend(added);
}

/// The first comma in `r` that a clause follows: a noun phrase and a finite
/// verb ("…, the union called …", "…, Ferreira said …").
fn main_clause_comma(cx: &Ctx<'_, '_>, r: Range<usize>, sent_end: usize) -> Option<usize> {
    let doc = cx.doc;
    r.clone().find(|&k| {
        // ("While one report says …, another says …": a quantifier alone.)
        let quantifier = || {
            doc.in_class(k + 1, &QUANTIFIER_PRONOUNS)
                && cx.verb(k + 2).is_some_and(|(_, c)| finite(c))
        };
        doc.punct(k, ",")
            && (quantifier()
                || np_starting_untold(doc, k + 1, sent_end).is_some_and(|np| {
                    let v = skip_auxiliaries(cx, np.end(), sent_end);
                    // ("…, party leaders say": a base form after a plural too.)
                    cx.verb(v).is_some_and(|(_, c)| {
                        finite(c) || (c.form == Form::Base && base_form_verb(doc, v, &np.tell(doc)))
                    }) || doc.in_class(v, &FINITE_VERBS)
                        || (doc.word(v).ends_with("ed") && !doc.capitalized(v))
                }))
    })
}

/// Whether token `k` can be the noun a participle right after it modifies:
/// a word, not a function word, a pronoun, an adverb or a verb ("members"
/// in "staff members suggesting …", not "began" or "by").
fn reduced_relative_head(doc: &Doc<'_>, k: usize) -> bool {
    let Some(t) = doc.toks.get(k) else {
        return false;
    };
    let w = t.text;
    matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
        && !doc.verb[k]
        && !doc.in_class(k, &STOP_WORDS)
        && !doc.in_class(k, &DETERMINERS)
        && !doc.in_class(k, &INNER_PREPOSITIONS)
        && !doc.in_class(k, &TAIL_OPENERS)
        && !doc.in_class(k, &FINITE_VERBS)
        && !doc.in_class(k, &TIME_WORDS)
        && !crate::cue::genitive(w)
        && !doc.in_class(k, &SUBJECT_PRONOUNS)
        && !crate::source::is_pronoun_like(w)
        && !doc.is_any(k, crate::source::OBJECT_PRONOUNS)
        && !doc.is_any(
            k,
            &["even", "just", "maybe", "only", "perhaps", "still", "worth"],
        )
        && !is_adverb(w)
        && !w.ends_with("ing")
        && (!w.ends_with("ed") || doc.capitalized(k))
}

/// The subject of the clause a participle hangs on, when no claim before
/// it names one (`b`: the token after the comma before the participle;
/// `end`: where its content ends). The phrase opening the sentence, when
/// the participle stands between it and its verb ("The Ledger, citing
/// county emails, reported …"); the subject of the sentence; or that
/// of the nearest cue verb before the participle ("After a long review,
/// the publisher declined, citing the cost").
fn participle_subject(
    cx: &Ctx<'_, '_>,
    s: Range<usize>,
    b: usize,
    end: usize,
) -> Option<SourceCand> {
    let doc = cx.doc;
    let apposed = doc.punct(b - 1, ",")
        && doc.punct(end, ",")
        && cx.verb(end + 1).is_some_and(|(_, c)| finite(c));
    if apposed {
        if let Some(np) = np_starting_untold(doc, s.start, b - 1) {
            if np.end() == b - 1 {
                return Some(np.tell(doc));
            }
        }
    }
    let first = sentence_subject(doc, s.clone(), b);
    if first.is_some() {
        return first;
    }
    let lo = s.start.max(b.saturating_sub(2 * MAX_SOURCE_TOKENS));
    let walked = (lo..b)
        .rev()
        .find(|&k| cx.verb(k).is_some_and(|(_, c)| finite(c)))
        .and_then(|verb| {
            subject_before(
                doc,
                verb,
                verb.saturating_sub(MAX_SOURCE_TOKENS).max(s.start),
            )
        });
    walked.or_else(|| subject_past_adjuncts(doc, s, b))
}

/// Words that open a fronted adjunct: "On Thursday, after staying neutral
/// through the runoff, Ruiz appeared …".
#[rustfmt::skip]
const ADJUNCT_OPENERS: &[&str] = &[
    "after", "although", "amid", "as", "at", "because", "before", "by", "despite", "during",
    "earlier", "following", "for", "from", "if", "in", "last", "later", "on", "once", "over",
    "since", "though", "through", "throughout", "under", "until", "when", "while", "with",
    "within", "without",
];

/// The subject of a sentence past its fronted adjuncts, each up to its comma
/// ("On Thursday, after staying neutral through the whole runoff, Ruiz
/// appeared with Baker and endorsed Okafor, saying …"), or a preposition
/// and time words without one ("On Friday night Mr. Baker tried once
/// more …, writing on Twitter …"); a phrase of adverbs or prepositions
/// between commas may follow the subject ("Okafor, especially in the final
/// weeks of the race, has preached patience, claiming …").
fn subject_past_adjuncts(doc: &Doc<'_>, s: Range<usize>, limit: usize) -> Option<SourceCand> {
    let mut a = past_dateline(doc, s.start, s.end);
    if doc.is_any(a, &["and", "but", "so", "yet"]) {
        a += 1;
    }
    let plain = |r: Range<usize>| {
        r.clone()
            .all(|k| !doc.toks[k].is_quote() && doc.kind(k) != Some(TokenKind::Dash))
    };
    for _ in 0..3 {
        if !doc.is_any(a, ADJUNCT_OPENERS) {
            break;
        }
        match (a + 1..(a + 25).min(limit)).find(|&k| doc.punct(k, ",")) {
            Some(c) if plain(a..c) => a = c + 1,
            _ => {
                let mut j = a + 1;
                while j < limit && doc.in_class(j, &TIME_WORDS) {
                    j += 1;
                }
                if j == a + 1 {
                    return None;
                }
                a = j;
                break;
            }
        }
    }
    let np = np_starting_untold(doc, a, limit)?;
    let end = np.first_end(doc);
    let lower = |k: usize| {
        doc.toks
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && !doc.capitalized(k))
    };
    if lower(end) && !doc.in_class(end, &STOP_WORDS) {
        return Some(np.tell(doc));
    }
    // "Okafor, especially in the final weeks …, has preached …".
    if doc.punct(end, ",") && (is_adverb(doc.word(end + 1)) || doc.is_any(end + 1, ADJUNCT_OPENERS))
    {
        let close = (end + 2..(end + 20).min(limit)).find(|&k| doc.punct(k, ","))?;
        if plain(end..close) && lower(close + 1) {
            return Some(np.tell(doc));
        }
    }
    None
}

/// True when token `k` is the closing mark of a quotation that opened on
/// token `start` or before it (not of a title inside a sentence: "On
/// “Harbor Week,” Hale said …").
fn closes_quote_from(doc: &Doc<'_>, k: usize, start: usize) -> bool {
    // (Or before it: "“It's theft. It's flat-out theft,” Dale Mercer said
    // shortly after midnight on WKRD" opens in the sentence before.)
    doc.quote_closed_at(k)
        .is_some_and(|q| doc.quotes[q].tokens.start <= start)
}

/// True when the sentence `s` is a question opened by "do", "does" or
/// "did" and token `k` is outside any quotation: "Do you support Ana
/// Ruiz?", "Did the mayor approve the plan?".
fn writers_question(doc: &Doc<'_>, s: Range<usize>, k: usize) -> bool {
    doc.is_any_of(s.start, &FINITE_VERBS, &["do", "does", "did"])
        && (s.start..s.end)
            .rev()
            .find(|&p| doc.kind(p) != Some(TokenKind::ParagraphBreak))
            .is_some_and(|p| doc.punct(p, "?"))
        && doc.depth.get(k) == Some(&0)
}

/// A participle that [`participle`] reads: ", saying …", ", adding that
/// …", ", citing the late hour", ", referring to the plan", ", seeking to
/// …".
fn participle_cue(c: &CueHit) -> bool {
    let frames = Frames::THAT
        .with(Frames::QUOTE)
        .with(Frames::NP)
        .with(Frames::TO);
    c.form == Form::Gerund && !c.noun && c.frames.has(frames)
}

/// Verbs that turn a cue noun into a cue: "Washington has sent messages
/// that …", "issued a warning that …".
const LIGHT_VERBS: &[&str] = &[
    "delivered",
    "expressed",
    "gave",
    "given",
    "issued",
    "made",
    "offered",
    "repeated",
    "sent",
    "voiced",
];

/// Rule: a cue noun with a that-clause.
///
/// * "Washington has sent messages that it has run out of patience."
/// * "Al-Sudani had received an express promise from the militias that no
///   attacks would occur on the Blinken scale"
pub(crate) fn noun_cue(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (ci, c) in cx.cues.iter().enumerate() {
        // Also verb forms read as nouns: "an express promise from …".
        if is_according(c) || c.toks.len() > 1 {
            continue;
        }
        let si = doc.sent_of[c.toks.start] as usize;
        let s = &doc.sents[si];
        let mut a = c.toks.end;
        // "a promise from the militias that …" ("from" and "by" open a
        // tail, a bit test before the comparisons, as "that" is a
        // relative pronoun below: most cue words are followed by neither).
        let mut source = None;
        if doc.is_any_of(a, &TAIL_OPENERS, &["from", "by"]) {
            if let Some(np) = np_starting_at(doc, a + 1, s.toks.end) {
                a = np.toks[0].end;
                source = Some(np);
            }
        }
        let mut cue_toks = c.toks.clone();
        // "Mr. Baker’s claims that …", "his warning that …": a genitive or
        // a possessive pronoun before a noun of the list is whose it is,
        // and the modifiers between are the cue's ("his repeated warning").
        if source.is_none() && c.listed_noun && doc.is(a, "that") {
            // "his claims that are false": a relative clause.
            if doc.in_class(a + 1, &FINITE_VERBS) {
                continue;
            }
            if let Some((owner, v)) = genitive_source(doc, c.toks.start, s.toks.start) {
                cue_toks = v..c.toks.end;
                source = Some(owner);
            }
        }
        if !doc.is_any_of(a, &RELATIVE_PRONOUNS, &["that"]) {
            continue;
        }
        if source.is_none() {
            // "X sent messages that …": the verb before the noun, and its subject.
            let mut v = c.toks.start;
            while v > s.toks.start
                && doc.is_any(
                    v - 1,
                    &[
                        "a", "an", "the", "clear", "strong", "new", "repeated", "public",
                        "private", "express",
                    ],
                )
            {
                v -= 1;
            }
            if v == s.toks.start || !doc.is_any(v - 1, LIGHT_VERBS) {
                continue;
            }
            let lo = (v - 1).saturating_sub(MAX_SOURCE_TOKENS).max(s.toks.start);
            source = subject_before(doc, v - 1, lo);
            cue_toks = v - 1..c.toks.end;
            if cue_toks.len() > 2 {
                cue_toks = c.toks.clone();
            }
        }
        let Some(source) = source else { continue };
        let mut end = clause_end(cx, a + 1, s.toks.end);
        // "Despite Mr. Halloran’s claims that …, fish kept dying": in a
        // phrase that opens the sentence, the clause ends at its comma.
        let opener = (s.toks.start..c.toks.start).find(|&k| doc.toks[k].kind == TokenKind::Word);
        if opener.is_some_and(|k| {
            (doc.in_class(k, &TAIL_OPENERS) || doc.is_any(k, FRONTED_PREPOSITIONS))
                && !(k..c.toks.start).any(|j| doc.punct(j, ",") || doc.punct(j, ":"))
        }) {
            end = (a + 1..end).find(|&k| doc.punct(k, ",")).unwrap_or(end);
        }
        let mut content = trim(doc, a + 1..end);
        if !substantial(doc, &content) {
            continue;
        }
        if content.start == a + 1 {
            content.start = cx.content_start(a + 1);
        }
        out.push(Cand {
            cue: ci as u32,
            cue_toks: Pieces::one(cue_toks),
            source: Some(source),
            content: Pieces::one(content),
            rule: Rule::NounCue,
            score: 0.7,
            sent: si,
        });
    }
}

/// Words that open an indirect question: "asked if …", "told them how …".
const QUESTION_WORDS: &[&str] = &[
    "how", "if", "what", "when", "where", "whether", "which", "who", "whom", "why",
];

/// True when tokens `[a, q)` can be whom one asks or tells, and perhaps
/// when: a name, a pronoun or a noun phrase ("Baker Wednesday", "the
/// governor", "reporters").
fn addressee_before(doc: &Doc<'_>, a: usize, q: usize) -> bool {
    let first = doc.capitalized(a)
        || doc.in_class(a, &ADDRESSEES)
        || doc.in_class(a, &DETERMINERS)
        || doc.is_any(a, crate::source::OBJECT_PRONOUNS);
    first
        && (a..q).all(|k| {
            !doc.in_class(k, &STOP_WORDS) && !doc.in_class(k, &TAIL_OPENERS) && !doc.is(k, "that")
        })
}

/// The token after a day written after an addressee, or `a`: "Tuesday",
/// "today", "last week", "this morning".
fn past_day(doc: &Doc<'_>, a: usize) -> usize {
    // Every day and "last" and "this" are time words: one bit test first.
    if !doc.in_class(a, &TIME_WORDS) {
        return a;
    }
    const DAYS: &[&str] = &[
        "friday",
        "monday",
        "saturday",
        "sunday",
        "thursday",
        "today",
        "tonight",
        "tuesday",
        "wednesday",
        "yesterday",
    ];
    const PERIODS: &[&str] = &[
        "afternoon",
        "evening",
        "month",
        "morning",
        "night",
        "week",
        "year",
    ];
    if doc.is_any(a, DAYS) {
        // "Thursday night"
        if doc.is_any(a + 1, PERIODS) {
            a + 2
        } else {
            a + 1
        }
    } else if doc.is_any(a, &["last", "this"]) && doc.is_any(a + 1, PERIODS) {
        a + 2
    } else {
        a
    }
}

/// Prepositions that open a sentence's phrase and are not in
/// [`TAIL_OPENERS`]: "Despite Mr. Baker’s claims that …, …".
const FRONTED_PREPOSITIONS: &[&str] = &["amid", "despite", "given", "like", "unlike"];

/// Possessive pronouns that stand for whose a noun cue is: "his claim".
const POSSESSIVE_PRONOUNS: &[&str] = &["her", "his", "its", "my", "our", "their", "your"];

/// The owner before the noun cue at token `noun`, past a modifier or two:
/// "Mr. Baker’s claims", "the administration’s hopes", "his repeated
/// warning". `None` unless a genitive or a possessive pronoun stands there.
fn genitive_source(doc: &Doc<'_>, noun: usize, floor: usize) -> Option<(SourceCand, usize)> {
    // The modifiers: lowercase words that are no preposition ("his job
    // in order to" has none).
    let mut v = noun;
    while v > floor + 1
        && v + 2 > noun
        && doc.toks[v - 1].kind == TokenKind::Word
        && !doc.capitalized(v - 1)
        && !doc.in_class(v - 1, &STOP_WORDS)
        && !doc.in_class(v - 1, &TAIL_OPENERS)
        && !doc.in_class(v - 1, &DETERMINERS)
        && !crate::cue::genitive(doc.word(v - 1))
    {
        v -= 1;
    }
    if v == floor {
        return None;
    }
    let owner = v - 1;
    if doc.is_any(owner, POSSESSIVE_PRONOUNS) {
        return Some((Untold::Word(owner, SourceKind::Pronoun).tell(doc), v));
    }
    if !crate::cue::genitive(doc.word(owner)) {
        return None;
    }
    // A name's capitalized run ("Okafor shrugged off Baker’s claim"), without
    // a preposition opening the sentence ("Despite Mr. Baker’s claims");
    // then back to a determiner close before it ("the union’s", "the Ruiz
    // campaign’s"), not to the words of the clause ("a result of Millbrook’s").
    let mut start = owner;
    while start > floor && owner - start < MAX_SOURCE_TOKENS && doc.capitalized(start - 1) {
        start -= 1;
    }
    while start < owner
        && (doc.in_class(start, &TAIL_OPENERS)
            || doc.in_class(start, &STOP_WORDS)
            || doc.in_class(start, &DETERMINERS)
            || doc.is_any(start, FRONTED_PREPOSITIONS))
    {
        start += 1;
    }
    let mut k = start;
    while k > floor
        && start - k < 3
        && doc.toks[k - 1].kind == TokenKind::Word
        && !doc.capitalized(k - 1)
        && !doc.in_class(k - 1, &DETERMINERS)
        && !doc.in_class(k - 1, &STOP_WORDS)
        && !doc.in_class(k - 1, &TAIL_OPENERS)
    {
        k -= 1;
    }
    if k > floor && doc.in_class(k - 1, &DETERMINERS) {
        start = k - 1;
    }
    let np = Untold::Phrase(start..owner + 1).tell(doc);
    Some((np, v))
}

/// "Thirty-one percent of the parents surveyed say …", "Supporters of tighter
/// limits on port traffic here say …": a subject longer than the phrase
/// scan reads, when the whole sentence before a verb of saying is a noun
/// phrase: it starts as one, and holds no verb, no clause word and no
/// punctuation but a "%" ("42% say …").
fn long_subject(doc: &Doc<'_>, sent_start: usize, c: &CueHit) -> Option<Untold> {
    let saying = !c.noun
        && matches!(c.category, CueCategory::Speech | CueCategory::Writing)
        && (c.form == Form::Past || &*c.lemma == "say");
    if !saying {
        return None;
    }
    let start = sent_start + usize::from(doc.is_any(sent_start, &["and", "but", "so", "yet"]));
    let mut end = c.toks.start;
    while end > start && (doc.in_class(end - 1, &AUXILIARIES) || is_adverb(doc.word(end - 1))) {
        end -= 1;
    }
    if !(2..=14).contains(&end.saturating_sub(start)) {
        return None;
    }
    let plain = (start..end).all(|k| {
        let t = &doc.toks[k];
        let word = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
        );
        (word || t.text == "%")
            && !doc.verb[k]
            && !doc.in_class(k, &FINITE_VERBS)
            && (!doc.in_class(k, &crate::source::SUBJECT_PRONOUNS)
                || doc.in_class(k.wrapping_sub(1), &INNER_PREPOSITIONS))
            && (!doc.in_class(k, &STOP_WORDS)
                || doc.in_class(k, &INNER_PREPOSITIONS)
                // ("Aides to Okafor say")
                || doc.is_any(k, &["about", "against", "on", "over", "to"]))
            && !doc.is_any(k, &["that", "which", "who", "whom", "whose"])
            // "Baker unleashed a flurry of …", "Following a …": a verb or
            // a participle, but for "those surveyed".
            && !(t.text.ends_with("ing")
                || (t.text.ends_with("ed") && !doc.is(k.wrapping_sub(1), "those")))
    });
    // "Supporters of a mandated …": the phrase ends in a noun.
    let last = end - 1;
    let ends_in_noun = !doc.in_class(last, &DETERMINERS)
        && !doc.in_class(last, &INNER_PREPOSITIONS)
        && !doc.in_class(last, &STOP_WORDS);
    let head = np_starting_untold(doc, start, end)?;
    (plain && ends_in_noun && head.start() == start).then_some(Untold::Phrase(start..end))
}

/// The subject of a sentence: the source phrase it starts with, when a
/// lowercase word (the verb) follows it before `limit`.
fn sentence_subject(doc: &Doc<'_>, s: Range<usize>, limit: usize) -> Option<SourceCand> {
    let s = past_dateline(doc, s.start, s.end)..s.end;
    // "But the appeals court overruled and said …": past a conjunction,
    // and an adverb of time or degree ("And then Ruiz went on the attack,
    // saying …", "Even Delgado tried …, noting …").
    let mut start = if doc.is_any(s.start, &["and", "but", "so", "still", "yet"]) {
        s.start + 1
    } else {
        s.start
    };
    // (Before a subject only: not "Even before Reyes' remarks, …".)
    if doc.is_any(start, &["then", "even", "now", "later", "again"])
        && start + 1 < limit
        && (doc.capitalized(start + 1)
            || doc.in_class(start + 1, &DETERMINERS)
            || doc.in_class(start + 1, &SUBJECT_PRONOUNS))
        && !doc.is_any(start + 1, SUBORDINATORS)
    {
        start += 1;
    }
    let verbish = |src: &Untold| {
        let end = src.first_end(doc);
        doc.toks
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Word && !doc.capitalized(end))
    };
    if let Some(src) = np_starting_untold(doc, start, limit) {
        if verbish(&src) {
            return Some(src.tell(doc));
        }
        // "Hal Brody, a former county party treasurer, became an alternate
        // and said …", "Ida Lund, 70, said the count was not over … but added":
        // past an appositive between commas.
        let end = src.first_end(doc);
        if doc.punct(end, ",") && crate::source::apposed(doc, end + 1) {
            let close = (end + 2..(end + 16).min(limit)).find(|&k| doc.punct(k, ","));
            let plain = |c: usize| (end + 1..c).all(|k| doc.toks[k].is_wordlike() && !doc.verb[k]);
            if let Some(c) = close.filter(|&c| plain(c)) {
                // (Not a participle: "Hours later, Baker took to Twitter,
                // telling …" opens with an adjunct.)
                if doc.toks.get(c + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !doc.capitalized(c + 1)
                        && !(doc.verb[c + 1] && t.text.ends_with("ing"))
                }) {
                    return Some(src.tell(doc));
                }
            }
        }
        // "Ruiz, speaking on a radio show, called Baker a “fraud” and said
        // …": past a participle phrase between commas.
        if doc.punct(end, ",")
            && doc.kind(end + 1) == Some(TokenKind::Word)
            && !doc.capitalized(end + 1)
            && is_gerund_like(doc.word(end + 1))
        {
            let close = (end + 2..(end + 12).min(limit)).find(|&k| doc.punct(k, ","));
            let plain = |c: usize| (end + 1..c).all(|k| doc.toks[k].is_wordlike());
            if let Some(c) = close.filter(|&c| plain(c)) {
                if doc.toks.get(c + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !doc.capitalized(c + 1)
                        && !is_gerund_like(t.text)
                        && (doc.verb[c + 1]
                            || is_participle_ed(doc, c + 1)
                            || doc.in_class(c + 1, &FINITE_VERBS))
                }) {
                    return Some(src.tell(doc));
                }
            }
        }
    }
    // "Last week, the Okafor campaign called on … and said …": past a
    // fronted adjunct of a few words and its comma.
    // "Asked whether she would run, Ms. Okafor paused and said
    // …": or a fronted participle phrase, verbs and all.
    // ("When asked, Ms. Voss nodded and said …": after a subordinator.)
    let ed_ing = |k: usize| {
        let w = doc.word(k);
        w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
    };
    let participle = doc.capitalized(start)
        && (ed_ing(start)
            || (doc.is_any(start, &["after", "before", "if", "once", "when", "while"])
                && !doc.capitalized(start + 1)
                && ed_ing(start + 1)));
    // ("In an interview with the Harbor Ledger, Baker stood by
    // his remarks and said …": a prepositional phrase of a few more
    // words, without a verb.)
    let reach = if participle {
        14
    } else if doc.is_any(start, ADJUNCT_OPENERS) {
        12
    } else {
        6
    };
    let comma = (start + 1..(start + reach).min(limit)).find(|&k| doc.punct(k, ","))?;
    let plain = (start..comma).all(|k| {
        let t = &doc.toks[k];
        if participle {
            !t.is_quote() && t.kind != TokenKind::Dash
        } else {
            t.is_wordlike() && !doc.verb[k]
        }
    });
    let src = np_starting_untold(doc, comma + 1, limit).filter(|src| plain && verbish(src))?;
    Some(src.tell(doc))
}

/// Labels that stand before a colon at the start of a paragraph without
/// naming a speaker: "UPDATE: …", "Photo: …", "Related: …".
#[rustfmt::skip]
const COLON_LABELS: &[&str] = &[
    "Analysis", "Breaking", "Caption", "Click", "Contact", "Correction", "Credit", "Editor",
    "Email", "Exclusive", "Follow", "Latest", "Listen", "More", "Newsletter", "Note", "Notice",
    "Opinion", "Photo", "Photos", "Q", "Read", "Related", "See", "Source", "Sources",
    "Subscribe", "Tags", "Update", "Updated", "Video", "Warning", "Watch",
];

/// Rule: a clause of any verb before a colon and the quotation after it.
///
/// * "On the radio that evening, Baker raised the stakes: “If the levy
///   fails, the port will be sold by spring.”"
/// * "Asked which ferry was her favorite, she shrugged: “Any one that leaves
///   on time.”"
///
/// The source is the clause's subject; the cue, what the subject does, up
/// to the colon. A verb of saying before the colon ("he said: “…”") is read
/// by its own rule.
pub(crate) fn colon_after_clause(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for q in 0..doc.quotes.len() {
        let open = doc.quotes[q].tokens.start;
        if open < 3 || !doc.punct(open - 1, ":") || !doc.toks[open].is_double_quote() {
            continue;
        }
        let colon = open - 1;
        let si = doc.sent_of[colon] as usize;
        let s = &doc.sents[si];
        if doc.sent_of[open] as usize != si || colon < s.toks.start + 2 {
            continue;
        }
        // A verb cue near the colon has its own rule ("told reporters:"); a
        // noun does not ("Pruitt had a pointed reminder for Baker:
        // “…”").
        if (colon.saturating_sub(4).max(s.toks.start)..colon)
            .any(|k| cx.cue(k).is_some_and(|(_, c)| !c.noun))
        {
            continue;
        }
        // The clause: after a fronted adjunct or a subordinate clause and
        // its comma ("Asked which ferry …, she shrugged").
        let comma = (s.toks.start..colon).rev().find(|&k| doc.punct(k, ","));
        let start = comma.map_or(s.toks.start, |k| k + 1);
        // ("Ada Pruitt, D-Ore., had a pointed reminder for Baker:
        // “…”": the comma is an appositive's, the subject before it.)
        let lowercase = |k: usize| doc.kind(k) == Some(TokenKind::Word) && !doc.capitalized(k);
        let (np, verb) = match np_starting_untold(doc, start, colon) {
            Some(np) => {
                let verb = skip_auxiliaries(cx, np.end(), colon);
                (np, verb)
            }
            None if comma.is_some() && lowercase(start) => {
                match subject_untold(doc, start, s.toks.start) {
                    Some(np) => (np, start),
                    None => continue,
                }
            }
            None => continue,
        };
        if np.is_pronoun() && !doc.in_class(np.start(), &SUBJECT_PRONOUNS) {
            continue;
        }
        // What the subject does: a few lowercase words, the first a verb-like
        // word (not a preposition: "Here is the list:" has no subject).
        let predicate = verb..colon;
        let plain = predicate.len() <= 8
            && predicate.clone().all(|k| {
                (doc.kind(k) == Some(TokenKind::Word) && !doc.capitalized(k))
                    || (doc.toks[k].is_wordlike() && k > verb)
            });
        if predicate.is_empty()
            || !plain
            || doc.in_class(verb, &STOP_WORDS)
            || doc.in_class(verb, &INNER_PREPOSITIONS)
            || doc.in_class(verb, &DETERMINERS)
            || doc.is(verb, "in")
        {
            continue;
        }
        let pieces = quotation_and_continuations(cx, q);
        out.push(Cand {
            cue: NONE,
            cue_toks: Pieces::one(verb..colon + 1),
            source: Some(np.tell(doc)),
            content: pieces,
            rule: Rule::Colon,
            score: 0.5,
            sent: si,
        });
    }
}

/// Rule: "reportedly", a report with no source named.
///
/// * "The county is reportedly spending $2 million on voting machines"
///   gives the clause around the adverb, in two pieces: "The county is"
///   and "spending $2 million on voting machines".
/// * "Reportedly, he had met the donors twice" gives the clause after the
///   comma.
///
/// The clause starts at its sentence, past a fronted phrase with no verb
/// ("In March, the firm reportedly …"), an opening "(" or ";", and "with"
/// ("With the mayor reportedly weighing a run, …"); it ends where a clause
/// after a cue would. Not inside a quotation (the speaker's own hearsay is
/// part of what the speaker said), nor next to a cue ("The mayor
/// reportedly said …" is the mayor's claim).
pub(crate) fn reportedly(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    // One search of the text; a word is rare enough to look for as bytes.
    static FINDER: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("eportedly"));
    for at in FINDER.find_iter(doc.text.as_bytes()) {
        let Some(start_byte) = at.checked_sub(1) else {
            continue;
        };
        let r = doc.toks.partition_point(|t| t.span.start < start_byte);
        if r >= doc.toks.len()
            || doc.toks[r].span.start != start_byte
            || !doc.is(r, "reportedly")
            || doc.quote_of[r] != NONE
        {
            continue;
        }
        let si = doc.sent_of[r] as usize;
        let s = &doc.sents[si];
        // "The mayor reportedly said …", "with Ruiz reportedly shouting: …": a
        // cue's own claim, which the adverb only qualifies.
        let v = skip_auxiliaries(cx, r + 1, s.toks.end);
        if cx.cue_at(v) != NONE || (r > 0 && cx.cue_at(r - 1) != NONE) {
            continue;
        }
        let mut start = s.toks.start;
        if doc.is_any_of(start, &COORDINATORS, &["and", "but"]) {
            start += 1;
        }
        let mut absolute = false;
        let content = if r == start && doc.punct(r + 1, ",") {
            let rest = trim(doc, r + 2..clause_end(cx, r + 2, s.toks.end));
            Pieces::one(rest)
        } else {
            // (Past an opening bracket, a semicolon, or the tag of an
            // embedded post: "<tweet …>Ruiz reportedly has …".)
            if let Some(k) = (start..r)
                .rev()
                .find(|&k| doc.punct(k, "(") || doc.punct(k, ";") || doc.toks[k].text == ">")
            {
                start = k + 1;
            }
            if let Some(k) = (start..r).rev().find(|&k| doc.punct(k, ",")) {
                if doc.is(k + 1, "with") && k + 2 < r {
                    start = k + 2;
                } else if !verb_anywhere(doc, start..k) && k + 1 < r {
                    start = k + 1;
                }
            }
            if doc.is(start, "with") {
                start += 1;
            }
            absolute = start > s.toks.start && doc.is(start - 1, "with");
            let mut end = clause_end(cx, r + 1, s.toks.end);
            // ("With the governor reportedly weighing a run, donors …": the
            // phrase after "with" ends at its comma.)
            if absolute {
                end = (r + 1..end).find(|&k| doc.punct(k, ",")).unwrap_or(end);
            }
            let before = trim(doc, start..r);
            let after = trim(doc, r + 1..end);
            if before.is_empty() || after.is_empty() {
                continue;
            }
            let mut pieces = Pieces::one(before);
            pieces.push(after);
            pieces
        };
        let whole = content[0].start..content[content.len() - 1].end;
        // (After "with", a participle is the phrase's verb.)
        if !substantial(doc, &whole) || !(absolute || verb_anywhere(doc, whole)) {
            continue;
        }
        out.push(Cand {
            cue: NONE,
            cue_toks: Pieces::one(r..r + 1),
            source: None,
            content,
            rule: Rule::Reportedly,
            score: 0.6,
            sent: si,
        });
    }
}

/// Rule: a bare colon after a name at the start of a paragraph.
///
/// * "Sen. Ortiz: “We need a vote before the recess.”"
/// * Headlines: "Okafor: Leave the bridge to engineers, not ‘showboat’ Baker."
/// * Transcripts: "Hale: Well, that is a fair question.", and in capitals
///   where one speaker takes two turns at least: "ORTIZ: Take your seats."
///
/// The name must look like one (capitalized words, no digits, not a label
/// such as "Update" or a dateline in capitals); the content is the quotation
/// after the colon, or the rest of the paragraph.
pub(crate) fn colon(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    // Inside a paragraph, after a sentence that ends in a quotation, a
    // name and a colon before a quotation: "Okafor: “Our goal is to
    // reopen the bridge.” Baker: “The plan is to sell the bridge.”"
    let inner = doc
        .sents
        .iter()
        .filter(|s| {
            s.toks.start > doc.paras[s.para].start
                && matches!(
                    doc.kind(s.toks.start - 1),
                    Some(TokenKind::CloseQuote | TokenKind::Quote)
                )
                && doc.quote_closed_at(s.toks.start - 1).is_some()
        })
        .map(|s| (s.toks.start..doc.paras[s.para].end, true));
    // (Asked the first time a name in capitals is, once a document.)
    let transcript = std::cell::OnceCell::new();
    let transcript = || *transcript.get_or_init(|| is_transcript(doc));
    for (p, inner) in doc.paras.iter().map(|p| (p.clone(), false)).chain(inner) {
        let limit = (p.start + 10).min(p.end);
        let Some(k) = (p.start..limit).find(|&k| doc.punct(k, ":")) else {
            continue;
        };
        // "Gov. Rosalind Mayhew on the storm: “…”": a topic after the name;
        // "Ruiz to Graduates: …": an addressee (after a person's
        // name only: "Still to come: …", "A Plan to Fight Crime: …").
        let topic = (p.start..k).find(|&j| {
            doc.is_any(j, &["on", "about"])
                || (doc.is(j, "to") && j > p.start && doc.capitalized(j + 1))
        });
        let addressed = topic.is_some_and(|j| doc.is(j, "to"));
        let name = p.start..topic.unwrap_or(k);
        // "Poll: …", "Report: …": a document before the colon.
        let document = name.len() == 1 && doc.in_class(name.start, &DOCUMENT_NOUNS);
        let caps = all_caps(doc, name.clone());
        // "Former secretary of state Ana Ruiz: “…”": a
        // lowercase title before a name of two words.
        let titled = name.len() >= 4
            && doc.capitalized(name.end - 1)
            && doc.capitalized(name.end - 2)
            && name
                .clone()
                .any(|j| !doc.capitalized(j) && crate::source::is_listed_title_noun(doc.word(j)));
        let looks_like_name = !name.is_empty()
            && (name.len() <= 6 || titled)
            && name.clone().all(|j| {
                doc.capitalized(j)
                    || doc.is_any(j, &["of", "de", "la", "van", "von", "der", "bin"])
                    || doc.toks[j].kind == TokenKind::Abbreviation
                    || (titled && doc.toks[j].kind == TokenKind::Word)
            })
            && doc.capitalized(p.start)
            && !doc.is_any(p.start, COLON_LABELS)
            // "The Latest: …", "Editor's Note: …", "Friday’s Harbor
            // Email: …": a label, last word or genitive.
            && !doc.is_any(name.end - 1, COLON_LABELS)
            && !name.clone().any(|j| crate::cue::genitive(doc.word(j)))
            && (!caps || transcript())
            && !name
                .clone()
                .any(|j| doc.word(j).chars().any(|c| c.is_ascii_digit()))
            // ("Report: …" is a document, though "report" is a cue.)
            && (document || name.clone().all(|j| cx.cue_at(j) == NONE));
        if !looks_like_name {
            continue;
        }
        let quoted = doc.quote_opened_at(k + 1);
        if inner && quoted.is_none() {
            continue;
        }
        // A quotation that opens a headline's clause is a part of it:
        // "Councilor Park: ‘Of Course’ the Budget Will Pass".
        let quoted = quoted.filter(|&q| {
            let after = doc.quote_toks(q).end;
            after >= p.end || doc.sent_of[after] != doc.sent_of[k] || !doc.toks[after].is_wordlike()
        });
        let content = match quoted {
            Some(q) => doc.quote_toks(q),
            None => trim(doc, k + 1..p.end),
        };
        let words = word_count(doc, &content);
        if words < 3 {
            continue;
        }
        // Unquoted, a claim is a clause ("Dale Mercer: I'd run for mayor
        // again"), not a phrase ("Ruiz: An easy night",
        // "Baker: A late push") nor a list of names ("Millbrook: Tim
        // Alder, Bea Anders, Rob Barlow, …").
        // A headline with a quotation in it needs no verb: "Pruitt:
        // Baker’s ‘Truly Reckless Budget’ Sinking Port’s Future".
        // A turn of a transcript may be a question or a phrase: "ORTIZ:
        // Will you vote for the bill?"
        let turn = caps && transcript();
        // "Poll: Okafor Ties Baker in Millbrook", "Survey: Voters to Stay
        // Home": a document before the colon reports what follows, in a
        // headline's capitals or without a finite verb.
        if quoted.is_none()
            && !turn
            && !document
            && !content.clone().any(|j| doc.toks[j].is_quote())
        {
            let commas = content.clone().filter(|&j| doc.punct(j, ",")).count();
            let capitals = content.clone().filter(|&j| doc.capitalized(j)).count();
            if !has_finite_verb(doc, content.clone()) || (commas >= 3 && capitals * 10 >= words * 7)
            {
                continue;
            }
        }
        // (A document word is read as a verb too: "Report: …".)
        let src = if document {
            Some(crate::source::Untold::Phrase(name.clone()).tell(doc))
        } else {
            np_ending_at(doc, name.end, p.start)
        };
        let Some(src) = src else {
            continue;
        };
        if src.toks[0].start != p.start
            || src.kind == SourceKind::Pronoun
            || (addressed && !named_again(doc, name.end - 1, p.end))
        {
            continue;
        }
        let si = doc.sent_of[k] as usize;
        out.push(Cand {
            cue: NONE,
            cue_toks: Pieces::one(k..k + 1),
            source: Some(src),
            content: Pieces::one(content),
            rule: Rule::Colon,
            score: 0.6,
            sent: si,
        });
    }
}

/// Whether the person's name at `head` comes again after token `from`, as a
/// headline's speaker is named again in the story ("Ruiz to Graduates: …",
/// then "Mayor Ana Ruiz spoke …"); a phrase such as "Limited Means to
/// Fight Floods" is not.
fn named_again(doc: &Doc<'_>, head: usize, from: usize) -> bool {
    let name = doc.word(head);
    doc.capitalized(head) && (from..doc.toks.len()).any(|j| doc.toks[j].text == name)
}

/// Whether the words of `r` are all in capitals ("DANA ORTIZ", "UPDATE").
fn all_caps(doc: &Doc<'_>, r: Range<usize>) -> bool {
    r.clone()
        .all(|j| doc.word(j).chars().all(|c| !c.is_lowercase()))
}

/// Whether the document is a transcript whose speakers are named in
/// capitals at the start of their paragraphs, as broadcast transcripts
/// are: "DANA ORTIZ: …", "HALVORSEN: …", "ORTIZ: …". A label in capitals
/// ("UPDATE: …", "CORRECTION: …") or a dateline is no turn: one speaker's
/// last name must open two paragraphs at least.
fn is_transcript(doc: &Doc<'_>) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    for p in &doc.paras {
        let limit = (p.start + 5).min(p.end);
        let Some(k) = (p.start..limit).find(|&k| doc.punct(k, ":")) else {
            continue;
        };
        let name = p.start..k;
        if name.is_empty() {
            continue;
        }
        let last = doc.word(k - 1);
        if last.chars().count() < 2
            || !name.clone().all(|j| doc.toks[j].is_wordlike())
            || !all_caps(doc, name)
        {
            continue;
        }
        if seen.contains(&last) {
            return true;
        }
        seen.push(last);
    }
    false
}

/// Rule: a quotation or a post signed with a dash and a name, the
/// signature ending its paragraph.
///
/// * "“Maybe we can just put a roof over the whole harbor.” ― Ana Ruiz"
/// * "“It needs to stop.”" as a paragraph, then "- Lena Park, Tulsa." as
///   the next
/// * An embedded post: "No one is above the charter. pic.twitter.com/x1 — Ana
///   Ruiz (@anaruiz) July 5, 2016"
///
/// The signature is a name (capitalized words, a title perhaps), then
/// perhaps a handle in parentheses, a date, or a comma and a place or an
/// affiliation. The content is the quotation, which opens its paragraph
/// (or is the paragraph before), or the post before the dash.
pub(crate) fn signature(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    // Only a paragraph with a dash: the dashes are listed, the paragraphs
    // are not all looked at.
    let para_of = |d: u32| doc.sents[doc.sent_of[d as usize] as usize].para;
    let mut next = 0;
    while next < doc.dashes.len() {
        let first = next;
        let pi = para_of(doc.dashes[first]);
        while next < doc.dashes.len() && para_of(doc.dashes[next]) == pi {
            next += 1;
        }
        let dashes = &doc.dashes[first..next];
        let p = &doc.paras[pi];
        let mut end = p.end;
        while end > p.start && doc.kind(end - 1) == Some(TokenKind::ParagraphBreak) {
            end -= 1;
        }
        // ("… July 5, 2016</tweet>.": past a closing tag.)
        if end > p.start && doc.punct(end - 1, ".") {
            end -= 1;
        }
        if end > p.start + 4 && doc.toks[end - 1].text == ">" {
            if let Some(lt) = (end.saturating_sub(6).max(p.start)..end - 1)
                .rev()
                .find(|&k| doc.toks[k].text == "<")
                .filter(|&k| doc.toks[k + 1].text == "/")
            {
                end = lt;
            }
        }
        // The dash is among the paragraph's last tokens.
        let floor = end.saturating_sub(24).max(p.start);
        let Some(d) = dashes
            .iter()
            .rev()
            .map(|&d| d as usize)
            .find(|&d| d >= floor && d < end)
        else {
            continue;
        };
        let Some((name_end, handle)) = signed(doc, d + 1, end) else {
            continue;
        };
        let content = if d > p.start && doc.quote_closed_at(d - 1).is_some() {
            // "“…” ― Ana Ruiz": the quotation opens the paragraph.
            let q = doc.quote_closed_at(d - 1).unwrap_or(0);
            let qt = doc.quote_toks(q);
            if qt.start != p.start {
                continue;
            }
            qt
        } else if d == p.start && pi > 0 {
            // "- Lena Park, Tulsa." after a paragraph that is a quotation.
            let prev = &doc.paras[pi - 1];
            let mut e = prev.end;
            while e > prev.start && doc.kind(e - 1) == Some(TokenKind::ParagraphBreak) {
                e -= 1;
            }
            match doc.quote_closed_at(e.saturating_sub(1)) {
                Some(q) if e > prev.start && doc.quote_toks(q).start == prev.start => {
                    doc.quote_toks(q)
                }
                _ => continue,
            }
        } else if handle && d > p.start {
            // A post: its text before the dash, past a markup tag opening
            // the paragraph and a link to a picture closing it.
            let mut a = p.start;
            if doc.toks[a].text == "<" {
                match (a..d).find(|&k| doc.toks[k].text == ">") {
                    Some(k) => a = k + 1,
                    None => continue,
                }
            }
            let mut e = d;
            while e > a && doc.kind(e - 1) == Some(TokenKind::Url) {
                e -= 1;
            }
            trim(doc, a..e)
        } else {
            continue;
        };
        if word_count(doc, &content) < 4 {
            continue;
        }
        let Some(src) = np_starting_at(doc, d + 1, name_end) else {
            continue;
        };
        if src.kind == SourceKind::Pronoun || src.toks.last().map_or(0, |r| r.end) != name_end {
            continue;
        }
        out.push(Cand {
            cue: NONE,
            cue_toks: Pieces::one(d..d + 1),
            source: Some(src),
            content: Pieces::one(content),
            rule: Rule::Signature,
            score: 0.7,
            sent: doc.sent_of[d] as usize,
        });
    }
}

/// The end of a name that signs a paragraph from `a` to `end`, and whether
/// a handle follows it: "Ana Ruiz", "Mayor Okafor, tweeting after the
/// vote", "Ana Ruiz (@anaruiz) July 5, 2016", "Lena Park, Tulsa.".
fn signed(doc: &Doc<'_>, a: usize, end: usize) -> Option<(usize, bool)> {
    let name_end = (a..(a + 6).min(end))
        .take_while(|&k| {
            (doc.capitalized(k) && doc.toks[k].is_wordlike() && !crate::cue::genitive(doc.word(k)))
                || (k > a && doc.in_class(k, &crate::speaker::PARTICLE_WORDS))
        })
        .last()?
        + 1;
    if doc.in_class(a, &DETERMINERS) || doc.in_class(a, &SUBJECT_PRONOUNS) {
        return None;
    }
    let mut k = name_end;
    let mut handle = false;
    if doc.punct(k, "(") && doc.kind(k + 1) == Some(TokenKind::Handle) && doc.punct(k + 2, ")") {
        handle = true;
        k += 3;
    }
    let rest = k..end;
    let ends = |r: Range<usize>| r.clone().all(|j| doc.punct(j, ".")) && r.len() <= 1;
    if ends(rest.clone()) {
        return Some((name_end, handle));
    }
    // "July 5, 2016": a date.
    if handle && is_month(doc.word(k)) && rest.len() <= 5 {
        return Some((name_end, handle));
    }
    // ", Tulsa.", ", Center for Harbor and Transit Research", ", tweeting
    // after the vote": a place, an affiliation or an occasion, with no
    // quotation in it.
    if doc.punct(k, ",")
        && rest.len() <= 12
        && (k + 1..end).all(|j| !doc.toks[j].is_quote() && !doc.punct(j, ","))
    {
        return Some((name_end, handle));
    }
    None
}

/// True for words that start a noun phrase; used to skip "the" after a cue.
#[allow(dead_code)]
pub(crate) fn is_determiner(doc: &Doc<'_>, i: usize) -> bool {
    doc.in_class(i, &DETERMINERS)
}

/// Whether `content` is "to comment further" (or "to elaborate again",
/// "to discuss it further"): after "declined" or "refused", a refusal to add
/// to what the source said, which reports nothing new. A bare "declined to
/// comment" is the source's answer and is reported.
fn no_further_comment(doc: &Doc<'_>, content: &Range<usize>) -> bool {
    const NO_COMMENT: &[&str] = &["comment", "elaborate", "speculate", "discuss"];
    content.len() <= 4
        && doc.is(content.start, "to")
        && doc.is_any(content.start + 1, NO_COMMENT)
        && doc.is_any(content.end - 1, &["further", "again", "more"])
}

/// "and" and "but", before a second verb of a subject ("… and said …").
#[rustfmt::skip]
pub(crate) const COORDINATORS: WordClass = WordClass {
    bit: 1 << 16,
    file: None,
    words: &[
        "and", "but",
    ],
};

/// Cuts object content before a second verb of the same subject:
/// "Ruiz called him reckless and accused him of …" gives "him reckless".
fn cut_coordinated(cx: &Ctx<'_, '_>, r: Range<usize>) -> Range<usize> {
    let doc = cx.doc;
    // A finite verb: a cue, a form of "be", "have" or a modal, a common past.
    let verb_at =
        |v: usize| cx.verb(v).is_some_and(|(_, c)| finite(c)) || doc.in_class(v, &FINITE_VERBS);
    for k in r.start + 1..r.end {
        if !doc.in_class(k, &COORDINATORS) {
            continue;
        }
        // "… and said …", "praised both candidates and was set to
        // meet …", "… but then announced …": a second verb of the subject.
        let v = k + 1 + usize::from(doc.is_any(k + 1, AFTER_COORDINATOR));
        if verb_at(v) {
            return trim(doc, r.start..k);
        }
        // "Baker wants the contract and Ana Ruiz wants the credit": a
        // clause with a subject of its own.
        let hi = r.end.min(k + 1 + MAX_SOURCE_TOKENS);
        if doc.capitalized(k + 1) || doc.in_class(k + 1, &SUBJECT_PRONOUNS) {
            if let Some(np) = np_starting_untold(doc, k + 1, hi) {
                if np.end() < r.end && verb_at(skip_auxiliaries(cx, np.end(), hi)) {
                    return trim(doc, r.start..k);
                }
            }
        }
    }
    r
}

/// Verbs that name their object ("called the group Hezbollah", "labeled it
/// a hoax"): two objects, the second of which is the name.
const NAMING: &[&str] = &["call", "dub", "label", "name"];

/// A quotation opening at `a` that is a name, a show's or a paper's: a
/// few capitalized words ("“Sunday on the Waterfront,”", "''Meet the Mayor''").
fn quoted_name(doc: &Doc<'_>, a: usize) -> bool {
    let Some(q) = doc.quote_opened_at(a) else {
        return false;
    };
    // A name is short: a longer quotation (one may run over the whole of a
    // scraped page) is not read.
    let inner = a + 1..doc.quote_toks(q).end.saturating_sub(1);
    if inner.is_empty() || inner.len() > 12 {
        return false;
    }
    let words = inner.clone().filter(|&k| doc.toks[k].is_wordlike());
    words
        .clone()
        .next()
        .is_some_and(|first| doc.capitalized(first))
        && words.count() <= 6
        && inner.clone().all(|k| {
            (doc.toks[k].is_wordlike()
                && (doc.capitalized(k)
                    || doc.is_any(k, &["and", "of", "the", "with", "for", "on"])))
                || doc.punct(k, ",")
                || doc.punct(k, ".")
                || doc.punct(k, "&")
        })
}

/// The object phrase at the start of `r`, for a cue whose content is its
/// object ("Ridgeway endorsed Baker in May and has since stumped …",
/// "The union, which endorsed Lena Okafor in November, is …"): up to a
/// comma, a time phrase or a coordinated verb.
fn object_np(cx: &Ctx<'_, '_>, r: Range<usize>) -> Range<usize> {
    let doc = cx.doc;
    let depth = doc.depth.get(r.start).copied().unwrap_or(0);
    // "Baker supported it and Ruiz, true to form, opposed …": a
    // pronoun is the whole object before "and" and a name.
    if doc.is_any(r.start, &["it", "him", "her", "them"])
        && doc.is_any(r.start + 1, &["and", "but"])
        && doc.capitalized(r.start + 2)
    {
        return r.start..r.start + 1;
    }
    for k in r.start + 1..r.end {
        // Not inside a quotation of the object: "described the ruling as
        // “a win for every tenant in this city.”"
        if doc.depth[k] > depth {
            continue;
        }
        // "last week", "Tuesday", "in November", "in 2015"
        let time = doc.in_class(k, &TIME_WORDS)
            && (doc.capitalized(k)
                || (doc.is_any(k, &["last", "this", "earlier"])
                    && doc.in_class(k + 1, &TIME_WORDS))
                || doc.is_any(k, &["today", "yesterday", "tonight"]));
        let time_pp = doc.is_any(k, &["on", "in", "during", "since"])
            && ((doc.in_class(k + 1, &TIME_WORDS) && doc.capitalized(k + 1))
                || (doc.kind(k + 1) == Some(TokenKind::Number) && doc.word(k + 1).len() == 4)
                || is_month(doc.word(k + 1)));
        // ("scorn and hatred of the board": a noun in -ed.)
        // ("oppose it but some support it": a subject and its verb.)
        let clause = doc.in_class(k, &COORDINATORS)
            && (doc.in_class(k + 1, &FINITE_VERBS)
                || cx.verb(k + 1).is_some()
                || (doc.word(k + 1).ends_with("ed") && !doc.is_any(k + 1, ED_NOUNS))
                || ((doc.in_class(k + 1, &SUBJECT_PRONOUNS)
                    || doc.in_class(k + 1, &QUANTIFIER_PRONOUNS))
                    && (doc.in_class(k + 2, &FINITE_VERBS) || cx.verb(k + 2).is_some())));
        // "is backing Lena Okafor because he worries …": a
        // subordinate clause is no part of the object.
        let subordinate = doc.is_any_of(k, &STOP_WORDS, SUBORDINATORS) && !doc.is(k, "as");
        if doc.punct(k, ",")
            || doc.punct(k, ";")
            || time
            || time_pp
            || clause
            || subordinate
            || event_adjunct(doc, k, r.end)
        {
            return trim(doc, r.start..k);
        }
    }
    r
}

/// Where `r` stops being an object: it opens with a phrase of a few words,
/// no verb and no comma, then a preposition of an adjunct or a conjunction
/// ("those concerns on Sunday", "the charges and counter-sued her"); not
/// the subject of a clause ("the charges were false", "he was there").
fn object_then_adjunct(cx: &Ctx<'_, '_>, r: Range<usize>) -> Option<usize> {
    let doc = cx.doc;
    if doc.in_class(r.start, &SUBJECT_PRONOUNS) {
        return None;
    }
    let verb_like = |k: usize| {
        doc.in_class(k, &FINITE_VERBS)
            || doc.in_class(k, &AUXILIARIES)
            || doc.verb[k]
            || (doc.word(k).ends_with("ed") && !doc.capitalized(k))
    };
    let k = (r.start..(r.start + 7).min(r.end))
        .find(|&k| !doc.toks[k].is_wordlike() || verb_like(k) || doc.is_any(k, OBJECT_ENDS))
        .unwrap_or(r.end);
    (k > r.start && k < r.end && doc.is_any(k, OBJECT_ENDS)).then_some(k)
}

/// Nouns and adjectives in -ed that are no past form: "anger and hatred".
const ED_NOUNS: &[&str] = &[
    "bed", "creed", "greed", "hatred", "hundred", "kindred", "naked", "need", "red", "sacred",
    "seed", "shred", "speed", "wicked",
];

/// Words that end an object before an adjunct or a second verb.
const OBJECT_ENDS: &[&str] = &[
    "after", "and", "as", "at", "before", "but", "during", "on", "since", "while",
];

/// An object of one word at `k` that is a whole content: "Ridgeway endorsed
/// Baker", "Most residents support annexation", "Ruiz backs him"; not a
/// particle ("backed down"), a participle ("deemed classified") or the first
/// word of a longer object.
fn one_word_object(doc: &Doc<'_>, k: usize) -> bool {
    if doc.in_class(k, &DETERMINERS) {
        return false;
    }
    doc.capitalized(k)
        || (doc.kind(k) == Some(TokenKind::Word)
            && !doc.in_class(k, &STOP_WORDS)
            && !doc.verb[k]
            && !doc.word(k).ends_with("ed")
            && !doc.is_any(k, &["away", "back", "down", "off", "out", "up"])
            && !doc.toks.get(k + 1).is_some_and(|t| {
                // ("Ruiz backs him because …": a conjunction after it.)
                t.kind == TokenKind::Word
                    && !doc.capitalized(k + 1)
                    && !doc.is_any(k + 1, &["because", "but", "and", "though", "although"])
            }))
}

/// Written works that take a stand as their authors do: "The ad attacks
/// Okafor", "The editorial endorsed Mr. Baker", "The lawsuit accuses the
/// county of …".
const WRITINGS: &[&str] = &[
    "ad",
    "ads",
    "article",
    "book",
    "column",
    "complaint",
    "editorial",
    "editorials",
    "letter",
    "lawsuit",
    "memo",
    "newspaper",
    "op-ed",
    "petition",
    "resolution",
    "video",
];

/// Whether the head of `src` is a written work ([`WRITINGS`]) that is no
/// object of a preposition ("said in a complaint filed in January that …"
/// holds a participle, not a subject and its verb).
fn writing_source(doc: &Doc<'_>, src: &SourceCand) -> bool {
    let (Some(first), Some(last)) = (src.toks.first(), src.toks.last()) else {
        return false;
    };
    last.end > last.start
        && doc.is_any(last.end - 1, WRITINGS)
        && !(first.start > 0 && doc.is_any_of(first.start - 1, &TAIL_OPENERS, OBJECT_PREPOSITIONS))
}

/// Prepositions whose object is a noun phrase, never a subject: "in support
/// of", "in a complaint filed …".
pub(crate) const OBJECT_PREPOSITIONS: &[&str] =
    &["about", "at", "by", "for", "from", "in", "of", "on", "with"];

/// An infinitive content ends before a subordinate clause of the saying
/// and an adjunct of it: "did not want to be named because of the
/// delicate talks", "agreed to meet when they talked on Friday",
/// "vowed to fight on in a statement".
fn infinitive_end(doc: &Doc<'_>, r: Range<usize>) -> Range<usize> {
    let depth = doc.depth.get(r.start).copied().unwrap_or(0);
    for k in r.start + 2..r.end {
        if doc.depth[k] > depth {
            continue;
        }
        if doc.is_any_of(k, &STOP_WORDS, &["because", "when", "after"])
            || event_adjunct(doc, k, r.end)
        {
            return trim(doc, r.start..k);
        }
    }
    r
}

/// Whether `src` ends in a share of people: "About 4 in 10", "Two-thirds",
/// "42 percent", "61%" ("About 4 in 10 support a smaller levy"), or names a
/// share of some people ("A majority of renters", "Half of the
/// delegates").
fn share_source(doc: &Doc<'_>, src: &SourceCand) -> bool {
    let share = |k: usize| {
        crate::source::small_number(doc, k)
            || doc.in_class(k, &QUANTIFIER_PRONOUNS)
            || doc.is(k, "percent")
            || doc.word(k).ends_with('%')
    };
    src.toks.last().is_some_and(|r| {
        r.end > r.start && {
            let k = r.end - 1;
            share(k)
                // "A majority of renters support …", "23 percent of
                // bus riders support …": a share of people.
                || r.clone().any(|k| {
                    doc.is(k + 1, "of")
                        && k + 2 < r.end
                        && (share(k) || doc.is_any(k, crate::source::COLLECTIVE_HEADS))
                })
        }
    })
}

/// Whether a noun phrase opened by "a" or "an" at `k` runs to the end of
/// the sentence with no verb of its own outside a relative clause: ", a
/// charge that county Republican leaders flatly denied", ", a swipe at
/// the last council session". Not inside a quotation; not one opened by
/// "the", which names what the content last named ("Hamas, the militant
/// organization that has ruled Gaza for 16 years").
fn closing_appositive(cx: &Ctx<'_, '_>, k: usize, sent_end: usize) -> bool {
    let doc = cx.doc;
    if !doc.is_any_of(k, &DETERMINERS, &["a", "an"])
        || doc.quote_of.get(k).is_some_and(|&q| q != NONE)
    {
        return false;
    }
    let end = (k + MAX_TAIL_TOKENS).min(sent_end);
    for j in k + 1..end {
        let t = &doc.toks[j];
        if doc.is_any(j, &["that", "which", "who", "whom", "whose", "where", "to"]) {
            return true;
        }
        if !t.is_wordlike() {
            // Only the sentence's last mark may end the phrase.
            return j + 1 >= sent_end && t.kind == TokenKind::Punct;
        }
        if doc.in_class(j, &FINITE_VERBS)
            || t.text.ends_with("n't")
            || t.text.ends_with("n’t")
            || cx.verb(j).is_some_and(|(_, c)| finite(c))
        {
            return false;
        }
    }
    end == sent_end
}

/// Whether a noun phrase opened by "a" or "an" at `k`, outside any
/// quotation, runs to the end of the sentence with no dash in it: "— a
/// costly proposal she has floated at several meetings".
fn dash_aside(cx: &Ctx<'_, '_>, k: usize, sent_end: usize) -> bool {
    let doc = cx.doc;
    // ("— though not by much", "— except in Millbrook", "— all of them
    // donors": a concession, an exception, a summing up.)
    (doc.is_any_of(k, &DETERMINERS, &["a", "an"])
        || doc.is_any(k, &["all", "although", "except", "though"]))
        && doc.quote_of.get(k).is_some_and(|&q| q == NONE)
        && !(k + 1..sent_end).any(|j| doc.kind(j) == Some(TokenKind::Dash))
}

/// Whether "as" at `k` opens a clause with a subject and a finite verb:
/// "as he faces a test", "as former Gov. Dana Hale listens" (not "as
/// intended", "as a candidate", "as well as").
fn as_clause(cx: &Ctx<'_, '_>, k: usize, end: usize) -> bool {
    let doc = cx.doc;
    let hi = (k + 1 + MAX_SOURCE_TOKENS).min(end);
    np_starting_untold(doc, k + 1, hi).is_some_and(|np| {
        let v = skip_auxiliaries(cx, np.end(), hi);
        v < hi
            && (cx.verb(v).is_some_and(|(_, c)| finite(c))
                || doc.in_class(v, &FINITE_VERBS)
                || (!doc.capitalized(v) && {
                    let w = doc.word(v);
                    (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
                        && w.len() > 3
                        && np.is_pronoun()
                }))
    })
}

/// Where a gathering one tells something ends in `np`, the phrase after a
/// verb of telling (which may run on into the content): "Baker told a town
/// meeting they are …", "told the meeting the plant would stay open".
fn audience(doc: &Doc<'_>, np: &SourceCand) -> Option<usize> {
    const GATHERINGS: &[&str] = &[
        "audience",
        "briefing",
        "caucus",
        "committee",
        "conference",
        "congregation",
        "convention",
        "crowd",
        "delegation",
        "forum",
        "gathering",
        "hall",
        "hearing",
        "meeting",
        "panel",
        "rally",
        "session",
        "summit",
    ];
    let first = np.toks.first()?;
    // Within the first few words: "the Rotary meeting", "a town hall".
    (first.start..first.end.min(first.start + 5))
        .find(|&k| doc.in_class(k, &ADJUNCT_WORDS) && doc.is_any(k, GATHERINGS))
        // ("a town hall meeting": the last of them)
        .map(|k| {
            (k + 1..first.end)
                .find(|&e| !doc.is_any(e, GATHERINGS))
                .unwrap_or(first.end)
        })
}

/// Nouns of the occasions and media in which something is said.
const EVENT_NOUNS: &[&str] = &[
    "address",
    "appearance",
    "briefing",
    "conference",
    "debate",
    "email",
    "interview",
    "interviews",
    "op-ed",
    "rally",
    "speech",
    "statement",
    "tweet",
];

/// Whether an adjunct of the saying starts at `k`, one that ends an object
/// or an infinitive: "confirmed the layoffs on the condition of anonymity",
/// "charged Baker at a press conference in Millbrook", "called for a
/// recount in a statement", "criticized the deal during a rally in Port Ansel".
fn event_adjunct(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    // (A class bit first: most words open no adjunct.)
    if !doc.in_class(k, &TAIL_OPENERS) {
        return false;
    }
    if doc.is(k, "on") {
        let c = if doc.is(k + 1, "the") { k + 2 } else { k + 1 };
        return doc.is(c, "condition") && doc.is(c + 1, "of") && c + 1 < end;
    }
    if !doc.is_any(k, &["at", "during", "in"])
        || !doc.is_any(k + 1, &["a", "an", "his", "her", "their", "its", "the"])
    {
        return false;
    }
    // A head within four words, with nothing but words before it: "in a
    // wide-ranging interview", "at a Tuesday news conference".
    (k + 2..(k + 6).min(end))
        .take_while(|&j| doc.toks[j].is_wordlike())
        .any(|j| doc.is_any(j, EVENT_NOUNS))
}

/// A month, written out or as the abbreviations lexicon abbreviates it
/// ("November", "Nov.").
pub(crate) fn is_month(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "April",
        "August",
        "December",
        "February",
        "January",
        "July",
        "June",
        "March",
        "May",
        "November",
        "October",
        "September",
    ];
    MONTHS.binary_search(&w).is_ok()
        || crate::lexicon::abbreviation_class(w) == Some(crate::lexicon::AbbrevClass::Month)
}

/// Words before a base form that make it a verb: "did not say", "will
/// argue", "still believe" (and "n't", tested apart).
#[rustfmt::skip]
pub(crate) const BASE_AUXILIARIES: WordClass = WordClass {
    bit: 1 << 17,
    file: None,
    words: &[
        "also", "can", "could", "did", "do", "does", "may", "might", "must", "never", "not",
        "now", "often", "should", "still", "to", "will", "would",
    ],
};

/// Whether a base form at `cue` reads as a verb, given its subject.
fn base_form_verb(doc: &Doc<'_>, cue: usize, source: &SourceCand) -> bool {
    let aux = cue > 0 && (doc.in_class(cue - 1, &BASE_AUXILIARIES) || doc.is(cue - 1, "n't"));
    let phrase = source.toks.last().cloned().unwrap_or(cue..cue);
    // The head is the word before a preposition or a post-modifier inside
    // the phrase: "Aides to Okafor say", "Majorities in every ward say",
    // "People familiar with the plans say".
    let head_tok = (phrase.start + 1..phrase.end)
        .find(|&k| {
            doc.in_class(k, &INNER_PREPOSITIONS)
                || doc.in_class(k, &POSTMODIFIERS)
                || doc.is(k, "to")
        })
        .unwrap_or(phrase.end)
        .saturating_sub(1)
        .max(phrase.start.min(cue));
    let head = doc.word(head_tok);
    // ("This makes sense", "It takes time": a verb in -s after a subject
    // pronoun is the sentence's verb, and the base form after it a noun.)
    if head_tok > phrase.start
        && head_tok + 1 == cue
        && doc.is_any(head_tok - 1, &["this", "it", "he", "she"])
        && head.ends_with('s')
    {
        return aux;
    }
    let plural_or_first = doc.is_any(
        head_tok,
        &["i", "we", "you", "they", "who", "which", "that"],
    ) || (head.ends_with('s') && !head.ends_with("ss") && head.len() > 3)
        || matches!(source.kind, SourceKind::Group)
        // "Millbrook Trust and Harbor Bank say"
        || source.toks.len() > 1
        || phrase.clone().any(|k| doc.is(k, "and"))
        // "A mere 8 percent say", "42% say", "a majority say", "One in
        // five say", "nine out of 10 believe"
        || doc.in_class(head_tok, &QUANTIFIER_PRONOUNS)
        || (doc.is(head_tok, "out") && doc.is(head_tok + 1, "of"))
        || (head.ends_with('%')
            && !phrase.start.checked_sub(1).is_some_and(|k| doc.toks[k].is_wordlike()))
        || doc.is_any(head_tok, &["percent", "police", "people"])
        || doc.is_any(head_tok, crate::source::COLLECTIVE_HEADS)
        || (doc.is(head_tok + 1, "in") && crate::source::small_number(doc, head_tok + 2))
        // "Those surveyed say", "those polled believe"
        || doc.is(head_tok, "those")
        || (head_tok > phrase.start
            && doc.is(head_tok - 1, "those")
            && doc.word(head_tok).ends_with("ed"));
    aux || plural_or_first
}

/// "…, a diplomat said." from token `k`: a source, a cue, and nothing but
/// an addressee or adjunct words to the end of the sentence. A cheap check
/// with no further lookahead, so scanning stays linear.
fn simple_tail(cx: &Ctx<'_, '_>, k: usize, sent_end: usize) -> bool {
    let doc = cx.doc;
    let hi = (k + MAX_SOURCE_TOKENS).min(sent_end);
    let Some(src) = np_starting_untold(doc, k, hi) else {
        return false;
    };
    let j = skip_auxiliaries(cx, src.end(), hi);
    let Some((_, c)) = cx.verb(j) else {
        return false;
    };
    let rest = c.toks.end..sent_end;
    rest.len() <= 8
        && rest.clone().all(|m| {
            adjunct_like(doc, m..m + 1) || matches!(doc.word(m), "." | "!" | "?" | "”" | "\"")
        })
}

/// Verbs that make the "that" before them a subject ("said that was …")
/// and, one word later, a determiner ("says that figure is …").
#[rustfmt::skip]
const THAT_VERBS: &[&str] = &[
    "can", "could", "did", "does", "had", "has", "is", "may", "might", "must", "should", "was",
    "will", "would",
];

/// "The union says that figure is inflated": "that" before a noun and a
/// verb is a determiner, part of the content, not a complementizer; and
/// "Ruiz said that was a normal part of …": before a verb it is the
/// subject.
fn that_is_determiner(doc: &Doc<'_>, i: usize) -> bool {
    if doc.is_any(i + 1, THAT_VERBS) || doc.is_any(i + 1, &["isn't", "isn’t", "wasn't", "wasn’t"])
    {
        return true;
    }
    // Singular nouns only: "that figure is", "that account,"; with a plural
    // ("that revisions had …") it is the complementizer.
    let noun = doc.toks.get(i + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !doc.capitalized(i + 1)
            && !doc.in_class(i + 1, &DETERMINERS)
            && !crate::source::is_pronoun_like(t.text)
            // ("told reporters that someone had repainted the sign")
            && !doc.in_class(i + 1, &crate::source::INDEFINITE_PRONOUNS)
            && !t.text.ends_with('s')
    });
    noun && (doc.is_any(i + 2, THAT_VERBS) || matches!(doc.word(i + 2), "," | "." | ";"))
}

/// Rule: an impersonal passive with a that-clause, which names no source.
///
/// * "It is widely believed that the mayor will not run again."
/// * "Ruiz was asked in June if she would back Baker." (the question)
fn impersonal_passive(cx: &Ctx<'_, '_>, ci: usize, c: &CueHit, si: usize) -> Option<Cand> {
    let doc = cx.doc;
    let s = &doc.sents[si];
    let mut k = c.toks.start;
    while k > s.toks.start && (doc.in_class(k - 1, &AUXILIARIES) || is_adverb(doc.word(k - 1))) {
        k -= 1;
    }
    // ("It's been reported that …": "it" with "has" on it.)
    let it = k > s.toks.start
        && (doc.is(k - 1, "it")
            || ["it's", "it’s"]
                .iter()
                .any(|w| doc.word(k - 1).eq_ignore_ascii_case(w)));
    let that = c.toks.end;
    // "Okafor is also expected to name …", "could be expected to resist",
    // "is widely believed to be …": a raising passive, whose subject
    // belongs to the content.
    let raising = !it
        && doc.is(that, "to")
        && (c.category == CueCategory::Belief
            || ["allege", "report", "rumor", "say"].contains(&&*c.lemma));
    // ("The bridge is supposed to reopen in May": what is due, not what
    // anyone is said to believe.)
    if raising && &*c.lemma == "suppose" {
        return None;
    }
    if raising {
        return raised_subject(cx, ci, c, k, si);
    }
    let content = if &*c.lemma == "ask" && !it {
        // "Ruiz was asked in June if she would back Baker": the question,
        // and no source (whoever asked is not the subject). It ends at a
        // comma: "When asked who would bring change, voters chose Okafor".
        let q = question_after(doc, that, s.toks.end)?;
        let end = clause_end(cx, q + 1, s.toks.end);
        let end = (q..end).find(|&j| doc.punct(j, ",")).unwrap_or(end);
        let content = trim(doc, q..end);
        if !substantial(doc, &content) {
            return None;
        }
        content
    } else {
        if !it || !doc.is(that, "that") || !c.frames.has(Frames::THAT) {
            return None;
        }
        let end = clause_end(cx, that + 1, s.toks.end);
        let mut content = trim(doc, that + 1..end);
        if !substantial(doc, &content) {
            return None;
        }
        content.start = cx.content_start(content.start);
        content
    };
    Some(Cand::of(
        ci,
        c,
        None,
        Pieces::one(content),
        Rule::SourceCueContent,
        0.6,
        si,
    ))
}

/// A quotation that reads as a title: a few capitalized words without
/// sentence punctuation ("The Salt Orchard", "This Week").
fn title_like(doc: &Doc<'_>, q: usize) -> bool {
    let r = doc.quote_toks(q);
    let inner = r.start + 1..r.end.saturating_sub(1);
    // Eight words and some punctuation at most: a long quotation is no
    // title, and is not read through (nested quotations would make that
    // quadratic).
    if inner.len() > 24 {
        return false;
    }
    let words: Vec<usize> = inner
        .clone()
        .filter(|&k| doc.toks[k].is_wordlike())
        .collect();
    let small = [
        "a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with",
    ];
    !words.is_empty()
        && words.len() <= 8
        && words
            .iter()
            .all(|&k| doc.capitalized(k) || doc.is_any(k, &small))
        && !inner
            .clone()
            .any(|k| matches!(doc.word(k), "." | "," | "!" | "?" | ";" | ":"))
}

/// True when the content at `start` does not open with a quotation.
fn direct_start_free(doc: &Doc<'_>, start: usize) -> bool {
    doc.quote_opened_at(start).is_none()
}

/// A modal before the cue (past adverbs and "not"): "will announce",
/// "could say", "should not claim".
fn modal_before(doc: &Doc<'_>, cue: usize) -> bool {
    let mut k = cue;
    while k > 0 && (doc.in_class(k - 1, &MODAL_ADVERBS) || is_adverb(doc.word(k - 1))) {
        k -= 1;
    }
    // A capitalized modal before the verb is a name: "Lena May said",
    // "Rep. Will Hale says".
    k > 0 && ((doc.in_class(k - 1, &MODALS) && !doc.capitalized(k - 1)) || doc.is(k - 1, "'ll"))
}

/// Words between a modal and its verb: "will not say", "could soon
/// announce".
#[rustfmt::skip]
pub(crate) const MODAL_ADVERBS: WordClass = WordClass {
    bit: 1 << 18,
    file: None,
    words: &[
        "also", "likely", "never", "not", "soon",
    ],
};

/// Modals, before which a cue says what is not yet said (and "'ll", tested
/// apart).
#[rustfmt::skip]
pub(crate) const MODALS: WordClass = WordClass {
    bit: 1 << 19,
    file: None,
    words: &[
        "can", "could", "may", "might", "must", "shall", "should", "will",
    ],
};

/// Auxiliaries, copulas and common irregular past forms: a content with
/// one is a clause ("the plan would fail", "the wreck fell").
#[rustfmt::skip]
pub(crate) const FINITE_VERBS: WordClass = WordClass {
    bit: 1 << 20,
    file: None,
    words: &[
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
        "should", "may", "might", "must", "does", "did", "do", "be", "been",
        // common irregular past forms
        "became", "began", "bought", "brought", "built", "came", "chose", "cut", "drew",
        "drove", "fell", "felt", "fled", "flew", "forgot", "fought", "found", "gave", "got",
        "grew", "heard", "held", "kept", "knew", "led", "left", "lost", "made", "meant", "met",
        "paid", "ran", "rose", "sat", "saw", "sent", "set", "shook", "sold", "sought", "spent",
        "spoke", "stole", "stood", "struck", "swore", "taught", "thought", "threw", "told",
        "took", "understood", "went", "withdrew", "won", "wore", "wrote",
    ],
};

/// Whether a content range looks like a clause: it has an auxiliary, a
/// copula or a verb-like word after its first word ("Okafor leads",
/// "the plan would fail"); "the wreck in 40 feet of water" does not.
fn has_finite_verb(doc: &Doc<'_>, r: Range<usize>) -> bool {
    let end = (r.start + 14).min(r.end);
    (r.start..end).enumerate().any(|(n, k)| {
        let w = doc.word(k);
        let lower = !doc.capitalized(k) && doc.toks[k].kind == TokenKind::Word;
        // ("this", "his", "famous", "crisis", "us" end in s but are no verb)
        let s_verb = w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !doc.in_class(k, &DETERMINERS)
            && !doc.in_class(k, &STOP_WORDS);
        // ("in May": a month, not a modal)
        (doc.in_class(k, &FINITE_VERBS) && !(n > 0 && w == "May"))
            // "I’d consider", "we'll see"
            || (w.contains(['’', '\'']) && crate::source::is_pronoun_like(w))
            // "isn't", "wasn’t", "don't"
            || (lower && (w.ends_with("n't") || w.ends_with("n’t")))
            // "This includes a new ferry line", "That means …": a form in -s
            // after a demonstrative opening the clause (which no plural
            // follows; "this news" is a noun).
            || (n == 1
                && lower
                && s_verb
                && doc.is_any(k - 1, &["this", "that"])
                && !doc.is_any(k, &["news", "series", "species"]))
            || (n > 0
                && lower
                && (w.ends_with("ed") || s_verb)
                && !doc.in_class(k - 1, &DETERMINERS)
                && !doc.is_any(
                    k - 1,
                    &["of", "in", "for", "with", "at", "on", "to", "from"],
                ))
    })
}

/// [`has_finite_verb`] over the whole of `r`, not its first words only:
/// "Ned Ruiz, the brother of one council member and the uncle of two, has
/// joined …" (in windows that overlap, as far as a clause runs).
fn verb_anywhere(doc: &Doc<'_>, r: Range<usize>) -> bool {
    let end = r.end.min(r.start + MAX_CLAUSE_TOKENS);
    (r.start..end)
        .step_by(10)
        .any(|s| has_finite_verb(doc, s..end))
}

/// Nouns for documents and figures that can show or find something.
#[rustfmt::skip]
pub(crate) const DOCUMENT_NOUNS: WordClass = WordClass {
    bit: 1 << 21,
    file: None,
    words: &[
        "analysis", "data", "documents", "estimates", "figures", "findings", "numbers", "poll",
        "polls", "records", "report", "reports", "research", "results", "statistics", "studies",
        "study", "survey", "surveys",
    ],
};

/// Rule: a raising passive, whose subject belongs to the content and which
/// names no source.
///
/// * "The county board is expected to approve a new levy later this week."
///   (content: "The county board" + "to approve a new levy later this week")
pub(crate) fn raising_passive(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (ci, c) in cx.cues.iter().enumerate() {
        let two = c.toks.len() == 2
            && c.form != Form::Progressive
            && doc.is_any(c.toks.start, &["is", "are", "was", "were"]);
        if !two || !doc.is(c.toks.end, "to") || c.category != CueCategory::Belief {
            continue;
        }
        let si = doc.sent_of[c.toks.start] as usize;
        if let Some(cand) = raised_subject(cx, ci, c, c.toks.start, si) {
            out.push(cand);
        }
    }
}

/// The claim of a raising passive whose subject ends at `subject_end` and
/// whose infinitive follows the cue: no source, and the subject and the
/// infinitive as content ("The House" + "to vote on the ferry bill").
fn raised_subject(
    cx: &Ctx<'_, '_>,
    ci: usize,
    c: &CueHit,
    subject_end: usize,
    si: usize,
) -> Option<Cand> {
    let doc = cx.doc;
    let s = &doc.sents[si];
    let lo = subject_end
        .saturating_sub(MAX_SOURCE_TOKENS)
        .max(s.toks.start);
    let subject = np_ending_at(doc, subject_end, lo)?;
    let rest = trim(doc, c.toks.end..clause_end(cx, c.toks.end, s.toks.end));
    if !substantial(doc, &rest) {
        return None;
    }
    let mut content = subject.toks;
    content.push(rest);
    Some(Cand::of(
        ci,
        c,
        None,
        content,
        Rule::SourceCueContent,
        0.6,
        si,
    ))
}

/// The question word after an "asked" at or after token `a`, past a few
/// words of place, time or manner: "why" in "asked during a March debate
/// why …", "whether" in "asked in Millbrook recently whether …"; or "about" (the
/// topic: "asked about the merger"). `None` when a verb, a punctuation mark
/// or anything else comes first.
fn question_after(doc: &Doc<'_>, a: usize, end: usize) -> Option<usize> {
    let end = end.min(a + 10);
    let mut k = a;
    while k < end {
        if doc.is_any(k, QUESTION_WORDS) || doc.is(k, "about") {
            return Some(k);
        }
        let adjunct = doc.in_class(k, &TIME_WORDS)
            || is_adverb(doc.word(k))
            || doc.in_class(k, &DETERMINERS)
            || doc.is_any(
                k,
                &[
                    "at", "during", "in", "on", "again", "later", "recently", "yet",
                ],
            )
            || doc.kind(k) == Some(TokenKind::Number)
            || (k > a
                && doc.toks[k].kind == TokenKind::Word
                && !doc.verb[k]
                && !doc.in_class(k, &FINITE_VERBS)
                && !doc.in_class(k, &STOP_WORDS));
        if !adjunct {
            return None;
        }
        k += 1;
    }
    None
}

/// Rule: a fronted "as reported by", whose content is the clause after it.
///
/// * "As reported by Dockside Weekly, auditors found over 1,400
///   invoices …" (source: "Dockside Weekly")
///
/// ("As The Ledger reported, …" is a subject and its verb, read by
/// [`source_cue_content`]; the same words after a comma end a sentence's
/// content, read by [`trailing`].)
pub(crate) fn as_reported_by(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (si, s) in doc.sents.iter().enumerate() {
        let k = s.toks.start;
        if !doc.is(k, "as") || !doc.is_any(k + 1, &["reported", "first", "previously"]) {
            continue;
        }
        let Some((ci, src, end)) = as_reported(cx, k, s.toks.end) else {
            continue;
        };
        // The passive only, ended by its comma.
        if !doc.punct(end, ",") || !doc.is(cx.cues[ci].toks.end, "by") {
            continue;
        }
        let content = trim(doc, end + 1..clause_end(cx, end + 1, s.toks.end));
        if !substantial(doc, &content) {
            continue;
        }
        out.push(Cand::of(
            ci,
            &cx.cues[ci],
            Some(src),
            Pieces::one(content),
            Rule::SourceCueContent,
            0.8,
            si,
        ));
    }
}

/// The clause after a verb of saying that ends at token `b`, past its
/// "that" and trimmed: "… seems to think the dispute will be settled", "… tried
/// to argue that the plan would fail".
fn clause_after(cx: &Ctx<'_, '_>, b: usize, sent_end: usize) -> Range<usize> {
    let start = if cx.doc.is(b, "that") { b + 1 } else { b };
    trim(cx.doc, start..clause_end(cx, start, sent_end))
}

/// Verbs that take an infinitive of saying as one cue with it: "tried to
/// argue", "continued to insist", "sought to assure", "was quick to point
/// out" (PolNeAR marks the whole 24 times of 28 in train).
#[rustfmt::skip]
const CONTROL_VERBS: &[&str] = &[
    "attempted", "attempts", "began", "begins", "continue", "continued", "continues",
    "hastened", "moved", "rushed", "seek", "seeks", "sought", "tried", "tries", "try",
    "want", "wanted", "wants",
];

/// Rule: a verb that takes an infinitive, "to" and a verb of saying or
/// thinking: one cue, the first verb's subject its source.
///
/// * "Baker tried to argue that the plan would fail."
/// * "Delgado continued to insist that he could win the runoff."
pub(crate) fn control_verb(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (ci, c) in cx.cues.iter().enumerate() {
        let k = c.toks.start;
        if c.noun
            || c.form != Form::Base
            || c.toks.len() != 1
            || k < 3
            || !doc.is(k - 1, "to")
            || !doc.is_any(k - 2, CONTROL_VERBS)
            || !matches!(
                c.category,
                CueCategory::Speech | CueCategory::Writing | CueCategory::Belief
            )
        {
            continue;
        }
        let verb = k - 2;
        let si = doc.sent_of[k] as usize;
        let s = &doc.sents[si];
        if doc.depth[k] > 0 {
            continue;
        }
        // The content: a clause, after "that" or at once ("tried to argue
        // that …", "continued to insist he could win").
        let b = c.toks.end;
        let clause_start = doc.is(b, "that")
            || doc.in_class(b, &SUBJECT_PRONOUNS)
            || doc.in_class(b, &DETERMINERS);
        if !clause_start {
            continue;
        }
        let content = clause_after(cx, b, s.toks.end);
        if !substantial(doc, &content) || !has_finite_verb(doc, content.clone()) {
            continue;
        }
        let lo = verb.saturating_sub(MAX_SOURCE_TOKENS).max(s.toks.start);
        let Some(source) = subject_before(doc, verb, lo) else {
            continue;
        };
        out.push(Cand {
            cue: ci as u32,
            cue_toks: Pieces::one(verb..b),
            source: Some(source),
            content: Pieces::one(cx.content_start(content.start)..content.end),
            rule: Rule::SourceCueContent,
            score: 0.8,
            sent: si,
        });
    }
}

/// Rule: a verb of saying that opens the sentence, its source after it and
/// then the quotation, the inversion of "Mansour said, “…”".
///
/// * "Said Baker, “The idea that a mistake of ours caused this is very
///   hard for us.”"
/// * "Said Edna Marsh, who has lived on Pier Street for decades, “Nobody
///   here is surprised.”"
pub(crate) fn fronted_cue(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (ci, c) in cx.cues.iter().enumerate() {
        let k = c.toks.start;
        // (Capitalized first: most cue words are not.)
        if !doc.capitalized(k)
            || c.noun
            || c.toks.len() != 1
            || !matches!(c.form, Form::Past | Form::Third)
            || !speech_verb(c)
        {
            continue;
        }
        let si = doc.sent_of[k] as usize;
        let s = &doc.sents[si];
        // ("Asked which school was her favorite, she …": a question after
        // the verb, no source.)
        if k != s.toks.start || doc.depth[k] > 0 || doc.is_any(k + 1, QUESTION_WORDS) {
            continue;
        }
        let Some(src) = np_starting_at(doc, k + 1, s.toks.end) else {
            continue;
        };
        let Some(np_end) = src.toks.last().map(|r| r.end) else {
            continue;
        };
        // The quotation after a comma or a colon, past an appositive or a
        // relative clause of the source without a quotation of its own.
        let Some((mark, q)) = (np_end..(np_end + 30).min(s.toks.end)).find_map(|j| {
            (doc.punct(j, ",") || doc.punct(j, ":"))
                .then(|| doc.quote_opened_at(j + 1).map(|q| (j, q)))
                .flatten()
        }) else {
            continue;
        };
        if (np_end..mark).any(|j| {
            doc.toks[j].is_quote()
                || (j > np_end && cx.verb(j).is_some() && !doc.is_any(j - 1, &["who", "which"]))
        }) {
            continue;
        }
        let pieces = quotation_and_continuations(cx, q);
        out.push(Cand::of(
            ci,
            c,
            Some(src),
            pieces,
            Rule::SourceCueQuote,
            0.85,
            si,
        ));
    }
}

/// Rule: "asked" in a passive adjunct, with the question as content.
///
/// * "When asked by a radio host if the delays … led to the bridge
///   closing, …" (source: "a radio host")
/// * "Asked Tuesday about the audit, Okafor said …" (no source)
/// * "Asked during a March debate why she trailed …" (past a time and a
///   place)
///
/// The passive in a main clause ("Ruiz was asked in June if she would …")
/// is read with the other passives, in `impersonal_passive`.
pub(crate) fn asked(cx: &Ctx<'_, '_>, out: &mut Vec<Cand>) {
    let doc = cx.doc;
    for (ci, c) in cx.cues.iter().enumerate() {
        if &*c.lemma != "ask" || c.form != Form::Past || c.toks.len() != 1 {
            continue;
        }
        let k = c.toks.start;
        let si = doc.sent_of[k] as usize;
        let s = &doc.sents[si];
        // "Asked …" opening the sentence, or "when/after/if asked …".
        let opener = k == s.toks.start
            || doc.is_any(
                k - 1,
                &["when", "after", "if", "as", "before", "once", "while"],
            );
        if !opener {
            continue;
        }
        let mut a = k + 1;
        // ("Asked Tuesday …": the days are time words, in any case.)
        while a < s.toks.end && doc.in_class(a, &TIME_WORDS) {
            a += 1;
        }
        let mut source = None;
        if doc.is(a, "by") {
            if let Some(np) = np_starting_at(doc, a + 1, s.toks.end) {
                a = np.toks.last().map_or(a + 1, |r| r.end);
                source = Some(np);
            }
        }
        // "Asked during a March debate why …", "Asked in Millbrook recently
        // whether …": past a place or a time.
        let Some(q) = question_after(doc, a, s.toks.end) else {
            continue;
        };
        a = q;
        // The question ends at the comma that closes the adjunct.
        let end = (a..s.toks.end)
            .find(|&j| doc.punct(j, ","))
            .unwrap_or(s.toks.end);
        let content = trim(doc, a..end);
        if !substantial(doc, &content) {
            continue;
        }
        let score = if source.is_some() { 0.7 } else { 0.6 };
        out.push(Cand::of(
            ci,
            c,
            source,
            Pieces::one(content),
            Rule::SourceCueContent,
            score,
            si,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::{is_gerund_like, is_month, NOT_GERUNDS};

    #[test]
    fn include_that_keeps_that_and_the_comma_after_it() {
        let ex = crate::Extractor::builder()
            .include_that(true)
            .build()
            .unwrap();
        for (text, content) in [
            (
                "Backers argue that, while the levy may raise rents, it will fund the schools.",
                "that, while the levy may raise rents, it will fund the schools",
            ),
            (
                "Okafor said that the bridge would reopen.",
                "that the bridge would reopen",
            ),
        ] {
            let out = ex.extract(text);
            assert_eq!(&text[out.claims[0].content[0]], content, "{text}");
        }
    }

    #[test]
    fn gerunds_but_not_prepositions_or_nouns_in_ing() {
        assert!(
            NOT_GERUNDS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        for w in ["saying", "Adding", "citing", "speaking"] {
            assert!(is_gerund_like(w), "{w}");
        }
        for w in ["during", "During", "nothing", "morning", "king", "sing"] {
            assert!(!is_gerund_like(w), "{w}");
        }
    }

    #[test]
    fn months_written_out_and_abbreviated() {
        for m in ["January", "May", "September", "Nov.", "Sept.", "Jun."] {
            assert!(is_month(m), "{m}");
        }
        for w in ["Monday", "may", "Nov", "Mayor"] {
            assert!(!is_month(w), "{w}");
        }
    }
}
