//! Speakers: one entity per distinct source in a document, so that claims
//! point to who said them rather than to the words that name them.
//!
//! News names a source once in full and then writes "Mansour", "he", "the
//! official". [`Speaker`] gathers those mentions under one canonical name
//! and every [`Claim`]'s [`speaker`](Claim::speaker) indexes into
//! [`Extraction::speakers`].
//!
//! # How mentions are resolved
//!
//! Rules only, in two passes over a list of mentions sorted by position:
//!
//! 1. Names and descriptions, in text order.
//!    * A named person joins the most recent earlier person whose last name
//!      agrees, when one name ends the other ("Mansour" → "Renad Mansour",
//!      "Al-Sudani" → "Mohammed Shia al-Sudani") or the first names agree
//!      too. The mentions come from claim sources and from one linear scan of
//!      the capitalized runs of the document, which finds titled names that
//!      are no one's source ("after meeting with Iraqi Prime Minister
//!      Mohammed Shia al-Sudani") and later bare surnames.
//!    * An organization joins an earlier one with the same name ("The
//!      Associated Press", "the Associated Press") or whose initials it is
//!      ("AP").
//!    * An indefinite description ("a U. S. official") is a new speaker; a
//!      definite one ("the Kataib Hezbollah official", "the prime minister")
//!      joins the most recent speaker whose mentions and appositives hold
//!      all its words, else it is new too.
//! 2. Pronouns. "he" and "she" go to a person or a singular anonymous source,
//!    "they" to a group or plural source, "it" to an organization: the
//!    speaker of the nearest earlier sentence that has a compatible one,
//!    else that sentence's first compatible mention, looking at most three
//!    sentences back. A pronoun outside quotation marks ignores what is
//!    quoted; one inside a quotation is never the quoted speaker ("I" inside
//!    it is). What cannot be resolved stays unresolved (`speaker: None`).
//!
//! Known gaps: no gender lexicon of first names (gender comes from titles
//! such as "Mr." and from pronouns already resolved); a coordinated source
//! ("Okafor and Delgado") is one speaker of its own; a person first named
//! by surname only and later in full is joined, but a bare surname *before*
//! the full name is seen only when it is a source.

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::doc::{Doc, WordClass, NAME_LIKE, NONE};
use crate::lexicon::WORDS;
use crate::token::TokenKind;
use crate::vocab::{Vocab, WordFilter, MAX_WORD};
use crate::{Claim, Extraction, SourceKind, Span};

/// What a [`Speaker`] is.
///
/// ```
/// use claimant::SpeakerKind;
/// let out = claimant::extract("The Pentagon said the strikes would go on.");
/// assert_eq!(out.speakers[0].kind, SpeakerKind::Organization);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// A named person: "Renad Mansour".
    Person,
    /// A named organization, institution or government by metonym: "the
    /// Pentagon", "The Associated Press", "Washington".
    Organization,
    /// An unnamed person or people described by role: "a U. S. official",
    /// "two Iraqi officials", "the prime minister" when no name precedes.
    Anonymous,
    /// A collective, or several sources named together: "activists", "the
    /// militias", "an Iraqi official and a member of the militia".
    Group,
    /// None of the above could be told: "Another said".
    Other,
}

/// One distinct source in a document, with every mention of it.
///
/// Speakers come ordered by their first mention; `id` is the index in
/// [`Extraction::speakers`]. Only sources of claims become speakers; a person
/// who is mentioned but never quoted lends names and titles to resolution
/// but is not listed. Pronouns are listed as mentions only where they are a
/// claim's source.
///
/// # Example
///
/// ```
/// use claimant::SpeakerKind;
///
/// let text = "Analyst Renad Mansour said the truce would hold. \
///             “It will,” said Mansour, a senior fellow at a think tank. \
///             He explained that both sides needed calm.";
/// let out = claimant::extract(text);
/// assert_eq!(out.claims.len(), 3);
/// assert!(out.claims.iter().all(|c| c.speaker == Some(0)));
///
/// let mansour = &out.speakers[0];
/// assert_eq!(mansour.name, "Renad Mansour");
/// assert_eq!(mansour.kind, SpeakerKind::Person);
/// assert_eq!(mansour.titles, ["Analyst"]);
/// assert_eq!(mansour.descriptors, ["a senior fellow at a think tank"]);
/// let mentions: Vec<&str> = mansour.mentions.iter().map(|&s| &text[s]).collect();
/// assert_eq!(mentions, ["Analyst Renad Mansour", "Mansour", "He"]);
/// assert!(!mansour.anonymous);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The index of this speaker in [`Extraction::speakers`].
    pub id: usize,
    /// The canonical name: for a person the longest full name, without
    /// titles or a possessive ("Renad Mansour"); for an organization its
    /// longest name without an article ("Associated Press"); otherwise the
    /// first description without its article ("Kataib Hezbollah official").
    pub name: String,
    /// What the speaker is.
    pub kind: SpeakerKind,
    /// Every mention, in text order: names, aliases, descriptions, and the
    /// pronouns that are claim sources.
    pub mentions: Vec<Span>,
    /// Titles written before the name, as written: "Analyst", "CIA
    /// Director", "U. S. Secretary of State".
    pub titles: Vec<String>,
    /// Appositives after a mention: "a political science professor at
    /// Baghdad University".
    pub descriptors: Vec<String>,
    /// True for a source that is not named ([`SpeakerKind::Anonymous`]).
    pub anonymous: bool,
    /// For an anonymous speaker, the sentence saying why ("… spoke on
    /// condition of anonymity …"), when the text has one.
    pub anonymity: Option<Span>,
}

impl Extraction {
    /// The speaker of `claim`, when it has one.
    ///
    /// ```
    /// let out = claimant::extract("“We are ready,” an Iraqi official said.");
    /// let speaker = out.speaker(&out.claims[0]).unwrap();
    /// assert_eq!(speaker.name, "Iraqi official");
    /// assert!(speaker.anonymous);
    /// ```
    pub fn speaker(&self, claim: &Claim) -> Option<&Speaker> {
        self.speakers.get(claim.speaker?)
    }
}

/// Title words commonly written in lower case before a name: "analyst
/// Renad Mansour", "former President Edna Hale". The capitalized forms are
/// in `data/titles.txt`; lower case ones are taken only from this list,
/// because "to host Blinken" or "a major Democrat" are not titles.
const LOWER_TITLES: &[&str] = &[
    "acting",
    "analyst",
    "attorney",
    "columnist",
    "commentator",
    "correspondent",
    "deputy",
    "economist",
    "former",
    "historian",
    "interim",
    "lawyer",
    "pollster",
    "professor",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
];

/// Capitalized words that open a sentence or a date and belong neither to a
/// title nor to a name: "On Thursday President Hale said" has the title
/// "President", not "On Thursday President"; "Later Brandt told" (a source
/// the rules took with its adverb) names "Brandt".
const OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "April",
    "As",
    "At",
    "August",
    "Before",
    "But",
    "By",
    "December",
    "During",
    "Earlier",
    "February",
    "Friday",
    "From",
    "However",
    "If",
    "In",
    "Instead",
    "January",
    "July",
    "June",
    "Later",
    "March",
    "May",
    "Meanwhile",
    "Monday",
    "November",
    "Now",
    "October",
    "On",
    "Saturday",
    "Separately",
    "September",
    "Since",
    "So",
    "Still",
    "Sunday",
    "The",
    "Then",
    "This",
    "Thursday",
    "Today",
    "Tuesday",
    "Wednesday",
    "When",
    "While",
    "With",
    "Yesterday",
    "Yet",
];

/// The word classes of the lists the name scan asks about on every
/// capitalized run and in every title split, so that each question is a bit
/// test of the document's token classes (registered in `doc::CLASSES`).
/// The bits ignore ASCII case; [`is_lower_title`] and [`is_opener`] check
/// the case their lists write after the bit.
pub(crate) const LOWER_TITLE_WORDS: WordClass = WordClass {
    bit: 1 << 23,
    file: None,
    words: LOWER_TITLES,
};
pub(crate) const OPENER_WORDS: WordClass = WordClass {
    bit: 1 << 24,
    file: None,
    words: OPENERS,
};
pub(crate) const PARTICLE_WORDS: WordClass = WordClass {
    bit: 1 << 25,
    file: None,
    words: PARTICLES,
};
pub(crate) const DEPARTMENTS: WordClass = WordClass {
    bit: 1 << 26,
    file: None,
    words: DEPARTMENT_WORDS,
};
pub(crate) const FUNCTION_WORD_CLASS: WordClass = WordClass {
    bit: 1 << 27,
    file: None,
    words: FUNCTION_WORDS,
};
/// The words of `data/titles.txt` and `data/organization_words.txt` as
/// classes too: the scan asks [`is_title`] of every word of a run of two
/// or more, and [`is_org_word`] of the last word of most runs. Their lists
/// write one case, which a hash lookup checks after the bit.
pub(crate) const TITLE_WORDS: WordClass = WordClass {
    bit: 1 << 28,
    file: Some(crate::lexicon::TITLES),
    words: &[],
};
pub(crate) const ORG_WORDS: WordClass = WordClass {
    bit: 1 << 29,
    file: Some(crate::lexicon::ORGANIZATION_WORDS),
    words: &[],
};

/// Token `i` is one of `LOWER_TITLES` as the list writes it, in lower case
/// ("analyst", not "Analyst"). Asked of the word before every capitalized
/// run.
fn is_lower_title(doc: &Doc<'_>, i: usize) -> bool {
    doc.in_class(i, &LOWER_TITLE_WORDS) && doc.word(i).bytes().all(|b| b.is_ascii_lowercase())
}

/// Token `i` is one of `OPENERS` as the list writes it: a capital, then
/// lower case ("The", not "THE" or "the").
fn is_opener(doc: &Doc<'_>, i: usize) -> bool {
    doc.in_class(i, &OPENER_WORDS) && {
        let b = doc.word(i).as_bytes();
        b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
    }
}

/// Words that name a department after "Secretary of", "Minister of":
/// "Secretary of State Antony Blinken" has the name "Antony Blinken".
const DEPARTMENT_WORDS: &[&str] = &[
    "Affairs",
    "Agriculture",
    "Air",
    "Army",
    "Commerce",
    "Culture",
    "Defence",
    "Defense",
    "Development",
    "Economy",
    "Education",
    "Energy",
    "Environment",
    "Finance",
    "Force",
    "Foreign",
    "Health",
    "Home",
    "Homeland",
    "Housing",
    "Human",
    "Information",
    "Intelligence",
    "Interior",
    "Justice",
    "Labor",
    "Labour",
    "National",
    "Navy",
    "Public",
    "Security",
    "Services",
    "Staff",
    "State",
    "Trade",
    "Transportation",
    "Treasury",
    "Urban",
    "Veterans",
    "War",
    "Works",
];

