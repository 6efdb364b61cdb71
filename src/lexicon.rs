//! The word lists, as data: files under `data/` pulled in with
//! `include_str!`, parsed once into lookup tables.
//!
//! Every file holds one entry per line, sorted, with `#` comment lines; the
//! tests at the bottom check that each file is sorted, trimmed and free of
//! duplicates, so a bad edit fails `cargo test` instead of quietly changing
//! what is found.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::claim::CueCategory;
use crate::error::{BuildError, ErrorKind};
use crate::vocab::Vocab;

pub(crate) const CUE_VERBS: &str = include_str!("../data/cue_verbs.tsv");
pub(crate) const CUE_PHRASES: &str = include_str!("../data/cue_phrases.tsv");
pub(crate) const CUE_NOUNS: &str = include_str!("../data/cue_nouns.tsv");
pub(crate) const TITLES: &str = include_str!("../data/titles.txt");
pub(crate) const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");
pub(crate) const ANONYMOUS_NOUNS: &str = include_str!("../data/anonymous_nouns.txt");
pub(crate) const ORGANIZATION_WORDS: &str = include_str!("../data/organization_words.txt");
pub(crate) const ORGANIZATION_NAMES: &str = include_str!("../data/organization_names.txt");
pub(crate) const GROUP_NOUNS: &str = include_str!("../data/group_nouns.txt");
/// Cue verb forms that are mostly plural nouns: `data/noun_forms.txt`.
pub(crate) const NOUN_FORMS: &str = include_str!("../data/noun_forms.txt");

/// A small, fast hasher for the short keys of the word lists (the words
/// of a text, looked up once each). SipHash's resistance to chosen keys buys
/// nothing for fixed built-in tables and costs a tenth of the run time.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by words, with [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A set of words, with [`WordHasher`].
pub(crate) type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// The entries of a data file: its non-comment, non-blank lines.
pub(crate) fn entries(file: &str) -> impl Iterator<Item = (usize, &str)> {
    file.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// What an abbreviation is, which decides whether a sentence may end after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// `Mr.`, `Gen.`: a name follows; never the end of a sentence.
    Title,
    /// `Oct.`: a day usually follows.
    Month,
    /// `Calif.`, `U.S.`, `Inc.`, `a.m.`: may end a sentence.
    Other,
}

/// The abbreviations, keyed by their text without the final period.
static ABBREVS: LazyLock<WordMap<&'static str, AbbrevClass>> = LazyLock::new(|| {
    entries(ABBREVIATIONS)
        .filter_map(|(_, line)| {
            let (abbr, class) = line.split_once('\t')?;
            let key = abbr.strip_suffix('.')?;
            let class = match class.trim() {
                "title" => AbbrevClass::Title,
                "month" => AbbrevClass::Month,
                _ => AbbrevClass::Other,
            };
            Some((key, class))
        })
        .collect()
});

/// True when `word` followed by a period is a known abbreviation ("Mr", "Oct").
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVS.contains_key(word)
}

/// The class of an abbreviation token (with its period), if known.
pub(crate) fn abbreviation_class(token: &str) -> Option<AbbrevClass> {
    ABBREVS.get(token.strip_suffix('.')?).copied()
}

/// Word lists used by the source rules.
#[derive(Debug)]
pub(crate) struct Words {
    pub titles: WordSet<&'static str>,
    pub anonymous: WordSet<&'static str>,
    pub org_words: WordSet<&'static str>,
    /// Multi-word organization names, each as its words.
    pub org_names: Vec<Vec<&'static str>>,
    /// The last word of each organization name: a name can end only on one.
    pub org_name_ends: WordSet<&'static str>,
    pub groups: WordSet<&'static str>,
}

fn word_set(file: &'static str) -> WordSet<&'static str> {
    entries(file).map(|(_, l)| l.trim()).collect()
}

pub(crate) static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    titles: word_set(TITLES),
    anonymous: word_set(ANONYMOUS_NOUNS),
    org_words: word_set(ORGANIZATION_WORDS),
    org_names: entries(ORGANIZATION_NAMES)
        .map(|(_, l)| l.split_whitespace().collect())
        .collect(),
    org_name_ends: entries(ORGANIZATION_NAMES)
        .filter_map(|(_, l)| l.split_whitespace().last())
        .collect(),
    groups: word_set(GROUP_NOUNS),
});

/// How a cue word may take its content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Frames(u8);

