//! `claimant eval GOLD PRED`: the scorer of shared/eval/score.py, in Rust
//! (`claimant::eval`), with its table and its `--json` output byte for byte.

use std::io::{self, Write};
use std::process::ExitCode;

use claimant::eval::{score_files, ScoreOptions};
use serde::Serialize;

use crate::args::EvalOptions;

pub fn run(o: &EvalOptions) -> ExitCode {
    let opts = ScoreOptions {
        direct_only: o.direct_only,
    };
    let report = match score_files(&o.gold, &o.pred, &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("claimant: eval: {e}");
            return ExitCode::from(2);
        }
    };
    let mut text = if o.json {
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, PythonJson);
        report
            .serialize(&mut ser)
            .expect("serializing a report to memory");
        String::from_utf8(buf).expect("JSON is UTF-8")
    } else {
        report.render_table(&o.gold.to_string_lossy(), &o.pred.to_string_lossy())
    };
    text.push('\n');
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("claimant: eval: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// JSON as Python's `json.dumps` writes it: `", "` and `": "` separators
/// and `repr` floats (`1.0`, `1e-05`), so that the output of
/// `claimant eval --json` can be diffed against `score.py --json`.
struct PythonJson;

impl serde_json::ser::Formatter for PythonJson {
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, x: f64) -> io::Result<()> {
        w.write_all(python_repr(x).as_bytes())
    }

    fn write_f32<W: ?Sized + Write>(&mut self, w: &mut W, x: f32) -> io::Result<()> {
        w.write_all(python_repr(f64::from(x)).as_bytes())
    }
}

/// Python's `repr(float)`: the shortest digits that read back the same,
/// in positional form from 1e-4 up to 1e16 and in exponent form (two
/// exponent digits at least) outside it.
fn python_repr(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        // Rust: "1e-5", "1.5e20"; Python: "1e-05", "1.5e+20".
        let s = format!("{x:e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let (sign, digits) = match exp.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', exp),
        };
        return format!("{mantissa}e{sign}{digits:0>2}");
    }
    let s = format!("{x}");
    if s.contains('.') {
        s
    } else {
        s + ".0"
    }
}

#[cfg(test)]
mod tests {
    use super::python_repr;

    #[test]
    fn floats_as_python_writes_them() {
        for (x, py) in [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (0.7, "0.7"),
            (0.38461538461538464, "0.38461538461538464"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (0.000015, "1.5e-05"),
            (1e16, "1e+16"),
            (1.5e20, "1.5e+20"),
            (9999999999999998.0, "9999999999999998.0"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(python_repr(x), py, "{x}");
        }
    }
}
