//! The `claimant` command-line tool: documents in (text files, folders,
//! JSONL, standard input), claims out (JSON lines), and `claimant eval`.
//!
//! Input is streamed in batches (see [`input::BATCH_DOCS`] and
//! [`input::BATCH_BYTES`]): a batch is read, its documents are extracted
//! and formatted in parallel, the results are written in input order, and
//! the next batch is read into the same buffer. Memory is bounded by one
//! batch plus the largest single document, whatever the input size.

#![forbid(unsafe_code)]

mod args;
mod eval_cmd;
mod input;
mod output;
mod progress;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use claimant::Extractor;
use rayon::prelude::*;

use crate::args::{Color, Command, Format, InputMode, Options};
use crate::input::{Batch, Input, ItemKind, Source};
use crate::progress::Progress;

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)) {
        Err(msg) => {
            eprintln!("claimant: {msg}\nTry `claimant --help`.");
            ExitCode::from(2)
        }
        Ok(Command::Help(text)) => print(text),
        Ok(Command::Version) => print(&format!("claimant {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Command::Eval(o)) => eval_cmd::run(&o),
        Ok(Command::Extract(o)) => extract(&o),
    }
}

/// Prints to standard output; a closed pipe is not an error.
fn print(text: &str) -> ExitCode {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("claimant: {}", input::io_message(&e));
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// What every worker needs to turn a raw document into output.
struct Cx<'a> {
    extractor: Extractor,
    format: Format,
    color: bool,
    sources: output::SourceSpans,
    lossy: bool,
    inputs: &'a [Input],
}

/// A processed document: its output bytes and claim count, or a message
/// naming the file (and line) that failed.
type Outcome = Result<(Vec<u8>, usize), String>;

fn extract(o: &Options) -> ExitCode {
    let mut builder = Extractor::builder();
    builder
        .nested(!o.outermost)
        .include_that(o.include_that)
        .speakers(!o.no_speakers);
    if let Some(cues) = &o.cues {
        builder.only_categories(cues);
    }
    let extractor = match builder.build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("claimant: {e}");
            return ExitCode::from(2);
        }
    };
    let jobs = o
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = if jobs > 1 {
        match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("claimant: cannot start {jobs} threads: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    let color = match o.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            // https://no-color.org: set and not empty means no color.
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            io::stdout().is_terminal() && !no_color
        }
    };
    let inputs = input::expand(&o.paths);
    let cx = Cx {
        extractor,
        format: o.format,
        color,
        sources: output::SourceSpans {
            joined: o.join_sources,
            asides: o.source_asides,
        },
        lossy: o.lossy,
        inputs: &inputs,
    };
    let mut progress = Progress::new(input::total_size(&inputs), o.stats, o.quiet);
    let mut out = BufWriter::with_capacity(256 << 10, io::stdout().lock());
    let result =
        run(&cx, o.input, pool.as_ref(), &mut out, &mut progress).and_then(|()| out.flush());
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            // `claimant … | head`: the reader has all it wants.
            progress.clear();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            progress.error(&format!("writing the output: {}", input::io_message(&e)));
            progress.finish();
            return ExitCode::FAILURE;
        }
    }
    progress.finish();
    if progress.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads every input into batches and flushes each full batch; `Err` only
/// when the output cannot be written (input errors are reported and
/// counted, and the run goes on).
fn run(
    cx: &Cx<'_>,
    forced: Option<InputMode>,
    pool: Option<&rayon::ThreadPool>,
    out: &mut impl Write,
    progress: &mut Progress,
) -> io::Result<()> {
    let mut batch = Batch::default();
    for (i, inp) in cx.inputs.iter().enumerate() {
        if matches!(inp.source, Source::Stdin) && io::stdin().is_terminal() {
            // `claimant` alone, typed at a prompt, would otherwise just wait.
            progress
                .note("reading standard input; end it with Ctrl-D (or pass a PATH; see --help)");
        }
        let mut opened = match input::open(inp, forced) {
            Ok(o) => o,
            Err(msg) => {
                batch.fail(i, 0, msg);
                if batch.is_full() {
                    flush(cx, &mut batch, pool, out, progress)?;
                }
                continue;
            }
        };
        match opened.mode {
            InputMode::Text => {
                // A big file goes into a batch of its own.
                let size = match &inp.source {
                    Source::File(p) => std::fs::metadata(p).map_or(0, |m| m.len() as usize),
                    _ => 0,
                };
                if !batch.items.is_empty() && batch.buf.len() + size > input::BATCH_BYTES {
                    flush(cx, &mut batch, pool, out, progress)?;
                }
                progress.bytes += batch.read_text(i, &mut *opened.reader) as u64;
                if batch.is_full() {
                    flush(cx, &mut batch, pool, out, progress)?;
                }
            }
            InputMode::Jsonl => {
                let mut line = 0;
                loop {
                    let n = batch.read_line(i, &mut line, &mut *opened.reader);
                    progress.bytes += n as u64;
                    if batch.is_full() {
                        flush(cx, &mut batch, pool, out, progress)?;
                    }
                    if n == 0 {
                        break;
                    }
                }
            }
        }
    }
    flush(cx, &mut batch, pool, out, progress)
}

/// Processes a batch (in parallel when there is a pool), writes its
/// documents in order, reports its errors, and empties it.
fn flush(
    cx: &Cx<'_>,
    batch: &mut Batch,
    pool: Option<&rayon::ThreadPool>,
    out: &mut impl Write,
    progress: &mut Progress,
) -> io::Result<()> {
    if batch.items.is_empty() {
        return Ok(());
    }
    let buf = &batch.buf;
    let outcomes: Vec<Outcome> = match pool {
        Some(pool) => pool.install(|| {
            batch
                .items
                .par_iter()
                .with_max_len(1)
                .map(|item| process(cx, item, buf))
                .collect()
        }),
        None => batch
            .items
            .iter()
            .map(|item| process(cx, item, buf))
            .collect(),
    };
    for outcome in outcomes {
        match outcome {
            Ok((bytes, claims)) => {
                out.write_all(&bytes)?;
                progress.docs += 1;
                progress.claims += claims as u64;
            }
            Err(msg) => progress.error(&msg),
        }
    }
    out.flush()?;
    batch.clear();
    progress.tick();
    Ok(())
}

fn process(cx: &Cx<'_>, item: &input::Item, buf: &[u8]) -> Outcome {
    let name = cx.inputs[item.input].name.as_str();
    let at = |msg: String| {
        if item.line > 0 {
            format!("{name}:{}: {msg}", item.line)
        } else {
            format!("{name}: {msg}")
        }
    };
    let range = match &item.kind {
        ItemKind::Failed(msg) => return Err(at(msg.clone())),
        ItemKind::Doc(range) => range.clone(),
    };
    let bytes = &buf[range];
    let mut repaired = String::new();
    let doc = if item.line == 0 {
        input::text_doc(name, bytes, cx.lossy)
    } else {
        input::parse_line(name, item.line, bytes, cx.lossy, &mut repaired)
    }
    .map_err(at)?;
    // The library promises not to panic; if it ever does, one document is
    // lost and reported, not the whole stream.
    let ex = catch_unwind(AssertUnwindSafe(|| cx.extractor.extract(&doc.text))).map_err(|_| {
        at("internal error: the extractor panicked on this document (please report it)".into())
    })?;
    let mut out = Vec::new();
    output::write_doc(&mut out, &doc, &ex, cx.format, cx.color, cx.sources);
    Ok((out, ex.claims.len()))
}