/// Lower-case particles inside a name: "Karim bin Daoud", "Anke von der
/// Heide".
const PARTICLES: &[&str] = &[
    "bin", "da", "de", "del", "della", "der", "di", "du", "ibn", "la", "le", "van", "von",
];

/// Capitals and countries that stand for their government as a source:
/// "Washington has sent messages that …", "Moscow said". A one-word name
/// here is an organization, not a person. Sorted (binary search).
const PLACE_METONYMS: &[&str] = &[
    "Ankara",
    "Baghdad",
    "Beijing",
    "Beirut",
    "Berlin",
    "Brussels",
    "Cairo",
    "Canberra",
    "Caracas",
    "China",
    "Damascus",
    "Doha",
    "France",
    "Germany",
    "Havana",
    "India",
    "Iran",
    "Iraq",
    "Islamabad",
    "Israel",
    "Japan",
    "Jerusalem",
    "Kabul",
    "Kiev",
    "Kyiv",
    "London",
    "Moscow",
    "Ottawa",
    "Paris",
    "Pyongyang",
    "Riyadh",
    "Rome",
    "Russia",
    "Seoul",
    "Syria",
    "Taipei",
    "Tehran",
    "Tokyo",
    "Turkey",
    "Ukraine",
    "Washington",
    "Westminster",
    "Whitehall",
];

/// Whether `w` is a determiner opening a description, and if so whether it
/// is definite (points back: "the", "this") or not ("a", "two", "some").
fn determiner(w: &str) -> Option<bool> {
    let mut buf = [0u8; 8];
    let b = buf.get_mut(..w.len())?;
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    match &*b {
        b"the" | b"this" | b"that" | b"these" | b"those" => Some(true),
        b"a" | b"an" | b"another" | b"one" | b"two" | b"three" | b"four" | b"five" | b"six"
        | b"seven" | b"eight" | b"nine" | b"ten" | b"several" | b"some" | b"many" | b"other"
        | b"both" | b"all" | b"most" => Some(false),
        _ => None,
    }
}

/// Verbs of saying that end an appositive written without its closing
/// comma: "Mansour, a senior fellow said".
const SAYING: &[&str] = &[
    "added",
    "argued",
    "explained",
    "noted",
    "said",
    "say",
    "says",
    "told",
    "warned",
    "wrote",
];

/// Words a definite description may have that its antecedent need not.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "for", "from", "in", "of", "the", "this", "that", "these", "those",
    "with",
];

/// Quantifiers standing alone as a source: "Another said", "Some argue".
/// Each is a speaker of its own.
const QUANTIFIERS: &[&str] = &[
    "all", "another", "both", "few", "many", "most", "none", "others", "several", "some",
];

/// How far back (in sentences) a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 3;

// Bounds on the work of resolution, so that it stays linear in the length
// of a document. An article has a few dozen clusters and mentions; a 20 MB
// page (a site's archive in one document, a feed without breaks) has tens
// of thousands, and comparing each mention with all of them was quadratic.
// The bounds are far above what one article needs: within them, every
// article resolves as it would without them.

/// How many of the most recently mentioned clusters a name or description
/// is compared with, and how many joins back their latest join may be.
const MAX_CLUSTERS: usize = 128;
const MAX_JOINS: usize = 4096;
/// How many of a cluster's mentions (its first ones) a name or description
/// is compared with.
const MAX_MEMBERS: usize = 32;
/// How many mentions before a pronoun may be its antecedent.
const MAX_PRONOUN_CANDIDATES: usize = 64;
/// How many claims before a pronoun inside quotation marks are asked
/// whether they quote it.
const MAX_QUOTING: usize = 64;
/// How many titles and descriptors a speaker lists.
const MAX_LISTED: usize = 32;
/// How far after an anonymous mention (in sentences) the sentence giving the
/// reason for anonymity may come: "The two spoke on condition of anonymity."
const ANONYMITY_WINDOW: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pro {
    He,
    She,
    They,
    It,
    I,
    Who,
    Which,
    /// we, you: not resolved.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    /// A named person: a source or a titled run.
    Person,
    /// A capitalized run that is a mention only if it names someone known.
    Alias,
    Org,
    Anon {
        definite: bool,
        plural: bool,
    },
    Group {
        definite: bool,
    },
    Other {
        definite: bool,
        quantifier: bool,
    },
    /// One span of a coordinated source; all spans of one claim share a speaker.
    Coord,
    Pronoun(Pro),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Unknown,
    Male,
    Female,
}

#[derive(Clone, Debug)]
struct Mention {
    /// The whole mention, titles included.
    toks: Range<usize>,
    /// For names: the name without titles or article; for descriptions: the
    /// words without the determiner.
    name: Range<usize>,
    what: What,
    /// The first claim whose source this is.
    claim: u32,
    cluster: u32,
    /// The next mention of the same cluster, in the order they joined it.
    next: u32,
    /// The appositive after the mention, found when it joins a cluster.
    appo: Range<usize>,
    /// For a person: the title that [`split_title`] finds in `toks`, found
    /// when the mention is made, for the speaker's titles.
    title: Range<u32>,
    /// The mention is the first span of claim `claim`'s source (which the
    /// claim's speaker is read from).
    first: bool,
}

#[derive(Clone, Debug)]
struct Cluster<'a> {
    kind: SpeakerKind,
    /// The best name so far (token range of a mention's name).
    name: Range<usize>,
    /// The last word of `name` without a possessive ("Mansour" of "Renad
    /// Mansour"), which another name of a person must end with: compared
    /// first, and read from the text once, not at every comparison.
    last: &'a str,
    plural: bool,
    gender: Gender,
    /// The first and last mention to join, linked through `Mention::next`
    /// (no list per cluster to allocate).
    head: u32,
    tail: u32,
    source: bool,
    /// The clusters in the order of their latest join, newest first, linked
    /// through these two (`NONE` at the ends, and for a cluster no mention
    /// has joined yet).
    newer: u32,
    older: u32,
    /// The number of joins before this cluster's latest one.
    last_join: usize,
    /// How many mentions have joined.
    len: usize,
}

/// Computes the speakers of `doc` from its final `claims`, and sets each
/// claim's `speaker`.
///
/// Not inlined: the stage is self-contained, and inlining it into
/// `Extractor::extract` only reshuffles the code of the rules around it.
#[inline(never)]
pub(crate) fn resolve(doc: &Doc<'_>, claims: &mut [Claim]) -> Vec<Speaker> {
    if claims.iter().all(|c| c.source.is_none()) {
        return Vec::new();
    }
    let (mentions, claim_mention) = mentions(doc, claims);
    let mut r = Resolver::new(doc, mentions, claim_mention);
    r.names_and_descriptions();
    r.pronouns(claims);
    r.finish(claims)
}

/// The mentions of `doc` in text order (the claim sources and what the
/// name scan finds between them), and the mention of each claim's first
/// source span in them: `NONE` for a claim without one.
fn mentions(doc: &Doc<'_>, claims: &[Claim]) -> (Vec<Mention>, Vec<u32>) {
    let (sources, mut claim_source) = source_mentions(doc, claims);
    let (mentions, at) = scan_names(doc, &sources);
    for s in &mut claim_source {
        *s = at.get(*s as usize).copied().unwrap_or(NONE);
    }
    (mentions, claim_source)
}

/// The token range covered by a byte span.
///
/// The tokens are in text order: the range ends at the first token from
/// its start on that starts at or after the span's end, which a walk over
/// the span's few tokens finds (a second binary search found the same, or
/// an earlier token, and the range was then empty at its start).
fn toks_of(doc: &Doc<'_>, s: Span) -> Range<usize> {
    let a = doc.toks.partition_point(|t| t.span.end <= s.start);
    let rest = doc.toks.get(a..).unwrap_or_default();
    let b = a + rest
        .iter()
        .position(|t| t.span.start >= s.end)
        .unwrap_or(rest.len());
    a..b
}

/// A word without its possessive ending: "Al-Sudani’s" → "Al-Sudani".
#[inline]
fn base(w: &str) -> &str {
    // Most words end in none of s, ' and ’ (whose last byte is 0x99).
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(b) = w.strip_suffix(suffix) {
            if !b.is_empty() {
                return b;
            }
        }
    }
    w
}

#[inline]
fn same_word(a: &str, b: &str) -> bool {
    // Most words compared differ in their first letter, which a possessive
    // ending leaves as it is (case folded by setting bit 5: it only lets a
    // few other pairs through).
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) if x | 0x20 != y | 0x20 => return false,
        _ => {}
    }
    // A name mostly comes back as it was written: "Mansour" … "Mansour".
    a == b || base(a).eq_ignore_ascii_case(base(b))
}

fn in_list(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A title word before a name, as `data/titles.txt` writes it, or one of the
/// lower-case titles.
fn is_title(doc: &Doc<'_>, i: usize) -> bool {
    match doc.word(i).as_bytes() {
        [b, ..] if b.is_ascii_lowercase() => is_lower_title(doc, i),
        // The bit ignores case. The list writes each title with a capital
        // and then lower case ("Secretary", not "SECRETARY"; a test checks
        // it), so a word with the bit is written as the list writes it when
        // its case is that.
        [b, rest @ ..] => {
            doc.in_class(i, &TITLE_WORDS)
                && b.is_ascii_uppercase()
                && !rest.iter().any(u8::is_ascii_uppercase)
        }
        [] => false,
    }
}

/// The filter of the organization words, for a word with a possessive
/// (without it, a word's class bit tells: [`is_org_tok`]), and of the place
/// names, asked of every person source of one word.
#[derive(Debug)]
struct Filters {
    org_words: WordFilter,
    places: WordFilter,
}

static FILTERS: LazyLock<Filters> = LazyLock::new(|| Filters {
    org_words: WordFilter::of(WORDS.org_words.iter().copied()),
    places: WordFilter::of(PLACE_METONYMS.iter().copied()),
});

/// One of [`PLACE_METONYMS`], as the list writes it.
fn is_place(w: &str) -> bool {
    FILTERS.places.may_hold(w) && PLACE_METONYMS.binary_search(&w).is_ok()
}

/// A token that can be part of a name: "Renad", "al-Sudani", "J.".
#[inline]
fn name_tok(doc: &Doc<'_>, i: usize) -> bool {
    name_word(doc, i).is_some()
}

/// The text and the word classes of token `i` when it can be part of a
/// name ([`name_tok`]). The name bit is tested first: most tokens stop
/// there.
#[inline]
fn name_word<'a>(doc: &Doc<'a>, i: usize) -> Option<(&'a str, u32)> {
    let class = *doc.class.get(i)?;
    if class & NAME_LIKE == 0 {
        return None;
    }
    let t = doc.toks.get(i)?;
    let name = matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
        && (t.text.as_bytes()[0] < 0x80 || name_like(t.text));
    name.then_some((t.text, class))
}

