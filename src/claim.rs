//! The output types: [`Claim`], [`Source`], [`Cue`] and what classifies them.
//!
//! All are owned (no lifetime) and serde-serializable; the text of any span
//! is `&text[span]` on the text they were extracted from.

use serde::{Deserialize, Serialize};

use crate::Span;

/// Whether a claim's content is quoted.
///
/// ```
/// let text = "“We will stay,” she said.";
/// let claims = claimant::extract(text).claims;
/// assert_eq!(claims[0].kind, claimant::ClaimKind::Direct);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// All of the content is inside quotation marks.
    Direct,
    /// None of the content is quoted: a paraphrase.
    Indirect,
    /// Part quoted, part paraphrase: `said the plan was “a disaster.”`
    Mixed,
}

/// What kind of attribution a cue makes.
///
/// ```
/// use claimant::CueCategory;
/// let claims = claimant::extract("Officials believe the plan will fail.").claims;
/// assert_eq!(claims[0].cue.category, CueCategory::Belief);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CueCategory {
    /// Speech: say, tell, add, warn, explain, insist.
    Speech,
    /// Writing and publishing: write, tweet, post, report.
    Writing,
    /// "according to", the "in" of a document ("In a poll released Sunday, …"),
    /// and "reportedly", a report with no source.
    According,
    /// A punctuation frame with no verb: a colon (`Sen. Ortiz: “We need a
    /// vote.”`) or a signature's dash (`“We need a vote.” ― Ana Ortiz`).
    Colon,
    /// Belief, knowledge or intention: think, believe, expect, want.
    Belief,
    /// Evidence from an artifact: the report shows, the study found.
    Evidence,
    /// Support or opposition: support, oppose, condemn, call for.
    Stance,
}

impl CueCategory {
    /// Every category, in declaration order.
    ///
    /// ```
    /// assert_eq!(claimant::CueCategory::ALL.len(), 7);
    /// ```
    pub const ALL: [CueCategory; 7] = [
        CueCategory::Speech,
        CueCategory::Writing,
        CueCategory::According,
        CueCategory::Colon,
        CueCategory::Belief,
        CueCategory::Evidence,
        CueCategory::Stance,
    ];

    /// The lowercase name used in data files, JSON and the command line.
    ///
    /// ```
    /// assert_eq!(claimant::CueCategory::According.name(), "according");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            CueCategory::Speech => "speech",
            CueCategory::Writing => "writing",
            CueCategory::According => "according",
            CueCategory::Colon => "colon",
            CueCategory::Belief => "belief",
            CueCategory::Evidence => "evidence",
            CueCategory::Stance => "stance",
        }
    }

    /// The category named `name` (as [`CueCategory::name`] writes it).
    ///
    /// ```
    /// use claimant::CueCategory;
    /// assert_eq!(CueCategory::from_name("belief"), Some(CueCategory::Belief));
    /// assert_eq!(CueCategory::from_name("gossip"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<CueCategory> {
        CueCategory::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// What a source is.
///
/// ```
/// use claimant::SourceKind;
/// let claims = claimant::extract("The ministry said the talks failed.").claims;
/// assert_eq!(claims[0].source.as_ref().unwrap().kind, SourceKind::Organization);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// A named person: "Analyst Renad Mansour", "Mansour".
    Person,
    /// A named organization or institution: "the Pentagon", "Chatham House".
    Organization,
    /// An unnamed person or people described by role: "a U. S. official",
    /// "two Iraqi officials who spoke on condition of anonymity".
    Anonymous,
    /// A group or collective: "Democrats", "activists", "the militias".
    Group,
    /// A personal pronoun: "he", "she", "they".
    Pronoun,
    /// None of the above could be told.
    Other,
}

/// Who a claim is attributed to, as written in the text.
///
/// ```
/// let text = "Analyst Renad Mansour said he believed it.";
/// let claim = &claimant::extract(text).claims[0];
/// let source = claim.source.as_ref().unwrap();
/// assert_eq!(&text[source.spans[0]], "Analyst Renad Mansour");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The words naming the source; two spans for a coordinated source
    /// ("an Iraqi official and a member of the militia").
    pub spans: Vec<Span>,
    /// What the source is.
    pub kind: SourceKind,
    /// The appositive or relative clause set off by a comma right after
    /// the source, without its commas: between the source and its cue
    /// ("Mansour, a senior fellow at Chatham House, said") or closing a
    /// trailing attribution ("…, said Mansour, who teaches at the
    /// university."). Not part of [`Source::spans`], which name the source
    /// alone; PolNeAR marks a source with it.
    ///
    /// ```
    /// let text = "Ada Ruiz, a nurse at the county clinic, said the shifts are too long.";
    /// let source = claimant::extract(text).claims[0].source.clone().unwrap();
    /// assert_eq!(&text[source.spans[0]], "Ada Ruiz");
    /// assert_eq!(&text[source.aside.unwrap()], "a nurse at the county clinic");
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aside: Option<Span>,
}

