//! The three output formats. Each writes one document into a byte buffer,
//! so that documents can be formatted in parallel and written in order.

use claimant::{ClaimKind, Extraction, Span, Speaker};
use serde::Serialize;

use crate::args::Format;
use crate::input::{Doc, Id};

/// `--format json`: the whole [`Extraction`] as the library serializes it
/// (every field of every claim, and whatever else an extraction holds),
/// after the id.
#[derive(Serialize)]
struct FullDoc<'a> {
    id: &'a Id<'a>,
    #[serde(skip_serializing_if = "is_false")]
    lossy: bool,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

/// `--format claims-jsonl`: the evaluation format (shared/eval/README.md),
/// plus a document-level `speakers` list and a per-claim `speaker` id when
/// the document has speakers; a document without them is written exactly
/// as before speakers existed.
#[derive(Serialize)]
struct EvalDoc<'a> {
    id: &'a Id<'a>,
    #[serde(skip_serializing_if = "is_false")]
    lossy: bool,
    claims: Vec<EvalClaim<'a>>,
    /// Always present, empty when no claim names a source.
    speakers: &'a [Speaker],
}

#[derive(Serialize)]
struct EvalClaim<'a> {
    kind: ClaimKind,
    content: &'a [Span],
    /// `[]` when the text names no source.
    source: &'a [Span],
    cue: &'a [Span],
    /// Index into the document's `speakers`; `null` when the source is
    /// unresolved or absent.
    speaker: Option<usize>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How claims-jsonl writes a claim's source; by default as the library
/// gives it, one span per name.
#[derive(Clone, Copy, Debug, Default)]
pub struct SourceSpans {
    /// A coordinated source is one span from its first name to its last
    /// ("Ames and Baker", "a Western diplomat and a rebel negotiator"), as
    /// PolNeAR marks one.
    pub joined: bool,
    /// A source runs on over its aside, the appositive or relative clause
    /// after it, and the comma that closes it ("Ada Ruiz, a nurse at the
    /// clinic,"), as PolNeAR marks one.
    pub asides: bool,
}

/// Writes `doc`'s claims in `format`, one line (or for `pretty`, a block),
/// claims-jsonl with its sources written as `sources` says.
pub fn write_doc(
    out: &mut Vec<u8>,
    doc: &Doc<'_>,
    ex: &Extraction,
    format: Format,
    color: bool,
    sources: SourceSpans,
) {
    match format {
        Format::Json => {
            let line = FullDoc {
                id: &doc.id,
                lossy: doc.lossy,
                extraction: ex,
            };
            // Writing to a Vec of plain data cannot fail.
            serde_json::to_writer(&mut *out, &line).expect("serializing to memory");
            out.push(b'\n');
        }
        Format::ClaimsJsonl => {
            let joined: Vec<Option<[Span; 1]>> = ex
                .claims
                .iter()
                .map(|c| {
                    let s = c.source.as_ref()?;
                    let joined = if sources.joined {
                        joined_source(&doc.text, &s.spans)
                    } else {
                        None
                    };
                    match s.aside.filter(|_| sources.asides) {
                        Some(aside) => {
                            let first = joined.map_or(s.spans.first()?.start, |[j]| j.start);
                            Some([with_aside(&doc.text, first, aside)])
                        }
                        None => joined,
                    }
                })
                .collect();
            let line = EvalDoc {
                id: &doc.id,
                lossy: doc.lossy,
                claims: ex
                    .claims
                    .iter()
                    .zip(&joined)
                    .map(|(c, j)| EvalClaim {
                        kind: c.kind,
                        content: &c.content,
                        source: match j {
                            Some(one) => &one[..],
                            None => c.source.as_ref().map_or(&[][..], |s| &s.spans),
                        },
                        cue: &c.cue.spans,
                        speaker: c.speaker,
                    })
                    .collect(),
                speakers: &ex.speakers,
            };
            serde_json::to_writer(&mut *out, &line).expect("serializing to memory");
            out.push(b'\n');
        }
        Format::Pretty => pretty(out, doc, ex, color),
    }
}

