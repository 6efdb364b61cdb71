//! The `claimant` binary, run as a user runs it (issue #4): inputs, output
//! formats, options, bad input, scale, and `claimant eval`.
//!
//! Run with `cargo test --features cli --test cli`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

#[path = "adversarial/families.rs"]
mod families;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

fn claimant() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimant"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs claimant with `args`, feeding `stdin`.
fn run_with(args: &[&str], stdin: &[u8], cwd: Option<&Path>) -> Out {
    let mut cmd = claimant();
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("spawn claimant");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // A thread, so that a large input cannot deadlock against the output.
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for claimant");
    feeder.join().unwrap();
    Out {
        code: out.status.code().expect("exit code (no signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str], stdin: &str) -> Out {
    run_with(args, stdin.as_bytes(), None)
}

/// A fresh directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("claimant-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const TWO_CLAIMS: &str = "“Iran and Iraq have so far kept a line,” said Mansour, a senior fellow. \
                          The ministry said the talks would resume on Oct. 7.";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn help_and_version() {
    let out = run(&["--help"], "");
    assert_eq!(out.code, 0);
    for needle in [
        "Usage: claimant [OPTIONS] [PATH]...",
        "claimant eval GOLD PRED [--json] [--direct-only]",
        "--input <text|jsonl>",
        "--format <FORMAT>",
        "claims-jsonl",
        "pretty",
        "--outermost",
        "--speech-only",
        "--cues <LIST>",
        "-j, --jobs <N>",
        "--stats",
        "--lossy",
        "--version",
        "NO_COLOR",
    ] {
        assert!(out.stdout.contains(needle), "--help lacks {needle:?}");
    }
    let out = run(&["-V"], "");
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout.trim(),
        format!("claimant {}", env!("CARGO_PKG_VERSION"))
    );
    let out = run(&["eval", "--help"], "");
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("--direct-only"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--format", "xml"][..],
        &["--input", "csv"],
        &["--frobnicate"],
        &["--jobs", "0"],
        &["-j", "many"],
        &["--cues", "speech,gossip"],
        &["--cues", "speech", "--speech-only"],
        &["eval", "only-one.jsonl"],
    ] {
        let out = run(args, "");
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            out.stderr.contains("claimant: "),
            "{args:?}: {}",
            out.stderr
        );
    }
}

/// `--format json` is the library's own serialization of every claim.
#[test]
fn json_output_is_the_full_serde_output() {
    let dir = TempDir::new("json");
    let path = dir.write("doc.txt", TWO_CLAIMS);
    let out = run(&[&path], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    let lines = out.lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], path.as_str());
    // Through a string, as the binary writes it: an f32 confidence reads
    // back as the f64 nearest its shortest decimal form.
    let expected = serde_json::to_string(&claimant::extract(TWO_CLAIMS)).unwrap();
    let expected: Value = serde_json::from_str(&expected).unwrap();
    for (key, value) in expected.as_object().unwrap() {
        assert_eq!(&lines[0][key], value, "{key}");
    }
    let first = &lines[0]["claims"][0];
    for key in [
        "kind",
        "content",
        "cue",
        "source",
        "parent",
        "sentence",
        "rule",
        "confidence",
    ] {
        assert!(first.get(key).is_some(), "claim lacks {key}: {first}");
    }
    assert_eq!(first["cue"]["lemma"], "say");
    assert_eq!(first["cue"]["category"], "speech");
    assert_eq!(first["source"]["kind"], "person");
    assert!(lines[0].get("lossy").is_none());
}

