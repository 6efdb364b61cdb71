//! The adversarial documents of issue #7, at any size: what scraped web
//! pages throw at the extractor. Shared by `tests/adversarial.rs` (small
//! versions) and `benches/adversarial.rs` (about 4 MB each).
//!
//! Each generator is deterministic (a fixed xorshift stream) and returns
//! at least `bytes` bytes (a little more, to end on a whole piece).

#![allow(dead_code)]

/// A family: its name and its generator.
pub type Family = (&'static str, fn(usize) -> String);

/// The nine families, in the order of the issue.
pub const FAMILIES: &[Family] = &[
    ("straight_quotes", straight_quotes),
    ("curly_angle_quotes", curly_angle_quotes),
    ("cue_soup", cue_soup),
    ("endless_sentence", endless_sentence),
    ("one_word", one_word),
    ("newlines", newlines),
    ("unclosed_quote", unclosed_quote),
    ("nested_quotes", nested_quotes),
    ("random_soup", random_soup),
];

/// A fixed pseudo-random stream (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() >> 33) as usize % n
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

/// Pieces drawn from `pieces` until `bytes` is reached.
fn fill(bytes: usize, seed: u64, pieces: &[&str]) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        s.push_str(rng.pick(pieces));
    }
    s
}

/// Only `"` marks, glued or spaced: `"" " """ "`.
pub fn straight_quotes(bytes: usize) -> String {
    fill(bytes, 1, &["\"", "\"", "\"", "\"", " "])
}

/// Only curly and angle marks, of every shape, glued or spaced.
pub fn curly_angle_quotes(bytes: usize) -> String {
    fill(
        bytes,
        2,
        &[
            "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚", "‟", "‛", " ",
        ],
    )
}

/// "said he said she told according to " over and over.
pub fn cue_soup(bytes: usize) -> String {
    "said he said she told according to ".repeat(bytes / 35 + 1)
}

/// Words of news, with commas and cues but never a full stop, a line
/// break or a quotation mark: one sentence as long as the document.
pub fn endless_sentence(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "the ",
        "ministry ",
        "said ",
        "officials ",
        "Sen. ",
        "Maria ",
        "Ortiz ",
        "told ",
        "reporters ",
        "that ",
        "the ",
        "plan ",
        "would ",
        "fail ",
        "and ",
        "he ",
        "warned ",
        "according ",
        "to ",
        "a ",
        "U. S. ",
        "official ",
        ", ",
        ", ",
        "who ",
        "believes ",
        "talks ",
        "in ",
        "Baghdad ",
        "on ",
        "Tuesday ",
        "saying ",
        "adding ",
        "— ",
    ];
    fill(bytes, 4, WORDS)
}

/// One word without spaces.
pub fn one_word(bytes: usize) -> String {
    let mut rng = Rng::new(5);
    (0..bytes)
        .map(|_| (b'a' + rng.below(26) as u8) as char)
        .collect()
}

/// Only newlines.
pub fn newlines(bytes: usize) -> String {
    "\n".repeat(bytes)
}

/// A quotation opened at the start and never closed, over one paragraph of
/// news sentences (with cues, names and full stops, but no other mark).
pub fn unclosed_quote(bytes: usize) -> String {
    const SENTENCES: &[&str] = &[
        "The ministry said the talks would resume on Oct. 7. ",
        "Sen. Maria Ortiz told reporters that the plan would fail. ",
        "The plan, according to aides, would cost $2 billion. ",
        "It takes patience, she said. ",
        "Analyst Renad Mansour said he believed Iran would wait, adding that Baghdad had done enough. ",
        "Two officials who spoke on condition of anonymity said the strikes would go on. ",
    ];
    let mut s = String::from("“");
    s.push_str(&fill(bytes, 7, SENTENCES));
    s
}

/// Quotations nested as deep as the document allows: a double quotation
/// holding single ones of alternating shapes, a word at each level, then
/// closed in reverse order with attributions between the closing marks:
/// `“a ‘b ‹c ‘d … ’ › ’ ”`. (Double marks do not nest: a second opening
/// double mark ends the first, so depth comes from the single ones.)
pub fn nested_quotes(bytes: usize) -> String {
    const OPEN: &[(&str, &str)] = &[("‘", "’"), ("‹", "›")];
    const WORDS: &[&str] = &["said ", "he ", "Ortiz ", "the ", "plan, ", "told "];
    let mut rng = Rng::new(8);
    let mut s = String::with_capacity(bytes + 64);
    s.push('“');
    let mut closes = Vec::new();
    // The opening half is about 3/5 of the bytes: closing costs fewer.
    while s.len() < bytes * 3 / 5 {
        let (o, c) = OPEN[closes.len() % OPEN.len()];
        s.push_str(o);
        s.push_str(rng.pick(WORDS));
        closes.push(c);
    }
    while let Some(c) = closes.pop() {
        s.push_str(c);
        s.push_str(if closes.len() % 7 == 0 {
            ", he said "
        } else {
            " "
        });
    }
    s.push_str("” she said.");
    s
}

/// A random soup of the pieces of all the other families.
pub fn random_soup(bytes: usize) -> String {
    const PIECES: &[&str] = &[
        "\"",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "‹",
        "›",
        "„",
        "‚",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "said ",
        "he ",
        "she ",
        "told ",
        "according to ",
        "the ",
        "ministry ",
        "Sen. ",
        "Ortiz ",
        "that ",
        "would ",
        ", ",
        ". ",
        ": ",
        "— ",
        "qwertyuiopasdfghjkl",
        "U. S. ",
        "(",
        ")",
    ];
    fill(bytes, 9, PIECES)
}
