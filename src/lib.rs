//! claimant finds attributed claims in English news text: who said what,
//! through which cue, quoted or paraphrased, with exact byte offsets into
//! the text you pass in.
//!
//! # Example
//!
//! ```
//! let text = "“Iran and Iraq have so far kept a line,” said Mansour, a senior fellow. \
//!             The ministry said the talks would resume on Oct. 7.";
//! let claims = claimant::extract(text).claims;
//! assert_eq!(claims.len(), 2);
//!
//! let first = &claims[0];
//! assert_eq!(&text[first.content[0]], "“Iran and Iraq have so far kept a line,”");
//! assert_eq!(&text[first.cue.spans[0]], "said");
//! assert_eq!(&text[first.source.as_ref().unwrap().spans[0]], "Mansour");
//! assert_eq!(first.kind, claimant::ClaimKind::Direct);
//!
//! let second = &claims[1];
//! assert_eq!(&text[second.content[0]], "the talks would resume on Oct. 7");
//! assert_eq!(second.source.as_ref().unwrap().kind, claimant::SourceKind::Organization);
//! ```
//!
//! # Overview
//!
//! Data flows one way, each stage adding one thing to what the stages to
//! its left produced:
//!
//! ```text
//! &str ─► tokens ─► paragraphs, sentences ─► quotations ─► cues ─► frames ─► claims
//! ```
//!
//! * [`tokenize`]: a lazy, zero-copy tokenizer ([`Token`], [`TokenKind`])
//!   that keeps "U. S.", "Oct.", "Iraq’s" and "$200" whole.
//! * [`sentences`] and [`paragraphs`]: segmentation that survives news text.
//! * [`quotations`]: quotation pairing that never fails, including
//!   multi-paragraph quotes.
//! * [`Extractor`] / [`extract`]: the rule-based attribution detector, which
//!   returns [`Claim`]s with their [`Cue`], [`Source`] and content, and
//!   the [`Speaker`]s they resolve to ("Mansour" and "he" are "Renad
//!   Mansour"). [`Extractor::extract_batch`] runs many documents, in
//!   parallel with the `rayon` feature.
//! * [`eval`] (feature `eval`): the metrics of PolNeAR's `score.py`, to
//!   measure extraction against gold claims.
//!
//! Offsets are UTF-8 byte offsets into the caller's `&str` from the first
//! stage to the last, always on char boundaries; no normalized copy of the
//! text is made. [`Span`] is `Copy` and indexes a `str` directly.
//!
//! # Guarantees
//!
//! [`Extractor::extract`] is infallible and never panics, on any `&str`.
//! The only fallible step is building an extractor from a custom lexicon
//! ([`ExtractorBuilder::build`]), which returns a [`BuildError`].
//!
//! # Untrusted input
//!
//! Scraped pages are welcome: work per cue is bounded (a source is looked
//! for at most 16 tokens from its cue, a trailing attribution at most 24
//! tokens, 64 with an appositive), quotation pairing and sentence splitting
//! are linear, claims are resolved in clusters of overlapping ones, and a
//! name, description or pronoun is compared with a bounded number of recent
//! speakers (128) and mentions, so time grows linearly with the text.
//! Memory grows linearly too, with the document being processed: at its
//! peak about 25 bytes of heap per byte of news (130 per token), and about
//! 130 per byte for a page of nothing but quotation marks, where every byte
//! or two is a token and every pair a quotation.
//!
//! # Crate features
//!
//! * `eval`: the [`eval`] module (adds `serde_json`).
//! * `rayon`: [`Extractor::extract_batch`] runs in parallel.
//! * `cli`: the `claimant` command-line tool (implies both).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod claim;
mod cue;
mod doc;
mod error;
mod extractor;
mod invariants;
mod lexicon;
mod pieces;
mod quote;
mod rules;
mod segment;
mod source;
mod span;
mod speaker;
mod token;
mod vocab;

#[cfg(feature = "eval")]
pub mod eval;

pub use claim::{Claim, ClaimKind, Cue, CueCategory, Extraction, Rule, Source, SourceKind};
pub use error::BuildError;
pub use extractor::{extract, Extractor, ExtractorBuilder};
#[doc(hidden)]
pub use invariants::check_invariants;
pub use quote::{quotations, Closing, Quotation, Quotations};
pub use segment::{paragraphs, sentences, Paragraphs, Sentences};
pub use span::Span;
pub use speaker::{Speaker, SpeakerKind};
pub use token::{tokenize, Token, TokenKind, Tokens};

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
