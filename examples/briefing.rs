//! The main example: find the attributed claims in a short news story and
//! print them for people.
//!
//! ```sh
//! cargo run --example briefing                 # the story shipped with the crate
//! cargo run --example briefing -- story.txt    # any text file
//! ```

use claimant::{Claim, Extraction};

const BRIEFING: &str = include_str!("data/briefing.txt");

fn main() -> std::io::Result<()> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => BRIEFING.to_owned(),
    };
    let out: Extraction = claimant::extract(&text);
    println!("{} claims\n", out.claims.len());
    for (i, claim) in out.claims.iter().enumerate() {
        print_claim(&text, i, claim);
    }
    Ok(())
}

fn print_claim(text: &str, i: usize, claim: &Claim) {
    let join = |spans: &[claimant::Span]| {
        spans
            .iter()
            .map(|&s| &text[s])
            .collect::<Vec<_>>()
            .join(" … ")
    };
    let source = match &claim.source {
        Some(s) => format!("{} ({:?})", join(&s.spans), s.kind),
        None => "(no source named)".to_owned(),
    };
    let nested = claim
        .parent
        .map(|p| format!(", inside claim {}", p + 1))
        .unwrap_or_default();
    println!("{}. {:?} claim{nested}", i + 1, claim.kind);
    println!("   source:  {source}");
    println!(
        "   cue:     {} [{} / {}]",
        join(&claim.cue.spans),
        claim.cue.lemma,
        claim.cue.category.name()
    );
    println!("   content: {}", join(&claim.content));
    println!();
}
