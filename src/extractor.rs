//! [`Extractor`]: builds once, extracts many times; and the one place that
//! decides between overlapping candidate claims.

// Token ranges are kept in vectors on purpose: one range per span of a
// claim's role, usually one.
#![allow(clippy::single_range_in_vec_init)]

use std::sync::Arc;

use crate::cue::{find_cues, CueHit};
use crate::doc::{Doc, NONE};
use crate::error::BuildError;
use crate::lexicon::CueLexicon;
use crate::rules::{self, Cand, Ctx};
use crate::source::STOP_WORDS;
use crate::speaker;
use crate::token::TokenKind;
use crate::{Claim, ClaimKind, Cue, CueCategory, Extraction, Source, Span};

/// Extracts attributed claims. Build it once and share it: it is cheap to
/// clone (an `Arc` inside) and `Send + Sync`.
///
/// # Example
///
/// ```
/// use claimant::{CueCategory, Extractor};
///
/// let speech_only = Extractor::builder()
///     .only_categories(&[CueCategory::Speech])
///     .build()
///     .unwrap();
/// let text = "Officials believe the plan will fail. “It will,” Ortiz said.";
/// let claims = speech_only.extract(text).claims;
/// assert_eq!(claims.len(), 1);
/// assert_eq!(&text[claims[0].cue.spans[0]], "said");
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    lexicon: Option<CueLexicon>,
    categories: u8,
    nested: bool,
    include_that: bool,
    speakers: bool,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the built-in lexicons, every cue category, and
    /// nested claims included.
    ///
    /// ```
    /// let ex = claimant::Extractor::new();
    /// assert_eq!(ex.extract("He said it was over.").claims.len(), 1);
    /// ```
    pub fn new() -> Extractor {
        Extractor {
            inner: Arc::new(Inner {
                lexicon: None,
                categories: u8::MAX,
                nested: true,
                include_that: false,
                speakers: true,
            }),
        }
    }

    /// A builder for an extractor with custom cue words, categories or
    /// nesting.
    ///
    /// ```
    /// let ex = claimant::Extractor::builder().nested(false).build().unwrap();
    /// let text = "Blinken told al-Sudani that Washington expects more, an official said.";
    /// assert_eq!(ex.extract(text).claims.len(), 1);
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    fn lexicon(&self) -> &CueLexicon {
        self.inner
            .lexicon
            .as_ref()
            .unwrap_or_else(|| CueLexicon::builtin())
    }

    /// Finds the attributed claims in `text`.
    ///
    /// Never fails and never panics, whatever the input. Claims come ordered
    /// by the start of their content; every span is on char boundaries of
    /// `text`; a claim's content, source and cue do not overlap.
    ///
    /// ```
    /// let text = "“We will stay,” she said. “It takes patience.”";
    /// let out = claimant::Extractor::new().extract(text);
    /// assert_eq!(out.claims.len(), 1);
    /// assert_eq!(out.claims[0].content.len(), 2);
    /// ```
    pub fn extract(&self, text: &str) -> Extraction {
        let mut doc = Doc::with_lexicon(text, self.lexicon());
        // Room for a cue every sixteen tokens, more than news has.
        let mut cues = Vec::with_capacity(doc.toks.len() / 16 + 1);
        let categories = self.inner.categories;
        find_cues(
            &doc,
            self.lexicon(),
            |c| categories & bit(c) != 0,
            &mut cues,
        );
        for c in &cues {
            if !c.noun {
                for i in c.toks.clone() {
                    doc.verb[i] = true;
                }
            }
        }
        let cx = Ctx::new(&doc, &cues, self.inner.include_that);
        // Room for a candidate per cue, more than news has (fewer than
        // half the cues lead to one), so that the candidates, a dozen words
        // each, are not copied over as the vector grows.
        let mut cands = Vec::with_capacity(cues.len() + 4);
        rules::trailing(&cx, &mut cands);
        rules::source_cue_content(&cx, &mut cands);
        rules::according_to(&cx, &mut cands);
        if categories & bit(CueCategory::According) != 0 {
            rules::in_document(&cx, &mut cands);
            rules::in_document_after(&cx, &mut cands);
            rules::reportedly(&cx, &mut cands);
        }
        if categories & bit(CueCategory::Colon) != 0 {
            rules::colon(&cx, &mut cands);
            rules::colon_after_clause(&cx, &mut cands);
            rules::signature(&cx, &mut cands);
        }
        rules::noun_cue(&cx, &mut cands);
        rules::raising_passive(&cx, &mut cands);
        rules::asked(&cx, &mut cands);
        rules::fronted_cue(&cx, &mut cands);
        rules::control_verb(&cx, &mut cands);
        rules::as_reported_by(&cx, &mut cands);
        rules::participle(&cx, &mut cands);
        let mut claims = resolve(&doc, &cues, cands, self.inner.nested);
        let speakers = if self.inner.speakers {
            speaker::resolve(&doc, &mut claims)
        } else {
            Vec::new()
        };
        Extraction { claims, speakers }
    }
}

impl Extractor {
    /// Extracts the claims of many texts, in parallel when the `rayon`
    /// feature is on (on rayon's global pool), one after the other when it
    /// is off. The results come in the order of the texts, identical to
    /// calling [`Extractor::extract`] on each.
    ///
    /// ```
    /// let docs = ["“Yes,” she said.", "Nothing here.", "He said it was over."];
    /// let out = claimant::Extractor::new().extract_batch(&docs);
    /// let counts: Vec<usize> = out.iter().map(|x| x.claims.len()).collect();
    /// assert_eq!(counts, [1, 0, 1]);
    /// ```
    pub fn extract_batch<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Extraction> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            texts.iter().map(|t| self.extract(t.as_ref())).collect()
        }
    }
}