/// The one span over the spans of a coordinated source, when only commas,
/// "and", "or", "nor" or "&" stand between them; `None` for a source of
/// one span, or of spans with other words between them.
fn joined_source(text: &str, spans: &[Span]) -> Option<[Span; 1]> {
    let (first, last) = (spans.first()?, spans.last()?);
    if spans.len() < 2 {
        return None;
    }
    let glue = spans.windows(2).all(|w| {
        text.get(w[0].end..w[1].start).is_some_and(|gap| {
            gap.split(|c: char| c.is_whitespace() || c == ',')
                .all(|word| matches!(word, "" | "and" | "or" | "nor" | "&"))
        })
    });
    glue.then(|| [first.cover(*last)])
}

/// The span from `start` over `aside` and the comma right after it, if one
/// is: "Ada Ruiz, a nurse at the clinic," before "said"; "Ada Ruiz, a nurse
/// at the clinic" at the end of a sentence.
fn with_aside(text: &str, start: usize, aside: Span) -> Span {
    let comma = text.get(aside.end..).is_some_and(|t| t.starts_with(','));
    Span::new(start, aside.end + usize::from(comma))
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const CYAN: &str = "\x1b[36m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

/// Content longer than this many chars is shortened in the middle.
const MAX_CONTENT: usize = 200;

fn pretty(out: &mut Vec<u8>, doc: &Doc<'_>, ex: &Extraction, color: bool) {
    let paint = |s: &mut String, style: &str, text: &str| {
        if color {
            s.push_str(style);
            s.push_str(text);
            s.push_str(RESET);
        } else {
            s.push_str(text);
        }
    };
    let text: &str = &doc.text;
    let mut s = String::new();
    let n = ex.claims.len();
    let header = format!(
        "# {} ({n} claim{}{})",
        clean(&doc.id.to_string()),
        if n == 1 { "" } else { "s" },
        if doc.lossy {
            ", invalid UTF-8 replaced"
        } else {
            ""
        }
    );
    paint(&mut s, BOLD, &header);
    s.push('\n');
    for claim in &ex.claims {
        let source = claim
            .source
            .as_ref()
            .map(|src| join(text, &src.spans))
            .unwrap_or_default();
        s.push_str("  ");
        if source.is_empty() {
            paint(&mut s, DIM, "-");
        } else {
            paint(&mut s, CYAN, &source);
        }
        paint(&mut s, DIM, " | ");
        paint(&mut s, YELLOW, &join(text, &claim.cue.spans));
        paint(&mut s, DIM, " | ");
        s.push_str(&shorten(&join(text, &claim.content), MAX_CONTENT));
        s.push('\n');
    }
    s.push('\n');
    out.extend_from_slice(s.as_bytes());
}

/// The texts of `spans`, joined by ` … `, cleaned for a terminal.
fn join(text: &str, spans: &[Span]) -> String {
    let parts: Vec<String> = spans
        .iter()
        .filter_map(|&sp| text.get(sp.start..sp.end))
        .map(clean)
        .collect();
    parts.join(" … ")
}

/// Collapses whitespace runs (newlines included) to one space and drops
/// control characters, so that a document cannot move the cursor or change
/// the terminal's colors.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// `s` if it has at most `max` chars; otherwise its start and end around
/// ` … `, `max` chars in all.
fn shorten(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_owned();
    }
    let tail = max / 3;
    let head = max - tail - 3;
    let head_end = s.char_indices().nth(head).map_or(s.len(), |(i, _)| i);
    let tail_start = s.char_indices().nth(n - tail).map_or(s.len(), |(i, _)| i);
    format!("{} … {}", &s[..head_end], &s[tail_start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening() {
        assert_eq!(shorten("abc", 3), "abc");
        let long: String = "é".repeat(150) + &"x".repeat(150);
        let short = shorten(&long, 30);
        assert_eq!(short.chars().count(), 30);
        assert!(short.starts_with('é') && short.ends_with('x'));
        assert!(short.contains(" … "));
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("  a\n\n b\x1b[31m c\t"), "a b [31m c");
        assert_eq!(clean(""), "");
    }

    fn doc(text: &str) -> Doc<'_> {
        Doc {
            id: Id::Str("d".into()),
            text: text.into(),
            lossy: false,
        }
    }

    #[test]
    fn pretty_lines() {
        let text = "“We will stay,” she said. It is said that it rained.";
        let d = doc(text);
        let ex = claimant::extract(text);
        let mut out = Vec::new();
        write_doc(
            &mut out,
            &d,
            &ex,
            Format::Pretty,
            false,
            SourceSpans::default(),
        );
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("# d ("), "{out}");
        assert!(out.contains("  she | said | “We will stay,”\n"), "{out}");
        let mut colored = Vec::new();
        write_doc(
            &mut colored,
            &d,
            &ex,
            Format::Pretty,
            true,
            SourceSpans::default(),
        );
        assert!(String::from_utf8(colored).unwrap().contains(YELLOW));
    }

    #[test]
    fn claims_jsonl_source_is_empty_list_when_absent() {
        let v = claims_jsonl("It is said that it rained.", SourceSpans::default());
        for c in v["claims"].as_array().unwrap() {
            assert!(c["source"].is_array());
            let mut keys: Vec<&String> = c.as_object().unwrap().keys().collect();
            keys.sort();
            assert_eq!(keys, ["content", "cue", "kind", "source", "speaker"], "{c}");
            assert!(c["speaker"].is_null(), "{c}");
        }
        assert_eq!(v["speakers"], serde_json::json!([]));
    }

    /// The claims-jsonl line of `text`, its sources written as `sources` says.
    fn claims_jsonl(text: &str, sources: SourceSpans) -> serde_json::Value {
        let ex = claimant::extract(text);
        let mut out = Vec::new();
        write_doc(
            &mut out,
            &doc(text),
            &ex,
            Format::ClaimsJsonl,
            false,
            sources,
        );
        serde_json::from_slice(&out).unwrap()
    }

    /// The claims-jsonl source of `text`'s first claim, written as `sources` says.
    fn first_source(text: &str, sources: SourceSpans) -> serde_json::Value {
        claims_jsonl(text, sources)["claims"][0]["source"].clone()
    }

    #[test]
    fn join_sources_makes_a_coordinated_source_one_span() {
        let text = "Clinton and Sanders said the plan would work.";
        let source = |joined: bool| {
            first_source(
                text,
                SourceSpans {
                    joined,
                    asides: false,
                },
            )
        };
        assert_eq!(source(false), serde_json::json!([[0, 7], [12, 19]]));
        assert_eq!(source(true), serde_json::json!([[0, 19]]));
    }

    #[test]
    fn source_asides_run_the_source_over_its_appositive() {
        let source = |text: &str, asides: bool| {
            let s = first_source(
                text,
                SourceSpans {
                    joined: false,
                    asides,
                },
            );
            let [a, b] = [0, 1].map(|i| s[0][i].as_u64().unwrap() as usize);
            text[a..b].to_owned()
        };
        let before = "Ada Ruiz, a nurse at the clinic, said the shifts are too long.";
        assert_eq!(source(before, false), "Ada Ruiz");
        assert_eq!(source(before, true), "Ada Ruiz, a nurse at the clinic,");
        let after = "“The shifts are too long,” said Ada Ruiz, a nurse at the clinic.";
        assert_eq!(source(after, true), "Ada Ruiz, a nurse at the clinic");
    }

    #[test]
    fn joined_sources_need_only_glue_between_names() {
        let s = |a: usize, b: usize| Span::new(a, b);
        let text = "Ames, Baker and Cole said; Ames told Baker";
        let one = joined_source(text, &[s(0, 4), s(6, 11), s(16, 20)]);
        assert_eq!(one, Some([s(0, 20)]));
        // Other words between the spans, or a single span: left as they are.
        assert_eq!(joined_source(text, &[s(27, 31), s(37, 42)]), None);
        assert_eq!(joined_source(text, &[s(0, 4)]), None);
    }
}
