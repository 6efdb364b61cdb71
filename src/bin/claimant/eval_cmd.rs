//! `claimant eval GOLD PRED`: the scorer of shared/eval/score.py, in Rust.

use std::process::ExitCode;

use crate::args::EvalOptions;

pub fn run(o: &EvalOptions) -> ExitCode {
    let _ = (&o.gold, &o.pred, o.json, o.direct_only);
    eprintln!("claimant: eval: not available yet (waiting for claimant::eval)");
    ExitCode::from(2)
}
