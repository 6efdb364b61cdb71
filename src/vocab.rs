//! [`Vocab`]: the lookup table of the lexicons, asked about every word of
//! every text.
//!
//! A word list is asked about each word token ("is `said` a cue verb, is
//! `the` a determiner?"), nearly always with the answer no. A general hash
//! map of strings pays for that with a case-folded copy, a UTF-8 check, a
//! hash over bytes and a `memcmp` per probe. Here a word of at most
//! [`MAX_WORD`] bytes becomes three 64-bit integers, lowercased eight bytes
//! at a time; the hash is three multiplications, and a lookup compares
//! the tags of a group of slots at once and then three integers, with no
//! branch on the answer. Longer words are in no list.

/// The longest word a [`Vocab`] holds, in bytes ("counterintelligence" has
/// 19; a longer token is in no lexicon).
pub(crate) const MAX_WORD: usize = 24;

/// What [`Vocab::index_in`] gives for a word in no entry.
pub(crate) const ABSENT: u32 = u32::MAX;

/// A word as a key: its bytes, ASCII-lowercased and zero-padded, and its
/// length.
type Key = ([u64; 3], u32);

/// A table from words to values that ignores ASCII case: "Said", "SAID" and
/// "said" are one key. Non-ASCII bytes are compared as they are, so a key
/// is written in lowercase ("président") to match its lowercase forms.
///
/// A key lives in one of the [`GROUP`] slots from its home slot (the table
/// grows until every key does). A lookup reads the eight-bit tags of those
/// slots at once and compares the key of the first slot whose tag is
/// the key's: one key comparison, and no branch on whether the word is in
/// the table, which for the words of news text is a coin toss no branch
/// predictor wins.
#[derive(Clone, Debug)]
pub(crate) struct Vocab<V> {
    /// The home slots and [`GROUP`] more: a key's group never wraps
    /// around, and the last slot is in no group.
    slots: Vec<Slot>,
    /// For each slot, [`tag`] of its key's hash, never 0; 0 for an empty
    /// slot.
    tags: Vec<u8>,
    /// The number of home slots, a power of two, minus one.
    mask: usize,
    values: Vec<V>,
}

/// The slots where a key may live, from its home slot on: one 64-bit load
/// of their tags.
const GROUP: usize = 8;

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: [u64; 3],
    /// The key's length; 0 for an empty slot.
    len: u32,
    value: u32,
}

impl<V> Default for Vocab<V> {
    fn default() -> Vocab<V> {
        Vocab::with_homes(16)
    }
}

/// A quick no before a lookup in a word list: for each length, one bit
/// per (first byte, last byte) pair of the list's words, ASCII case folded.
/// A word whose bit is clear is in no list the filter was made of; most
/// words asked about ("saying", "the", "Baghdad") are turned away so,
/// without a hash lookup.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordFilter([u64; 32]);

impl WordFilter {
    /// The filter of `words`.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> WordFilter {
        let mut f = WordFilter::default();
        for w in words {
            f.add(w);
        }
        f
    }

    /// The length and bit of `w`; `None` for the empty word, in no list.
    #[inline]
    fn bit(w: &str) -> Option<(usize, u64)> {
        let b = w.as_bytes();
        // Setting bit 5 folds ASCII case ("A" → "a") in one instruction; it
        // also folds a few other bytes together ("@" and "`"), which only
        // lets a word through to the lookup.
        let (first, last) = (*b.first()? | 0x20, *b.last()? | 0x20);
        let k = u32::from(first)
            .wrapping_mul(31)
            .wrapping_add(u32::from(last))
            & 63;
        Some((w.len().min(31), 1 << k))
    }

    /// Lets `w` through from now on.
    pub fn add(&mut self, w: &str) {
        if let Some((len, bit)) = WordFilter::bit(w) {
            self.0[len] |= bit;
        }
    }

    /// False when `w` is, in no ASCII case, a word the filter was made of.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        WordFilter::bit(w).is_some_and(|(len, bit)| self.0[len] & bit != 0)
    }
}

/// Sets bit 5 of each ASCII capital letter of `x`, eight bytes at once.
#[inline(always)]
fn lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let h = x & !HIGH;
    // The high bit of each byte: set where the byte is at least 'A', and
    // where it is past 'Z' (no carry crosses bytes: h < 0x80).
    let ge_a = h + ONES * (0x80 - b'A' as u64);
    let gt_z = h + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