impl Extractor {
    /// Every cue of the lexicon in `text`, in text order: the words and
    /// phrases that can introduce an attribution ("said", "according to",
    /// "the report"), before any rule decides whether one does. Only the
    /// extractor's cue categories are kept; a capitalized cue word inside a
    /// sentence ("Secretary of State Antony Blinken") is a name, not a cue.
    ///
    /// This is the first stage of [`Extractor::extract`], for users who
    /// study cue vocabulary, and what the `cue_scan` bench measures.
    ///
    /// ```
    /// use claimant::CueCategory;
    ///
    /// let text = "According to the report, officials said the plan will fail.";
    /// let cues = claimant::Extractor::new().cues(text);
    /// let found: Vec<&str> = cues.iter().map(|c| &text[c.spans[0]]).collect();
    /// // "plan" is a cue noun ("a plan to …"); here no claim hangs on it.
    /// assert_eq!(found, ["According to", "report", "said", "plan"]);
    /// assert_eq!((cues[0].lemma.as_str(), cues[0].category), ("according to", CueCategory::According));
    /// assert_eq!(cues[2].lemma, "say");
    /// ```
    pub fn cues(&self, text: &str) -> Vec<Cue> {
        let doc = Doc::with_lexicon(text, self.lexicon());
        let categories = self.inner.categories;
        let mut hits = Vec::new();
        find_cues(
            &doc,
            self.lexicon(),
            |c| categories & bit(c) != 0,
            &mut hits,
        );
        hits.iter()
            .map(|h| Cue {
                spans: vec![doc.span(h.toks.clone())],
                lemma: h.lemma.to_string(),
                category: h.category,
            })
            .collect()
    }
}

fn bit(c: CueCategory) -> u8 {
    1 << (c as u8)
}

/// Builds an [`Extractor`] with extra cue words, fewer cue categories, or
/// without nested claims. Setters take and return `&mut Self`; `build` is the
/// only step that can fail (a malformed custom lexicon).
///
/// # Example
///
/// ```
/// use claimant::Extractor;
///
/// let ex = Extractor::builder()
///     .cue_verbs("opine\tspeech\tthat,quote\topine opined opines opining\n")
///     .build()
///     .unwrap();
/// let text = "The senator opined that the bill was dead.";
/// let claims = ex.extract(text).claims;
/// assert_eq!(&text[claims[0].cue.spans[0]], "opined");
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    verbs: Vec<String>,
    phrases: Vec<String>,
    nouns: Vec<String>,
    categories: u8,
    nested: bool,
    include_that: bool,
    speakers: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder {
            verbs: Vec::new(),
            phrases: Vec::new(),
            nouns: Vec::new(),
            categories: u8::MAX,
            nested: true,
            include_that: false,
            speakers: true,
        }
    }
}

impl ExtractorBuilder {
    /// Adds cue verbs, in the format of the built-in `data/cue_verbs.tsv`:
    /// one verb a line, `lemma<TAB>category<TAB>frames<TAB>forms`, where
    /// frames is a comma list of `that`, `obj_that`, `quote`, `np`, `to`,
    /// `obj_to` and forms are all inflections, space-separated.
    ///
    /// ```
    /// let ex = claimant::Extractor::builder()
    ///     .cue_verbs("quip\tspeech\tthat,quote\tquip quipped quipping quips\n")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(ex.extract("“Never,” she quipped.").claims.len(), 1);
    /// ```
    pub fn cue_verbs(&mut self, tsv: &str) -> &mut ExtractorBuilder {
        self.verbs.push(tsv.to_owned());
        self
    }

    /// Adds multi-word cues: `phrase<TAB>lemma<TAB>category` a line.
    ///
    /// ```
    /// let ex = claimant::Extractor::builder()
    ///     .cue_phrases("went on record\tgo on record\tspeech\n")
    ///     .build()
    ///     .unwrap();
    /// let claims = ex.extract("Ortiz went on record saying the plan failed.").claims;
    /// assert!(!claims.is_empty());
    /// ```
    pub fn cue_phrases(&mut self, tsv: &str) -> &mut ExtractorBuilder {
        self.phrases.push(tsv.to_owned());
        self
    }

    /// Adds cue nouns: `noun<TAB>category` a line.
    ///
    /// ```
    /// let ex = claimant::Extractor::builder().cue_nouns("memo\twriting\n").build();
    /// assert!(ex.is_ok());
    /// ```
    pub fn cue_nouns(&mut self, tsv: &str) -> &mut ExtractorBuilder {
        self.nouns.push(tsv.to_owned());
        self
    }

    /// Keeps only cues of these categories.
    ///
    /// ```
    /// use claimant::{CueCategory, Extractor};
    /// let ex = Extractor::builder().only_categories(&[CueCategory::According]).build().unwrap();
    /// let text = "He said no. The law is void, according to the court.";
    /// let claims = ex.extract(text).claims;
    /// assert_eq!(claims.len(), 1);
    /// assert_eq!(claims[0].cue.lemma, "according to");
    /// ```
    pub fn only_categories(&mut self, categories: &[CueCategory]) -> &mut ExtractorBuilder {
        self.categories = categories.iter().fold(0, |m, &c| m | bit(c));
        self
    }

    /// Turns one cue category on or off.
    ///
    /// ```
    /// use claimant::{CueCategory, Extractor};
    /// let ex = Extractor::builder().category(CueCategory::Belief, false).build().unwrap();
    /// assert!(ex.extract("Officials believe the plan will fail.").claims.is_empty());
    /// ```
    pub fn category(&mut self, category: CueCategory, on: bool) -> &mut ExtractorBuilder {
        if on {
            self.categories |= bit(category);
        } else {
            self.categories &= !bit(category);
        }
        self
    }

