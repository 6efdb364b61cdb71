//! Speakers (issue #5): marked-up cases in `tests/cases/speakers.txt`, the
//! same cases shifted by a prefix, JSON output, and the pairwise
//! same-speaker F1 on the seed article when `../shared/seed` is present.
//!
//! # The case format
//!
//! A case starts after a line `---`; its `# ` lines are comments (the first
//! names it), then come its text lines, then `@` lines with expectations.
//! Blank lines inside the text are paragraph breaks.
//!
//! In the text, `{A:words}` marks a claim source whose claim must point to
//! speaker `A`, `{A=words}` a mention of `A` that is no claim's source, and
//! `{?:words}` a claim source that must stay unresolved. The same label
//! means the same speaker, different labels different speakers.
//!
//! `@A key=value …` checks speaker `A`: `kind`, `name`, `titles` and
//! `descriptors` (`|`-separated, exact and complete), `anonymous`, and
//! `anonymity` (the text of the linked sentence, or `none`). `@speakers=N`
//! checks how many speakers the text has.

use std::collections::BTreeMap;

use claimant::{extract, Extraction, Span, Speaker};

const CASES: &str = include_str!("cases/speakers.txt");

#[derive(Debug)]
struct Mark {
    label: String,
    /// A claim's source (`:`), or a mention only (`=`).
    source: bool,
    span: Span,
}

#[derive(Debug)]
struct Case {
    name: String,
    line: usize,
    text: String,
    marks: Vec<Mark>,
    /// `@` lines: the label (or "speakers") and its `key=value` pairs.
    expect: Vec<(String, Vec<(String, String)>)>,
}

fn parse_cases(file: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut lines = file.lines().enumerate().peekable();
    // Preamble.
    while lines.peek().is_some_and(|(_, l)| *l != "---") {
        lines.next();
    }
    while lines.next().is_some() {
        let mut name = String::new();
        while let Some((_, l)) = lines.peek() {
            let Some(c) = l.strip_prefix("# ") else { break };
            if name.is_empty() {
                name = c.to_owned();
            }
            lines.next();
        }
        let mut raw = Vec::new();
        let mut expect = Vec::new();
        let mut line = 0;
        while let Some(&(n, l)) = lines.peek() {
            if l == "---" {
                break;
            }
            lines.next();
            if let Some(e) = l.strip_prefix('@') {
                expect.push(parse_expect(e, n + 1));
            } else {
                if raw.is_empty() && l.trim().is_empty() {
                    continue;
                }
                if raw.is_empty() {
                    line = n + 1;
                }
                raw.push(l);
            }
        }
        while raw.last().is_some_and(|l| l.trim().is_empty()) {
            raw.pop();
        }
        assert!(!raw.is_empty(), "case {name:?} has no text");
        let (text, marks) = parse_marks(&raw.join("\n"), &name);
        cases.push(Case {
            name,
            line,
            text,
            marks,
            expect,
        });
    }
    cases
}

/// `A kind=person name="Renad Mansour"` or `speakers=2`.
fn parse_expect(e: &str, line: usize) -> (String, Vec<(String, String)>) {
    let e = e.trim();
    if let Some(n) = e.strip_prefix("speakers=") {
        return (
            "speakers".to_owned(),
            vec![("count".to_owned(), n.to_owned())],
        );
    }
    let (label, mut rest) = e.split_once(' ').unwrap_or((e, ""));
    let mut pairs = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let (key, after) = rest
            .split_once('=')
            .unwrap_or_else(|| panic!("speakers.txt:{line}: expected key=value in {rest:?}"));
        let (value, after) = if let Some(q) = after.strip_prefix('"') {
            let end = q
                .find('"')
                .unwrap_or_else(|| panic!("speakers.txt:{line}: unclosed quote"));
            (&q[..end], &q[end + 1..])
        } else {
            after.split_once(' ').unwrap_or((after, ""))
        };
        pairs.push((key.to_owned(), value.to_owned()));
        rest = after;
    }
    (label.to_owned(), pairs)
}

