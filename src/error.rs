//! The one error type: building an [`Extractor`](crate::Extractor) from a
//! custom lexicon can fail; extracting never does.

/// Why [`ExtractorBuilder::build`](crate::ExtractorBuilder::build) failed.
///
/// The error is opaque: its message names the lexicon, the line and what is
/// wrong with it, and [`BuildError::line`] gives the line number to tools.
///
/// # Example
///
/// ```
/// let err = claimant::Extractor::builder()
///     .cue_verbs("opine\tspeech\tthat\n")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.line(), Some(1));
/// assert!(err.to_string().contains("4 tab-separated fields"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct BuildError {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ErrorKind {
    #[error("{lexicon}, line {line}: {message}")]
    Lexicon {
        lexicon: String,
        line: usize,
        message: String,
    },
}

impl BuildError {
    pub(crate) fn new(kind: ErrorKind) -> BuildError {
        BuildError { kind }
    }

    /// The 1-based line of the custom lexicon that is wrong, when the error
    /// is about one line.
    ///
    /// ```
    /// let err = claimant::Extractor::builder()
    ///     .cue_verbs("# my verbs\nopine\tspeeches\tthat\topine opined\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        match &self.kind {
            ErrorKind::Lexicon { line, .. } => Some(*line),
        }
    }
}