/// `name_like` of token `i`, whose text is `w`, from the name bit the
/// document computed (`doc::is_name_like`, which agrees with `name_like`
/// on every word but a non-ASCII lower-case one with a particle).
#[inline]
fn name_bit(doc: &Doc<'_>, i: usize, w: &str) -> bool {
    doc.class[i] & NAME_LIKE != 0 && (w.as_bytes()[0] < 0x80 || name_like(w))
}

/// The first token at or after `from` that may start a name, or the end.
///
/// The scan does no work for the tokens between: it reads the document's
/// set of name-like tokens a word of 64 tokens at a time. Candidates are
/// checked with `name_tok` after.
fn next_name_start(doc: &Doc<'_>, from: usize) -> usize {
    crate::doc::next_in(&doc.names, from, doc.toks.len())
}

/// A capitalized word, or a name with a short lower-case particle:
/// "al-Anbar", "el-Sisi" (what `doc::is_name_like` tells), asked of every
/// token by the name scan, so ASCII is decided from the first bytes alone.
#[inline]
fn name_like(w: &str) -> bool {
    match w.as_bytes() {
        [b, ..] if b.is_ascii_uppercase() => true,
        // A particle of at most three letters, a hyphen, a capital.
        [b, rest @ ..] if b.is_ascii_lowercase() => {
            let hyphen = if rest.first() == Some(&b'-') {
                1
            } else if rest.get(1) == Some(&b'-') {
                2
            } else if rest.get(2) == Some(&b'-') {
                3
            } else {
                return false;
            };
            w[hyphen + 1..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        }
        [b, ..] if b.is_ascii() => false,
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A word-like token that is name-like (`Doc::capitalized`).
#[inline]
fn cap(doc: &Doc<'_>, i: usize) -> bool {
    doc.toks
        .get(i)
        .is_some_and(|t| t.is_wordlike() && name_bit(doc, i, t.text))
}

/// Asked of every word of every capitalized run: inlined, as the first
/// test of [`base`] turns most words away.
#[inline(always)]
fn possessive(w: &str) -> bool {
    base(w).len() != w.len()
}

fn is_org_word(w: &str) -> bool {
    let w = base(w);
    FILTERS.org_words.may_hold(w) && WORDS.org_words.contains(w)
}

/// [`is_org_word`] of token `i`: its class bit when the word has no
/// possessive (the bit is that of the word as written; "Pentagon’s" is
/// looked up without its ending).
#[inline]
fn is_org_tok(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.word(i);
    if base(w).len() == w.len() {
        doc.in_class(i, &ORG_WORDS) && WORDS.org_words.contains(w)
    } else {
        is_org_word(w)
    }
}

/// The tokens of a source phrase before a parenthetical that closes it:
/// "Sen. Marcus Hale (R-Ky.)" names Sen. Marcus Hale.
fn without_parenthetical(doc: &Doc<'_>, r: Range<usize>) -> Range<usize> {
    if r.len() > 3 && doc.punct(r.end - 1, ")") {
        if let Some(open) = (r.start + 1..r.end - 1).rev().find(|&k| doc.punct(k, "(")) {
            return r.start..open;
        }
    }
    r
}

/// Collects the claim sources as mentions, sorted by their tokens, and
/// the index of each claim's first source span among them (`NONE` for a
/// claim without a source).
fn source_mentions(doc: &Doc<'_>, claims: &[Claim]) -> (Vec<Mention>, Vec<u32>) {
    let mut out = Vec::with_capacity(claims.len() * 2);
    for (ci, c) in claims.iter().enumerate() {
        let mut spans = c
            .source
            .iter()
            .flat_map(|s| &s.spans)
            .map(|&s| {
                let full = toks_of(doc, s);
                (without_parenthetical(doc, full.clone()), full)
            })
            .filter(|(r, _)| !r.is_empty());
        let Some(first) = spans.next() else {
            continue;
        };
        let second = spans.next();
        let coordinated = second.is_some() || first.0.clone().any(|i| doc.is(i, "and"));
        let kind = c.source.as_ref().map_or(SourceKind::Other, |s| s.kind);
        for (k, (toks, full)) in [first].into_iter().chain(second).chain(spans).enumerate() {
            let (what, name, title) = if coordinated {
                (What::Coord, toks.clone(), 0..0)
            } else {
                describe(doc, toks.clone(), kind)
            };
            // "the rebels’ chief negotiator, Amal Haddad-Sirri, told …":
            // the description names the person after it; the mention is the
            // description, the name is the person's, and the description is
            // the person's appositive.
            let described = matches!(what, What::Other { .. } | What::Anon { .. });
            let (what, name, title, appo) =
                match described.then(|| named_after(doc, toks.end)).flatten() {
                    Some(whole) => {
                        let (title, name) =
                            split_title(doc, whole.clone()).unwrap_or((0..0, whole));
                        (What::Person, name, title, toks.clone())
                    }
                    None => (what, name, title, 0..0),
                };
            // The mention is the whole source phrase; its name, what it
            // holds before a closing parenthetical.
            out.push(Mention {
                toks: full,
                name,
                what,
                claim: ci as u32,
                cluster: NONE,
                next: NONE,
                appo,
                title: title.start as u32..title.end as u32,
                first: k == 0,
            });
        }
    }
    // Two claims may share a source mention ("Blinken said …, arguing …"):
    // the first claim's is kept, and each claim's first span is noted where
    // its mention is.
    out.sort_by_key(|m| (m.toks.start, m.toks.end, m.claim));
    let mut claim_source = vec![NONE; claims.len()];
    let mut kept = 0;
    for k in 0..out.len() {
        let (claim, first) = (out[k].claim as usize, out[k].first);
        if kept == 0 || out[kept - 1].toks != out[k].toks {
            if kept != k {
                out.swap(kept, k);
            }
            kept += 1;
        }
        if first {
            if let Some(slot) = claim_source.get_mut(claim) {
                *slot = (kept - 1) as u32;
            }
        }
    }
    out.truncate(kept);
    (out, claim_source)
}

/// The name between commas after a description ending at token `end`:
/// "Amal Haddad-Sirri" in "the rebels’ chief negotiator, Amal Haddad-Sirri,
/// told", "Gen. Robert Vance" in "the U. S. envoy, Gen. Robert Vance (ret.),
/// had told". Capitalized words (titles, abbreviations) up to the closing
/// comma or parenthesis, at most eight.
fn named_after(doc: &Doc<'_>, end: usize) -> Option<Range<usize>> {
    if !doc.punct(end, ",") {
        return None;
    }
    let start = end + 1;
    let close = (start..(start + 9).min(doc.toks.len()))
        .find(|&k| doc.punct(k, ",") || doc.punct(k, "("))?;
    let all_names = (start..close)
        .all(|k| cap(doc, k) || doc.toks[k].kind == TokenKind::Abbreviation || is_title(doc, k));
    (close > start && all_names && (start..close).any(|k| cap(doc, k))).then_some(start..close)
}

/// What a source mention is, its name or descriptive words, and for a
/// person the title before the name.
fn describe(
    doc: &Doc<'_>,
    toks: Range<usize>,
    kind: SourceKind,
) -> (What, Range<usize>, Range<usize>) {
    let first = toks.start;
    let article = determiner(doc.word(first));
    let definite = article == Some(true);
    let words = if article.is_some() {
        first + 1..toks.end
    } else {
        toks.clone()
    };
    let mut title = 0..0;
    let (what, name) = match kind {
        SourceKind::Pronoun => {
            let w = doc.word(first);
            let pro = match () {
                _ if w.eq_ignore_ascii_case("he") => Pro::He,
                _ if w.eq_ignore_ascii_case("she") => Pro::She,
                _ if w.eq_ignore_ascii_case("they") => Pro::They,
                _ if w.eq_ignore_ascii_case("it") => Pro::It,
                _ if w.eq_ignore_ascii_case("i") => Pro::I,
                _ if w.eq_ignore_ascii_case("who") => Pro::Who,
                _ if w.eq_ignore_ascii_case("which") => Pro::Which,
                _ => Pro::None,
            };
            (What::Pronoun(pro), toks)
        }
        SourceKind::Person => match split_title(doc, toks.clone()) {
            Some((t, name)) => {
                if name.len() == 1 && is_place(base(doc.word(name.start))) {
                    (What::Org, name)
                } else {
                    title = t;
                    (What::Person, name)
                }
            }
            None => (
                What::Other {
                    definite,
                    quantifier: false,
                },
                words,
            ),
        },
        SourceKind::Organization => {
            let mut s = toks.start;
            while s + 1 < toks.end && !cap(doc, s) {
                s += 1;
            }
            if doc.is(s, "the") && s + 1 < toks.end {
                s += 1;
            }
            (What::Org, s..toks.end)
        }
        SourceKind::Anonymous => (
            What::Anon {
                definite,
                plural: plural(doc, &toks),
            },
            words,
        ),
        // "two company managers who spoke on condition of anonymity":
        // counted people are unnamed individuals, not a collective.
        SourceKind::Group | SourceKind::Other if counted(doc, first) => (
            What::Anon {
                definite: false,
                plural: true,
            },
            words,
        ),
        SourceKind::Group => (What::Group { definite }, words),
        _ => {
            let quantifier = toks.len() == 1 && in_list(doc.word(first), QUANTIFIERS);
            (
                What::Other {
                    definite,
                    quantifier,
                },
                words,
            )
        }
    };
    (what, name, title)
}

/// A number word opening a description: "two", "three", "5".
fn counted(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_any(
        i,
        &[
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
            "several",
        ],
    ) || doc.kind(i) == Some(TokenKind::Number)
}

/// Whether a description names several people: "two Iraqi officials",
/// "aides", "spokesmen", "people".
fn plural(doc: &Doc<'_>, toks: &Range<usize>) -> bool {
    // The head: the last word before an inner preposition.
    let mut head = toks.end - 1;
    for i in toks.clone().skip(1) {
        if doc.is_any(i, &["of", "for", "at", "from", "in", "with"]) {
            head = i - 1;
            break;
        }
    }
    let w = doc.word(head);
    let number = doc.is_any(
        toks.start,
        &[
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
            "these", "those", "both", "many", "some", "all",
        ],
    );
    number
        || w.eq_ignore_ascii_case("people")
        || w.ends_with("men")
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
}

/// Splits a name phrase into its title and its name, within `r`:
/// "U. S. Secretary of State Antony Blinken" → ("U. S. Secretary of State",
/// "Antony Blinken"). `None` when no name remains ("the prime minister").
fn split_title(doc: &Doc<'_>, r: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    // Leading words that are neither capitalized nor titles: "that" in a
    // source that took a complementizer, an article.
    let mut s = r.start;
    while s < r.end && !cap(doc, s) && !is_title(doc, s) {
        s += 1;
    }
    while s < r.end && doc.is_any(s, &["the", "a", "an"]) {
        s += 1;
    }
    while s + 1 < r.end && is_opener(doc, s) {
        s += 1;
    }
    if s >= r.end {
        return None;
    }
    let e = r.end;
    // The last title word that a name follows.
    let mut title_end = s;
    let mut first_title = None;
    let mut k = s;
    while k < e {
        if is_title(doc, k) {
            first_title.get_or_insert(k);
            let mut n = k + 1;
            // "Secretary of State Antony Blinken", "Secretary of the Treasury …".
            if doc.is(n, "of") {
                n += 1;
                if doc.is(n, "the") {
                    n += 1;
                }
                let dept = n;
                while n < e && cap(doc, n) && (doc.in_class(n, &DEPARTMENTS) || e - n > 2) {
                    n += 1;
                }
                if n == dept {
                    // "the Governor of Texas": no name after the office.
                    k += 1;
                    continue;
                }
            }
            if n < e && name_tok(doc, n) && !is_title(doc, n) {
                title_end = n;
                k = n;
                continue;
            }
        }
        k += 1;
    }
    let name = title_end..e;
    // A name is capitalized words (and particles); anything else is not a
    // person's name.
    let ok = !name.is_empty()
        && name.clone().all(|i| {
            name_tok(doc, i)
                || (doc.in_class(i, &PARTICLE_WORDS) && i > name.start && i + 1 < name.end)
        })
        && !name.clone().any(|i| is_org_tok(doc, i));
    if !ok {
        return None;
    }
    let start = match first_title {
        Some(f) if title_end > s => {
            let mut p = f;
            while p > s && !is_opener(doc, p - 1) {
                p -= 1;
            }
            p
        }
        _ => title_end,
    };
    Some((start..title_end, name))
}

/// Whether [`split_title`] of `a..e` starts at `a`: the word is capitalized
/// or a title, and neither an article nor an opener, which the split skips.
/// Where it does, the split of a range that starts at the title it found
/// finds that title again: the words from the range's start to the title
/// are no titles, and the title ends where the split began it.
fn split_starts_at(doc: &Doc<'_>, a: usize, e: usize) -> bool {
    (cap(doc, a) || is_title(doc, a))
        && !doc.is_any(a, &["the", "a", "an"])
        && !(a + 1 < e && is_opener(doc, a))
}

/// One linear pass over the document's capitalized runs: titled names
/// become person mentions, runs ending in an organization word
/// organization mentions, and other runs possible aliases, kept only when
/// their last word is the last word of a name seen so far (or they are an
/// acronym) and resolved in pass 1. Runs overlapping a source are skipped:
/// the source is the mention there. Most runs are one word ("Sometimes",
/// "Baghdad"); they cost a check of the word, one lookup and a short list.
///
/// The sources come sorted by their tokens, and the scan's mentions in
/// text order, overlapping none of them: each is put among the sources as
/// it is found, which gives all the mentions in text order (and the index
/// of each source there) without a sort.
fn scan_names<'a>(doc: &Doc<'a>, sources: &[Mention]) -> (Vec<Mention>, Vec<u32>) {
    let mut out = Merged {
        sources,
        next: 0,
        out: Vec::with_capacity(sources.len() + doc.toks.len() / 32),
        at: Vec::with_capacity(sources.len()),
    };
    // The last words of the names a later run may repeat: those of the
    // named sources, and of the names this scan finds.
    let mut known = Known::default();
    for m in sources {
        if matches!(m.what, What::Person | What::Org) && !m.name.is_empty() {
            known.add(base(doc.word(m.name.end - 1)));
        }
    }
    // An organization no source names matters only to "it said" and
    // "which said"; without such a source, its run is not looked up.
    let orgs = sources
        .iter()
        .any(|m| matches!(m.what, What::Pronoun(Pro::It | Pro::Which)));
    let mut next_source = 0;
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        i = next_name_start(doc, i);
        if i >= n {
            break;
        }
        let Some((w, class)) = name_word(doc, i) else {
            i += 1;
            continue;
        };
        // The run: capitalized words, particles and "of" after a title,
        // ending after a possessive. `classes` gathers the word classes of
        // its words; it ends with a name word (a particle needs one after
        // it), `last_word`, whose possessive `owner` tells.
        let start = i;
        let mut classes = class;
        let mut j = i + 1;
        let mut last_word = w;
        let mut owner = possessive(w);
        if !owner {
            while j < n {
                if let Some((w, class)) = name_word(doc, j) {
                    classes |= class;
                    j += 1;
                    last_word = w;
                    if possessive(w) {
                        owner = true;
                        break;
                    }
                } else if doc.in_class(j, &PARTICLE_WORDS)
                    || (doc.is(j, "of") && is_title(doc, j - 1))
                    || (doc.is(j, "the") && doc.is(j - 1, "of"))
                {
                    if !name_tok(doc, j + 1) {
                        break;
                    }
                    classes |= doc.class[j];
                    j += 1;
                } else {
                    break;
                }
            }
        }
        i = j;
        // Lower-case titles just before: "analyst Renad Mansour", "former
        // President Edna Hale".
        let mut run_start = start;
        while run_start > 0 && start - run_start < 3 && is_lower_title(doc, run_start - 1) {
            run_start -= 1;
        }
        let run = run_start..j;
        // Whether the run overlaps a source, asked only of a run that would
        // be a mention (most are not). The runs come in text order, so the
        // sources that end before one are passed for good.
        let mut overlaps_source = || {
            while next_source < sources.len() && sources[next_source].toks.end <= run.start {
                next_source += 1;
            }
            sources[next_source..]
                .iter()
                .take_while(|s| s.toks.start < run.end)
                .any(|s| s.toks.end > run.start)
        };
        let m = |toks: Range<usize>, name: Range<usize>, what: What| Mention {
            toks,
            name,
            what,
            claim: NONE,
            cluster: NONE,
            next: NONE,
            appo: 0..0,
            title: 0..0,
            first: false,
        };
        // base and is_org_tok of the last word, whose possessive is known.
        let last = if owner { base(last_word) } else { last_word };
        let org = if owner {
            is_org_word(last_word)
        } else {
            doc.in_class(j - 1, &ORG_WORDS) && WORDS.org_words.contains(last_word)
        };
        if orgs && org {
            if overlaps_source() {
                continue;
            }
            let mut s = start;
            if doc.is(s, "the") {
                s += 1;
            }
            out.push(m(s..j, s..j, What::Org));
            known.add(last);
            continue;
        }
        // A title needs a name after it: one word alone is no titled name.
        // Each title word has a title class (a lower-case title before the
        // run is one), so a run without those bits has none.
        let title_bits = classes & (TITLE_WORDS.bit | LOWER_TITLE_WORDS.bit) != 0;
        if run.len() > 1
            && (run_start < start || title_bits)
            && run.clone().any(|k| is_title(doc, k))
        {
            if let Some((title, name)) = split_title(doc, run.clone()) {
                // "Associated Press Matthew Lee": a title word that is also
                // an organization word, after another word, names an
                // organization, not a title.
                let last_title = name.start.saturating_sub(1);
                let org_name = is_org_tok(doc, last_title) && last_title > title.start;
                if !title.is_empty() && !org_name {
                    if overlaps_source() {
                        continue;
                    }
                    // The mention is `title.start..name.end`, and its speaker
                    // lists the title split_title finds there: this one when
                    // that split starts at the title's first word, else (a
                    // word it skips, "van" of "The van Minister Owen Baker")
                    // one of its own.
                    let toks = title.start..name.end;
                    let own = if split_starts_at(doc, title.start, name.end) {
                        title
                    } else {
                        split_title(doc, toks.clone()).map_or(0..0, |(t, _)| t)
                    };
                    out.push(Mention {
                        title: own.start as u32..own.end as u32,
                        ..m(toks, name, What::Person)
                    });
                    known.add(last);
                    continue;
                }
            }
        }
        let acronym = run.len() == 1
            && (2..=6).contains(&last.len())
            && last.bytes().all(|b| b.is_ascii_uppercase());
        if (acronym || known.holds(last)) && !overlaps_source() {
            out.push(m(start..j, start..j, What::Alias));
        }
    }
    out.finish()
}

/// The sources and the mentions the name scan finds, merged in text order
/// as the scan goes.
struct Merged<'s> {
    /// The sources, sorted by their tokens.
    sources: &'s [Mention],
    /// The first source not yet in `out`.
    next: usize,
    out: Vec<Mention>,
    /// The index in `out` of each source put there.
    at: Vec<u32>,
}

