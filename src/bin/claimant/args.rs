//! Command-line parsing, by hand with `std`: the grammar is small and a
//! parser crate would cost more compile time than it saves.

use std::ffi::OsString;
use std::path::PathBuf;

use claimant::CueCategory;

pub const USAGE: &str = "\
claimant: find attributed claims (who said what, through which cue) in English news text

Usage: claimant [OPTIONS] [PATH]...
       claimant eval GOLD PRED [--json] [--direct-only]

Each PATH is a file or a folder (its files, recursively, in sorted order;
names starting with `.` are skipped). No PATH, or `-`, reads standard input.
Output: one JSON line per document, in input order, on standard output.
Input is streamed in batches (1,000 documents or 4 MB): memory stays bounded
by one batch plus the largest document, whatever the size of the input.

Input:
      --input <text|jsonl>   text: a file is one document, its id is its path.
                             jsonl: one document a line, {\"id\": …, \"text\": …};
                             other fields are ignored; a missing id becomes FILE:LINE.
                             Default: jsonl for *.jsonl files and for standard
                             input that starts with `{`, text otherwise.
      --lossy                Replace bytes that are not UTF-8 with U+FFFD instead of
                             failing; offsets then refer to the repaired text and the
                             document's output line gets \"lossy\": true.

Output:
      --format <FORMAT>      json (default): the library's whole output, {\"id\",
                               \"claims\": [...], ...}, every field of every claim
                               (cue lemma and category, source kind, confidence,
                               rule, parent, sentence).
                             claims-jsonl: the evaluation format ({\"id\", \"claims\":
                               [{\"kind\", \"content\", \"source\", \"cue\",
                               \"speaker\"}], \"speakers\": [...]}).
                             pretty: for reading; a header per document, then
                               `source | cue | content` per claim.
      --color <WHEN>         Color for --format pretty: auto (default: when standard
                             output is a terminal and NO_COLOR is unset), always, never.

Extraction:
      --outermost            Leave out claims nested in another claim's content.
      --include-that         Content keeps the complementizer after its cue
                             (\"said that it …\": \"that it …\"), as PolNeAR marks it.
      --join-sources         claims-jsonl: a coordinated source is one span over its
                             names (\"Clinton and Sanders\"), as PolNeAR marks it;
                             otherwise one span per name, as the library gives them.
      --source-asides        claims-jsonl: a source runs on over its appositive or
                             relative clause (\"Ada Ruiz, a nurse at the clinic,\"),
                             as PolNeAR marks it; otherwise the name alone (the
                             aside is the source's \"aside\" in --format json).
      --cues <LIST>          Only cues of these categories, comma-separated:
                             speech,writing,according,colon,belief,evidence,stance.
      --speech-only          Same as --cues speech.
      --no-speakers          Do not resolve speakers (a fifth less time; every
                             claim's speaker is null and speakers is empty).

Running:
  -j, --jobs <N>             Documents processed in parallel (default: the number of
                             CPUs). The output is the same for every N.
      --stats                Print the one-line summary (documents, claims, errors,
                             MB/s) on standard error even when it is not a terminal.
  -q, --quiet                No progress bar and no summary (errors are still printed).
  -h, --help                 Print this help.
  -V, --version              Print the version.

Standard error shows a progress bar on long runs and a summary at the end, both
only when it is a terminal (the summary also with --stats); scripted runs stay quiet.

Exit status: 0 when every document was processed; 1 when some input or document
failed (each failure is reported on standard error, naming the file and line;
the other documents are still written); 2 on a usage error.
A closed standard output (`claimant … | head`) ends the run quietly with status 0.

Run `claimant eval --help` for the scorer.
";

pub const EVAL_USAGE: &str = "\
claimant eval: score claims-jsonl predictions against gold (the same metrics and
table as score.py)

Usage: claimant eval GOLD PRED [--json] [--direct-only]

      --json          Print one JSON object instead of a table.
      --direct-only   Gold: only claims of kind direct; predictions: only claims of
                      kind direct or whose content is entirely quoted.
  -h, --help          Print this help.

Exit status: 0 on success, 2 on an input error (bad JSON, duplicate ids, a gold
document without text).
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputMode {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    ClaimsJsonl,
    Pretty,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub input: Option<InputMode>,
    pub format: Format,
    pub color: Color,
    pub outermost: bool,
    pub include_that: bool,
    pub join_sources: bool,
    pub source_asides: bool,
    pub no_speakers: bool,
    /// `None`: every category.
    pub cues: Option<Vec<CueCategory>>,
    /// `None`: the number of CPUs.
    pub jobs: Option<usize>,
    pub lossy: bool,
    pub stats: bool,
    pub quiet: bool,
}

#[derive(Debug)]
pub struct EvalOptions {
    pub gold: PathBuf,
    pub pred: PathBuf,
    pub json: bool,
    pub direct_only: bool,
}

#[derive(Debug)]
pub enum Command {
    Extract(Options),
    Eval(EvalOptions),
    Help(&'static str),
    Version,
}

/// Splits `--name=value`, `-jN` and plain arguments; the rest of the
/// grammar is in [`parse`].
struct Args {
    rest: std::vec::IntoIter<OsString>,
    /// The value glued to the last option (`--jobs=4`, `-j4`).
    glued: Option<OsString>,
    /// After `--`, everything is a path.
    only_paths: bool,
}

enum Arg {
    Long(String),
    Short(char),
    Value(OsString),
}

impl Args {
    fn next(&mut self) -> Result<Option<Arg>, String> {
        if let Some(v) = self.glued.take() {
            return Err(format!(
                "unexpected value {:?} for an option that takes none",
                v.to_string_lossy()
            ));
        }
        let Some(arg) = self.rest.next() else {
            return Ok(None);
        };
        if self.only_paths {
            return Ok(Some(Arg::Value(arg)));
        }
        let Some(s) = arg.to_str() else {
            // Not UTF-8: only a path can be that.
            return Ok(Some(Arg::Value(arg)));
        };
        if s == "--" {
            self.only_paths = true;
            return self.next();
        }
        if let Some(long) = s.strip_prefix("--") {
            return Ok(Some(match long.split_once('=') {
                Some((name, value)) => {
                    self.glued = Some(value.into());
                    Arg::Long(name.to_owned())
                }
                None => Arg::Long(long.to_owned()),
            }));
        }
        if let Some(short) = s.strip_prefix('-') {
            let mut chars = short.chars();
            if let Some(c) = chars.next() {
                let tail = chars.as_str();
                if !tail.is_empty() {
                    self.glued = Some(tail.strip_prefix('=').unwrap_or(tail).into());
                }
                return Ok(Some(Arg::Short(c)));
            }
        }
        // Includes `-`, standard input.
        Ok(Some(Arg::Value(arg)))
    }

    fn value(&mut self, name: &str) -> Result<String, String> {
        let v = match self.glued.take() {
            Some(v) => v,
            None => self
                .rest
                .next()
                .ok_or_else(|| format!("{name} needs a value"))?,
        };
        v.into_string()
            .map_err(|v| format!("{name}: not UTF-8: {:?}", v.to_string_lossy()))
    }
}

pub fn parse(argv: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let argv: Vec<OsString> = argv.into_iter().collect();
    if argv.first().is_some_and(|a| a == "eval") {
        return parse_eval(argv.into_iter().skip(1).collect());
    }
    let mut args = Args {
        rest: argv.into_iter(),
        glued: None,
        only_paths: false,
    };
    let mut o = Options {
        paths: Vec::new(),
        input: None,
        format: Format::Json,
        color: Color::Auto,
        outermost: false,
        include_that: false,
        join_sources: false,
        source_asides: false,
        no_speakers: false,
        cues: None,
        jobs: None,
        lossy: false,
        stats: false,
        quiet: false,
    };
    let mut speech_only = false;
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Value(v) => o.paths.push(v.into()),
            Arg::Short('h') => return Ok(Command::Help(USAGE)),
            Arg::Short('V') => return Ok(Command::Version),
            Arg::Short('j') => o.jobs = Some(jobs(&args.value("-j")?)?),
            Arg::Short('q') => o.quiet = true,
            Arg::Short(c) => return Err(format!("unknown option -{c}")),
            Arg::Long(name) => match name.as_str() {
                "help" => return Ok(Command::Help(USAGE)),
                "version" => return Ok(Command::Version),
                "input" => {
                    o.input = Some(match args.value("--input")?.as_str() {
                        "text" => InputMode::Text,
                        "jsonl" => InputMode::Jsonl,
                        other => {
                            return Err(format!("--input: expected text or jsonl, not {other:?}"))
                        }
                    })
                }
                "format" => {
                    o.format = match args.value("--format")?.as_str() {
                        "json" => Format::Json,
                        "claims-jsonl" => Format::ClaimsJsonl,
                        "pretty" => Format::Pretty,
                        other => {
                            return Err(format!(
                                "--format: expected json, claims-jsonl or pretty, not {other:?}"
                            ))
                        }
                    }
                }
                "color" | "colour" => {
                    o.color = match args.value("--color")?.as_str() {
                        "auto" => Color::Auto,
                        "always" => Color::Always,
                        "never" => Color::Never,
                        other => {
                            return Err(format!(
                                "--color: expected auto, always or never, not {other:?}"
                            ))
                        }
                    }
                }
                "outermost" => o.outermost = true,
                "include-that" => o.include_that = true,
                "join-sources" => o.join_sources = true,
                "source-asides" => o.source_asides = true,
                "no-speakers" => o.no_speakers = true,
                "speech-only" => speech_only = true,
                "cues" => o.cues = Some(cues(&args.value("--cues")?)?),
                "jobs" => o.jobs = Some(jobs(&args.value("--jobs")?)?),
                "lossy" => o.lossy = true,
                "stats" => o.stats = true,
                "quiet" => o.quiet = true,
                _ => return Err(format!("unknown option --{name}")),
            },
        }
    }
    if speech_only {
        if o.cues.is_some() {
            return Err("--speech-only and --cues cannot be used together".into());
        }
        o.cues = Some(vec![CueCategory::Speech]);
    }
    Ok(Command::Extract(o))
}

fn parse_eval(argv: Vec<OsString>) -> Result<Command, String> {
    let mut args = Args {
        rest: argv.into_iter(),
        glued: None,
        only_paths: false,
    };
    let mut files: Vec<PathBuf> = Vec::new();
    let (mut json, mut direct_only) = (false, false);
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Value(v) => files.push(v.into()),
            Arg::Short('h') => return Ok(Command::Help(EVAL_USAGE)),
            Arg::Long(name) => match name.as_str() {
                "help" => return Ok(Command::Help(EVAL_USAGE)),
                "json" => json = true,
                "direct-only" => direct_only = true,
                _ => return Err(format!("eval: unknown option --{name}")),
            },
            Arg::Short(c) => return Err(format!("eval: unknown option -{c}")),
        }
    }
    let [gold, pred]: [PathBuf; 2] = files
        .try_into()
        .map_err(|_| "eval needs two files: GOLD PRED".to_owned())?;
    Ok(Command::Eval(EvalOptions {
        gold,
        pred,
        json,
        direct_only,
    }))
}

fn jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "--jobs: expected a whole number of at least 1, not {s:?}"
        )),
    }
}

fn cues(list: &str) -> Result<Vec<CueCategory>, String> {
    let mut out = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match CueCategory::from_name(name) {
            Some(c) => out.push(c),
            None => {
                let known: Vec<&str> = CueCategory::ALL.iter().map(|c| c.name()).collect();
                return Err(format!(
                    "--cues: unknown category {name:?} (known: {})",
                    known.join(",")
                ));
            }
        }
    }
    if out.is_empty() {
        return Err("--cues: the list is empty".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    fn opts(args: &[&str]) -> Options {
        match p(args) {
            Ok(Command::Extract(o)) => o,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let o = opts(&[]);
        assert!(o.paths.is_empty());
        assert_eq!(o.format, Format::Json);
        assert_eq!(o.input, None);
        assert_eq!(o.jobs, None);
        assert!(o.cues.is_none() && !o.outermost && !o.lossy);
    }

    #[test]
    fn option_spellings() {
        for args in [
            &["-j", "3"][..],
            &["-j3"],
            &["-j=3"],
            &["--jobs", "3"],
            &["--jobs=3"],
        ] {
            assert_eq!(opts(args).jobs, Some(3), "{args:?}");
        }
        let o = opts(&[
            "--format=claims-jsonl",
            "a",
            "--outermost",
            "-",
            "--join-sources",
            "--source-asides",
            "--",
            "--b",
        ]);
        assert_eq!(o.format, Format::ClaimsJsonl);
        assert!(o.outermost);
        assert!(o.join_sources);
        assert!(o.source_asides);
        assert_eq!(
            o.paths,
            vec![PathBuf::from("a"), PathBuf::from("-"), PathBuf::from("--b")]
        );
    }

    #[test]
    fn cue_lists() {
        assert_eq!(
            opts(&["--speech-only"]).cues,
            Some(vec![CueCategory::Speech])
        );
        assert_eq!(
            opts(&["--cues", "speech, according"]).cues,
            Some(vec![CueCategory::Speech, CueCategory::According])
        );
        assert!(p(&["--cues", "gossip"]).unwrap_err().contains("gossip"));
        assert!(p(&["--cues", ""]).is_err());
        assert!(p(&["--cues", "speech", "--speech-only"]).is_err());
    }

    #[test]
    fn errors() {
        assert!(p(&["--jobs", "0"]).is_err());
        assert!(p(&["--jobs"]).is_err());
        assert!(p(&["--format", "xml"]).is_err());
        assert!(p(&["--frobnicate"]).is_err());
        assert!(p(&["-x"]).is_err());
        assert!(p(&["--outermost=yes"]).is_err());
    }

    #[test]
    fn eval_command() {
        match p(&["eval", "g.jsonl", "--json", "p.jsonl"]) {
            Ok(Command::Eval(e)) => {
                assert_eq!(e.gold, PathBuf::from("g.jsonl"));
                assert_eq!(e.pred, PathBuf::from("p.jsonl"));
                assert!(e.json && !e.direct_only);
            }
            other => panic!("{other:?}"),
        }
        assert!(p(&["eval", "g.jsonl"]).is_err());
        assert!(matches!(p(&["eval", "--help"]), Ok(Command::Help(_))));
    }
}