impl Frames {
    /// "X said (that) …"
    pub const THAT: Frames = Frames(1);
    /// "X told reporters (that) …"
    pub const OBJ_THAT: Frames = Frames(2);
    /// "“…,” said X" and "X added: “…”"
    pub const QUOTE: Frames = Frames(4);
    /// "X condemned the attacks"
    pub const NP: Frames = Frames(8);
    /// "X vowed to …"
    pub const TO: Frames = Frames(16);
    /// "X urged Congress to …"
    pub const OBJ_TO: Frames = Frames(32);

    pub const fn with(self, o: Frames) -> Frames {
        Frames(self.0 | o.0)
    }

    pub fn has(self, f: Frames) -> bool {
        self.0 & f.0 != 0
    }

    fn parse(s: &str) -> Option<Frames> {
        let mut f = 0;
        for part in s
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty() && *p != "-")
        {
            f |= match part {
                "that" => Frames::THAT.0,
                "obj_that" => Frames::OBJ_THAT.0,
                "quote" => Frames::QUOTE.0,
                "np" => Frames::NP.0,
                "to" => Frames::TO.0,
                "obj_to" => Frames::OBJ_TO.0,
                _ => return None,
            };
        }
        Some(Frames(f))
    }
}

/// The grammatical form of a cue word, as far as the rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// say
    Base,
    /// says
    Third,
    /// said (past and past participle)
    Past,
    /// saying
    Gerund,
    /// is saying, were calling for: a gerund after a form of "be", a
    /// finite verb (see `cue::progressive_start`).
    Progressive,
}

/// One cue word: a form of a cue verb, or a cue noun.
#[derive(Clone, Debug)]
pub(crate) struct CueWord {
    pub lemma: std::sync::Arc<str>,
    pub category: CueCategory,
    pub frames: Frames,
    pub form: Form,
    pub noun: bool,
    /// A verb form that the noun list holds too: "warning", "ruling".
    pub also_noun: bool,
    /// A verb form that news mostly writes as a plural noun ("states"):
    /// `data/noun_forms.txt`.
    pub mostly_noun: bool,
}

/// The cue lexicon: single words and multi-word phrases, keyed by lowercase
/// text, with the closed word classes of each word. Built once (the
/// built-in one is a static), shared by every call; a document looks each
/// of its words up once ([`CueLexicon::index_in`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct CueLexicon {
    entries: Vocab<Entry>,
    /// [`CueLexicon::summary`] of each entry, by index, and a 0 after them
    /// (for [`ABSENT`](crate::vocab::ABSENT)); kept by every `add_`.
    summary: Vec<u32>,
}

/// What the lexicons know of one word.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entry {
    /// The bits of the closed classes holding the word (`doc::WordClass`).
    pub classes: u32,
    /// The word as a cue.
    pub word: Option<CueWord>,
    /// The phrases the word starts, longest first: "according" → "according to".
    pub phrases: Vec<Phrase>,
}

/// A multi-word cue such as "according to" or "made clear".
#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    pub rest: Vec<Box<str>>,
    pub lemma: std::sync::Arc<str>,
    pub category: CueCategory,
    /// The first word is the -ing form of the lemma's: "calling for",
    /// "pointing out" (not "bring up").
    pub gerund: bool,
}

pub(crate) fn parse_category(s: &str) -> Option<CueCategory> {
    Some(match s {
        "speech" => CueCategory::Speech,
        "writing" => CueCategory::Writing,
        "belief" => CueCategory::Belief,
        "evidence" => CueCategory::Evidence,
        "stance" => CueCategory::Stance,
        "according" => CueCategory::According,
        "colon" => CueCategory::Colon,
        _ => return None,
    })
}

fn form_of(form: &str, lemma: &str) -> Form {
    if form == lemma {
        Form::Base
    } else if form.ends_with("ing") {
        Form::Gerund
    } else if form.ends_with('s') && !lemma.ends_with('s') || form == format!("{lemma}es") {
        Form::Third
    } else {
        Form::Past
    }
}

fn bad(source: &str, line: usize, msg: impl Into<String>) -> BuildError {
    BuildError::new(ErrorKind::Lexicon {
        lexicon: source.to_owned(),
        line,
        message: msg.into(),
    })
}

