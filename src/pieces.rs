//! A short list of token ranges, kept inline while it is short.
//!
//! A candidate claim is made of such lists: the pieces of its content, the
//! tokens of its cue, the spans of its source. Nearly every one holds one
//! or two ranges ("“A,” he said, “B.”" has two content pieces), and the
//! rules build thousands of candidates per megabyte of news, most of them
//! dropped again: a vector each would be an allocation each.

use std::ops::{Deref, DerefMut, Range};

/// How many ranges are kept without allocating.
const INLINE: usize = 2;

/// A list of token ranges that lives inline up to [`INLINE`] ranges and
/// moves to the heap past that. It reads and writes as a slice.
#[derive(Clone, Debug)]
pub(crate) enum Pieces {
    /// The first `len` ranges of the array.
    Inline {
        len: u8,
        items: [Range<usize>; INLINE],
    },
    Heap(Vec<Range<usize>>),
}

impl Default for Pieces {
    fn default() -> Pieces {
        Pieces::Inline {
            len: 0,
            items: [0..0, 0..0],
        }
    }
}

impl Pieces {
    /// A list of the one range `r`.
    #[inline]
    pub fn one(r: Range<usize>) -> Pieces {
        Pieces::Inline {
            len: 1,
            items: [r, 0..0],
        }
    }

    /// Appends `r`.
    #[inline]
    pub fn push(&mut self, r: Range<usize>) {
        match self {
            Pieces::Inline { len, items } if usize::from(*len) < INLINE => {
                items[usize::from(*len)] = r;
                *len += 1;
            }
            Pieces::Inline { items, .. } => {
                let mut v = Vec::with_capacity(INLINE * 2);
                v.extend(items.iter().cloned());
                v.push(r);
                *self = Pieces::Heap(v);
            }
            Pieces::Heap(v) => v.push(r),
        }
    }

    /// Puts `r` at `index`, shifting those after it.
    pub fn insert(&mut self, index: usize, r: Range<usize>) {
        self.push(r);
        self[index..].rotate_right(1);
    }
}

impl Deref for Pieces {
    type Target = [Range<usize>];

    #[inline]
    fn deref(&self) -> &[Range<usize>] {
        match self {
            Pieces::Inline { len, items } => &items[..usize::from(*len)],
            Pieces::Heap(v) => v,
        }
    }
}

impl DerefMut for Pieces {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Range<usize>] {
        match self {
            Pieces::Inline { len, items } => &mut items[..usize::from(*len)],
            Pieces::Heap(v) => v,
        }
    }
}

impl Extend<Range<usize>> for Pieces {
    fn extend<I: IntoIterator<Item = Range<usize>>>(&mut self, iter: I) {
        for r in iter {
            self.push(r);
        }
    }
}

impl FromIterator<Range<usize>> for Pieces {
    fn from_iter<I: IntoIterator<Item = Range<usize>>>(iter: I) -> Pieces {
        let mut p = Pieces::default();
        p.extend(iter);
        p
    }
}

impl<'p> IntoIterator for &'p Pieces {
    type Item = &'p Range<usize>;
    type IntoIter = std::slice::Iter<'p, Range<usize>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for Pieces {
    type Item = Range<usize>;
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        match self {
            Pieces::Inline { len, items } => IntoIter::Inline(items.into_iter().take(len.into())),
            Pieces::Heap(v) => IntoIter::Heap(v.into_iter()),
        }
    }
}

/// The ranges of a [`Pieces`], by value.
#[derive(Debug)]
pub(crate) enum IntoIter {
    Inline(std::iter::Take<std::array::IntoIter<Range<usize>, INLINE>>),
    Heap(std::vec::IntoIter<Range<usize>>),
}

impl Iterator for IntoIter {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        match self {
            IntoIter::Inline(i) => i.next(),
            IntoIter::Heap(i) => i.next(),
        }
    }
}

impl PartialEq for Pieces {
    fn eq(&self, other: &Pieces) -> bool {
        **self == **other
    }
}

impl Eq for Pieces {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_vector_it_stands_for() {
        // Every operation, on lists short and long, against a Vec.
        for n in 0..6 {
            let mut p = Pieces::default();
            let mut v: Vec<Range<usize>> = Vec::new();
            for k in 0..n {
                p.push(k..k + 1);
                v.push(k..k + 1);
            }
            assert_eq!(&*p, &v[..]);
            p.insert(0, 9..10);
            v.insert(0, 9..10);
            assert_eq!(&*p, &v[..]);
            p[0] = 7..8;
            v[0] = 7..8;
            assert_eq!(&*p, &v[..]);
            assert_eq!(p.clone().into_iter().collect::<Vec<_>>(), v);
            let q: Pieces = v.iter().cloned().collect();
            assert_eq!(p, q);
        }
        let one = Pieces::one(3..5);
        assert_eq!((one.len(), one.first()), (1, Some(&(3..5))));
    }
}