impl Merged<'_> {
    /// Adds a mention found after those added before it, after the sources
    /// that come before it or start and end where it does (as a stable
    /// sort of the sources, then the scan's mentions, would put them).
    fn push(&mut self, m: Mention) {
        self.add_sources_up_to((m.toks.start, m.toks.end));
        self.out.push(m);
    }

    fn add_sources_up_to(&mut self, key: (usize, usize)) {
        while let Some(s) = self.sources.get(self.next) {
            if (s.toks.start, s.toks.end) > key {
                break;
            }
            self.at.push(self.out.len() as u32);
            self.out.push(s.clone());
            self.next += 1;
        }
    }

    /// All the mentions, and the index of each source among them.
    fn finish(mut self) -> (Vec<Mention>, Vec<u32>) {
        self.add_sources_up_to((usize::MAX, usize::MAX));
        (self.out, self.at)
    }
}

/// The last words of the names seen so far, for the name scan: a set of
/// words, ASCII case ignored (a table for words of up to [`MAX_WORD`] bytes,
/// a list for the rare longer ones).
#[derive(Default)]
struct Known<'a> {
    /// A quick no for the many capitalized words that end no known name.
    filter: WordFilter,
    words: Vocab<()>,
    long: Vec<&'a str>,
}

impl<'a> Known<'a> {
    fn add(&mut self, w: &'a str) {
        self.filter.add(w);
        if w.len() > MAX_WORD {
            if !self.holds(w) {
                self.long.push(w);
            }
        } else {
            self.words.get_or_insert_with(w, || ());
        }
    }

    /// Asked of the last word of nearly every capitalized run: inlined,
    /// the filter's no costs no call.
    #[inline(always)]
    fn holds(&self, w: &str) -> bool {
        if !self.filter.may_hold(w) {
            false
        } else if w.len() > MAX_WORD {
            self.long.iter().any(|k| k.eq_ignore_ascii_case(w))
        } else {
            self.words.index(w).is_some()
        }
    }
}