/// The evaluation format: exactly id and claims, each claim exactly kind,
/// content, source and cue, in UTF-8 byte offsets.
#[test]
fn claims_jsonl_output() {
    let text = format!("{TWO_CLAIMS} It is said that the vote was rigged.");
    let out = run(&["--format", "claims-jsonl"], &text);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    assert_eq!(lines.len(), 1);
    let doc = lines[0].as_object().unwrap();
    assert_eq!(doc.keys().collect::<Vec<_>>(), ["claims", "id", "speakers"]);
    assert_eq!(doc["id"], "<stdin>");
    let claims = doc["claims"].as_array().unwrap();
    assert!(claims.len() >= 2);
    let slice = |v: &Value| {
        let s = v.as_array().unwrap();
        &text[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize]
    };
    let c0 = claims[0].as_object().unwrap();
    let mut keys: Vec<&String> = c0.keys().collect();
    keys.sort();
    assert_eq!(keys, ["content", "cue", "kind", "source", "speaker"]);
    assert_eq!(c0["kind"], "direct");
    assert_eq!(
        slice(&c0["content"][0]),
        "“Iran and Iraq have so far kept a line,”"
    );
    assert_eq!(slice(&c0["cue"][0]), "said");
    assert_eq!(slice(&c0["source"][0]), "Mansour");
    // Every claim has a source list, empty when no one is named, and a
    // speaker, null when there is none: "It is said …" has no source.
    for c in claims {
        assert!(c["source"].is_array(), "{c}");
        assert!(c.as_object().unwrap().contains_key("speaker"), "{c}");
    }
    let unsourced = claims.iter().find(|c| c["source"] == json!([])).unwrap();
    assert_eq!(unsourced["speaker"], Value::Null);
    // A document whose claims name no one still lists its (no) speakers.
    let out = run(
        &["--format", "claims-jsonl"],
        "It is said that the vote was rigged.",
    );
    let doc = &out.lines()[0];
    assert_eq!(doc["speakers"], json!([]));
    assert_eq!(doc["claims"][0]["speaker"], Value::Null);
    let expected = claimant::extract(&text).claims;
    assert_eq!(claims.len(), expected.len());
    for (got, want) in claims.iter().zip(&expected) {
        let src = want
            .source
            .as_ref()
            .map(|s| s.spans.clone())
            .unwrap_or_default();
        assert_eq!(got["source"], serde_json::to_value(src).unwrap());
    }
}

