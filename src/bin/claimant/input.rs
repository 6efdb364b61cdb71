//! Where documents come from: paths expanded into inputs, inputs read into
//! batches of raw documents, and raw documents decoded into text.
//!
//! Nothing here holds more than one batch: a JSONL input of any size is read
//! a line at a time into the batch buffer, and a text file is read once,
//! straight into it.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::args::InputMode;

/// A batch is flushed when it holds this many documents…
pub const BATCH_DOCS: usize = 1000;
/// …or this many bytes, whichever comes first.
pub const BATCH_BYTES: usize = 4 << 20;

/// One file, or standard input, to read.
#[derive(Debug)]
pub struct Input {
    /// For messages, and the id of a text document.
    pub name: String,
    pub source: Source,
}

#[derive(Debug)]
pub enum Source {
    Stdin,
    File(PathBuf),
    /// A path that could not be listed; reported when its turn comes, so
    /// that errors appear in input order.
    Error(String),
}

/// The name of standard input in messages and ids.
pub const STDIN_NAME: &str = "<stdin>";

/// Expands the command-line paths: `-` is standard input, a folder is its
/// files, recursively, in sorted order (hidden entries, whose names start
/// with `.`, are skipped, as are symbolic links to folders inside it).
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    if paths.is_empty() {
        inputs.push(stdin_input());
    }
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(stdin_input());
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut inputs),
            Ok(_) => inputs.push(file_input(path.clone())),
            Err(e) => inputs.push(Input {
                name: path.display().to_string(),
                source: Source::Error(io_message(&e)),
            }),
        }
    }
    inputs
}

fn stdin_input() -> Input {
    Input {
        name: STDIN_NAME.to_owned(),
        source: Source::Stdin,
    }
}

fn file_input(path: PathBuf) -> Input {
    Input {
        name: path.display().to_string(),
        source: Source::File(path),
    }
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let mut entries = match entries {
        Ok(e) => e,
        Err(e) => {
            inputs.push(Input {
                name: dir.display().to_string(),
                source: Source::Error(io_message(&e)),
            });
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                if !is_link {
                    walk(&path, inputs);
                }
            }
            Ok(_) => inputs.push(file_input(path)),
            Err(e) => inputs.push(Input {
                name: path.display().to_string(),
                source: Source::Error(io_message(&e)),
            }),
        }
    }
}

/// `No such file or directory` rather than `No such file or directory (os
/// error 2)`.
pub fn io_message(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Total size of the file inputs, for the progress bar; `None` when
/// standard input is among them.
pub fn total_size(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        match &input.source {
            Source::Stdin => return None,
            Source::File(p) => total += std::fs::metadata(p).map_or(0, |m| m.len()),
            Source::Error(_) => {}
        }
    }
    Some(total)
}

/// An opened input and how to read it.
pub struct Opened {
    pub mode: InputMode,
    pub reader: Box<dyn BufRead>,
}

/// Opens an input; `forced` is `--input`. Without it, `*.jsonl` files and
/// standard input whose first non-blank byte is `{` are JSONL.
pub fn open(input: &Input, forced: Option<InputMode>) -> Result<Opened, String> {
    match &input.source {
        Source::Error(msg) => Err(msg.clone()),
        Source::File(path) => {
            let file = File::open(path).map_err(|e| io_message(&e))?;
            let mode = forced.unwrap_or_else(|| {
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") {
                    InputMode::Jsonl
                } else {
                    InputMode::Text
                }
            });
            Ok(Opened {
                mode,
                reader: Box::new(BufReader::with_capacity(64 << 10, file)),
            })
        }
        Source::Stdin => {
            let mut stdin = io::stdin().lock();
            if let Some(mode) = forced {
                return Ok(Opened {
                    mode,
                    reader: Box::new(stdin),
                });
            }
            let (mode, prefix) = sniff(&mut stdin).map_err(|e| io_message(&e))?;
            Ok(Opened {
                mode,
                reader: Box::new(Cursor::new(prefix).chain(stdin)),
            })
        }
    }
}

/// Looks at the first non-blank byte of `r` without losing anything: the
/// blank bytes consumed on the way are returned, to be read again first.
fn sniff(r: &mut impl BufRead) -> io::Result<(InputMode, Vec<u8>)> {
    let mut prefix = Vec::new();
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((InputMode::Text, prefix));
        }
        let body = buf.strip_prefix("\u{feff}".as_bytes()).unwrap_or(buf);
        if let Some(&b) = body.iter().find(|b| !b.is_ascii_whitespace()) {
            let mode = if b == b'{' {
                InputMode::Jsonl
            } else {
                InputMode::Text
            };
            return Ok((mode, prefix));
        }
        let n = buf.len();
        prefix.extend_from_slice(buf);
        r.consume(n);
    }
}