struct Resolver<'d, 'a> {
    doc: &'d Doc<'a>,
    mentions: Vec<Mention>,
    /// The mention of each claim's (first) source span, or `NONE`.
    claim_mention: Vec<u32>,
    clusters: Vec<Cluster<'a>>,
    /// For each claim with a coordinated source: its speaker cluster.
    coord: Vec<u32>,
    /// The most recently joined cluster, where [`Resolver::best`] starts
    /// (following `Cluster::older`), or `NONE`.
    latest: u32,
    /// How many joins there have been.
    joins: usize,
}

impl<'d, 'a> Resolver<'d, 'a> {
    /// A resolver of `mentions` (sorted), given the mention of each claim's
    /// first source span.
    fn new(doc: &'d Doc<'a>, mentions: Vec<Mention>, claim_mention: Vec<u32>) -> Self {
        // A cluster is made by a mention: room for one in two.
        let clusters = Vec::with_capacity(mentions.len() / 2 + 8);
        Resolver {
            doc,
            mentions,
            coord: vec![NONE; claim_mention.len()],
            claim_mention,
            clusters,
            latest: NONE,
            joins: 0,
        }
    }

    /// The first [`MAX_MEMBERS`] mentions of a cluster, the ones names and
    /// descriptions are compared with.
    fn first_members<'s>(&'s self, c: &Cluster<'_>) -> impl Iterator<Item = &'s Mention> + 's {
        self.members(c).take(MAX_MEMBERS)
    }

    /// The mentions of a cluster, in the order they joined it: names and
    /// descriptions in text order, then pronouns.
    fn members<'s>(&'s self, c: &Cluster<'_>) -> impl Iterator<Item = &'s Mention> + 's {
        let mut k = c.head;
        std::iter::from_fn(move || {
            let m = self.mentions.get(k as usize)?;
            k = m.next;
            Some(m)
        })
    }

    fn new_cluster(&mut self, m: usize, kind: SpeakerKind, plural: bool) -> u32 {
        let name = self.mentions[m].name.clone();
        self.clusters.push(Cluster {
            kind,
            last: last_word(self.doc, &name),
            name,
            plural,
            gender: Gender::Unknown,
            head: NONE,
            tail: NONE,
            source: false,
            newer: NONE,
            older: NONE,
            last_join: 0,
            len: 0,
        });
        (self.clusters.len() - 1) as u32
    }

    fn join(&mut self, m: usize, c: u32) {
        let tail = self.clusters[c as usize].tail;
        if let Some(t) = self.mentions.get_mut(tail as usize) {
            t.next = m as u32;
        }
        self.touch(c);
        let mention = &mut self.mentions[m];
        mention.cluster = c;
        if !matches!(mention.what, What::Pronoun(_)) && mention.appo.is_empty() {
            mention.appo = appositive(self.doc, mention.toks.end).unwrap_or(0..0);
        }
        let cl = &mut self.clusters[c as usize];
        if cl.head == NONE {
            cl.head = m as u32;
        }
        cl.tail = m as u32;
        cl.len += 1;
        cl.source |= mention.claim != NONE;
        let better = match mention.what {
            What::Person | What::Alias if cl.kind == SpeakerKind::Person => {
                mention.name.len() > cl.name.len()
            }
            What::Org if cl.kind == SpeakerKind::Organization => mention.name.len() > cl.name.len(),
            _ => false,
        };
        if better {
            cl.name = mention.name.clone();
            cl.last = last_word(self.doc, &cl.name);
        }
        if cl.gender == Gender::Unknown {
            // Titles ("Mr.", "Congresswoman") and description heads
            // ("spokeswoman") tell it; names and pronouns do not.
            let words = match mention.what {
                What::Person => mention.toks.start..mention.name.start,
                What::Anon { .. } => mention.toks.clone(),
                _ => 0..0,
            };
            cl.gender = gender_of(self.doc, &words);
        }
    }

    /// Moves cluster `c` to the front of the recency list, as just joined.
    fn touch(&mut self, c: u32) {
        let ci = c as usize;
        if self.latest != c {
            let (newer, older) = (self.clusters[ci].newer, self.clusters[ci].older);
            if let Some(n) = self.clusters.get_mut(newer as usize) {
                n.older = older;
            }
            if let Some(o) = self.clusters.get_mut(older as usize) {
                o.newer = newer;
            }
            if let Some(l) = self.clusters.get_mut(self.latest as usize) {
                l.newer = c;
            }
            let cl = &mut self.clusters[ci];
            cl.newer = NONE;
            cl.older = self.latest;
            self.latest = c;
        }
        self.clusters[ci].last_join = self.joins;
        self.joins += 1;
    }

    /// Pass 1: names and descriptions, in text order.
    fn names_and_descriptions(&mut self) {
        for m in 0..self.mentions.len() {
            let what = self.mentions[m].what;
            let found = match what {
                What::Pronoun(_) => continue,
                What::Person => self.find_person(self.mentions[m].name.clone()),
                What::Alias => self.alias(m),
                What::Org => self.find_org(self.mentions[m].name.clone()),
                What::Anon { definite: true, .. }
                | What::Group { definite: true }
                | What::Other { definite: true, .. } => self.find_description(m),
                What::Group { definite: false }
                | What::Other {
                    definite: false,
                    quantifier: false,
                } => self.find_same_words(m),
                What::Coord => {
                    let claim = self.mentions[m].claim as usize;
                    self.coord.get(claim).copied().filter(|&c| c != NONE)
                }
                _ => None,
            };
            let c = match (found, what) {
                (Some(c), _) => c,
                (None, What::Alias) => continue,
                (None, What::Person) => self.new_cluster(m, SpeakerKind::Person, false),
                (None, What::Org) => self.new_cluster(m, SpeakerKind::Organization, false),
                (None, What::Anon { plural, .. }) => {
                    self.new_cluster(m, SpeakerKind::Anonymous, plural)
                }
                (None, What::Group { .. }) => self.new_cluster(m, SpeakerKind::Group, true),
                (None, What::Coord) => {
                    let c = self.new_cluster(m, SpeakerKind::Group, true);
                    if let Some(slot) = self.coord.get_mut(self.mentions[m].claim as usize) {
                        *slot = c;
                    }
                    c
                }
                (None, _) => {
                    let toks = self.mentions[m].toks.clone();
                    let plural = plural(self.doc, &toks);
                    self.new_cluster(m, SpeakerKind::Other, plural)
                }
            };
            self.join(m, c);
        }
    }

    /// The most recent person whose name agrees with `name`.
    fn find_person(&self, name: Range<usize>) -> Option<u32> {
        let doc = self.doc;
        if name.is_empty() {
            return None;
        }
        // Most persons have another last name: one comparison of two words
        // read once turns them away.
        let last = last_word(doc, &name);
        let first = last.as_bytes().first().map_or(0, |b| b | 0x20);
        self.best(|c| {
            // The length and the first letter (as same_word folds it) first.
            c.kind == SpeakerKind::Person
                && c.last.len() == last.len()
                && c.last.as_bytes().first().map_or(0, |b| b | 0x20) == first
                && (c.last == last || c.last.eq_ignore_ascii_case(last))
                && same_given_last(doc, &name, &c.name)
        })
    }

    /// The most recent cluster satisfying `f`, among the [`MAX_CLUSTERS`]
    /// most recently joined, and those only if they joined within the last
    /// [`MAX_JOINS`] joins (pass-1 joins come in text order, so the list
    /// meets clusters from the latest mention down).
    fn best(&self, f: impl Fn(&Cluster<'a>) -> bool) -> Option<u32> {
        let mut c = self.latest;
        for _ in 0..MAX_CLUSTERS {
            let cl = self.clusters.get(c as usize)?;
            if self.joins - cl.last_join > MAX_JOINS {
                return None;
            }
            if f(cl) {
                return Some(c);
            }
            c = cl.older;
        }
        None
    }

    /// A capitalized run that is not a source: a known person's name or a
    /// part of it ("Al-Sudani’s predecessors", "After Mansour spoke"), or a
    /// known organization. The mention shrinks to the part that matched.
    fn alias(&mut self, m: usize) -> Option<u32> {
        let run = self.mentions[m].name.clone();
        if self.clusters.is_empty() {
            return None;
        }
        for s in run.clone() {
            let name = s..run.end;
            let found = self
                .find_person(name.clone())
                .or_else(|| self.find_org_named(name.clone()));
            if let Some(c) = found {
                let mention = &mut self.mentions[m];
                mention.toks = name.clone();
                mention.name = name;
                return Some(c);
            }
            // Only words that open a sentence may be dropped: "After
            // Mansour", but not "Dana" from "Dana Hale".
            if !is_opener(self.doc, s) {
                break;
            }
        }
        None
    }

    /// An organization with the same name, or whose initials this is; a
    /// lower-case definite one ("the ministry") goes to the most recent
    /// organization with that word.
    fn find_org(&self, name: Range<usize>) -> Option<u32> {
        self.find_org_named(name.clone()).or_else(|| {
            let doc = self.doc;
            let lower = name.len() == 1 && !cap(doc, name.start);
            if !lower {
                return None;
            }
            let w = doc.word(name.start);
            self.best(|c| {
                c.kind == SpeakerKind::Organization
                    && self
                        .first_members(c)
                        .any(|m| m.toks.clone().any(|i| same_word(doc.word(i), w)))
            })
        })
    }

    fn find_org_named(&self, name: Range<usize>) -> Option<u32> {
        let doc = self.doc;
        // Initials are one word for a name of two or more (as `initials`
        // asks first).
        let (one, more) = (name.len() == 1, name.len() >= 2);
        self.best(|c| {
            c.kind == SpeakerKind::Organization
                && (same_words(doc, &name, &c.name)
                    || (one && c.name.len() >= 2 && initials(doc, &name, &c.name))
                    || (more && c.name.len() == 1 && initials(doc, &c.name, &name)))
        })
    }

    /// Groups and other descriptions with the same words ("activists" …
    /// "Activists"); quantifiers ("Another") never join.
    fn find_same_words(&self, m: usize) -> Option<u32> {
        let doc = self.doc;
        let words = self.mentions[m].name.clone();
        if words.is_empty() {
            return None;
        }
        let kind = match self.mentions[m].what {
            What::Group { .. } => SpeakerKind::Group,
            _ => SpeakerKind::Other,
        };
        self.best(|c| {
            c.kind == kind
                && self
                    .first_members(c)
                    .any(|m| same_words(doc, &words, &m.name))
        })
    }

    /// A definite description: the most recent speaker whose mentions and
    /// appositives hold all its words, the last (head) word included, with
    /// the same number. "the Kataib Hezbollah official" goes back to "a
    /// Kataib Hezbollah official", never to "an Iraqi official"; "the Iraqi
    /// prime minister" to "Iraqi Prime Minister Mohammed Shia al-Sudani".
    fn find_description(&self, m: usize) -> Option<u32> {
        let doc = self.doc;
        let mention = &self.mentions[m];
        let words = mention.name.clone();
        if words.is_empty() {
            return None;
        }
        let (plural, group) = match mention.what {
            What::Anon { plural, .. } => (plural, false),
            What::Group { .. } => (true, true),
            _ => (plural(doc, &mention.toks), false),
        };
        self.best(|c| {
            let kind_ok = match c.kind {
                SpeakerKind::Group => group,
                SpeakerKind::Person => !plural,
                SpeakerKind::Anonymous | SpeakerKind::Other => !group,
                _ => false,
            };
            kind_ok
                && c.plural == plural
                && words
                    .clone()
                    .rev()
                    .filter(|&i| !doc.in_class(i, &FUNCTION_WORD_CLASS))
                    .all(|i| self.cluster_has_word(c, doc.word(i)))
        })
    }

    /// True when a word is in one of the cluster's (non-pronoun) mentions or
    /// in an appositive after one.
    fn cluster_has_word(&self, c: &Cluster<'_>, w: &str) -> bool {
        let doc = self.doc;
        self.first_members(c).any(|m| {
            m.toks
                .clone()
                .chain(m.appo.clone())
                .any(|i| same_word(doc.word(i), w))
        })
    }

    /// Pass 2: pronouns, those outside quotations first (they never look
    /// inside one), then those inside, whose quoting speakers are known by
    /// then.
    fn pronouns(&mut self, claims: &[Claim]) {
        let doc = self.doc;
        let order: Vec<usize> = {
            let mut v: Vec<usize> = (0..self.mentions.len())
                .filter(|&m| matches!(self.mentions[m].what, What::Pronoun(_)))
                .collect();
            v.sort_by_key(|&m| (doc.depth[self.mentions[m].toks.start] > 0, m));
            v
        };
        for m in order {
            let What::Pronoun(pro) = self.mentions[m].what else {
                continue;
            };
            if let Some(c) = self.antecedent(m, pro, claims) {
                self.join(m, c);
                let g = match pro {
                    Pro::He => Gender::Male,
                    Pro::She => Gender::Female,
                    _ => Gender::Unknown,
                };
                let cl = &mut self.clusters[c as usize];
                if cl.gender == Gender::Unknown {
                    cl.gender = g;
                }
            }
        }
    }

    /// The speakers of the claims quoting token `p` (whose content holds it
    /// inside quotation marks), innermost first.
    ///
    /// Claims come sorted by the start of their content: only the
    /// [`MAX_QUOTING`] that start last before the token can hold it.
    fn quoting(&self, p: usize, claims: &[Claim]) -> Vec<u32> {
        let doc = self.doc;
        let span = doc.toks[p].span;
        let mut qs: Vec<(usize, u32)> = Vec::new();
        let end = claims.partition_point(|c| c.content_span().start <= span.start);
        let start = end.saturating_sub(MAX_QUOTING);
        for (ci, c) in claims.iter().enumerate().take(end).skip(start) {
            let Some(own) = self.mentions.get(self.claim_mention[ci] as usize) else {
                continue;
            };
            if own.cluster != NONE && c.content.iter().any(|s| s.encloses(span)) {
                qs.push((c.content_span().len(), own.cluster));
            }
        }
        qs.sort_by_key(|q| q.0);
        qs.into_iter().map(|q| q.1).collect()
    }

    fn antecedent(&self, m: usize, pro: Pro, claims: &[Claim]) -> Option<u32> {
        let doc = self.doc;
        let p = self.mentions[m].toks.start;
        let quoted = doc.depth[p] > 0;
        let excluded = if quoted {
            self.quoting(p, claims)
        } else {
            Vec::new()
        };
        let compatible = |c: &Cluster<'_>| -> bool {
            match pro {
                Pro::He | Pro::She => {
                    let g = if pro == Pro::He {
                        Gender::Female
                    } else {
                        Gender::Male
                    };
                    matches!(c.kind, SpeakerKind::Person | SpeakerKind::Anonymous)
                        && !c.plural
                        && c.gender != g
                }
                Pro::They => c.plural,
                Pro::It => c.kind == SpeakerKind::Organization,
                Pro::Who => c.kind != SpeakerKind::Organization,
                Pro::Which => c.kind == SpeakerKind::Organization,
                Pro::I | Pro::None => false,
            }
        };
        match pro {
            Pro::None => return None,
            // "I" inside a quotation is the one quoted.
            Pro::I => return excluded.first().copied(),
            _ => {}
        }
        let sent = doc.sent_of[p] as usize;
        let lo_sent = if matches!(pro, Pro::Who | Pro::Which) {
            sent
        } else {
            sent.saturating_sub(PRONOUN_WINDOW)
        };
        // Mentions before the pronoun, back to the window's first sentence.
        let lo_tok = doc.sents.get(lo_sent).map_or(0, |s| s.toks.start);
        let first = self
            .mentions
            .partition_point(|x| x.toks.start < lo_tok)
            .max(m.saturating_sub(MAX_PRONOUN_CANDIDATES));
        let cands = &self.mentions[first.min(m)..m];
        let allowed = |x: &Mention| -> bool {
            if x.cluster == NONE || x.toks.end > p {
                return false;
            }
            let xq = doc.depth[x.toks.start] > 0;
            if quoted {
                // Inside a quotation: the same quotation, or outside any.
                (!xq || doc.quote_of[x.toks.start] == doc.quote_of[p])
                    && !excluded.contains(&x.cluster)
            } else {
                !xq
            }
        };
        // The candidates come in text order: those of one sentence are a
        // block, taken from the pronoun's sentence backwards.
        let mut hi = cands.len();
        for s in (lo_sent..=sent).rev() {
            let lo = cands[..hi].partition_point(|x| (doc.sent_of[x.toks.start] as usize) < s);
            let mut in_sent = cands[lo..hi]
                .iter()
                .filter(|x| allowed(x) && compatible(&self.clusters[x.cluster as usize]));
            hi = lo;
            let Some(first) = in_sent.next() else {
                continue;
            };
            let mut last = first;
            let mut speaker = (first.claim != NONE).then_some(first);
            for x in in_sent {
                last = x;
                if x.claim != NONE {
                    speaker = Some(x);
                }
            }
            if matches!(pro, Pro::Who | Pro::Which) {
                return Some(last.cluster);
            }
            // A speaker first (the latest one), else the first mention (the
            // subject, as news writes it), or in the pronoun's own sentence
            // the nearest.
            let pick = speaker.unwrap_or(if s == sent { last } else { first });
            return Some(pick.cluster);
        }
        None
    }

    /// Builds the output speakers and sets each claim's speaker.
    fn finish(self, claims: &mut [Claim]) -> Vec<Speaker> {
        let doc = self.doc;
        // Speakers: clusters with a source, ordered by first mention.
        let mut order: Vec<(usize, u32)> = self
            .clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.source)
            .map(|(i, c)| {
                let first = self
                    .members(c)
                    .map(|m| m.toks.start)
                    .min()
                    .unwrap_or(usize::MAX);
                (first, i as u32)
            })
            .collect();
        order.sort();
        let mut id_of = vec![usize::MAX; self.clusters.len()];
        for (id, &(_, c)) in order.iter().enumerate() {
            id_of[c as usize] = id;
        }
        for (c, &m) in claims.iter_mut().zip(&self.claim_mention) {
            let cluster = self.mentions.get(m as usize).map_or(NONE, |m| m.cluster);
            c.speaker = (cluster != NONE).then(|| id_of[cluster as usize]);
        }
        let mut says = Anonymity::new(doc.sents.len());
        order
            .iter()
            .enumerate()
            .map(|(id, &(_, ci))| {
                let c = &self.clusters[ci as usize];
                // Names and descriptions joined in text order; pronouns after.
                let ms = || self.members(c);
                let mut titles: Vec<String> = Vec::new();
                let mut descriptors: Vec<String> = Vec::new();
                for m in ms() {
                    if matches!(m.what, What::Pronoun(_)) {
                        continue;
                    }
                    if c.kind == SpeakerKind::Person
                        && m.toks.start < m.name.start
                        && titles.len() < MAX_LISTED
                    {
                        // A person's title was found with its name; a
                        // description is split here.
                        let title = if m.what == What::Person {
                            Some(m.title.start as usize..m.title.end as usize)
                        } else {
                            split_title(doc, m.toks.clone()).map(|(t, _)| t)
                        };
                        if let Some(title) = title {
                            push_unique(&mut titles, text_of(doc, title));
                        }
                    }
                    if descriptors.len() < MAX_LISTED && !m.appo.is_empty() {
                        push_unique(&mut descriptors, text_of(doc, m.appo.clone()));
                    }
                }
                let name = match c.kind {
                    SpeakerKind::Person | SpeakerKind::Organization => text_of(doc, c.name.clone()),
                    SpeakerKind::Group if ms().any(|m| m.what == What::Coord) => ms()
                        .filter(|m| m.what == What::Coord)
                        .map(|m| text_of(doc, m.toks.clone()))
                        .collect::<Vec<_>>()
                        .join(" and "),
                    _ => {
                        let first = ms()
                            .find(|m| !matches!(m.what, What::Pronoun(_)))
                            .map_or(c.name.clone(), |m| m.toks.clone());
                        let s = if doc.is_any(first.start, &["a", "an", "the"]) && first.len() > 1 {
                            first.start + 1
                        } else {
                            first.start
                        };
                        text_of(doc, s..first.end)
                    }
                };
                let mut mentions: Vec<Span> = Vec::with_capacity(c.len);
                mentions.extend(ms().map(|m| doc.span(m.toks.clone())));
                mentions.sort_unstable();
                let anonymous = c.kind == SpeakerKind::Anonymous;
                // Only the few sentences after each mention are read, each
                // sentence once (a page without full stops is one sentence).
                let anonymity = if anonymous {
                    ms().find_map(|m| {
                        let s = doc.sent_of[m.toks.start] as usize;
                        (s..=s + ANONYMITY_WINDOW)
                            .find(|&a| says.says(doc, a))
                            .map(|a| doc.span(doc.sents[a].toks.clone()))
                    })
                } else {
                    None
                };
                Speaker {
                    id,
                    name,
                    kind: c.kind,
                    mentions,
                    titles,
                    descriptors,
                    anonymous,
                    anonymity,
                }
            })
            .collect()
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// The text of tokens `r`, without a final possessive, with runs of white
/// space made single spaces.
fn text_of(doc: &Doc<'_>, r: Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    let mut span = doc.span(r.clone());
    let last = doc.word(r.end - 1);
    span.end -= last.len() - base(last).len();
    let text = &doc.text[span];
    // Mostly single spaces already: copied as is. ASCII without control
    // bytes or two spaces in a row is told by its bytes (folds without an
    // early exit, which take several bytes a step); anything else has its
    // characters read.
    let b = text.as_bytes();
    let odd = b
        .iter()
        .fold(false, |odd, &x| odd | !(b' '..0x80).contains(&x));
    let doubled = b
        .iter()
        .zip(b.get(1..).unwrap_or_default())
        .fold(false, |d, (&x, &y)| d | (x == b' ' && y == b' '));
    let plain = !odd && !doubled;
    if plain || (!text.contains(|c: char| c.is_whitespace() && c != ' ') && !text.contains("  ")) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(span.len());
    for (k, w) in text.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The last word of a name without its possessive, or "" for no name.
fn last_word<'a>(doc: &Doc<'a>, name: &Range<usize>) -> &'a str {
    if name.is_empty() {
        ""
    } else {
        base(doc.word(name.end - 1))
    }
}

