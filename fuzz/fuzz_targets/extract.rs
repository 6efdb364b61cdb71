//! Fuzz target: `claimant::extract` on any UTF-8 text (invalid bytes are
//! replaced), with every invariant of `claimant::check_invariants` checked.
//! A panic or a broken invariant is a finding.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = claimant::extract(&text);
    if let Err(e) = claimant::check_invariants(&text, &out) {
        panic!("invariant broken: {e}\ntext: {text:?}");
    }
});