/// Raw documents waiting to be processed, all in one reusable buffer.
#[derive(Debug, Default)]
pub struct Batch {
    pub buf: Vec<u8>,
    pub items: Vec<Item>,
}

#[derive(Debug)]
pub struct Item {
    /// Index into the inputs.
    pub input: usize,
    /// 1-based line number for JSONL, 0 for a whole text document.
    pub line: usize,
    pub kind: ItemKind,
}

#[derive(Debug)]
pub enum ItemKind {
    /// A document's bytes: `buf[range]`.
    Doc(Range<usize>),
    /// An input or a line that failed before it became a document.
    Failed(String),
}

impl Batch {
    pub fn is_full(&self) -> bool {
        self.items.len() >= BATCH_DOCS || self.buf.len() >= BATCH_BYTES
    }

    pub fn clear(&mut self) {
        self.items.clear();
        self.buf.clear();
        // One huge document must not pin its memory for all the documents after it.
        if self.buf.capacity() > 4 * BATCH_BYTES {
            self.buf = Vec::new();
        }
    }

    pub fn fail(&mut self, input: usize, line: usize, msg: String) {
        self.items.push(Item {
            input,
            line,
            kind: ItemKind::Failed(msg),
        });
    }

    /// Reads the whole of `r` as one document. Returns the bytes read.
    pub fn read_text(&mut self, input: usize, r: &mut dyn BufRead) -> usize {
        let start = self.buf.len();
        match r.read_to_end(&mut self.buf) {
            Ok(n) => {
                self.items.push(Item {
                    input,
                    line: 0,
                    kind: ItemKind::Doc(start..start + n),
                });
                n
            }
            Err(e) => {
                self.buf.truncate(start);
                self.fail(input, 0, io_message(&e));
                0
            }
        }
    }

    /// Reads the next line of a JSONL input (blank lines are skipped).
    /// Returns the bytes read, 0 at the end of input or after an error.
    pub fn read_line(&mut self, input: usize, line: &mut usize, r: &mut dyn BufRead) -> usize {
        loop {
            let start = self.buf.len();
            let n = match r.read_until(b'\n', &mut self.buf) {
                Ok(n) => n,
                Err(e) => {
                    self.buf.truncate(start);
                    self.fail(input, *line + 1, io_message(&e));
                    return 0;
                }
            };
            if n == 0 {
                return 0;
            }
            *line += 1;
            if self.buf[start..].iter().all(u8::is_ascii_whitespace) {
                self.buf.truncate(start);
                continue;
            }
            self.items.push(Item {
                input,
                line: *line,
                kind: ItemKind::Doc(start..start + n),
            });
            return n;
        }
    }
}

/// A decoded document.
#[derive(Debug)]
pub struct Doc<'a> {
    pub id: Id<'a>,
    pub text: Cow<'a, str>,
    /// Invalid UTF-8 was replaced (`--lossy`).
    pub lossy: bool,
}

/// A document id as given: a path, or a JSONL id (string or number), or
/// the `FILE:LINE` made up for a JSONL line without one.
#[derive(Debug)]
pub enum Id<'a> {
    Str(Cow<'a, str>),
    Json(serde_json::Value),
}

impl serde::Serialize for Id<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Str(v) => s.serialize_str(v),
            Id::Json(v) => v.serialize(s),
        }
    }
}

impl std::fmt::Display for Id<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Id::Str(v) => f.write_str(v),
            Id::Json(serde_json::Value::String(v)) => f.write_str(v),
            Id::Json(v) => write!(f, "{v}"),
        }
    }
}

fn utf8_error(bytes: &[u8], e: std::str::Utf8Error, what: &str) -> String {
    let at = e.valid_up_to();
    let bad: Vec<String> = bytes[at..]
        .iter()
        .take(e.error_len().unwrap_or(1))
        .map(|b| format!("{b:#04x}"))
        .collect();
    format!(
        "{what} is not valid UTF-8 (byte {} at offset {at}); use --lossy to replace invalid bytes",
        bad.join(" ")
    )
}

/// Decodes a text document: the file's bytes are the text.
pub fn text_doc<'a>(name: &'a str, bytes: &'a [u8], lossy: bool) -> Result<Doc<'a>, String> {
    let (text, repaired) = decode(bytes, lossy, "the file")?;
    Ok(Doc {
        id: Id::Str(Cow::Borrowed(name)),
        text,
        lossy: repaired,
    })
}