/// Removes the `{L:…}` / `{L=…}` marks, returning the text and the marks.
fn parse_marks(marked: &str, case: &str) -> (String, Vec<Mark>) {
    let mut text = String::with_capacity(marked.len());
    let mut marks = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let sep = after
            .find([':', '='])
            .unwrap_or_else(|| panic!("case {case:?}: a mark without ':' or '='"));
        let label = &after[..sep];
        assert!(
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '?'),
            "case {case:?}: bad label {label:?}"
        );
        let body = &after[sep + 1..];
        let close = body
            .find('}')
            .unwrap_or_else(|| panic!("case {case:?}: unclosed mark"));
        let start = text.len();
        text.push_str(&body[..close]);
        marks.push(Mark {
            label: label.to_owned(),
            source: after.as_bytes()[sep] == b':',
            span: Span::new(start, text.len()),
        });
        rest = &body[close + 1..];
    }
    text.push_str(rest);
    (text, marks)
}

fn describe(text: &str, out: &Extraction) -> String {
    let mut s = String::new();
    for c in &out.claims {
        let src: Vec<&str> = c
            .source
            .iter()
            .flat_map(|s| s.spans.iter().map(|&x| &text[x]))
            .collect();
        s.push_str(&format!(
            "  claim: source {src:?} cue {:?} → speaker {:?}\n",
            &text[c.cue.spans[0]], c.speaker
        ));
    }
    for sp in &out.speakers {
        let m: Vec<&str> = sp.mentions.iter().map(|&x| &text[x]).collect();
        s.push_str(&format!(
            "  speaker {}: {:?} {:?} mentions {m:?} titles {:?} descriptors {:?} anonymous {} anonymity {:?}\n",
            sp.id,
            sp.name,
            sp.kind,
            sp.titles,
            sp.descriptors,
            sp.anonymous,
            sp.anonymity.map(|a| &text[a])
        ));
    }
    s
}

/// Checks one case at `prefix.len()` bytes into `prefix + text`; returns the
/// problems found.
fn check(case: &Case, prefix: &str) -> Vec<String> {
    let full = format!("{prefix}{}", case.text);
    let d = prefix.len();
    let out = extract(&full);
    let mut problems = Vec::new();
    // The speaker each label stands for.
    let mut speaker_of: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &case.marks {
        let span = m.span.shift(d);
        let shown = &full[span];
        let found = if m.source {
            let claim = out
                .claims
                .iter()
                .find(|c| c.source.as_ref().is_some_and(|s| s.spans.contains(&span)));
            match claim {
                None => {
                    problems.push(format!("no claim has the source {shown:?}"));
                    continue;
                }
                Some(c) => c.speaker,
            }
        } else {
            out.speakers
                .iter()
                .find(|s| s.mentions.contains(&span))
                .map(|s| s.id)
        };
        if m.label == "?" {
            if let Some(id) = found {
                problems.push(format!(
                    "{shown:?} should stay unresolved, got speaker {id}"
                ));
            }
            continue;
        }
        let Some(id) = found else {
            problems.push(format!("{shown:?} has no speaker, expected {}", m.label));
            continue;
        };
        if !out.speakers[id].mentions.contains(&span) {
            problems.push(format!("speaker {id} does not list {shown:?} as a mention"));
        }
        match speaker_of.get(m.label.as_str()) {
            Some(&prev) if prev != id => problems.push(format!(
                "{shown:?} is speaker {id}, but label {} was speaker {prev}",
                m.label
            )),
            _ => {
                speaker_of.insert(&m.label, id);
            }
        }
    }
    // Different labels, different speakers.
    let mut seen: BTreeMap<usize, &str> = BTreeMap::new();
    for (label, &id) in &speaker_of {
        if let Some(other) = seen.insert(id, label) {
            problems.push(format!(
                "labels {other} and {label} are the same speaker {id}"
            ));
        }
    }
    for (label, pairs) in &case.expect {
        if label == "speakers" {
            let n: usize = pairs[0].1.parse().expect("@speakers=N");
            if out.speakers.len() != n {
                problems.push(format!("{} speakers, expected {n}", out.speakers.len()));
            }
            continue;
        }
        let Some(&id) = speaker_of.get(label.as_str()) else {
            problems.push(format!("@{label}: no mark with this label was resolved"));
            continue;
        };
        let sp: &Speaker = &out.speakers[id];
        for (key, want) in pairs {
            let list = |v: &[String]| v.join("|");
            let got = match key.as_str() {
                "kind" => serde_json::to_value(sp.kind)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned(),
                "name" => sp.name.clone(),
                "titles" => list(&sp.titles),
                "descriptors" => list(&sp.descriptors),
                "anonymous" => sp.anonymous.to_string(),
                "anonymity" => sp
                    .anonymity
                    .map_or("none".to_owned(), |a| full[a].to_owned()),
                _ => panic!("case {:?}: unknown key {key:?}", case.name),
            };
            if &got != want {
                problems.push(format!("@{label} {key}: got {got:?}, expected {want:?}"));
            }
        }
    }
    if !problems.is_empty() {
        problems.push(describe(&full, &out));
    }
    problems
}