/// The words that signal an attribution.
///
/// ```
/// let text = "“No,” he told reporters.";
/// let cue = &claimant::extract(text).claims[0].cue;
/// assert_eq!(&text[cue.spans[0]], "told");
/// assert_eq!(cue.lemma, "tell");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// The cue's words; several spans for a split cue ("criticized … saying").
    pub spans: Vec<Span>,
    /// The dictionary form: "say" for "said", "according to"; ":" for a
    /// colon frame and "in" for a document ("In a poll released Sunday, …").
    pub lemma: String,
    /// What kind of attribution it makes.
    pub category: CueCategory,
}

/// The rule that found a claim, for error analysis.
///
/// ```
/// let claims = claimant::extract("“Go,” said Ortiz.").claims;
/// assert_eq!(claims[0].rule, claimant::Rule::QuoteCueSource);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// “…,” said Mansour / “…,” Mansour said.
    QuoteCueSource,
    /// Mansour said, “…” / Mansour said: “…” / Said Mansour, “…”
    SourceCueQuote,
    /// “…,” he said, “…” (a quote split around its attribution).
    SplitQuote,
    /// Mansour said (that) … / Mansour told reporters (that) …
    SourceCueContent,
    /// …, an Iraqi official said.
    ContentSourceCue,
    /// …, said Iyad al-Anbar, a professor.
    ContentCueSource,
    /// according to X, before or after the content.
    AccordingTo,
    /// X: “…” (a colon frame without a verb of saying: "Sen. Ortiz: “…”",
    /// "Trump went even further: “…”").
    Colon,
    /// “…, adding that …” / “…, saying …”: a participle bound to the subject.
    Participle,
    /// A quote paragraph continuing the previous speaker.
    Continuation,
    /// X condemned the attacks: the content is the object.
    ObjectContent,
    /// a promise from X that …: a noun cue with a that-clause.
    NounCue,
    /// In a poll released Sunday, …: a document in a fronted "in" phrase,
    /// or in one that closes the clause ("… in the latest Fox poll").
    InDocument,
    /// “…” ― Ana Ruiz: a quotation or a post signed with a dash and a name.
    Signature,
    /// The club is reportedly spending …: a report with no source named.
    Reportedly,
}

/// One attributed claim.
///
/// Spans are byte offsets into the text given to
/// [`extract`](crate::extract); content spans are in text order and do not
/// overlap the source or the cue.
///
/// # Example
///
/// ```
/// use claimant::{extract, ClaimKind};
///
/// let text = "“We will stay,” she said. “It takes patience.”";
/// let claim = &extract(text).claims[0];
/// assert_eq!(claim.kind, ClaimKind::Direct);
/// assert_eq!(claim.content.len(), 2);
/// assert_eq!(&text[claim.content[1]], "“It takes patience.”");
/// assert_eq!(&text[claim.source.as_ref().unwrap().spans[0]], "she");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Claim {
    /// Quoted, paraphrased, or both.
    pub kind: ClaimKind,
    /// What is claimed: one span, or several for a quote split by its cue.
    pub content: Vec<Span>,
    /// The attribution words.
    pub cue: Cue,
    /// Who the claim is attributed to; `None` when the text names no one
    /// ("It is said that …").
    pub source: Option<Source>,
    /// For a nested attribution, the index (in the same list) of the claim
    /// whose content holds this one.
    pub parent: Option<usize>,
    /// Who the source is: an index into [`Extraction::speakers`]. `None`
    /// when the claim has no source, or its source is a pronoun that could
    /// not be resolved.
    #[serde(default)]
    pub speaker: Option<usize>,
    /// The sentence holding the cue.
    pub sentence: Span,
    /// The rule that found it.
    pub rule: Rule,
    /// How sure the rule is, in `[0, 1]`.
    pub confidence: f32,
}

impl Claim {
    /// The smallest span covering all the content.
    ///
    /// ```
    /// let text = "“A,” he said, “B.”";
    /// let claim = &claimant::extract(text).claims[0];
    /// assert_eq!(&text[claim.content_span()], text);
    /// ```
    pub fn content_span(&self) -> Span {
        let first = self.content.first().copied().unwrap_or_default();
        self.content.iter().fold(first, |a, &b| a.cover(b))
    }
}

/// Everything extracted from one text.
///
/// ```
/// let out = claimant::extract("Nothing attributed here.");
/// assert!(out.claims.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// The claims, ordered by the start of their content.
    pub claims: Vec<Claim>,
    /// The distinct sources of the claims, ordered by first mention (see
    /// [`Speaker`](crate::Speaker)).
    #[serde(default)]
    pub speakers: Vec<crate::Speaker>,
}