    /// Whether claims nested in another claim's content are returned
    /// (default: yes). PolNeAR annotates only the outermost attribution.
    ///
    /// ```
    /// let ex = claimant::Extractor::builder().nested(false).build().unwrap();
    /// let text = "The Pentagon said Austin told him the attacks must stop.";
    /// assert_eq!(ex.extract(text).claims.len(), 1);
    /// ```
    pub fn nested(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.nested = yes;
        self
    }

    /// Whether content keeps the complementizer "that" after its cue
    /// (default: no). Annotation conventions differ: in "Mansour said that
    /// Iran would …" some corpora take "Iran would …" as the content, others
    /// (PolNeAR among them) "that Iran would …".
    ///
    /// ```
    /// let ex = claimant::Extractor::builder().include_that(true).build().unwrap();
    /// let text = "Mansour said that Iran would wait.";
    /// let claim = &ex.extract(text).claims[0];
    /// assert_eq!(&text[claim.content[0]], "that Iran would wait");
    /// ```
    pub fn include_that(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.include_that = yes;
        self
    }

    /// Whether speakers are resolved (default: yes). Without them, claims
    /// keep their sources but no [`Speaker`](crate::Speaker) is built and
    /// every claim's `speaker` is `None`: resolution takes about a fifth of
    /// the extraction time, which a corpus count of claims can save.
    ///
    /// ```
    /// let ex = claimant::Extractor::builder().speakers(false).build().unwrap();
    /// let out = ex.extract("Mansour said Iran would wait. He said Baghdad was ready.");
    /// assert_eq!(out.claims.len(), 2);
    /// assert!(out.speakers.is_empty() && out.claims.iter().all(|c| c.speaker.is_none()));
    /// ```
    pub fn speakers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.speakers = yes;
        self
    }

    /// Builds the extractor; fails when a custom lexicon is malformed.
    ///
    /// ```
    /// let err = claimant::Extractor::builder()
    ///     .cue_nouns("memo\tgossip\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("unknown category"));
    /// ```
    pub fn build(&self) -> Result<Extractor, BuildError> {
        let lexicon = if self.verbs.is_empty() && self.phrases.is_empty() && self.nouns.is_empty() {
            None
        } else {
            let mut lex = CueLexicon::builtin().clone();
            for v in &self.verbs {
                lex.add_verbs(v, "custom cue verbs")?;
            }
            for p in &self.phrases {
                lex.add_phrases(p, "custom cue phrases")?;
            }
            for n in &self.nouns {
                lex.add_nouns(n, "custom cue nouns")?;
            }
            Some(lex)
        };
        Ok(Extractor {
            inner: Arc::new(Inner {
                lexicon,
                categories: self.categories,
                nested: self.nested,
                include_that: self.include_that,
                speakers: self.speakers,
            }),
        })
    }
}

/// Finds the attributed claims in `text` with the built-in lexicons.
///
/// The same as `Extractor::new().extract(text)`; an extractor built once
/// and reused saves nothing measurable, since the built-in lexicons are
/// compiled once per process.
///
/// # Example
///
/// ```
/// let text = "Two days later, a U. S. strike killed five militants, an Iraqi official said.";
/// let claims = claimant::extract(text).claims;
/// assert_eq!(&text[claims[0].source.as_ref().unwrap().spans[0]], "an Iraqi official");
/// ```
pub fn extract(text: &str) -> Extraction {
    static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::new);
    DEFAULT.extract(text)
}

/// How many kept claims of its cluster a candidate is compared with: for a
/// conflict, the last ones kept (the best come first); for its parent, the
/// nearest in text order. News never overlaps more than a few claims;
/// a scraped page without full stops overlaps all of them, and comparing
/// each with all would be quadratic.
const MAX_RIVALS: usize = 64;

/// A candidate prepared for resolution: byte spans.
struct Prepared {
    cand: Cand,
    content: Vec<Span>,
    cover: Span,
    /// Content, cue and source together.
    extent: Span,
    cue: Vec<Span>,
    /// The tokens of the first cue span (the candidate's cue ranges become
    /// the claim's cue spans).
    cue_tok: std::ops::Range<usize>,
    source: Vec<Span>,
    /// The source's aside ([`crate::Source::aside`]).
    aside: Option<Span>,
    /// Claims whose extents overlap share a cluster; only they can
    /// conflict or nest.
    cluster: usize,
}

/// "Sen. Marcus Hale (R-Ky.) said": a party and state in parentheses right
/// after the source's last word belong to the source, as PolNeAR marks them.
fn party_tag(doc: &Doc<'_>, c: &mut Cand) {
    let Some(last) = c.source.as_mut().and_then(|s| s.toks.last_mut()) else {
        return;
    };
    let open = last.end;
    let Some(close) = crate::source::party_label_end(doc, open) else {
        return;
    };
    // Not over a cue or the content: "(R-Ky.)" is all there is inside.
    let clear = c.content.iter().all(|r| r.start > close || r.end <= open)
        && c.cue_toks.iter().all(|r| r.start > close || r.end <= open);
    if clear {
        last.end = close + 1;
    }
}

/// "Asked about the permits, Okafor said …", "Baker was asked about his
/// votes": the question's topic is the content, and "about" belongs to the
/// cue, as PolNeAR marks it (27 of train's 39 such claims).
fn asked_about(doc: &Doc<'_>, cues: &[CueHit], c: &mut Cand) {
    if cues.get(c.cue as usize).is_none_or(|h| &*h.lemma != "ask") {
        return;
    }
    let Some(cue_end) = c.cue_toks.last().map(|r| r.end) else {
        return;
    };
    let Some(first) = c.content.iter_mut().min_by_key(|r| r.start) else {
        return;
    };
    if first.start == cue_end && first.end > cue_end + 1 && doc.is(cue_end, "about") {
        first.start += 1;
        if let Some(last) = c.cue_toks.last_mut() {
            last.end += 1;
        }
    }
}