#[test]
fn marked_up_cases() {
    let cases = parse_cases(CASES);
    assert!(cases.len() >= 15, "only {} cases", cases.len());
    let mut failed = Vec::new();
    for case in &cases {
        let problems = check(case, "");
        if !problems.is_empty() {
            failed.push(format!(
                "case {:?} (speakers.txt:{}):\n  {}",
                case.name,
                case.line,
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

/// Every span moves with the text: the same cases after an unrelated
/// paragraph (with a non-ASCII character, so byte offsets are tested).
#[test]
fn cases_shifted_by_a_prefix() {
    let prefix = "Rain fell over Zürich all night.\n\n";
    for case in parse_cases(CASES) {
        let problems = check(&case, prefix);
        assert!(
            problems.is_empty(),
            "case {:?} shifted by a prefix:\n  {}",
            case.name,
            problems.join("\n  ")
        );
    }
}

/// Every claim's speaker lists the claim's source among its mentions; ids
/// are indexes; mentions are in text order.
#[test]
fn speakers_are_consistent_on_the_fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no {}", dir.display());
        return;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let out = extract(&text);
        for (i, s) in out.speakers.iter().enumerate() {
            assert_eq!(s.id, i);
            assert!(!s.mentions.is_empty() && !s.name.is_empty());
            assert!(s.mentions.windows(2).all(|w| w[0].start < w[1].start));
            assert_eq!(s.anonymous, s.anonymity.is_some() || s.anonymous);
        }
        for c in &out.claims {
            let Some(id) = c.speaker else { continue };
            let src = c.source.as_ref().expect("a speaker without a source");
            assert!(
                out.speakers[id].mentions.contains(&src.spans[0]),
                "{}: {:?} not a mention of {:?}",
                e.path().display(),
                &text[src.spans[0]],
                out.speakers[id].name
            );
            n += 1;
        }
    }
    assert!(n > 0, "no claim with a speaker in the fixtures");
}

#[test]
fn json_round_trips_with_speakers() {
    let text = "“We are ready,” said Defense Minister Ana Ruiz. Ruiz said the drills would end.";
    let out = extract(text);
    assert_eq!(out.speakers.len(), 1);
    let json = serde_json::to_string(&out).unwrap();
    assert!(json.contains("\"speakers\":[{\"id\":0,\"name\":\"Ana Ruiz\",\"kind\":\"person\""));
    assert!(json.contains("\"speaker\":0"));
    let back: Extraction = serde_json::from_str(&json).unwrap();
    assert_eq!(back, out);
}

// ---------------------------------------------------------------------------
// The seed article: pairwise same-speaker F1 against the gold `entity`.

/// Characters trimmed from both ends of a content span (score.py's TRIM_CHARS).
const TRIM: &str = "\"'\u{201c}\u{201d}\u{201e}\u{201f}\u{ab}\u{bb}\u{2018}\u{2019}\u{201a}\u{201b}\u{2039}\u{203a}\u{ff02},.;:";

/// score.py's content tokens: the whitespace-separated tokens touched by
/// each content span after trimming spaces, quotation marks and ",.;:".
fn content_tokens(text: &str, words: &[(usize, usize)], spans: &[(usize, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    for &(s, e) in spans {
        let piece = &text[s..e];
        let trimmed_start =
            piece.trim_start_matches(|c: char| c.is_whitespace() || TRIM.contains(c));
        let ts = e - trimmed_start.len();
        let trimmed =
            trimmed_start.trim_end_matches(|c: char| c.is_whitespace() || TRIM.contains(c));
        let te = ts + trimmed.len();
        if te <= ts {
            continue;
        }
        out.extend(
            words
                .iter()
                .enumerate()
                .filter(|(_, &(a, b))| b > ts && a < te)
                .map(|(i, _)| i),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn dice(a: &[usize], b: &[usize]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// score.py's partial matching: pairs with Dice ≥ 0.5 on content tokens,
/// best first (ties: gold index, then predicted index), one to one.
fn greedy_match(gold: &[Vec<usize>], pred: &[Vec<usize>]) -> BTreeMap<usize, usize> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let sc = dice(g, p);
            if sc >= 0.5 {
                cands.push((sc, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = BTreeMap::new();
    for (_, gi, pi) in cands {
        if !used_g[gi] && !used_p[pi] {
            used_g[gi] = true;
            used_p[pi] = true;
            out.insert(gi, pi);
        }
    }
    out
}

/// Over all pairs of gold claims: precision, recall and F1 of "same
/// speaker", where a pair is predicted the same when both claims are matched
/// and their predicted claims have the same speaker id.
fn pairwise_f1(entities: &[String], predicted: &[Option<usize>]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for i in 0..entities.len() {
        for j in i + 1..entities.len() {
            let gold = entities[i] == entities[j];
            let pred = predicted[i].is_some() && predicted[i] == predicted[j];
            match (gold, pred) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[test]
fn pairwise_f1_helper() {
    let e = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // Perfect.
    let (_, _, f) = pairwise_f1(&e(&["a", "a", "b"]), &[Some(0), Some(0), Some(1)]);
    assert_eq!(f, 1.0);
    // Everything merged: 1 true pair, 2 false ones.
    let (p, r, _) = pairwise_f1(&e(&["a", "a", "b"]), &[Some(0), Some(0), Some(0)]);
    assert_eq!((p, r), (1.0 / 3.0, 1.0));
    // Unresolved claims are never the same speaker.
    let (_, r, _) = pairwise_f1(&e(&["a", "a"]), &[None, None]);
    assert_eq!(r, 0.0);
}

#[test]
fn greedy_match_is_one_to_one_best_first() {
    let words = vec![vec![0, 1, 2, 3], vec![4, 5]];
    let pred = vec![vec![0, 1, 2], vec![0, 1, 2, 3], vec![9]];
    let m = greedy_match(&words, &pred);
    assert_eq!(m.get(&0), Some(&1));
    assert_eq!(m.get(&1), None);
}

#[test]
fn seed_article_pairwise_same_speaker_f1() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article.gold.jsonl");
    let Ok(file) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not there", path.display());
        return;
    };
    let doc: serde_json::Value = serde_json::from_str(file.lines().next().unwrap()).unwrap();
    let text = doc["text"].as_str().unwrap();
    let words: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    v.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            v.push((s, text.len()));
        }
        v
    };
    let spans = |v: &serde_json::Value| -> Vec<(usize, usize)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p[0].as_u64().unwrap() as usize,
                    p[1].as_u64().unwrap() as usize,
                )
            })
            .collect()
    };
    let gold_claims = doc["claims"].as_array().unwrap();
    let gold: Vec<Vec<usize>> = gold_claims
        .iter()
        .map(|c| content_tokens(text, &words, &spans(&c["content"])))
        .collect();
    let entities: Vec<String> = gold_claims
        .iter()
        .map(|c| c["entity"].as_str().unwrap().to_owned())
        .collect();
    let out = extract(text);
    let pred: Vec<Vec<usize>> = out
        .claims
        .iter()
        .map(|c| {
            let v: Vec<(usize, usize)> = c.content.iter().map(|s| (s.start, s.end)).collect();
            content_tokens(text, &words, &v)
        })
        .collect();
    let matched = greedy_match(&gold, &pred);
    let predicted: Vec<Option<usize>> = (0..gold.len())
        .map(|g| matched.get(&g).and_then(|&p| out.claims[p].speaker))
        .collect();
    let (p, r, f) = pairwise_f1(&entities, &predicted);
    println!(
        "seed pairwise same-speaker: P {p:.3} R {r:.3} F1 {f:.3} ({} of {} gold claims matched, {} speakers)",
        matched.len(),
        gold.len(),
        out.speakers.len()
    );
    for (g, e) in entities.iter().enumerate() {
        let sp = predicted[g].map(|id| out.speakers[id].name.as_str());
        println!("  {e:<45} → {sp:?}");
    }
    assert!(f >= 0.9, "seed pairwise same-speaker F1 {f:.3} < 0.9");
}

/// Prints claims and speakers of `$SPEAKERS_TEXT` (for writing cases):
/// `SPEAKERS_TEXT='…' cargo test --test speakers show -- --ignored --nocapture`.
#[test]
#[ignore]
fn show() {
    let text = std::env::var("SPEAKERS_TEXT").unwrap_or_default();
    print!("{}", describe(&text, &extract(&text)));
}