impl CueLexicon {
    /// The built-in lexicon.
    pub fn builtin() -> &'static CueLexicon {
        static BUILTIN: LazyLock<CueLexicon> = LazyLock::new(|| {
            let mut lex = CueLexicon::default();
            // The built-in files are checked by the tests below; a line that
            // does not parse cannot reach a release.
            let _ = lex.add_verbs(CUE_VERBS, "cue_verbs.tsv");
            let _ = lex.add_phrases(CUE_PHRASES, "cue_phrases.tsv");
            let _ = lex.add_nouns(CUE_NOUNS, "cue_nouns.tsv");
            lex.mark_noun_forms(NOUN_FORMS);
            lex.add_classes(crate::doc::CLASSES);
            lex
        });
        &BUILTIN
    }

    /// Adds verbs in the `cue_verbs.tsv` format:
    /// `lemma<TAB>category<TAB>frames<TAB>form form …`.
    pub fn add_verbs(&mut self, file: &str, source: &str) -> Result<(), BuildError> {
        let read = self.read_verbs(file, source);
        self.summarize();
        read
    }

    fn read_verbs(&mut self, file: &str, source: &str) -> Result<(), BuildError> {
        for (n, line) in entries(file) {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [lemma, category, frames, forms] = fields[..] else {
                return Err(bad(
                    source,
                    n,
                    "expected 4 tab-separated fields: lemma, category, frames, forms",
                ));
            };
            let category = parse_category(category)
                .ok_or_else(|| bad(source, n, format!("unknown category {category:?}")))?;
            let frames = Frames::parse(frames)
                .ok_or_else(|| bad(source, n, format!("unknown frame in {frames:?}")))?;
            let lemma_arc: std::sync::Arc<str> = lemma.to_lowercase().into();
            // A verb that lists no past form of its own ("read reading
            // reads") writes its past as its lemma: "“Vote Okafor,” it
            // read." News writes that past far more than the base.
            let forms: Vec<(String, Form)> = forms
                .split_whitespace()
                .map(|f| {
                    let f = f.to_lowercase();
                    let kind = form_of(&f, &lemma_arc);
                    (f, kind)
                })
                .collect();
            let lemma_is_past = !forms.iter().any(|(_, kind)| *kind == Form::Past);
            for (form, kind) in &forms {
                let form_kind = match *kind {
                    Form::Base if lemma_is_past => Form::Past,
                    f => f,
                };
                let entry = CueWord {
                    lemma: lemma_arc.clone(),
                    category,
                    frames,
                    form: form_kind,
                    noun: false,
                    also_noun: false,
                    mostly_noun: false,
                };
                if let Some(e) = self.entries.get_or_insert_with(form, Entry::default) {
                    let old = e.word.as_ref();
                    let also_noun = old.is_some_and(|w| w.noun || w.also_noun);
                    let mostly_noun = old.is_some_and(|w| w.mostly_noun);
                    e.word = Some(CueWord {
                        also_noun,
                        mostly_noun,
                        ..entry
                    });
                }
            }
            if forms.is_empty() {
                return Err(bad(source, n, "no forms"));
            }
        }
        Ok(())
    }

    /// Adds phrases in the `cue_phrases.tsv` format: `phrase<TAB>lemma<TAB>category`.
    pub fn add_phrases(&mut self, file: &str, source: &str) -> Result<(), BuildError> {
        let read = self.read_phrases(file, source);
        self.summarize();
        read
    }

    fn read_phrases(&mut self, file: &str, source: &str) -> Result<(), BuildError> {
        for (n, line) in entries(file) {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [phrase, lemma, category] = fields[..] else {
                return Err(bad(
                    source,
                    n,
                    "expected 3 tab-separated fields: phrase, lemma, category",
                ));
            };
            let category = parse_category(category)
                .ok_or_else(|| bad(source, n, format!("unknown category {category:?}")))?;
            let mut words = phrase
                .split_whitespace()
                .map(|w| w.to_lowercase().into_boxed_str());
            let Some(first) = words.next() else {
                return Err(bad(source, n, "empty phrase"));
            };
            let rest: Vec<Box<str>> = words.collect();
            if rest.is_empty() {
                return Err(bad(
                    source,
                    n,
                    "a phrase needs two words or more; single words go with the verbs or nouns",
                ));
            }
            // A first word longer than any token the lookup takes is never
            // matched; such a phrase is dropped.
            let lemma = lemma.to_lowercase();
            let lemma_first = lemma.split_whitespace().next().unwrap_or_default();
            let gerund = first.ends_with("ing") && *first != *lemma_first;
            if let Some(e) = self.entries.get_or_insert_with(&first, Entry::default) {
                e.phrases.push(Phrase {
                    rest,
                    lemma: lemma.as_str().into(),
                    category,
                    gerund,
                });
            }
        }
        for e in self.entries.values_mut() {
            // Longest first, so "according to" style phrases match greedily.
            e.phrases.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        Ok(())
    }

    /// Adds nouns in the `cue_nouns.tsv` format: `noun<TAB>category`.
    pub fn add_nouns(&mut self, file: &str, source: &str) -> Result<(), BuildError> {
        let read = self.read_nouns(file, source);
        self.summarize();
        read
    }

    fn read_nouns(&mut self, file: &str, source: &str) -> Result<(), BuildError> {
        for (n, line) in entries(file) {
            let Some((noun, category)) = line.split_once('\t') else {
                return Err(bad(
                    source,
                    n,
                    "expected 2 tab-separated fields: noun, category",
                ));
            };
            let category = parse_category(category.trim())
                .ok_or_else(|| bad(source, n, format!("unknown category {category:?}")))?;
            let noun = noun.trim().to_lowercase();
            if let Some(e) = self.entries.get_or_insert_with(&noun, Entry::default) {
                let w = e.word.get_or_insert_with(|| CueWord {
                    lemma: noun.as_str().into(),
                    category,
                    frames: Frames::THAT,
                    form: Form::Base,
                    noun: true,
                    also_noun: false,
                    mostly_noun: false,
                });
                w.also_noun = !w.noun;
            }
        }
        Ok(())
    }

    /// Marks the verb forms of `file` (the `noun_forms.txt` format) as mostly
    /// nouns. A word that is no verb form is left alone.
    pub fn mark_noun_forms(&mut self, file: &str) {
        for (_, w) in entries(file) {
            if let Some(Some(word)) = self.entries.get_mut(w.trim()).map(|e| e.word.as_mut()) {
                word.mostly_noun = !word.noun;
            }
        }
    }

    /// Adds the words of closed classes, each with its class bit.
    pub fn add_classes(&mut self, classes: &[&crate::doc::WordClass]) {
        for c in classes {
            for w in c.all_words() {
                if let Some(e) = self.entries.get_or_insert_with(w, Entry::default) {
                    e.classes |= c.bit;
                }
            }
        }
        self.summarize();
    }

    /// Sets [`CueLexicon::summary`] from the entries.
    fn summarize(&mut self) {
        self.summary = self
            .entries
            .values()
            .map(|e| {
                let cue = e.word.is_some() || !e.phrases.is_empty();
                e.classes | if cue { crate::doc::CUE } else { 0 }
            })
            .chain([0])
            .collect();
    }

    /// The index of the entry of `word` (ASCII case ignored), for
    /// [`CueLexicon::entry`], or [`ABSENT`](crate::vocab::ABSENT); `word` is `text[start..start + word.len()]`,
    /// and is read in place (see [`Vocab::index_in`]).
    #[inline]
    pub fn index_in(&self, text: &str, start: usize, word: &str) -> u32 {
        self.entries.index_in(text.as_bytes(), start, word)
    }

    /// The class bits of the entry at `index`, with [`CUE`](crate::doc::CUE)
    /// for a cue word or the first word of a cue phrase; 0 for
    /// [`ABSENT`](crate::vocab::ABSENT). A document asks this of every word:
    /// it is read from a table of four bytes an entry, not from the entries
    /// (tens of bytes each), and takes no branch on whether the word has an
    /// entry.
    #[inline]
    pub fn summary(&self, index: u32) -> u32 {
        match self.summary.len() {
            0 => 0,
            n => self.summary[(index as usize).min(n - 1)],
        }
    }

    /// The entry at `index`.
    #[inline]
    pub fn entry(&self, index: u32) -> &Entry {
        self.entries.at(index)
    }

    /// Looks up a word, ignoring ASCII case, without allocating.
    #[cfg(test)]
    pub fn word(&self, text: &str) -> Option<&CueWord> {
        self.entries.get(text)?.word.as_ref()
    }

    /// The phrases starting with `first` (ASCII case ignored).
    #[cfg(test)]
    pub fn phrases_starting(&self, first: &str) -> &[Phrase] {
        self.entries
            .get(first)
            .map_or(&[], |e| e.phrases.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, &str, usize)] = &[
        ("cue_verbs.tsv", CUE_VERBS, 4),
        ("cue_phrases.tsv", CUE_PHRASES, 3),
        ("cue_nouns.tsv", CUE_NOUNS, 2),
        // Not loaded: an optional extra for users (see data/README.md).
        (
            "cue_adjectives.tsv",
            include_str!("../data/cue_adjectives.tsv"),
            2,
        ),
        ("titles.txt", TITLES, 1),
        ("abbreviations.tsv", ABBREVIATIONS, 2),
        ("anonymous_nouns.txt", ANONYMOUS_NOUNS, 1),
        ("organization_words.txt", ORGANIZATION_WORDS, 1),
        ("organization_names.txt", ORGANIZATION_NAMES, 1),
        ("group_nouns.txt", GROUP_NOUNS, 1),
        ("noun_forms.txt", NOUN_FORMS, 1),
    ];

    #[test]
    fn noun_forms_are_verb_forms() {
        let lex = CueLexicon::builtin();
        for (n, w) in entries(NOUN_FORMS) {
            let word = lex.entries.get(w).and_then(|e| e.word.as_ref());
            assert!(
                word.is_some_and(|v| !v.noun && v.mostly_noun),
                "noun_forms.txt:{n}: {w:?} is no form of a cue verb"
            );
        }
    }

    #[test]
    fn data_files_are_sorted_trimmed_and_unique() {
        for &(name, file, fields) in FILES {
            let lines: Vec<(usize, &str)> = entries(file).collect();
            assert!(!lines.is_empty(), "{name} is empty");
            for &(n, l) in &lines {
                assert_eq!(l, l.trim(), "{name}:{n} has surrounding whitespace");
                assert_eq!(
                    l.split('\t').count(),
                    fields,
                    "{name}:{n} should have {fields} tab-separated fields"
                );
                assert!(!l.contains("  "), "{name}:{n} has a double space");
            }
            for w in lines.windows(2) {
                assert!(
                    w[0].1 < w[1].1,
                    "{name}:{} is out of order or repeated: {:?} then {:?}",
                    w[1].0,
                    w[0].1,
                    w[1].1
                );
            }
        }
    }

    #[test]
    fn builtin_files_parse() {
        let mut lex = CueLexicon::default();
        lex.add_verbs(CUE_VERBS, "cue_verbs.tsv").unwrap();
        lex.add_phrases(CUE_PHRASES, "cue_phrases.tsv").unwrap();
        lex.add_nouns(CUE_NOUNS, "cue_nouns.tsv").unwrap();
        for (n, line) in entries(ABBREVIATIONS) {
            let (abbr, class) = line.split_once('\t').unwrap();
            assert!(
                abbr.ends_with('.'),
                "abbreviations.tsv:{n}: {abbr:?} lacks its period"
            );
            assert!(
                matches!(class, "title" | "month" | "state" | "other" | "initialism"),
                "abbreviations.tsv:{n}: unknown class {class:?}"
            );
        }
    }

    #[test]
    fn every_verb_form_belongs_to_one_lemma() {
        let mut seen = HashMap::new();
        for (n, line) in entries(CUE_VERBS) {
            let fields: Vec<&str> = line.split('\t').collect();
            for form in fields[3].split(' ') {
                if let Some(prev) = seen.insert(form, n) {
                    panic!("cue_verbs.tsv: form {form:?} on lines {prev} and {n}");
                }
            }
            let forms: Vec<&str> = fields[3].split(' ').collect();
            assert!(
                forms.windows(2).all(|w| w[0] < w[1]),
                "cue_verbs.tsv:{n}: forms not sorted"
            );
            assert!(
                forms.contains(&fields[0]),
                "cue_verbs.tsv:{n}: the lemma is not among its forms"
            );
        }
    }

    #[test]
    fn lookups_ignore_case_and_know_forms() {
        let lex = CueLexicon::builtin();
        for (word, lemma, form) in [
            ("said", "say", Form::Past),
            ("Says", "say", Form::Third),
            ("saying", "say", Form::Gerund),
            ("TOLD", "tell", Form::Past),
            ("warned", "warn", Form::Past),
        ] {
            let w = lex.word(word).unwrap_or_else(|| panic!("{word} missing"));
            assert_eq!(&*w.lemma, lemma, "{word}");
            assert_eq!(w.form, form, "{word}");
        }
        assert!(lex.word("table").is_none());
        assert!(lex
            .phrases_starting("According")
            .iter()
            .any(|p| &*p.rest[0] == "to"));
        assert!(is_abbreviation("Mr") && is_abbreviation("Oct"));
        assert_eq!(abbreviation_class("Gen."), Some(AbbrevClass::Title));
    }

    #[test]
    fn gerund_phrases_are_marked() {
        let lex = CueLexicon::builtin();
        let gerund = |first: &str, second: &str| {
            lex.phrases_starting(first)
                .iter()
                .find(|p| &*p.rest[0] == second)
                .unwrap_or_else(|| panic!("{first} {second} missing"))
                .gerund
        };
        assert!(gerund("calling", "for") && gerund("pointing", "out"));
        // "according to" and "bring up" end in -ing but are no -ing forms.
        assert!(!gerund("according", "to") && !gerund("bring", "up"));
        assert!(!gerund("called", "for"));
    }
}
