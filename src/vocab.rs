//! [`Vocab`]: the lookup table of the lexicons, asked about every word of
//! every text.
//!
//! A word list is asked about each word token ("is `said` a cue verb, is
//! `the` a determiner?"), nearly always with the answer no. A general hash
//! map of strings pays for that with a case-folded copy, a UTF-8 check, a
//! hash over bytes and a `memcmp` per probe. Here a word of at most
//! [`MAX_WORD`] bytes becomes three 64-bit integers, lowercased eight bytes
//! at a time; the hash is two multiplications and a probe compares three
//! integers. Longer words are in no list.

/// The longest word a [`Vocab`] holds, in bytes ("counterintelligence" has
/// 19; a longer token is in no lexicon).
pub(crate) const MAX_WORD: usize = 24;

/// A word as a key: its bytes, ASCII-lowercased and zero-padded, and its
/// length.
type Key = ([u64; 3], u32);

/// A table from words to values that ignores ASCII case: "Said", "SAID" and
/// "said" are one key. Non-ASCII bytes are compared as they are, so a key
/// is written in lowercase ("président") to match its lowercase forms.
#[derive(Clone, Debug)]
pub(crate) struct Vocab<V> {
    /// Open addressing with linear probing, a power of two long, at most
    /// half full.
    slots: Vec<Slot>,
    values: Vec<V>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: [u64; 3],
    /// The key's length; 0 for an empty slot.
    len: u32,
    value: u32,
}

impl<V> Default for Vocab<V> {
    fn default() -> Vocab<V> {
        Vocab {
            slots: vec![Slot::default(); 16],
            values: Vec::new(),
        }
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

    /// [`Vocab::index`] of `word`, which is `text[start..start + word.len()]`.
    ///
    /// Asked of every word of a document: when sixteen bytes can be read
    /// from the word's start, a word of at most sixteen bytes becomes its
    /// key with two loads and a mask, with no branch on its length (word
    /// lengths in news follow no pattern a branch predictor could learn).
    #[inline]
    pub fn index_in(&self, text: &[u8], start: usize, word: &str) -> Option<u32> {
        let n = word.len();
        let key = match text.get(start..start + 16) {
            Some(b) if (1..=16).contains(&n) => {
                let mut bytes = [0u8; 16];
                bytes.copy_from_slice(b);
                let x = u128::from_le_bytes(bytes) & (u128::MAX >> (128 - 8 * n));
                let (lo, hi) = (x as u64, (x >> 64) as u64);
                ([lower(lo), lower(hi), 0], n as u32)
            }
            _ => key_of(word)?,
        };
        self.find(&key).map(|s| self.slots[s].value)
    }

    /// The value at `index`, as [`Vocab::index`] gave it.
    #[inline]
    pub fn at(&self, index: u32) -> &V {
        &self.values[index as usize]
    }

    /// The slot holding `key`, if any.
    #[inline]
    fn find(&self, key: &Key) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = hash(key) as usize & mask;
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return None;
            }
            if s.len == key.1 && s.key == key.0 {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `word`, inserted with `make` when absent; `None` for a
    /// word that no lookup can match (empty, or longer than [`MAX_WORD`]).
    pub fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> Option<&mut V> {
        let key = key_of(word)?;
        let v = match self.find(&key) {
            Some(s) => self.slots[s].value as usize,
            None => {
                if (self.values.len() + 1) * 2 > self.slots.len() {
                    self.grow();
                }
                self.values.push(make());
                let v = self.values.len() - 1;
                self.place(key, v as u32);
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

    /// Every value, in insertion order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.values.iter_mut()
    }

    fn place(&mut self, (key, len): Key, value: u32) {
        let mask = self.slots.len() - 1;
        let mut i = hash(&(key, len)) as usize & mask;
        while self.slots[i].len != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { key, len, value };
    }

    fn grow(&mut self) {
        let bigger = vec![Slot::default(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, bigger);
        for s in old.into_iter().filter(|s| s.len != 0) {
            self.place((s.key, s.len), s.value);
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
                    vocab.index(word),
                    "{word:?} at {start}"
                );
            }
        }
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