#[test]
fn pretty_output() {
    let out = run(&["--format", "pretty"], TWO_CLAIMS);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Standard output is a pipe here: no color.
    assert!(!out.stdout.contains('\x1b'), "{}", out.stdout);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "# <stdin> (2 claims)");
    assert_eq!(
        lines[1],
        "  Mansour | said | “Iran and Iraq have so far kept a line,”"
    );
    assert_eq!(
        lines[2],
        "  The ministry | said | the talks would resume on Oct. 7"
    );
    let out = run(&["--format", "pretty", "--color", "always"], TWO_CLAIMS);
    assert!(out.stdout.contains("\x1b["), "{}", out.stdout);
    // NO_COLOR governs only the automatic choice.
    let mut cmd = claimant();
    let out = cmd
        .args(["--format", "pretty", "--color", "auto", "-"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn pretty_shortens_long_content_and_cleans_control_characters() {
    let long = "word ".repeat(200);
    let text = format!("He said \x1b[31m{long}end.");
    let out = run(&["--format", "pretty"], &text);
    assert_eq!(out.code, 0);
    let claim = out.stdout.lines().nth(1).unwrap();
    assert!(!claim.contains('\x1b'));
    assert!(claim.contains(" … "), "{claim}");
    assert!(claim.chars().count() < 260, "{claim}");
}

#[test]
fn outermost_and_cue_categories() {
    let nested = "The Pentagon said Austin told him the attacks must stop.";
    let all = run(&["--format", "claims-jsonl"], nested).lines();
    let outer = run(&["--format", "claims-jsonl", "--outermost"], nested).lines();
    assert_eq!(all[0]["claims"].as_array().unwrap().len(), 2);
    assert_eq!(outer[0]["claims"].as_array().unwrap().len(), 1);

    let text = "Officials believe the plan will fail. “It will,” Ortiz said.";
    let lemmas = |args: &[&str]| -> Vec<String> {
        let out = run(args, text);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out.lines()[0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["cue"]["lemma"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(lemmas(&["--speech-only"]), ["say"]);
    assert_eq!(lemmas(&["--cues", "speech"]), ["say"]);
    assert_eq!(lemmas(&["--cues", "belief"]), ["believe"]);
    assert_eq!(lemmas(&["--cues=belief,speech"]), ["believe", "say"]);
    assert_eq!(lemmas(&[]), ["believe", "say"]);

    // --no-speakers: the same claims, no speakers.
    let with = run(&["--format", "claims-jsonl"], text).lines();
    let without = run(&["--format", "claims-jsonl", "--no-speakers"], text).lines();
    assert_eq!(with[0]["speakers"].as_array().unwrap().len(), 2);
    assert_eq!(without[0]["speakers"], json!([]));
    let claims = |v: &Value| -> Vec<Value> {
        let mut cs = v["claims"].as_array().unwrap().clone();
        cs.iter_mut().for_each(|c| c["speaker"] = Value::Null);
        cs
    };
    assert_eq!(claims(&with[0]), claims(&without[0]));
}

#[test]
fn input_detection_stdin_and_dash() {
    // Standard input starting with `{` (after blank space) is JSONL.
    let out = run(
        &[],
        "\n  {\"id\": \"a\", \"text\": \"He said it was over.\"}\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.lines()[0]["id"], "a");
    // Anything else is one text document.
    let out = run(&["-"], "He said it was over.\n{\"id\": 1}");
    assert_eq!(out.lines().len(), 1);
    assert_eq!(out.lines()[0]["id"], "<stdin>");
    // --input overrides the guess.
    let json = "{\"id\": \"a\", \"text\": \"He said it was over.\"}";
    let out = run(&["--input", "text"], json);
    assert_eq!(out.lines()[0]["id"], "<stdin>");
    let dir = TempDir::new("detect");
    let p = dir.write("docs.txt", format!("{json}\n{json}\n"));
    assert_eq!(run(&[&p], "").lines().len(), 1);
    assert_eq!(run(&["--input", "jsonl", &p], "").lines().len(), 2);
}

#[test]
fn jsonl_ids_are_echoed_or_made_up() {
    let dir = TempDir::new("ids");
    let p = dir.write(
        "in.jsonl",
        "\u{feff}{\"id\": \"s\", \"text\": \"He said no.\", \"claims\": [1]}\r\n\
         {\"id\": 42, \"text\": \"He said no.\"}\n\
         \n\
         {\"text\": \"He said no.\", \"id\": null}\n\
         {\"text\": \"He said \\\"no\\\" \\u00e9.\"}",
    );
    let out = run(&["--format", "claims-jsonl", &p], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ids: Vec<Value> = out.lines().iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from("s"),
            Value::from(42),
            Value::from(format!("{p}:4")),
            Value::from(format!("{p}:5")),
        ]
    );
    assert!(out.stdout.contains("\"id\":42,"));
}

#[test]
fn folders_are_read_recursively_in_sorted_order() {
    let dir = TempDir::new("folders");
    dir.write("b.txt", "She said yes.");
    dir.write("a/c.txt", "She said no.");
    dir.write("a/.hidden.txt", "She said maybe.");
    dir.write(".git/x", "not a document");
    dir.write(
        "z.jsonl",
        "{\"id\": \"z1\", \"text\": \"x\"}\n{\"id\": \"z2\", \"text\": \"y\"}\n",
    );
    let out = run(&[dir.path()], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ids: Vec<String> = out
        .lines()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    let under = |rel: &[&str]| {
        let mut p = dir.0.clone();
        p.extend(rel);
        p.display().to_string()
    };
    assert_eq!(
        ids,
        [
            under(&["a", "c.txt"]),
            under(&["b.txt"]),
            "z1".into(),
            "z2".into()
        ]
    );
    // Paths keep their command-line order.
    let (b, a) = (under(&["b.txt"]), under(&["a"]));
    let out = run(&[&b, &a], "");
    let ids: Vec<Value> = out.lines().iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, [Value::from(b), Value::from(under(&["a", "c.txt"]))]);
}

/// Output order and content do not depend on --jobs, across batches.
/// The hostile documents of tests/adversarial.rs, through the tool: each as
/// a text file and all as JSONL lines (with one bad line among them), with
/// one and two jobs. Every document comes out, once, in order, with spans
/// on char boundaries of its text; the bad line is reported and makes the
/// exit status 1.
#[test]
fn hostile_documents_through_the_tool() {
    let dir = TempDir::new("hostile");
    let mut jsonl = String::new();
    let mut texts = Vec::new();
    for (i, &(name, make)) in families::FAMILIES.iter().enumerate() {
        let text = make(100 * 1024);
        let path = dir.write(&format!("{name}.txt"), &text);
        let out = run(&["--format", "claims-jsonl", &path], "");
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let lines = out.lines();
        assert_eq!(lines.len(), 1, "{name}");
        check_spans(name, &text, &lines[0]);
        jsonl.push_str(&json!({"id": name, "text": text}).to_string());
        jsonl.push('\n');
        if i == 3 {
            jsonl.push_str("{\"id\": \"broken\", \"text\": \n");
        }
        texts.push((name, text));
    }
    let one = run(
        &["--input", "jsonl", "--format", "claims-jsonl", "-j", "1"],
        &jsonl,
    );
    assert_eq!(one.code, 1, "{}", one.stderr);
    assert!(one.stderr.contains("<stdin>:5:"), "{}", one.stderr);
    let lines = one.lines();
    assert_eq!(lines.len(), texts.len());
    for (line, (name, text)) in lines.iter().zip(&texts) {
        assert_eq!(line["id"], *name);
        check_spans(name, text, line);
    }
    let two = run(
        &["--input", "jsonl", "--format", "claims-jsonl", "-j", "2"],
        &jsonl,
    );
    assert_eq!(two.stdout, one.stdout);
}

/// Every span of a claims-jsonl line lies in `text`, on char boundaries.
fn check_spans(name: &str, text: &str, line: &Value) {
    for c in line["claims"].as_array().unwrap() {
        for role in ["content", "source", "cue"] {
            for s in c[role].as_array().unwrap() {
                let (a, b) = (
                    s[0].as_u64().unwrap() as usize,
                    s[1].as_u64().unwrap() as usize,
                );
                assert!(a < b && text.get(a..b).is_some(), "{name}: {role} {a}..{b}");
            }
        }
    }
}

#[test]
fn jobs_do_not_change_the_output() {
    let news = fixtures().join("news");
    let news = news.to_str().unwrap();
    let base = run(&["-j", "1", news], "");
    assert_eq!(base.code, 0, "{}", base.stderr);
    assert_eq!(base.lines().len(), 15);
    for j in ["2", "3", "8"] {
        assert_eq!(run(&["-j", j, news], "").stdout, base.stdout, "-j {j}");
    }
    assert_eq!(run(&[news], "").stdout, base.stdout, "default jobs");

    // More documents than one batch holds.
    let mut jsonl = String::new();
    for i in 0..2600 {
        let text = match i % 3 {
            0 => format!("“We have {i} reasons,” the mayor said."),
            1 => "Nothing to see.".to_owned(),
            _ => format!("Officials said {i} people were hurt, according to the police."),
        };
        jsonl.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        jsonl.push('\n');
    }
    let one = run(&["-j1", "--format", "claims-jsonl"], &jsonl);
    let lines = one.lines();
    assert_eq!(lines.len(), 2600);
    assert!(lines.iter().enumerate().all(|(i, l)| l["id"] == i));
    let two = run(&["-j2", "--format", "claims-jsonl"], &jsonl);
    assert_eq!(two.stdout, one.stdout);
}

#[test]
fn a_file_that_is_not_utf8() {
    let dir = TempDir::new("utf8");
    let bad = dir.write("latin1.txt", b"Caf\xe9 owners said the tax was unfair.");
    let good = dir.write("good.txt", "He said it was over.");
    let out = run(&[&bad, &good], "");
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains(&bad), "{}", out.stderr);
    assert!(out.stderr.contains("UTF-8"), "{}", out.stderr);
    // The other document is still written.
    assert_eq!(out.lines().len(), 1);
    assert_eq!(out.lines()[0]["id"], good.as_str());

    let out = run(&["--lossy", &bad], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = &out.lines()[0];
    assert_eq!(doc["lossy"], true);
    // Offsets refer to the repaired text.
    let repaired = "Caf\u{fffd} owners said the tax was unfair.";
    let cue = &doc["claims"][0]["cue"]["spans"][0];
    let (s, e) = (
        cue[0].as_u64().unwrap() as usize,
        cue[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&repaired[s..e], "said");
    // claims-jsonl says so too.
    let out = run(&["--lossy", "--format", "claims-jsonl", &bad], "");
    assert_eq!(out.lines()[0]["lossy"], true);
    // And pretty, in its header.
    let out = run(&["--lossy", "--format", "pretty", &bad], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let header = out.stdout.lines().next().unwrap();
    assert!(
        header.ends_with("(1 claim, invalid UTF-8 replaced)"),
        "{header}"
    );
}

#[test]
fn a_jsonl_line_that_is_not_utf8() {
    let mut input = b"{\"id\": \"a\", \"text\": \"Caf".to_vec();
    input.extend_from_slice(
        b"\xe9 owners said no.\"}\n{\"id\": \"b\", \"text\": \"He said no.\"}\n",
    );
    let out = run_with(&[], &input, None);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("<stdin>:1:"), "{}", out.stderr);
    assert_eq!(out.lines().len(), 1);
    let out = run_with(&["--lossy"], &input, None);
    assert_eq!(out.code, 0);
    let lines = out.lines();
    assert_eq!(lines[0]["lossy"], true);
    assert!(lines[1].get("lossy").is_none());
}

/// Nothing is dropped silently: documents in = documents out + errors.
#[test]
fn bad_jsonl_lines_are_reported_and_the_rest_written() {
    let dir = TempDir::new("badjsonl");
    let p = dir.write(
        "mixed.jsonl",
        "{\"id\": \"a\", \"text\": \"He said no.\"}\n\
         {\"id\": \"b\", \"text\": \"He said\n\
         {\"id\": \"c\"}\n\
         {\"id\": \"d\", \"text\": 5}\n\
         {\"id\": 7, \"text\": \"She said yes.\"}\n\
         [\"e\"]\n\
         {\"id\": {\"x\": 1}, \"text\": \"f\"}\n\
         \n\
         {\"text\": \"They said maybe.\"}\n",
    );
    let out = run(&["--stats", &p], "");
    assert_eq!(out.code, 1);
    let ids: Vec<Value> = out.lines().iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from("a"),
            Value::from(7),
            Value::from(format!("{p}:9"))
        ]
    );
    let errors: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| !l.contains("documents"))
        .collect();
    assert_eq!(errors.len(), 5, "{}", out.stderr);
    for (err, line, what) in [
        (errors[0], 2, "invalid JSON"),
        (errors[1], 3, "missing field `text`"),
        (errors[2], 4, "\"text\""),
        (errors[3], 6, "not a JSON object"),
        (errors[4], 7, "\"id\""),
    ] {
        assert!(err.starts_with(&format!("claimant: {p}:{line}: ")), "{err}");
        assert!(err.contains(what), "{err}");
    }
    assert!(
        out.stderr.contains("3 documents, ") && out.stderr.contains(" 5 errors"),
        "{}",
        out.stderr
    );
}

#[test]
fn missing_paths_and_unreadable_files() {
    let dir = TempDir::new("missing");
    let good = dir.write("good.txt", "He said it was over.");
    let missing = format!("{}/missing.txt", dir.path());
    let out = run(&[&missing, &good], "");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!("claimant: {missing}: ")),
        "{}",
        out.stderr
    );
    assert_eq!(out.lines().len(), 1);

    // Permissions mean nothing to root; a read error is then made with
    // /proc/self/mem, which opens but cannot be read from offset 0.
    #[cfg(unix)]
    {
        let locked = dir.write("locked.txt", "He said it was over.");
        let mut perms = std::fs::metadata(&locked).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
        std::fs::set_permissions(&locked, perms).unwrap();
        if std::fs::read(&locked).is_err() {
            let out = run(&[&locked, &good], "");
            assert_eq!(out.code, 1);
            assert!(out.stderr.contains(&locked), "{}", out.stderr);
            assert_eq!(out.lines().len(), 1);
        }
    }
    if Path::new("/proc/self/mem").exists() {
        let out = run(&["/proc/self/mem", &good], "");
        assert_eq!(out.code, 1);
        assert!(out.stderr.contains("/proc/self/mem: "), "{}", out.stderr);
        assert_eq!(out.lines().len(), 1);
    }
}

#[test]
fn empty_inputs() {
    let dir = TempDir::new("empty");
    let txt = dir.write("empty.txt", "");
    let jsonl = dir.write("empty.jsonl", "");
    let out = run(&[&txt], "");
    assert_eq!(out.code, 0);
    let doc = &out.lines()[0];
    assert_eq!(doc["id"], txt.as_str());
    assert_eq!(doc["claims"], serde_json::json!([]));
    let out = run(&[&jsonl], "");
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    let out = run(&[], "");
    assert_eq!((out.code, out.lines().len()), (0, 1));
    // An empty partition in a Spark or Hadoop pipe: no document at all.
    let out = run(&["--input", "jsonl"], "");
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    let out = run(&[dir.path()], "");
    assert_eq!((out.code, out.lines().len()), (0, 1));
}

/// The peak memory of a claimant run fed `docs` JSONL documents of about
/// 1 MB on standard input, read from `/proc` before its input ends (the
/// documents are cheap to extract: a long word and one attribution).
#[cfg(target_os = "linux")]
fn peak_memory_kb(docs: usize) -> u64 {
    let mut child = claimant()
        .args(["--input", "jsonl", "--format", "claims-jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let word = "a".repeat(1 << 20);
    for i in 0..docs {
        let line = format!("{{\"id\": {i}, \"text\": \"{word} The mayor said it is safe.\"}}\n");
        stdin.write_all(line.as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    // All but a pipe's worth of input has been read; let the last full
    // batch finish, then read the high-water mark of resident memory.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/<pid>/status")
}

/// Streaming: eight times the input does not take more memory (JSONL is
/// read and extracted in batches of bounded size).
#[cfg(target_os = "linux")]
#[test]
fn memory_does_not_grow_with_the_input() {
    let small = peak_memory_kb(16);
    let large = peak_memory_kb(128);
    eprintln!("peak {small} kB for 16 MB of input, {large} kB for 128 MB");
    assert!(
        large < small + 16 * 1024 && large < 96 * 1024,
        "peak {small} kB for 16 MB of input, {large} kB for 128 MB"
    );
}

/// A 20 MB document is read once and processed in time linear in its
/// size (the same code path serves 200 MB).
#[test]
fn a_large_document() {
    let filler = "The river rose three feet on Tuesday, and crews worked through the night. ";
    let mut para = String::from("“The bridge will reopen on Friday,” the mayor said. ");
    while para.len() < 100_000 {
        para.push_str(filler);
    }
    para.push_str("\n\n");
    let n = 20_000_000 / para.len() + 1;
    let dir = TempDir::new("large");
    let p = dir.write("large.txt", para.repeat(n));
    let out = run(&["--format", "claims-jsonl", "--stats", &p], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["claims"].as_array().unwrap().len(), n);
    assert!(out.stderr.contains("1 documents"), "{}", out.stderr);
}

/// A document four times as long, dense with claims and speakers, takes
/// not much more than four times as long: overlap resolution and speaker
/// resolution are linear in the claims and mentions of one document (both
/// were quadratic once). Two texts: one short paragraph repeated, and the
/// fixture articles repeated, which name people, organizations and
/// anonymous officials over and over.
#[test]
fn dense_documents_scale_linearly() {
    let para = "“The bridge will reopen on Friday,” the mayor said. Officials said \
                the river rose three feet, according to the county. \n\n";
    let mut articles = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(fixtures().join("news"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        articles.push_str(std::fs::read_to_string(p).unwrap().trim_end());
        articles.push_str("\n\n");
    }
    let dir = TempDir::new("dense");
    for (name, unit, small_bytes) in [("para", para, 250_000), ("news", &articles[..], 1_000_000)] {
        let time = |bytes: usize| {
            let copies = bytes.div_ceil(unit.len());
            let p = dir.write(&format!("{name}{copies}.txt"), unit.repeat(copies));
            // The best of two runs: the other tests of this file run beside
            // this one and may take the cores from either run.
            (0..2)
                .map(|_| {
                    let start = std::time::Instant::now();
                    let out = run(&["--format", "claims-jsonl", &p], "");
                    assert_eq!(out.code, 0);
                    start.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min)
        };
        let small = time(small_bytes);
        let large = time(4 * small_bytes);
        assert!(
            large < 8.0 * small.max(0.05),
            "{name}: {small:.2} s, then {large:.2} s for four times the text"
        );
    }
}

/// `claimant … | head`: the reader goes away; claimant stops quietly.
#[test]
fn broken_pipe_ends_quietly() {
    let mut jsonl = String::new();
    for i in 0..6000 {
        jsonl.push_str(
            &serde_json::json!({"id": i, "text": "“We will stay,” she said. He said no."})
                .to_string(),
        );
        jsonl.push('\n');
    }
    let mut child = claimant()
        .args(["-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(jsonl.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

/// On a terminal, a run that lasts shows a progress bar on standard error,
/// redrawn in place, and ends with the summary line. The terminal is the
/// pseudo-terminal of `script` (util-linux); the input comes through a pipe
/// that pauses, so that the run lasts past the bar's delay however fast the
/// machine is.
#[cfg(unix)]
#[test]
fn progress_bar_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("progress_bar_on_a_terminal skipped: no `script` command");
        return;
    }
    let dir = TempDir::new("progress");
    let line = json!({"id": 1, "text": TWO_CLAIMS}).to_string() + "\n";
    let part = dir.write("part.jsonl", line.repeat(2000));
    let shell = format!(
        "(cat {part}; sleep 1.5; cat {part}) | {} --input jsonl > /dev/null",
        env!("CARGO_BIN_EXE_claimant")
    );
    let out = Command::new("script")
        .args(["-qfec", &shell, "/dev/null"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{tty}");
    assert!(tty.contains("\r\x1b[K"), "no bar redrawn in place: {tty:?}");
    assert!(tty.contains(" docs, "), "{tty:?}");
    assert!(
        tty.contains("claimant: 4,000 documents, 8,000 claims, 0 errors"),
        "{tty:?}"
    );
}

#[test]
fn summary_only_on_request_when_stderr_is_not_a_terminal() {
    let out = run(&[], TWO_CLAIMS);
    assert_eq!(out.stderr, "");
    let out = run(&["--stats"], TWO_CLAIMS);
    let summary = out.stderr.trim();
    assert!(
        summary.starts_with("claimant: 1 documents, 2 claims, 0 errors; "),
        "{summary}"
    );
    assert!(summary.ends_with("MB/s"), "{summary}");
    let out = run(&["--stats", "--quiet"], TWO_CLAIMS);
    assert_eq!(out.stderr, "");
}

/// Compares every number in `got` with `want` to three decimals.
fn same_numbers(got: &Value, want: &Value, path: &str) {
    match (got, want) {
        (Value::Number(g), Value::Number(w)) => {
            let (g, w) = (g.as_f64().unwrap(), w.as_f64().unwrap());
            assert!(
                (g - w).abs() < 5e-4 + 1e-9,
                "{path}: claimant eval {g}, score.py {w}"
            );
        }
        (Value::Object(g), Value::Object(w)) => {
            for (k, wv) in w {
                let gv = g
                    .get(k)
                    .unwrap_or_else(|| panic!("{path}.{k} missing in claimant eval"));
                same_numbers(gv, wv, &format!("{path}.{k}"));
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            assert_eq!(g.len(), w.len(), "{path}");
            for (i, (gv, wv)) in g.iter().zip(w).enumerate() {
                same_numbers(gv, wv, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(got, want, "{path}"),
    }
}

/// `claimant eval` gives score.py's numbers on the repo's own fixtures
/// (tests/fixtures/eval: gold.jsonl, pred.jsonl, and score.py's output run
/// in that folder: expected.json and expected_table.txt, and the same with
/// `_direct` for --direct-only). The numbers must agree to three decimals;
/// the files in fact agree byte for byte.
#[test]
fn eval_matches_score_py() {
    let dir = fixtures().join("eval");
    if !dir.join("expected.json").exists() {
        eprintln!("skipped: {} has no expected.json", dir.display());
        return;
    }
    for (flag, suffix) in [(None, ""), (Some("--direct-only"), "_direct")] {
        let mut args = vec!["eval", "gold.jsonl", "pred.jsonl", "--json"];
        args.extend(flag);
        let Ok(want) = std::fs::read_to_string(dir.join(format!("expected{suffix}.json"))) else {
            continue;
        };
        let out = run_with(&args, b"", Some(&dir));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let got: Value = serde_json::from_str(out.stdout.trim()).unwrap();
        same_numbers(&got, &serde_json::from_str(&want).unwrap(), "report");
        assert_eq!(out.stdout.trim_end(), want.trim_end(), "--json {flag:?}");

        args.retain(|a| *a != "--json");
        let out = run_with(&args, b"", Some(&dir));
        assert_eq!(out.code, 0, "{}", out.stderr);
        if let Ok(table) = std::fs::read_to_string(dir.join(format!("expected_table{suffix}.txt")))
        {
            assert_eq!(out.stdout.trim_end(), table.trim_end(), "table {flag:?}");
        }
    }
}

#[test]
fn eval_input_errors_exit_2() {
    let dir = TempDir::new("evalerr");
    let gold = dir.write(
        "gold.jsonl",
        "{\"id\": \"a\", \"text\": \"x\", \"claims\": []}\n",
    );
    let bad = dir.write("bad.jsonl", "{not json\n");
    let missing = format!("{}/missing.jsonl", dir.path());
    for args in [["eval", &gold, &missing], ["eval", &gold, &bad]] {
        let out = run(&args, "");
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("claimant"), "{}", out.stderr);
    }
}