fn decode<'a>(bytes: &'a [u8], lossy: bool, what: &str) -> Result<(Cow<'a, str>, bool), String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), false)),
        Err(_) if lossy => Ok((
            Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
            true,
        )),
        Err(e) => Err(utf8_error(bytes, e, what)),
    }
}

#[derive(Deserialize)]
struct Line<'a> {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// Decodes one JSONL line `{"id": …, "text": …, …}`; other fields are
/// ignored, a missing or null id becomes `name:line`. The text borrows from
/// `line` when it has no escapes, and from `repaired` after `--lossy` repair.
pub fn parse_line<'a>(
    name: &str,
    line_no: usize,
    line: &'a [u8],
    lossy: bool,
    repaired: &'a mut String,
) -> Result<Doc<'a>, String> {
    let (s, was_lossy) = match decode(line, lossy, "the line")? {
        (Cow::Borrowed(s), _) => (s, false),
        (Cow::Owned(s), _) => {
            *repaired = s;
            (repaired.as_str(), true)
        }
    };
    let s = if line_no == 1 {
        s.strip_prefix('\u{feff}').unwrap_or(s)
    } else {
        s
    };
    if !s.trim_start().starts_with('{') {
        return Err("not a JSON object".to_owned());
    }
    let doc: Line<'a> = serde_json::from_str(s).map_err(|e| {
        let msg = e.to_string();
        // One line is one document: the column is all that helps.
        let msg = match msg.rfind(" at line ") {
            Some(i) => format!("{} at column {}", &msg[..i], e.column()),
            None => msg,
        };
        match e.classify() {
            serde_json::error::Category::Data if msg.starts_with("missing field") => msg,
            serde_json::error::Category::Data => format!("field \"text\": {msg}"),
            _ => format!("invalid JSON: {msg}"),
        }
    })?;
    let id = match doc.id {
        None | Some(serde_json::Value::Null) => Id::Str(Cow::Owned(format!("{name}:{line_no}"))),
        Some(v @ (serde_json::Value::String(_) | serde_json::Value::Number(_))) => Id::Json(v),
        Some(_) => return Err("field \"id\" must be a string or a number".to_owned()),
    };
    Ok(Doc {
        id,
        text: doc.text,
        lossy: was_lossy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<(String, String), String> {
        let mut rep = String::new();
        parse_line("f.jsonl", 3, line.as_bytes(), false, &mut rep)
            .map(|d| (serde_json::to_string(&d.id).unwrap(), d.text.into_owned()))
    }

    #[test]
    fn lines() {
        assert_eq!(
            parse(r#"{"id": "a", "text": "Hi.", "claims": []}"#),
            Ok(("\"a\"".into(), "Hi.".into()))
        );
        assert_eq!(
            parse(r#"{"id": 7, "text": "Hi\n."}"#),
            Ok(("7".into(), "Hi\n.".into()))
        );
        assert_eq!(
            parse(r#"{"text": "x"}"#),
            Ok(("\"f.jsonl:3\"".into(), "x".into()))
        );
        assert!(parse(r#"{"id": "a"}"#)
            .unwrap_err()
            .contains("missing field `text`"));
        assert!(parse(r#"{"text": 5}"#).unwrap_err().contains("\"text\""));
        assert!(parse(r#"{"text": "#)
            .unwrap_err()
            .starts_with("invalid JSON"));
        assert!(parse(r#"[1]"#).unwrap_err().contains("object"));
        assert!(parse(r#"{"id": [1], "text": "x"}"#)
            .unwrap_err()
            .contains("\"id\""));
    }

    #[test]
    fn lossy_lines() {
        let line = b"{\"id\": 1, \"text\": \"a\xffb\"}";
        let mut rep = String::new();
        assert!(parse_line("f", 1, line, false, &mut rep)
            .unwrap_err()
            .contains("UTF-8"));
        let doc = parse_line("f", 1, line, true, &mut rep).unwrap();
        assert_eq!(doc.text, "a\u{fffd}b");
        assert!(doc.lossy);
    }

    #[test]
    fn sniffing() {
        for (input, mode, rest) in [
            ("  \n{\"text\": 1}", InputMode::Jsonl, "  \n{\"text\": 1}"),
            ("He said so.", InputMode::Text, "He said so."),
            ("", InputMode::Text, ""),
            ("\u{feff}{}", InputMode::Jsonl, "\u{feff}{}"),
        ] {
            // A tiny buffer, so that the blank prefix spans several fills.
            let mut r = BufReader::with_capacity(3, input.as_bytes());
            let (m, prefix) = sniff(&mut r).unwrap();
            assert_eq!(m, mode, "{input:?}");
            let mut all = String::from_utf8(prefix).unwrap();
            r.read_to_string(&mut all).unwrap();
            assert_eq!(all, rest);
        }
    }
}