/// "But the plan will fail, he said.", "Still, the votes are not there,
/// according to a tally": a conjunction or a linking adverb that opens the
/// sentence ties it to the one before and is the writer's, not the source's,
/// when the attribution comes after a content without quotation marks
/// (PolNeAR leaves "But" or "And" out 63 times in train and keeps it 19).
/// The adverbs need their comma ("Still more voters say …" keeps "Still").
fn opening_conjunction(doc: &Doc<'_>, quoted: bool, c: &mut Cand) {
    let Some(cue_start) = c.cue_toks.iter().map(|r| r.start).min() else {
        return;
    };
    let Some(a) = c.content.iter().map(|r| r.start).min() else {
        return;
    };
    // With a quotation in the content, PolNeAR keeps the word (18 times
    // to 5): "But ''the harder question,'' he added, ''is …''".
    if cue_start < a || quoted {
        return;
    }
    let sentence_start = doc
        .sent_of
        .get(a)
        .is_some_and(|&s| doc.sents[s as usize].toks.start == a);
    if !sentence_start {
        return;
    }
    let skip = if doc.is_any(a, &["and", "but"]) && !doc.punct(a + 1, ",") {
        1
    } else if doc.is_any(a, &["however", "indeed", "moreover", "still"]) && doc.punct(a + 1, ",") {
        2
    } else if (doc.is(a, "in") && doc.is(a + 1, "fact") || doc.is(a, "even") && doc.is(a + 1, "so"))
        && doc.punct(a + 2, ",")
    {
        3
    } else {
        0
    };
    // Something of the content's own is left after it.
    if let Some(first) = c.content.iter_mut().find(|r| r.start == a) {
        if skip > 0 && first.end > a + skip + 1 {
            first.start += skip;
        }
    }
}

/// "He said she is ready to testify before the county board, which is running
/// its own inquiry": a relative clause or a subordinate clause after a comma
/// that closes a content the cue opened is the writer's aside, not what the
/// source said, when no comma follows it and no quotation is in the content
/// but the aside's own ("…, which he called “a racket.”").
/// PolNeAR train ends the content before ", which" 112 times and keeps a
/// closing one 38 times; ", who" 45 and 24; ", where" 16 and 9; ", while" 45
/// and 23; ", though" or ", although" 35 and 14; ", even as" 9 and 2. A
/// finding keeps its contrasting clause.
fn closing_aside(doc: &Doc<'_>, cues: &[CueHit], quoted: bool, c: &mut Cand) {
    let Some(cue_start) = c.cue_toks.iter().map(|r| r.start).min() else {
        return;
    };
    let Some(last) = c.content.iter().max_by_key(|r| r.end).cloned() else {
        return;
    };
    if cue_start > last.start {
        return;
    }
    let Some(comma) = (last.start + 2..last.end.saturating_sub(2))
        .rev()
        .find(|&k| doc.toks[k].text == ",")
    else {
        return;
    };
    // A quotation in the content keeps the clause, unless the quotation is
    // inside the aside and the aside attributes it: "said he backed limits
    // on the fees, which he called “a racket.”"
    let attributes = || {
        doc.in_class(comma + 2, &crate::source::SUBJECT_PRONOUNS)
            && doc.verb.get(comma + 3).is_some_and(|&v| v)
            && !c
                .content
                .iter()
                .any(|r| (r.start..r.end.min(comma)).any(|k| doc.toks[k].is_quote()))
    };
    if quoted && !attributes() {
        return;
    }
    // A poll's or a study's finding holds its contrast: "A survey shows 58
    // percent of parents opposed the plan, while 71 percent of teachers
    // supported it".
    let finding = cues
        .get(c.cue as usize)
        .is_some_and(|h| matches!(h.category, CueCategory::Evidence | CueCategory::According));
    let aside = doc.is_any(comma + 1, &["which", "who", "where"])
        || (!finding
            && (doc.is_any(comma + 1, &["while", "though", "although"])
                || (doc.is(comma + 1, "even") && doc.is(comma + 2, "as"))));
    if let Some(last) = c.content.iter_mut().max_by_key(|r| r.end).filter(|_| aside) {
        last.end = comma;
    }
}

/// The first content piece of a candidate when it follows the cue and no
/// quotation mark stands in the content: an object or a clause the cue
/// opened, whose end the rules below may move.
fn object_after_cue(c: &mut Cand, quoted: bool) -> Option<&mut std::ops::Range<usize>> {
    let cue_end = c.cue_toks.iter().map(|r| r.end).max()?;
    let first = c.content.iter_mut().min_by_key(|r| r.start)?;
    (first.start >= cue_end && !quoted).then_some(first)
}

/// A lowercase word that is a listed finite verb ("has", "seemed") or a cue
/// verb of the document.
fn listed_verb(doc: &Doc<'_>, k: usize) -> bool {
    doc.kind(k) == Some(crate::token::TokenKind::Word)
        && !doc.capitalized(k)
        && (doc.in_class(k, &rules::FINITE_VERBS) || doc.verb[k])
}

/// "Ruiz mentioned the Ledger three times and seemed to fault its editors …",
/// "Baker questions Okafor's ties to developers and has called for …": a
/// content without a verb of its own (the cue's object) ends before "and"
/// and a second verb of the subject; what follows is the writer's account
/// of something else the subject did.
fn second_verb(doc: &Doc<'_>, quoted: bool, c: &mut Cand) {
    let Some(first) = object_after_cue(c, quoted) else {
        return;
    };
    let verb = |k: usize| {
        let w = doc.word(k);
        listed_verb(doc, k)
            || (doc.kind(k) == Some(crate::token::TokenKind::Word)
                && !doc.capitalized(k)
                && w.len() > 3
                && w.ends_with("ed"))
    };
    // A short object only: a present verb ("the firm holds $41.5 million
    // offshore and would owe …") has no form to tell it by.
    let end = first.end.saturating_sub(2).min(first.start + 8);
    // The words before each "and" are looked at once, and only when an
    // "and" comes.
    let mut j = first.start;
    for k in first.start..end {
        if !doc.is(k, "and") {
            continue;
        }
        while j < k {
            if (j > first.start && verb(j))
                || doc.is_any(j, &["that", "who", "which", "if", "whether", "when"])
            {
                return;
            }
            j += 1;
        }
        // ("anger and hatred of the council": a word in -ed after "and" may be
        // a noun; a listed verb or a cue verb is none. Nor is a gerund:
        // "checking the budget … and asking where …".)
        if listed_verb(doc, k + 1) && !doc.word(k + 1).ends_with("ing") {
            first.end = k;
            return;
        }
    }
}