#[inline(always)]
fn load8(w: &[u8], at: usize) -> u64 {
    let b = &w[at..at + 8];
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// The bytes of a word of 1 to 8 bytes as a little-endian integer, with
/// overlapping loads instead of a loop (the bytes two loads share agree).
#[inline(always)]
fn load_short(w: &[u8]) -> u64 {
    let n = w.len();
    match n {
        8 => load8(w, 0),
        4..=7 => {
            let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        2 | 3 => {
            let lo = u16::from_le_bytes([w[0], w[1]]);
            let hi = u16::from_le_bytes([w[n - 2], w[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 2))
        }
        1 => u64::from(w[0]),
        _ => 0,
    }
}

/// The key of a word: three integers of its bytes (loads that end at the
/// word's end are shifted down, so that the padding is zero), lowercased.
#[inline(always)]
fn key_of(word: &str) -> Option<Key> {
    let w = word.as_bytes();
    let n = w.len();
    let k = match n {
        1..=8 => [load_short(w), 0, 0],
        9..=16 => [load8(w, 0), load8(w, n - 8) >> (8 * (16 - n)), 0],
        17..=MAX_WORD => [
            load8(w, 0),
            load8(w, 8),
            load8(w, n - 8) >> (8 * (MAX_WORD - n)),
        ],
        _ => return None,
    };
    Some(([lower(k[0]), lower(k[1]), lower(k[2])], n as u32))
}

#[inline]
fn hash((k, n): &Key) -> u64 {
    let h = (k[0] ^ u64::from(*n)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ k[1].wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ k[2].wrapping_mul(0x1656_67B1_9E37_79F9);
    h ^ (h >> 31)
}

/// The tag of a hash: its top eight bits (products of every byte of the
/// key; the home slot takes low bits), never 0.
#[inline(always)]
fn tag(h: u64) -> u8 {
    (h >> 56) as u8 | 1
}

/// Eight bytes, each `b`.
const BYTES: u64 = u64::MAX / 0xff;

/// The high bit of each byte of `x` that is zero, and perhaps of bytes
/// above such a byte (a borrow); exact for the lowest zero byte.
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(BYTES) & !x & (BYTES << 7)
}

impl<V> Vocab<V> {
    /// The value of `word`, ASCII case ignored.
    #[cfg(test)]
    pub fn get(&self, word: &str) -> Option<&V> {
        let key = key_of(word)?;
        self.find(&key)
            .map(|s| &self.values[self.slots[s].value as usize])
    }

    /// The index of `word`'s value (for [`Vocab::at`]), ASCII case ignored.
    #[inline]
    pub fn index(&self, word: &str) -> Option<u32> {
        let key = key_of(word)?;
        self.find(&key).map(|s| self.slots[s].value)
    }

    /// [`Vocab::index`] of `word`, which is `text[start..start + word.len()]`,
    /// or [`ABSENT`].
    ///
    /// Asked of every word of a document: when sixteen bytes can be read
    /// from the word's start, a word of at most sixteen bytes becomes its
    /// key with two loads and a mask, with no branch on its length (word
    /// lengths in news follow no pattern a branch predictor could learn);
    /// and whether the word is in the table decides no branch either (a
    /// coin toss for the words of news, which no predictor wins): the key
    /// is compared with the first slot of its group whose tag is its tag's,
    /// or, when none is, with the last slot of the table, in no group and
    /// always empty.
    #[inline]
    pub fn index_in(&self, text: &[u8], start: usize, word: &str) -> u32 {
        let n = word.len();
        let key = match text.get(start..start + 16) {
            Some(b) if (1..=16).contains(&n) => {
                let mut bytes = [0u8; 16];
                bytes.copy_from_slice(b);
                let x = u128::from_le_bytes(bytes) & (u128::MAX >> (128 - 8 * n));
                let (lo, hi) = (x as u64, (x >> 64) as u64);
                ([lower(lo), lower(hi), 0], n as u32)
            }
            _ => match key_of(word) {
                Some(key) => key,
                None => return ABSENT,
            },
        };
        let h = hash(&key);
        let home = h as usize & self.mask;
        let mut group = [0u8; GROUP];
        group.copy_from_slice(&self.tags[home..home + GROUP]);
        let hits = zero_bytes(u64::from_le_bytes(group) ^ (u64::from(tag(h)) * BYTES));
        // No tag alike (most words): the last slot, in no group, always
        // empty and soon in the cache, not a slot of the table far away.
        let past = self.slots.len() - 1;
        let first = home + (hits.trailing_zeros() / 8) as usize;
        let at = if hits == 0 { past } else { first };
        let s = &self.slots[at];
        let same = (s.len == key.1)
            & (s.key[0] == key.0[0])
            & (s.key[1] == key.0[1])
            & (s.key[2] == key.0[2]);
        // Another slot of the group with the same tag: rare, and looked at
        // one by one.
        if !same & (hits & hits.wrapping_sub(1) != 0) {
            return self.find(&key).map_or(ABSENT, |k| self.slots[k].value);
        }
        // The value, or all ones (ABSENT) when the key is not the slot's:
        // arithmetic, not a branch.
        s.value | u32::from(!same).wrapping_neg()
    }

    /// The value of `word` to change, ASCII case ignored.
    pub fn get_mut(&mut self, word: &str) -> Option<&mut V> {
        let v = self.index(word)?;
        self.values.get_mut(v as usize)
    }

    /// The value at `index`, as [`Vocab::index`] gave it.
    #[inline]
    pub fn at(&self, index: u32) -> &V {
        &self.values[index as usize]
    }

    /// The slot holding `key`, if any.
    #[inline]
    fn find(&self, key: &Key) -> Option<usize> {
        let h = hash(key);
        let t = tag(h);
        let home = h as usize & self.mask;
        (home..home + GROUP).find(|&i| {
            self.tags[i] == t && self.slots[i].len == key.1 && self.slots[i].key == key.0
        })
    }

    /// The value of `word`, inserted with `make` when absent; `None` for a
    /// word that no lookup can match (empty, or longer than [`MAX_WORD`]).
    pub fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> Option<&mut V> {
        let key = key_of(word)?;
        let v = match self.find(&key) {
            Some(s) => self.slots[s].value as usize,
            None => {
                if (self.values.len() + 1) * 2 > self.mask + 1 {
                    self.grow();
                }
                self.values.push(make());
                let v = self.values.len() - 1;
                while !self.place(key, v as u32) {
                    self.grow();
                }
                v
            }
        };
        Some(&mut self.values[v])
    }

    /// Sets the value of `word` (ignored for a word no lookup can match).
    pub fn insert(&mut self, word: &str, value: V) {
        let mut value = Some(value);
        if let Some(v) = self.get_or_insert_with(word, || value.take().expect("taken once")) {
            if let Some(new) = value.take() {
                *v = new;
            }
        }
    }

    /// Every value, in insertion order (the order of their indices).
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.values.iter()
    }

    /// Every value, in insertion order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.values.iter_mut()
    }

    /// A table of `homes` home slots (a power of two), empty.
    fn with_homes(homes: usize) -> Vocab<V> {
        Vocab {
            // The groups reach slot homes + GROUP - 2; the one after is
            // where a lookup that finds no tag compares its key.
            slots: vec![Slot::default(); homes + GROUP],
            tags: vec![0; homes + GROUP],
            mask: homes - 1,
            values: Vec::new(),
        }
    }

    /// Puts `key` in the first free slot of its group; false when the group
    /// is full.
    fn place(&mut self, (key, len): Key, value: u32) -> bool {
        let h = hash(&(key, len));
        let home = h as usize & self.mask;
        match (home..home + GROUP).find(|&i| self.tags[i] == 0) {
            Some(i) => {
                self.slots[i] = Slot { key, len, value };
                self.tags[i] = tag(h);
                true
            }
            None => false,
        }
    }

    /// Twice the home slots (again, until every key has a place in its
    /// group).
    fn grow(&mut self) {
        let mut homes = (self.mask + 1) * 2;
        loop {
            let mut bigger = Vocab::<V>::with_homes(homes);
            let all = self
                .slots
                .iter()
                .filter(|s| s.len != 0)
                .all(|s| bigger.place((s.key, s.len), s.value));
            if all {
                self.slots = bigger.slots;
                self.tags = bigger.tags;
                self.mask = bigger.mask;
                return;
            }
            homes *= 2;
        }
    }
}

impl<'w, V> FromIterator<(&'w str, V)> for Vocab<V> {
    /// Later values replace earlier ones of the same word.
    fn from_iter<I: IntoIterator<Item = (&'w str, V)>>(iter: I) -> Vocab<V> {
        let mut v = Vocab::default();
        for (w, x) in iter {
            v.insert(w, x);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn lower_matches_ascii_lowercase_on_every_byte() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = [b'A', b'z', 0x80, b'@', b'[', b'Z', 0xC3, b'`'];
                bytes[pos] = b;
                let x = u64::from_le_bytes(bytes);
                bytes.make_ascii_lowercase();
                assert_eq!(lower(x), u64::from_le_bytes(bytes), "byte {b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn keys_hold_the_bytes_of_every_length() {
        let text = "ABCDEFGHIJKLMNOPQRSTUVWXyz";
        for n in 1..=MAX_WORD {
            let (k, len) = key_of(&text[..n]).unwrap();
            let mut bytes = [0u8; 24];
            for (i, x) in k.iter().enumerate() {
                bytes[i * 8..i * 8 + 8].copy_from_slice(&x.to_le_bytes());
            }
            let mut want = [0u8; 24];
            want[..n].copy_from_slice(text[..n].to_ascii_lowercase().as_bytes());
            assert_eq!((bytes, len as usize), (want, n), "length {n}");
        }
        assert!(key_of("").is_none());
        assert!(key_of(&"a".repeat(MAX_WORD + 1)).is_none());
    }

    /// The table against a `HashMap` of lowercased words, on words that
    /// share prefixes and lengths, in several cases and scripts.
    #[test]
    fn agrees_with_a_hash_map() {
        let stems = [
            "said",
            "say",
            "told",
            "according",
            "président",
            "al-Sudani",
            "x",
        ];
        let mut words = Vec::new();
        for s in stems {
            for suffix in [
                "",
                "s",
                "ing",
                "ed",
                "’s",
                "-led",
                "ly",
                "counterintelligence",
            ] {
                words.push(format!("{s}{suffix}"));
            }
        }
        let vocab: Vocab<usize> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i))
            .collect();
        let map: HashMap<String, usize> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.len() <= MAX_WORD)
            .map(|(i, w)| (w.to_ascii_lowercase(), i))
            .collect();
        for w in &words {
            let shorter = w.char_indices().last().map_or("", |(i, _)| &w[..i]);
            for probe in [
                w.clone(),
                w.to_ascii_uppercase(),
                format!("{w}e"),
                shorter.to_owned(),
            ] {
                assert_eq!(
                    vocab.get(&probe),
                    map.get(&probe.to_ascii_lowercase()),
                    "{probe:?}"
                );
            }
        }
    }

    /// Looking a word up in place, with the text after it in the loads,
    /// finds what looking it up alone finds: at every offset and length,
    /// near the end of the text too.
    #[test]
    fn lookups_in_place_agree() {
        let vocab: Vocab<usize> = [
            "said",
            "Say",
            "told",
            "according",
            "président",
            "a",
            "counterintelligence",
        ]
        .into_iter()
        .enumerate()
        .map(|(i, w)| (w, i))
        .collect();
        let text =
            "Officials SAID, according to a président, what counterintelligence told them: say. a";
        for start in 0..text.len() {
            for end in start + 1..=text.len() {
                let Some(word) = text.get(start..end) else {
                    continue;
                };
                assert_eq!(
                    vocab.index_in(text.as_bytes(), start, word),
                    vocab.index(word).unwrap_or(ABSENT),
                    "{word:?} at {start}"
                );
            }
        }
    }

    /// Thousands of words: groups fill, the table grows until each key has
    /// a place, and keys share tags; every lookup still finds what a
    /// `HashMap` does, in place and alone.
    #[test]
    fn large_tables_agree_with_a_hash_map() {
        let words: Vec<String> = (0..6000u32)
            .map(|i| {
                format!(
                    "{}{}",
                    ["w", "said", "Ab", "x-"][i as usize % 4],
                    i * 7919 % 100_003
                )
            })
            .collect();
        let vocab: Vocab<u32> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i as u32))
            .collect();
        for (i, w) in words.iter().enumerate() {
            let text = format!("{w} and more text after it");
            assert_eq!(vocab.index_in(text.as_bytes(), 0, w), i as u32, "{w}");
            let absent = format!("{w}q");
            assert_eq!(
                vocab.index_in(absent.as_bytes(), 0, &absent),
                ABSENT,
                "{absent}"
            );
            assert_eq!(vocab.index(&absent), None);
        }
    }

    #[test]
    fn filters_let_their_words_through_in_any_case() {
        let f = WordFilter::of(["officials", "Pentagon", "x"]);
        for w in [
            "officials",
            "OFFICIALS",
            "Officials",
            "pentagon",
            "Pentagon",
            "X",
        ] {
            assert!(f.may_hold(w), "{w}");
        }
        assert!(!f.may_hold(""));
        assert!(!f.may_hold("official"));
        assert!(!WordFilter::default().may_hold("officials"));
    }

    #[test]
    fn insert_replaces_and_get_or_insert_keeps() {
        let mut v = Vocab::default();
        v.insert("Said", 1);
        v.insert("said", 2);
        assert_eq!(v.get("SAID"), Some(&2));
        assert_eq!(v.get_or_insert_with("said", || 3), Some(&mut 2));
        assert_eq!(v.get_or_insert_with("told", || 4), Some(&mut 4));
        assert_eq!(v.get("Told"), Some(&4));
        assert_eq!(v.get("tol"), None);
        assert!(v.get_or_insert_with("", || 5).is_none());
    }
}