/// Two names of one person: the last names agree, and one name ends the
/// other or the first names agree too. (Resolution compares the last word
/// of each person once, `Cluster::last`, then calls [`same_given_last`].)
#[cfg(test)]
fn same_person(doc: &Doc<'_>, a: &Range<usize>, b: &Range<usize>) -> bool {
    !a.is_empty()
        && !b.is_empty()
        && same_word(doc.word(a.end - 1), doc.word(b.end - 1))
        && same_given_last(doc, a, b)
}

/// [`same_person`] of two names whose last words agree.
fn same_given_last(doc: &Doc<'_>, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // The words before the last, from the end.
    let suffix = short
        .clone()
        .rev()
        .zip(long.clone().rev())
        .skip(1)
        .all(|(x, y)| same_word(doc.word(x), doc.word(y)));
    suffix || same_word(doc.word(a.start), doc.word(b.start))
}

fn same_words(doc: &Doc<'_>, a: &Range<usize>, b: &Range<usize>) -> bool {
    a.len() == b.len()
        && a.clone()
            .zip(b.clone())
            .all(|(x, y)| same_word(doc.word(x), doc.word(y)))
}

/// True when `short` is one upper-case token spelling the initials of the
/// capitalized words of `long`: "AP", "Associated Press".
fn initials(doc: &Doc<'_>, short: &Range<usize>, long: &Range<usize>) -> bool {
    if short.len() != 1 || long.len() < 2 {
        return false;
    }
    let acronym = base(doc.word(short.start));
    if acronym.len() < 2 || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut letters = acronym.bytes();
    for i in long.clone() {
        let w = doc.word(i);
        if !cap(doc, i) {
            continue;
        }
        if letters.next() != w.bytes().next() {
            return false;
        }
    }
    letters.next().is_none()
}