/// "Since Ruiz announced her bid in March, she has said it at each
/// stop": a cue inside the subordinate clause that opens the
/// sentence has a content that ends with that clause, at its comma; the main
/// clause after it is the writer's.
fn subordinate_clause(doc: &Doc<'_>, c: &mut Cand) {
    let Some(cue) = c.cue_toks.first().cloned() else {
        return;
    };
    let Some(&s) = doc.sent_of.get(cue.start) else {
        return;
    };
    let start = doc.sents[s as usize].toks.start;
    let opener = doc.is_any_of(
        start,
        &STOP_WORDS,
        &[
            "after", "although", "because", "before", "if", "once", "since", "though", "unless",
            "until", "when", "while",
        ],
    );
    if !opener || doc.depth[start] > 0 {
        return;
    }
    let Some(first) = c.content.iter_mut().min_by_key(|r| r.start) else {
        return;
    };
    if first.start < cue.end {
        return;
    }
    // The clause's comma: the first one after the sentence's start, which
    // the cue must come before.
    let Some(comma) = (start + 1..first.end).find(|&k| doc.punct(k, ",")) else {
        return;
    };
    if cue.end <= comma && comma > first.start + 1 && comma + 1 < first.end {
        first.end = comma;
    } else if cue.end <= comma
        && first.start > comma
        && !doc.toks[first.start].is_quote()
        && !doc.is(first.start, "that")
        && !doc.is(first.start - 1, "that")
    {
        // "When asked whom he supported, Mr. Baker said …": the clause
        // holds the cue's object ("whom"); the main clause after its comma
        // is nothing the cue opened.
        for r in c.content.iter_mut() {
            r.end = r.start;
        }
    }
}

/// "Farmers who favor carbon taxes agree that …", "Parents who say the
/// schools are most important were evenly divided …": the content of a
/// cue in a restrictive relative clause ends where the sentence's own verb
/// comes back: a verb after an object without one, or a second verb after
/// a clause with nothing between to join the two.
fn relative_clause(doc: &Doc<'_>, cues: &[CueHit], quoted: bool, c: &mut Cand) {
    let Some(src) = c.source.as_ref().and_then(|s| s.toks.first()).cloned() else {
        return;
    };
    if src.len() != 1 || !doc.is_any(src.start, &["who", "that"]) {
        return;
    }
    // (Opening its sentence, "who" asks a question and relates to
    // nothing: "Who said …"; at the start of a document as anywhere else.)
    let sent_start = doc.sents[doc.sent_of[src.start] as usize].toks.start;
    if src.start == sent_start || doc.punct(src.start - 1, ",") || doc.depth[src.start] > 0 {
        return;
    }
    let category = cues.get(c.cue as usize).map(|h| h.category);
    let Some(first) = object_after_cue(c, quoted) else {
        return;
    };
    let finite = |k: usize| listed_verb(doc, k) && !doc.word(k).ends_with("ing");
    let mut seen = false;
    for k in first.start..first.end {
        if doc.punct(k, ",")
            || doc.is_any(
                k,
                &["and", "or", "but", "that", "which", "who", "if", "whether"],
            )
        {
            return;
        }
        if finite(k) {
            // (A word before it of its own clause: "the schools are", "it
            // will be": a noun or a pronoun, or a verb before "be".)
            let after_verb = k > first.start && finite(k - 1);
            if seen && !after_verb && k > first.start + 1 {
                first.end = k;
                return;
            }
            if !seen && k > first.start + 1 && !after_verb {
                // An object without a verb, then one: the sentence's.
                let object = !(first.start..k).any(|j| {
                    crate::source::is_pronoun_like(doc.word(j))
                        || doc.in_class(j, &crate::source::SUBJECT_PRONOUNS)
                });
                // (A verb of saying or thinking takes a clause: "who say
                // the schools are …" has its subject and verb.)
                let takes_object = category.is_some_and(|k| {
                    !matches!(
                        k,
                        CueCategory::Speech | CueCategory::Writing | CueCategory::Belief
                    )
                });
                if object && takes_object && !doc.is(first.start, "to") {
                    first.end = k;
                    return;
                }
            }
            seen = true;
        }
    }
}

