//! Inputs found by the fuzz target (`fuzz/`, issue #7), kept as tests: each
//! is named after what it guards, and checked with every invariant of
//! `claimant::check_invariants`.

use claimant::{check_invariants, extract};

fn check(text: &str) {
    let out = extract(text);
    if let Err(e) = check_invariants(text, &out) {
        panic!("{e}\ntext: {text:?}");
    }
}

/// Fuzz crash abd75ba1: two claims in one quotation held each other's cue
/// and were each other's parent (fixed by the strict nesting order in
/// `resolve`).
#[test]
fn parents_never_form_a_cycle() {
    check("Hiring slows in October as employers add 1vate talks, says Veloys,” on the shelves of its teen section, rejecting a request from a parents’ group to move them to the adult h care added 58,000 jobs, and leisure anld, Ind., on Tuesday, March 5. (APthoo P/Sunita Rao)\nGREENFIELD, Indxtending a frag\u{1}\u{0}\u{5}\u{fffd}ile ceasefire between the government of Qaravrents’ group to move them to the adult collection.\nBoard President Harriet Lyle said the trustees had read both books in full before votieg. “We are not in the business of hidlng books from teenagers,” Lond said. “We are in th said the trustees had read both books in full before voting. “We are not in the business of hidlng books from teenagers,\u{fffd}F\u{fffd} Lond said. “We are in the business of helping families choose.”\nThe request came fro\u{fffd}߸\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}ield Parents for Deceject\u{fffd}\u{1d}\u{7f}b\n\nThe next jobs report is scheduled for Dec. 6 at 8:30 a.m. Eastern time.\n");
}
