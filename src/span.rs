//! [`Span`]: a half-open range of UTF-8 byte offsets.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open range `[start, end)` of UTF-8 byte offsets into the caller's text.
///
/// Every span that claimant returns lies on `char` boundaries of the text it
/// was computed from, so `&text[span]` never panics on that text. `Span` is
/// `Copy` (unlike `Range<usize>`) and serializes as a two-element array
/// `[start, end]`, the form used by the claims-jsonl format.
///
/// # Example
///
/// ```
/// use claimant::Span;
///
/// let text = "“Yes,” she said.";
/// let quote = Span::new(0, 10);
/// assert_eq!(&text[quote], "“Yes,”");
/// assert_eq!(quote.len(), 10);
/// assert!(quote.contains(9) && !quote.contains(10));
/// assert_eq!(serde_json::to_string(&quote).unwrap(), "[0,10]");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start > end` is a caller bug; the span is then
    /// clamped to the empty span at `start`.
    ///
    /// ```
    /// use claimant::Span;
    /// assert_eq!(Span::new(3, 7).len(), 4);
    /// assert!(Span::new(7, 3).is_empty());
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        if end < start {
            Span { start, end: start }
        } else {
            Span { start, end }
        }
    }

    /// Number of bytes covered (0 for a reversed span built by hand).
    ///
    /// ```
    /// assert_eq!(claimant::Span::new(2, 5).len(), 3);
    /// assert_eq!(claimant::Span { start: 5, end: 2 }.len(), 0);
    /// ```
    #[inline]
    pub const fn len(self) -> usize {
        // Saturating: the fields are public, so a reversed span can exist.
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    ///
    /// ```
    /// assert!(claimant::Span::new(4, 4).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// True when byte offset `offset` lies inside the span. The end is
    /// exclusive: a span never contains its own `end`.
    ///
    /// ```
    /// let s = claimant::Span::new(2, 5);
    /// assert!(s.contains(2) && s.contains(4));
    /// assert!(!s.contains(5) && !s.contains(1));
    /// ```
    #[inline]
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when `other` lies entirely within this span (an empty `other`
    /// is inside when its position is within `[start, end]`).
    ///
    /// ```
    /// use claimant::Span;
    /// assert!(Span::new(0, 10).encloses(Span::new(2, 10)));
    /// assert!(!Span::new(0, 10).encloses(Span::new(2, 11)));
    /// ```
    #[inline]
    pub const fn encloses(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// use claimant::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    /// ```
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end && !self.is_empty() && !other.is_empty()
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// use claimant::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(7, 9)), Span::new(2, 9));
    /// ```
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span moved right by `delta` bytes.
    ///
    /// ```
    /// use claimant::Span;
    /// assert_eq!(Span::new(2, 4).shift(10), Span::new(12, 14));
    /// ```
    #[inline]
    pub const fn shift(self, delta: usize) -> Span {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The span as a `Range<usize>`.
    ///
    /// ```
    /// assert_eq!(claimant::Span::new(1, 3).range(), 1..3);
    /// ```
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The text of the span, or `None` when the span is out of bounds or not
    /// on char boundaries of `text`.
    ///
    /// ```
    /// use claimant::Span;
    /// assert_eq!(Span::new(0, 3).get("“x”"), Some("“"));
    /// assert_eq!(Span::new(0, 1).get("“x”"), None);
    /// ```
    #[inline]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// `&string[span]` works on a `String` as on a `str`.
///
/// ```
/// let text = String::from("say “hi” now");
/// let q = &claimant::quotations(&text).quotations[0];
/// assert_eq!(&text[q.span()], "“hi”");
/// ```
impl Index<Span> for String {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span.range()]
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        if end < start {
            return Err(serde::de::Error::custom(format!(
                "span end {end} is before its start {start}"
            )));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_table() {
        // (a, b, overlaps, a encloses b)
        let cases = [
            ((0, 5), (5, 9), false, false),
            ((0, 5), (4, 9), true, false),
            ((0, 5), (0, 5), true, true),
            ((0, 5), (1, 4), true, true),
            ((0, 5), (3, 3), false, true),
            ((3, 3), (0, 5), false, false),
            ((2, 8), (0, 2), false, false),
            ((2, 8), (0, 3), true, false),
        ];
        for (a, b, ov, enc) in cases {
            let (a, b) = (Span::new(a.0, a.1), Span::new(b.0, b.1));
            assert_eq!(a.overlaps(b), ov, "{a:?} overlaps {b:?}");
            assert_eq!(b.overlaps(a), ov, "{b:?} overlaps {a:?}");
            assert_eq!(a.encloses(b), enc, "{a:?} encloses {b:?}");
        }
    }

    #[test]
    fn contains_is_half_open() {
        let s = Span::new(10, 12);
        assert_eq!(
            (9..14).filter(|&i| s.contains(i)).collect::<Vec<_>>(),
            [10, 11]
        );
        assert!(!Span::new(4, 4).contains(4));
    }

    /// The span predicates against a naive oracle over the set of offsets
    /// each span covers.
    #[test]
    fn predicates_match_offset_sets() {
        let covered = |s: Span| (s.start..s.end).collect::<std::collections::BTreeSet<usize>>();
        for a0 in 0..6 {
            for a1 in a0..6 {
                for b0 in 0..6 {
                    for b1 in b0..6 {
                        let (a, b) = (Span::new(a0, a1), Span::new(b0, b1));
                        let (sa, sb) = (covered(a), covered(b));
                        assert_eq!(a.len(), sa.len());
                        assert_eq!(a.is_empty(), sa.is_empty());
                        assert_eq!(a.overlaps(b), !sa.is_disjoint(&sb), "{a:?} {b:?}");
                        let inside = if b.is_empty() {
                            a.start <= b.start && b.start <= a.end
                        } else {
                            sb.is_subset(&sa)
                        };
                        assert_eq!(a.encloses(b), inside, "{a:?} {b:?}");
                        let c = a.cover(b);
                        assert!(c.encloses(a) && c.encloses(b));
                        assert_eq!((c.start, c.end), (a0.min(b0), a1.max(b1)));
                        for o in 0..7 {
                            assert_eq!(a.contains(o), sa.contains(&o), "{a:?} {o}");
                        }
                        assert_eq!(a.shift(3).len(), a.len());
                        assert_eq!(Span::from(a.range()), a);
                    }
                }
            }
        }
    }

    #[test]
    fn serde_round_trip_and_rejects_reversed() {
        let s = Span::new(3, 8);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "[3,8]");
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), s);
        assert!(serde_json::from_str::<Span>("[8,3]").is_err());
        assert!(serde_json::from_str::<Span>("[1]").is_err());
    }
}