impl Prepared {
    /// The byte spans of a candidate, its content pieces sorted and merged;
    /// `None` for a candidate that is no claim.
    fn new(doc: &Doc<'_>, cues: &[CueHit], mut c: Cand) -> Option<Prepared> {
        // Inside a quotation, "I", "we" and "you" are the quoted speaker
        // talking: “We do not comment on pending litigation,” said Ortiz.
        let first_person = c.source.as_ref().is_some_and(|s| {
            s.kind == crate::SourceKind::Pronoun
                && doc.depth[s.toks[0].start] > 0
                && ["i", "we", "you"].iter().any(|p| {
                    crate::source::pronoun_head(doc.word(s.toks[0].start)).eq_ignore_ascii_case(p)
                })
        });
        if first_person {
            return None;
        }
        party_tag(doc, &mut c);
        asked_about(doc, cues, &mut c);
        // Whether a quotation mark stands in the content, which the
        // boundary rules below ask (one look at its tokens for all of them).
        let quoted = c
            .content
            .iter()
            .any(|r| doc.toks[r.clone()].iter().any(|t| t.is_quote()));
        opening_conjunction(doc, quoted, &mut c);
        closing_aside(doc, cues, quoted, &mut c);
        second_verb(doc, quoted, &mut c);
        subordinate_clause(doc, &mut c);
        relative_clause(doc, cues, quoted, &mut c);
        let mut content: Vec<Span> = c
            .content
            .iter()
            .map(|r| doc.span(r.clone()))
            .filter(|s| !s.is_empty())
            .collect();
        if content.is_empty() {
            return None;
        }
        // Merge overlapping pieces, in place: one piece is the rule.
        if content.len() > 1 {
            content.sort();
            content.dedup();
            let mut n = 1;
            for i in 1..content.len() {
                let s = content[i];
                if content[n - 1].end >= s.start {
                    content[n - 1] = content[n - 1].cover(s);
                } else {
                    content[n] = s;
                    n += 1;
                }
            }
            content.truncate(n);
        }
        // The cue's and the source's token ranges become their byte spans
        // in place, in the vectors that held them (ranges and spans are
        // the same size): no vector more per claim.
        let cue_tok = c.cue_toks[0].clone();
        let aside = c
            .source
            .as_ref()
            .and_then(|s| s.toks.last())
            .and_then(|src| crate::source::aside_after(doc, src.end, cue_tok.start, &c.content))
            .map(|r| doc.span(r));
        let cue: Vec<Span> = std::mem::take(&mut c.cue_toks)
            .into_iter()
            .map(|r| doc.span(r))
            .collect();
        let source: Vec<Span> = c
            .source
            .as_mut()
            .map(|s| {
                std::mem::take(&mut s.toks)
                    .into_iter()
                    .map(|r| doc.span(r))
                    .collect()
            })
            .unwrap_or_default();
        // Content, source and cue never overlap within a claim.
        let clash = content
            .iter()
            .any(|m| cue.iter().chain(&source).any(|x| m.overlaps(*x)));
        if clash {
            return None;
        }
        let cover = content[0].cover(content[content.len() - 1]);
        let extent = cue.iter().chain(&source).fold(cover, |a, &b| a.cover(b));
        Some(Prepared {
            cand: c,
            content,
            cover,
            extent,
            cue,
            cue_tok,
            source,
            aside,
            cluster: 0,
        })
    }
}

