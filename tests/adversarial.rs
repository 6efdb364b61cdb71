//! The adversarial documents of issue #7 at about 200 KB each (the bench
//! `adversarial` runs them at 4 MB): extraction finishes, does not panic,
//! and keeps every invariant. No timing is asserted here; a super-linear
//! spot shows up as this file taking minutes instead of seconds.

#[path = "adversarial/families.rs"]
mod families;

use claimant::{check_invariants, extract};

const BYTES: usize = 200 * 1024;

fn run(name: &str, make: fn(usize) -> String) {
    let text = make(BYTES);
    assert!(text.len() >= BYTES, "{name}: {} bytes", text.len());
    let out = extract(&text);
    if let Err(e) = check_invariants(&text, &out) {
        panic!("{name}: {e}");
    }
}

macro_rules! family_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run(stringify!($name), families::$name);
            }
        )*

        #[test]
        fn every_family_is_tested() {
            let tested = [$(stringify!($name)),*];
            let all: Vec<&str> = families::FAMILIES.iter().map(|f| f.0).collect();
            assert_eq!(tested.as_slice(), all.as_slice());
        }
    };
}

family_tests!(
    straight_quotes,
    curly_angle_quotes,
    cue_soup,
    endless_sentence,
    one_word,
    newlines,
    unclosed_quote,
    nested_quotes,
    random_soup,
);

/// The generators make what they promise.
#[test]
fn families_have_their_shape() {
    let n = 4096;
    assert!(families::straight_quotes(n)
        .chars()
        .all(|c| c == '"' || c == ' '));
    assert!(families::newlines(n).bytes().all(|b| b == b'\n'));
    assert!(!families::one_word(n).contains(' '));
    let endless = families::endless_sentence(n);
    assert_eq!(claimant::sentences(&endless).count(), 1);
    let unclosed = families::unclosed_quote(n);
    assert!(unclosed.starts_with('“') && !unclosed[3..].contains(['“', '”', '"']));
    let nested = claimant::quotations(&families::nested_quotes(n));
    let deepest = nested
        .quotations
        .iter()
        .map(|q| {
            let mut d = 0;
            let mut p = q.parent;
            while let Some(i) = p {
                d += 1;
                p = nested.quotations[i].parent;
            }
            d
        })
        .max();
    assert!(deepest >= Some(50), "nesting depth {deepest:?}");
}