/// The appositive after a mention ending at token `end`: ", a senior fellow
/// at the Chatham House think tank" → "a senior fellow at the Chatham House
/// think tank". It opens with an article and ends at a comma, the end of the
/// sentence, a quotation mark, a cue verb or a relative pronoun.
fn appositive(doc: &Doc<'_>, end: usize) -> Option<Range<usize>> {
    if !doc.punct(end, ",") || !doc.is_any(end + 1, &["a", "an", "the"]) {
        return None;
    }
    let start = end + 1;
    let limit = (start + 20).min(doc.toks.len());
    let mut k = start + 1;
    while k < limit {
        let t = &doc.toks[k];
        let stop = match t.kind {
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number => {
                // Not any cue word: "think" in "the Chatham House think tank".
                (doc.verb[k] && doc.is_any(k, SAYING))
                    || doc.is_any(k, &["who", "which", "that", "and"])
            }
            TokenKind::Dash => false,
            _ => true,
        };
        if stop {
            return (k - start >= 2 && !doc.is(k, "and")).then_some(start..k);
        }
        k += 1;
    }
    None
}

/// The gender a mention's words tell: "Mr.", "Congresswoman", "spokesman".
fn gender_of(doc: &Doc<'_>, toks: &Range<usize>) -> Gender {
    for i in toks.clone() {
        let w = doc.word(i);
        match w {
            "Mr." | "Mr" | "King" | "Prince" | "Duke" | "Lord" | "Sir" | "Father" | "Brother"
            | "Baron" | "Messrs." => return Gender::Male,
            "Ms." | "Ms" | "Mrs." | "Mrs" | "Miss" | "Queen" | "Princess" | "Duchess" | "Lady"
            | "Dame" | "Sister" | "Baroness" => return Gender::Female,
            _ => {}
        }
        let b = w.as_bytes();
        let ends = |suffix: &[u8]| {
            b.len() >= suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        if ends(b"woman") || ends(b"women") {
            return Gender::Female;
        }
        // "spokesman", "Congressman", "chairman"; not "German", "human".
        let male = [
            &b"alderman"[..],
            b"assemblyman",
            b"businessman",
            b"chairman",
            b"congressman",
            b"councilman",
            b"spokesman",
            b"statesman",
        ];
        if male.iter().any(|m| ends(m)) || w.eq_ignore_ascii_case("man") {
            return Gender::Male;
        }
    }
    Gender::Unknown
}

/// [`says_anonymous`] of each sentence, worked out once.
struct Anonymity(Vec<Option<bool>>);

impl Anonymity {
    fn new(sentences: usize) -> Anonymity {
        Anonymity(vec![None; sentences])
    }

    fn says(&mut self, doc: &Doc<'_>, s: usize) -> bool {
        match self.0.get(s) {
            None => false,
            Some(Some(known)) => *known,
            Some(None) => {
                let says = says_anonymous(doc, s);
                self.0[s] = Some(says);
                says
            }
        }
    }
}

/// True when sentence `s` says that a source is unnamed: "… spoke on
/// condition of anonymity …", "… was not authorized to speak publicly", "…
/// asked not to be named".
fn says_anonymous(doc: &Doc<'_>, s: usize) -> bool {
    let Some(sent) = doc.sents.get(s) else {
        return false;
    };
    sent.toks.clone().any(|i| {
        let w = doc.word(i);
        // The words below have 5, 9, 10 or 11 letters: most words are
        // turned away by their length.
        if !matches!(w.len(), 5 | 9..=11) {
            return false;
        }
        w.eq_ignore_ascii_case("anonymity")
            || w.eq_ignore_ascii_case("anonymously")
            || (w.eq_ignore_ascii_case("authorized")
                && i > 0
                && (doc.is(i - 1, "not") || doc.word(i - 1).ends_with("n't")))
            || (in_list(w, &["named", "identified"])
                && i > 1
                && doc.is(i - 1, "be")
                && doc.is(i - 2, "to"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_unique(list: &[&str]) -> bool {
        list.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        for (name, list) in [
            ("LOWER_TITLES", LOWER_TITLES),
            ("OPENERS", OPENERS),
            ("DEPARTMENT_WORDS", DEPARTMENT_WORDS),
            ("PARTICLES", PARTICLES),
            ("PLACE_METONYMS", PLACE_METONYMS),
            ("QUANTIFIERS", QUANTIFIERS),
        ] {
            assert!(sorted_unique(list), "{name} is not sorted and unique");
        }
    }

    /// Each token of `text` with what `f` says of it.
    fn tell(text: &str, f: fn(&Doc<'_>, usize) -> bool) -> Vec<(String, bool)> {
        let doc = Doc::new(text);
        (0..doc.toks.len())
            .map(|i| (doc.word(i).to_owned(), f(&doc, i)))
            .collect()
    }

    #[test]
    fn word_classes_hold_their_lists() {
        for class in [
            &LOWER_TITLE_WORDS,
            &OPENER_WORDS,
            &PARTICLE_WORDS,
            &DEPARTMENTS,
            &FUNCTION_WORD_CLASS,
        ] {
            assert!(crate::doc::CLASSES.iter().any(|c| c.bit == class.bit));
            let text = class.words.join(" ");
            let doc = Doc::new(&text);
            assert_eq!(doc.toks.len(), class.words.len());
            for (i, w) in class.words.iter().enumerate() {
                assert!(doc.in_class(i, class), "{w}");
            }
        }
        // The case checks after the bits: the lists write one case each.
        assert!(LOWER_TITLES
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(OPENERS.iter().all(|w| {
            let b = w.as_bytes();
            b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
        }));
        let lower = tell(
            "analyst Analyst ANALYST former table spokesman",
            is_lower_title,
        );
        let want = [true, false, false, true, false, true];
        assert_eq!(
            lower.iter().map(|p| p.1).collect::<Vec<_>>(),
            want,
            "{lower:?}"
        );
        let openers = tell("The the THE May may Mansour After", is_opener);
        let want = [true, false, false, true, false, false, true];
        assert_eq!(
            openers.iter().map(|p| p.1).collect::<Vec<_>>(),
            want,
            "{openers:?}"
        );
    }

    #[test]
    fn quick_checks_agree_with_their_lists() {
        let doc = Doc::new("table Baghdad Mansour x");
        for i in 0..doc.toks.len() {
            assert!(!is_lower_title(&doc, i), "{}", doc.word(i));
        }
        for w in &WORDS.org_words {
            assert!(FILTERS.org_words.may_hold(w) && is_org_word(w), "{w}");
        }
        for w in PLACE_METONYMS {
            assert!(is_place(w), "{w}");
        }
        for w in ["BAGHDAD", "baghdad", "Bagdad", "Mansour", ""] {
            assert!(!is_place(w), "{w}");
        }
        // The classes read from the data files hold the lists as the
        // lexicon reads them, and every token that is one of their words as
        // written has the bit: "Adm.", "Secretary", "Pentagon".
        for (class, set) in [
            (&TITLE_WORDS, &WORDS.titles),
            (&ORG_WORDS, &WORDS.org_words),
        ] {
            let words: Vec<&str> = class.all_words().collect();
            assert_eq!(words.len(), set.len());
            assert!(words.iter().all(|w| set.contains(w)));
            for w in words {
                let text = format!("The {w} said");
                let doc = Doc::new(&text);
                let i = (0..doc.toks.len()).find(|&i| doc.word(i) == w);
                assert!(i.is_some_and(|i| doc.in_class(i, class)), "{w}");
            }
        }
        // The titles are written with a capital, then lower case, which
        // is_title checks after the bit.
        assert!(TITLE_WORDS.all_words().all(|w| {
            let b = w.as_bytes();
            b[0].is_ascii_uppercase() && !b[1..].iter().any(u8::is_ascii_uppercase)
        }));
        let doc =
            Doc::new("Secretary SECRETARY secretary SeCretary Table Pentagon Pentagon’s Mansour");
        let titles: Vec<bool> = (0..doc.toks.len()).map(|i| is_title(&doc, i)).collect();
        assert_eq!(
            titles,
            [true, false, false, false, false, false, false, false]
        );
        let orgs: Vec<bool> = (0..doc.toks.len()).map(|i| is_org_tok(&doc, i)).collect();
        assert_eq!(orgs, [false, false, false, false, false, true, true, false]);
        for w in ["table", "Baghdad", "Mansour", "", "x"] {
            assert!(!is_org_word(w), "{w}");
        }
        for (w, want) in [
            ("The", Some(true)),
            ("a", Some(false)),
            ("TWO", Some(false)),
        ] {
            assert_eq!(determiner(w), want, "{w}");
        }
        assert_eq!(determiner("officials"), None);
        for w in ["Mansour", "al-Sudani", "Ögedei", "U.", "bin-Salman"] {
            assert!(name_like(w), "{w}");
        }
        for w in ["said", "re-election", "’s", "", "al-qaida", "x-"] {
            assert!(!name_like(w), "{w}");
        }
    }

    #[test]
    fn possessives_are_stripped() {
        for (w, b) in [
            ("Al-Sudani’s", "Al-Sudani"),
            ("Iraq's", "Iraq"),
            ("Reuters’", "Reuters"),
            ("Mansour", "Mansour"),
            ("’", "’"),
        ] {
            assert_eq!(base(w), b, "{w}");
        }
    }

    fn name_split(text: &str) -> Option<(String, String)> {
        let doc = Doc::new(text);
        let all = 0..doc.toks.len();
        split_title(&doc, all).map(|(t, n)| (text_of(&doc, t), text_of(&doc, n)))
    }

    #[test]
    fn titles_split_from_names() {
        for (text, title, name) in [
            (
                "U. S. Secretary of State Antony Blinken",
                "U. S. Secretary of State",
                "Antony Blinken",
            ),
            (
                "Iraqi Prime Minister Mohammed Shia al-Sudani",
                "Iraqi Prime Minister",
                "Mohammed Shia al-Sudani",
            ),
            (
                "CIA Director William Burns",
                "CIA Director",
                "William Burns",
            ),
            (
                "that Defense Secretary Lloyd Austin",
                "Defense Secretary",
                "Lloyd Austin",
            ),
            ("Analyst Renad Mansour", "Analyst", "Renad Mansour"),
            ("analyst Renad Mansour", "analyst", "Renad Mansour"),
            (
                "Secretary of Homeland Security Ann Ruiz",
                "Secretary of Homeland Security",
                "Ann Ruiz",
            ),
            ("On Thursday President Ida Vale", "President", "Ida Vale"),
            ("Mansour", "", "Mansour"),
            ("Osama bin Laden", "", "Osama bin Laden"),
            ("Al-Sudani’s", "", "Al-Sudani"),
            ("Later Brandt", "", "Brandt"),
            ("May", "", "May"),
        ] {
            assert_eq!(
                name_split(text),
                Some((title.to_owned(), name.to_owned())),
                "{text}"
            );
        }
        for text in [
            "the prime minister",
            "Governor of Texas",
            "the State Department",
        ] {
            assert_eq!(name_split(text), None, "{text}");
        }
    }

    /// A titled name the scan finds is listed with the title of its own
    /// tokens, which it splits again only when that split may start later.
    #[test]
    fn titled_names_split_again_alike() {
        for (text, starts) in [
            ("On Thursday President Ida Vale", true),
            ("U. S. Secretary of State Antony Blinken", true),
            ("Later Analyst Renad Mansour", true),
            ("former President Barack Obama", true),
            ("The van Minister Joe Biden", false),
        ] {
            let doc = Doc::new(text);
            let e = doc.toks.len();
            let (title, _) = split_title(&doc, 0..e).unwrap();
            assert_eq!(split_starts_at(&doc, title.start, e), starts, "{text}");
            let again = split_title(&doc, title.start..e).unwrap().0;
            assert_eq!(again == title, starts, "{text}");
        }
    }

    #[test]
    fn person_names_agree() {
        let text = "Renad Mansour; Mansour; Mohammed Shia al-Sudani; Al-Sudani; Mohammed al-Sudani; Jeb Bush; George Bush";
        let doc = Doc::new(text);
        // Token ranges of each name between the semicolons.
        let mut names = Vec::new();
        let mut s = 0;
        for i in 0..=doc.toks.len() {
            if i == doc.toks.len() || doc.punct(i, ";") {
                names.push(s..i);
                s = i + 1;
            }
        }
        let same = |a: usize, b: usize| same_person(&doc, &names[a], &names[b]);
        assert!(same(0, 1) && same(1, 0));
        assert!(same(2, 3) && same(3, 2) && same(2, 4));
        assert!(!same(0, 2) && !same(5, 6) && !same(1, 3));
    }

    #[test]
    fn acronyms_are_initials() {
        let doc = Doc::new("AP Associated Press CIA");
        assert!(initials(&doc, &(0..1), &(1..3)));
        assert!(!initials(&doc, &(3..4), &(1..3)));
        assert!(!initials(&doc, &(1..2), &(1..3)));
    }

    #[test]
    fn appositives_end_where_the_phrase_does() {
        for (text, want) in [
            (
                "said Mansour, a senior fellow at a think tank.",
                Some("a senior fellow at a think tank"),
            ),
            ("Mansour, an analyst, said", Some("an analyst")),
            ("Mansour, the analyst and the editor", None),
            ("Mansour, who", None),
            (
                "said Mansour, a fellow at the Chatham House think tank.",
                Some("a fellow at the Chatham House think tank"),
            ),
            ("Mansour.", None),
        ] {
            let doc = Doc::new(text);
            let end = (0..doc.toks.len())
                .find(|&i| doc.word(i) == "Mansour")
                .unwrap()
                + 1;
            let got = appositive(&doc, end).map(|r| text_of(&doc, r));
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    /// A claim built by hand: `source` and `content` are unique substrings.
    fn claim(text: &str, source: &str, kind: SourceKind, content: &str) -> Claim {
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        Claim {
            kind: crate::ClaimKind::Indirect,
            content: vec![at(content)],
            cue: crate::Cue {
                spans: vec![],
                lemma: "say".into(),
                category: crate::CueCategory::Speech,
            },
            source: Some(crate::Source {
                spans: vec![at(source)],
                kind,
                aside: None,
            }),
            parent: None,
            speaker: None,
            sentence: Span::new(0, text.len()),
            rule: crate::Rule::SourceCueContent,
            confidence: 1.0,
        }
    }

    /// The rules do not read a first-person source inside a quotation as a
    /// claim of its own; when one comes, it is the quoted speaker's.
    #[test]
    fn first_person_inside_a_quote_is_the_quoted_speaker() {
        let text = "“I told them we saw the road close,” said Officer Maria Lopez.";
        let doc = Doc::new(text);
        let mut claims = vec![
            claim(
                text,
                "Officer Maria Lopez",
                SourceKind::Person,
                "“I told them we saw the road close,”",
            ),
            claim(text, "I", SourceKind::Pronoun, "the road close"),
            claim(text, "we", SourceKind::Pronoun, "the road close"),
        ];
        let speakers = resolve(&doc, &mut claims);
        assert_eq!(speakers.len(), 1);
        assert_eq!(speakers[0].name, "Maria Lopez");
        assert_eq!(claims[0].speaker, Some(0));
        assert_eq!(claims[1].speaker, Some(0));
        // "we" is never guessed.
        assert_eq!(claims[2].speaker, None);
    }

    /// The share of extraction time spent here, measured per document in one
    /// process (each document: the whole extraction, then this stage alone
    /// on the same analysis; best of several rounds), so that the machine's
    /// load falls on both alike. `SPEAKER_COST=path.jsonl cargo test
    /// --release --lib speaker_cost -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn speaker_cost() {
        use std::time::{Duration, Instant};
        let Some(path) = std::env::var_os("SPEAKER_COST") else {
            eprintln!("set SPEAKER_COST to a claims-jsonl file");
            return;
        };
        let texts: Vec<String> = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).ok()?;
                Some(v["text"].as_str()?.to_owned())
            })
            .collect();
        let ex = crate::Extractor::new();
        let (mut all, mut stage) = (Duration::ZERO, Duration::ZERO);
        let (mut sources, mut scan) = (Duration::ZERO, Duration::ZERO);
        let mut phase_total = [Duration::ZERO; 4];
        for text in &texts {
            let mut best = [Duration::MAX; 4];
            let mut phases = [Duration::MAX; 4];
            let doc = Doc::new(text);
            let claims = ex.extract(text).claims;
            for _ in 0..5 {
                let t = Instant::now();
                std::hint::black_box(ex.extract(text));
                best[0] = best[0].min(t.elapsed());
                let mut c = claims.clone();
                let t = Instant::now();
                std::hint::black_box(resolve(&doc, &mut c));
                best[1] = best[1].min(t.elapsed());
                let t = Instant::now();
                let (m, _) = std::hint::black_box(source_mentions(&doc, &claims));
                best[2] = best[2].min(t.elapsed());
                let t = Instant::now();
                std::hint::black_box(scan_names(&doc, &m));
                best[3] = best[3].min(t.elapsed());
                // The rest of `resolve`, phase by phase.
                let (mentions, claim_mention) = mentions(&doc, &claims);
                let t = Instant::now();
                let mut r = Resolver::new(&doc, mentions, claim_mention);
                let t1 = Instant::now();
                r.names_and_descriptions();
                let t2 = Instant::now();
                let mut c = claims.clone();
                let t3 = Instant::now();
                r.pronouns(&c);
                let t4 = Instant::now();
                std::hint::black_box(r.finish(&mut c));
                let t5 = Instant::now();
                phases[0] = phases[0].min(t1 - t);
                phases[1] = phases[1].min(t2 - t1);
                phases[2] = phases[2].min(t4 - t3);
                phases[3] = phases[3].min(t5 - t4);
            }
            for (tot, p) in phase_total.iter_mut().zip(phases) {
                *tot += p;
            }
            all += best[0];
            stage += best[1];
            sources += best[2];
            scan += best[3];
        }
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{} documents: extraction {:.1} ms, speakers {:.1} ms ({:.1}%): sources {:.1} ms, scan {:.1} ms",
            texts.len(),
            ms(all),
            ms(stage),
            100.0 * stage.as_secs_f64() / all.as_secs_f64(),
            ms(sources),
            ms(scan),
        );
        println!(
            "  resolver {:.1} ms, names and descriptions {:.1} ms, pronouns {:.1} ms, output {:.1} ms",
            ms(phase_total[0]),
            ms(phase_total[1]),
            ms(phase_total[2]),
            ms(phase_total[3]),
        );
    }

    #[test]
    fn gender_from_titles() {
        for (text, g) in [
            ("Mr. Ortiz", Gender::Male),
            ("Congresswoman Ortiz", Gender::Female),
            ("a spokesman", Gender::Male),
            ("Ms. Ortiz", Gender::Female),
            ("Ortiz", Gender::Unknown),
            ("a human", Gender::Unknown),
        ] {
            let doc = Doc::new(text);
            assert_eq!(gender_of(&doc, &(0..doc.toks.len())), g, "{text}");
        }
    }
}