/// Decides between overlapping candidates and builds the claims.
///
/// One claim per cue (the best-scoring candidate); then, best first, a
/// candidate is kept unless its content overlaps a kept claim's content
/// without one holding the other's cue (that is a nested attribution, and
/// both stay).
fn resolve(doc: &Doc<'_>, cues: &[CueHit], cands: Vec<Cand>, nested: bool) -> Vec<Claim> {
    // The sorts below order indices (stable sorts, the same order as of
    // the candidates themselves), and each candidate moves once: one is a
    // dozen words long, and sorting them moved each several times.
    //
    // Best candidate per cue: the first of the highest score.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&cands[a], &cands[b]);
        (a.cue, a.cue_toks[0].start)
            .cmp(&(b.cue, b.cue_toks[0].start))
            .then(b.score.total_cmp(&a.score))
    });
    order.dedup_by(|b, a| {
        let (a, b) = (&cands[*a], &cands[*b]);
        a.cue == b.cue && a.cue_toks[0].start == b.cue_toks[0].start
    });
    let mut slots: Vec<Option<Cand>> = cands.into_iter().map(Some).collect();
    // (Room for all at once: a candidate prepared is large to copy.)
    let mut prepared: Vec<Prepared> = Vec::with_capacity(order.len());
    prepared.extend(
        order
            .iter()
            .filter_map(|&i| slots[i].take().and_then(|c| Prepared::new(doc, cues, c))),
    );

    // Clusters of overlapping extents, so that the work below is linear in
    // the number of claims of a document, not quadratic. (A page without
    // full stops, "said he said she told …", is one cluster: within one, a
    // claim is compared with at most MAX_RIVALS others.)
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    order.sort_by_key(|&i| prepared[i].extent.start);
    let mut cluster = 0;
    let mut reach = 0;
    for &i in &order {
        let e = prepared[i].extent;
        if e.start >= reach && reach > 0 {
            cluster += 1;
        }
        reach = reach.max(e.end);
        prepared[i].cluster = cluster;
    }
    // Best first within a cluster; ties: earlier first.
    order.sort_by(|&a, &b| {
        let (a, b) = (&prepared[a], &prepared[b]);
        a.cluster.cmp(&b.cluster).then(
            b.cand
                .score
                .total_cmp(&a.cand.score)
                .then(a.cover.start.cmp(&b.cover.start)),
        )
    });
    let mut kept: Vec<usize> = Vec::new();
    let mut cluster_start = 0;
    for &i in &order {
        let p = &prepared[i];
        if kept
            .last()
            .is_some_and(|&k| prepared[k].cluster != p.cluster)
        {
            cluster_start = kept.len();
        }
        let rivals = cluster_start.max(kept.len().saturating_sub(MAX_RIVALS));
        let conflict = kept[rivals..].iter().any(|&k| {
            let k = &prepared[k];
            let overlap = p
                .content
                .iter()
                .any(|a| k.content.iter().any(|b| a.overlaps(*b)));
            if !overlap {
                // A cue used twice, or a source inside another's content
                // without its cue: not the same attribution twice. Nor is
                // a cue inside a kept claim's source ("…,” said a man
                // known only as Bob": "known" names him, it reports nothing).
                return k.cue.iter().any(|c| p.cue.contains(c))
                    || p.cue
                        .iter()
                        .any(|c| k.source.iter().any(|s| s.encloses(*c)));
            }
            let p_in_k = p
                .cue
                .iter()
                .all(|c| k.content.iter().any(|s| s.encloses(*c)));
            let k_in_p = k
                .cue
                .iter()
                .all(|c| p.content.iter().any(|s| s.encloses(*c)));
            !(p_in_k || k_in_p)
        });
        if !conflict {
            kept.push(i);
        }
    }
    kept.sort_by_key(|&i| {
        let p = &prepared[i];
        (p.cluster, p.cover.start, std::cmp::Reverse(p.cover.end))
    });
    let mut slots: Vec<Option<Prepared>> = prepared.into_iter().map(Some).collect();
    let mut kept = {
        let mut out = Vec::with_capacity(kept.len());
        out.extend(kept.iter().filter_map(|&i| slots[i].take()));
        out
    };
    continue_quote_paragraphs(doc, &mut kept);

    // Parents: the smallest kept claim whose content holds this one's cue
    // and that is wider than this one (a strict order: nesting never runs in
    // a circle, even when two claims hold each other's cue). Only claims of
    // one cluster can hold each other.
    let mut bounds = vec![(0usize, 0usize); kept.len()];
    let mut from = 0;
    for i in 0..kept.len() {
        if i > 0 && kept[i].cluster != kept[i - 1].cluster {
            from = i;
        }
        bounds[i].0 = from;
    }
    let mut to = kept.len();
    for i in (0..kept.len()).rev() {
        if i + 1 < kept.len() && kept[i].cluster != kept[i + 1].cluster {
            to = i + 1;
        }
        bounds[i].1 = to;
    }
    let holds = |j: usize, i: usize| kept[j].content.iter().any(|s| s.encloses(kept[i].cue[0]));
    let parents: Vec<Option<usize>> = (0..kept.len())
        .map(|i| {
            let start = bounds[i].0.max(i.saturating_sub(MAX_RIVALS));
            let end = bounds[i].1.min(i + MAX_RIVALS + 1);
            (start..end)
                .filter(|&j| {
                    j != i && holds(j, i) && (kept[j].cover.len(), j) > (kept[i].cover.len(), i)
                })
                .min_by_key(|&j| kept[j].cover.len())
        })
        .collect();

    // A belief inside reported speech is part of that speech: in "Blinken
    // told al-Sudani that Washington expects … and believes …", "believes"
    // is Blinken's word, not a claim of its own.
    let belief = |p: &Prepared| {
        cues.get(p.cand.cue as usize)
            .is_some_and(|c| c.category == CueCategory::Belief)
    };
    let keep: Vec<bool> = parents
        .iter()
        .zip(&kept)
        .map(|(p, k)| p.is_none() || (nested && !belief(k)))
        .collect();
    let mut new_index = vec![usize::MAX; kept.len()];
    let mut n = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = n;
            n += 1;
        }
    }
    // Content read token by token when the claims' pieces together are no
    // longer than the document, as in news; else with prefix counts.
    let piece_toks: usize = kept
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .flat_map(|(p, _)| &p.cand.content)
        .map(|r| r.len())
        .sum();
    let words = if piece_toks > doc.toks.len() {
        word_counts(doc)
    } else {
        Vec::new()
    };
    kept.into_iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(i, p)| {
            let Prepared {
                cand,
                content,
                cue,
                source,
                aside,
                ..
            } = p;
            let kind = content_kind(doc, &words, &cand.content);
            let (lemma, category) = match cues.get(cand.cue as usize).filter(|_| cand.cue != NONE) {
                Some(c) => (String::from(&*c.lemma), c.category),
                // A cue of no lexicon entry: a bare colon, or the "in" of
                // a document ("In a poll released Sunday, …").
                None if cand.cue_toks.first().is_some_and(|r| doc.is(r.start, "in")) => {
                    ("in".to_owned(), CueCategory::According)
                }
                None if cand.rule == crate::Rule::Reportedly => {
                    ("reportedly".to_owned(), CueCategory::According)
                }
                // A signature's dash, written "—" whatever its mark.
                None if cand
                    .cue_toks
                    .first()
                    .is_some_and(|r| doc.kind(r.start) == Some(TokenKind::Dash)) =>
                {
                    ("—".to_owned(), CueCategory::Colon)
                }
                None => (":".to_owned(), CueCategory::Colon),
            };
            let sentence = doc.span(doc.sents[cand.sent].toks.clone());
            Claim {
                kind,
                content,
                cue: Cue {
                    spans: cue,
                    lemma,
                    category,
                },
                source: cand.source.as_ref().map(|s| Source {
                    spans: source,
                    kind: s.kind,
                    aside,
                }),
                parent: parents[i]
                    .map(|j| new_index[j])
                    .filter(|&j| j != usize::MAX),
                speaker: None,
                sentence,
                rule: cand.rule,
                confidence: cand.score.clamp(0.0, 1.0),
            }
        })
        .collect()
}

/// Direct when every word of the content is inside quotation marks,
/// indirect when none is, mixed otherwise. `words[i]`: the words inside
/// and outside quotations among the first `i` tokens, so that a piece
/// costs the same however long it is (nested claims share one long
/// quotation, and a scraped page can be one quotation); without them
/// (`words` empty, when the pieces are short), the tokens are read
/// ([`quoted_and_plain`]).
fn content_kind(
    doc: &Doc<'_>,
    words: &[(u32, u32)],
    content: &[std::ops::Range<usize>],
) -> ClaimKind {
    let (mut quoted, mut plain) = (false, false);
    for r in content {
        let end = r.end.min(doc.toks.len());
        let start = r.start.min(end);
        let (q, p) = if words.is_empty() {
            quoted_and_plain(doc, start..end)
        } else {
            (words[end].0 > words[start].0, words[end].1 > words[start].1)
        };
        quoted |= q;
        plain |= p;
    }
    match (quoted, plain) {
        (false, _) => ClaimKind::Indirect,
        (_, false) => ClaimKind::Direct,
        _ => ClaimKind::Mixed,
    }
}

/// Whether the tokens `r` (within the document) hold a word inside
/// quotation marks, and whether they hold one outside. A piece that is a
/// whole quotation (“It takes patience.”) has every token between its
/// opening mark and its end inside the marks, and only its first and last
/// tokens are read as well; a paraphrase mostly has no token inside
/// marks, which the depths alone tell, and its first word is outside.
fn quoted_and_plain(doc: &Doc<'_>, r: std::ops::Range<usize>) -> (bool, bool) {
    let word = |k: usize| doc.toks[k].is_wordlike();
    // A word at `k`: inside marks, outside.
    let at = |k: usize| (word(k) && doc.depth[k] > 0, word(k) && doc.depth[k] == 0);
    let or = |a: (bool, bool), b: (bool, bool)| (a.0 || b.0, a.1 || b.1);
    if let Some(q) = doc.quote_opened_at(r.start) {
        if !r.is_empty() && doc.quote_toks(q) == r {
            // Tokens t with start < t < end are inside the quotation's marks.
            let inside = r.start + 1..doc.quotes[q].tokens.end.clamp(r.start + 1, r.end);
            let ends = (inside.end..r.end).map(at).fold(at(r.start), or);
            return (ends.0 || inside.into_iter().any(word), ends.1);
        }
    }
    if doc.depth[r.clone()].iter().all(|&d| d == 0) {
        return (false, r.into_iter().any(word));
    }
    let mut found = (false, false);
    for k in r {
        found = or(found, at(k));
        if found == (true, true) {
            break;
        }
    }
    found
}

/// The prefix counts [`content_kind`] reads.
fn word_counts(doc: &Doc<'_>) -> Vec<(u32, u32)> {
    let mut acc = (0u32, 0u32);
    let mut out = Vec::with_capacity(doc.toks.len() + 1);
    out.push(acc);
    for (t, &d) in doc.toks.iter().zip(&doc.depth) {
        if t.is_wordlike() {
            if d > 0 {
                acc.0 += 1;
            } else {
                acc.1 += 1;
            }
        }
        out.push(acc);
    }
    out
}

/// A paragraph that is only a quotation, with no attribution of its own,
/// continues the quoted speaker of the paragraph before it:
///
/// ```text
/// “The first thing a team needs is a healthy roster,” Baker notes.
///
/// “They’ve not been healthy since 2009.”
/// ```
///
/// The quotation becomes one more content span of that claim (PolNeAR and
/// most newsrooms read it so). Chains over several paragraphs.
fn continue_quote_paragraphs(doc: &Doc<'_>, kept: &mut [Prepared]) {
    // The paragraph of the token at byte `b` (the first token that ends
    // after it). A claim's spans start and end on the tokens they were made
    // of: that token (`hint`) is checked first, and the tokens are searched
    // only when it is not the one.
    let para_of = |b: usize, hint: usize| -> Option<usize> {
        let at = |t: usize| {
            t < doc.toks.len()
                && doc.toks[t].span.end > b
                && (t == 0 || doc.toks[t - 1].span.end <= b)
        };
        let tok = if at(hint) {
            hint
        } else {
            doc.toks.partition_point(|t| t.span.end <= b)
        };
        (tok < doc.toks.len()).then(|| doc.sents[doc.sent_of[tok] as usize].para)
    };
    // The claim speaking last in each paragraph (by its cue).
    let mut speaker: Vec<Option<usize>> = vec![None; doc.paras.len()];
    for (i, k) in kept.iter().enumerate() {
        if let Some(p) = para_of(k.cue[0].start, k.cue_tok.start) {
            if speaker[p].is_none_or(|j| kept[j].cue[0].start < k.cue[0].start) {
                speaker[p] = Some(i);
            }
        }
    }
    // Paragraphs that some claim already touches.
    let mut taken = vec![false; doc.paras.len()];
    for k in kept.iter() {
        // The tokens of each span, when known: a single content piece is
        // the one range it came from, and the first cue span its range.
        let single = k.content.len() == 1 && k.cand.content.len() == 1;
        let pieces = k.content.iter().map(|s| {
            let r = if single {
                k.cand.content[0].clone()
            } else {
                usize::MAX..usize::MAX
            };
            (s, r)
        });
        let cues = k.cue.iter().enumerate().map(|(j, s)| {
            let r = if j == 0 {
                k.cue_tok.clone()
            } else {
                usize::MAX..usize::MAX
            };
            (s, r)
        });
        for (s, r) in pieces.chain(cues) {
            // A span of one token (most cues) ends in the paragraph it
            // starts in.
            let a = para_of(s.start, r.start);
            let b = if r.len() == 1 {
                a
            } else {
                para_of(s.end.saturating_sub(1), r.end.wrapping_sub(1))
            };
            if let (Some(a), Some(b)) = (a, b) {
                if b <= a {
                    taken[a] = true;
                } else {
                    taken[a..=b].fill(true);
                }
            }
        }
    }
    for p in 1..doc.paras.len() {
        let Some(ci) = speaker[p - 1] else { continue };
        let first = doc.paras[p].start;
        let Some(q) = doc.quote_opened_at(first) else {
            continue;
        };
        let qt = doc.quote_toks(q);
        // The quotation must close in this paragraph: a quotation running on
        // over several paragraphs is already one piece.
        if taken[p] || qt.end > doc.paras[p].end || doc.quotes[q].closing != crate::Closing::Matched
        {
            continue;
        }
        // Only a paragraph that is nothing but the quotation.
        if doc.paras[p].end - qt.end > 1 {
            continue;
        }
        let piece = doc.span(qt.clone());
        let k = &mut kept[ci];
        k.content.push(piece);
        k.cand.content.push(qt);
        k.cover = k.cover.cover(piece);
        speaker[p] = Some(ci);
    }
}
