use std::borrow::Cow;
use std::fmt;

/// What went wrong, as a stable code the front end can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Malformed input: wrong type, out of range, unknown id.
    Invalid,
    /// Data written by a newer version of the tool.
    NewerVersion,
    /// Input larger than we accept.
    TooLarge,
    /// Storage is full.
    Quota,
    /// Storage cannot be used here (blocked, missing).
    Unavailable,
    /// Storage holds data from a newer version; nothing may be written.
    ReadOnly,
    /// A write did not read back as written.
    WriteMismatch,
    /// Any other storage failure.
    Storage,
}

impl ErrorKind {
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid",
            ErrorKind::NewerVersion => "newer_version",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Quota => "quota",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::ReadOnly => "read_only",
            ErrorKind::WriteMismatch => "write_mismatch",
            ErrorKind::Storage => "storage",
        }
    }
}

/// An error whose message starts with the offending field, e.g.
/// `answers.fatigue_2: 5 is outside 0..4`.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    pub field: String,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error { kind: ErrorKind::Invalid, field: field.into(), message: message.into() }
    }
    pub fn new(kind: ErrorKind, field: impl Into<String>, message: impl Into<String>) -> Self {
        Error { kind, field: field.into(), message: message.into() }
    }
}

impl Error {
    /// The same error for a value read at `parent`: `date` under `entries[3]` is
    /// `entries[3].date`, `[2]` under `events` is `events[2]`. A value read with
    /// an empty path builds no path unless it fails, and then this one.
    pub fn under(mut self, parent: &str) -> Self {
        self.field = if self.field.is_empty() {
            parent.to_string()
        } else if self.field.starts_with('[') {
            crate::cat::cat(&[parent, &self.field])
        } else {
            path(parent, &self.field).into_owned()
        };
        self
    }

    /// `field: message`, or the message alone when there is no field.
    pub fn text(&self) -> String {
        if self.field.is_empty() {
            self.message.clone()
        } else {
            crate::cat::cat(&[&self.field, ": ", &self.message])
        }
    }
}

/// The same as [`Error::text`] (the wasm build calls `text`, which needs no `core::fmt`).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Joins a parent path and a child name: `path("answers", "x")` is `answers.x`.
/// Under no parent it is the child itself, borrowed: records are read with an
/// empty path (see [`Error::under`]), so reading one builds no path at all.
pub fn path<'a>(parent: &str, child: &'a str) -> Cow<'a, str> {
    if parent.is_empty() { Cow::Borrowed(child) } else { Cow::Owned(crate::cat::cat(&[parent, ".", child])) }
}

/// Joins a parent path and an index: `index_path("events", 2)` is `events[2]`.
pub fn index_path(parent: &str, i: usize) -> String {
    crate::cat::cat(&[parent, "[", &crate::cat::int(i as i64), "]"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_placed_under_a_parent_names_the_path_built_up_front() {
        // What reading at the full path gave, for each kind of field an item's reader names.
        let under = |field: &str| Error::invalid(field, "m").under("entries[3]").field;
        assert_eq!(under(""), "entries[3]");
        assert_eq!(under("date"), path("entries[3]", "date"));
        assert_eq!(under("context.scope"), path(&path("entries[3]", "context"), "scope"));
        assert_eq!(under("[2]"), index_path("entries[3]", 2));
        assert_eq!(Error::invalid("[2]", "m").under("events").field, index_path("events", 2));
        assert_eq!(Error::invalid("x", "m").under("").field, "x");
        // Kind and message are kept.
        let e = Error::new(ErrorKind::Quota, "k", "full").under("p");
        assert_eq!((e.kind, e.message.as_str(), e.text()), (ErrorKind::Quota, "full", "p.k: full".to_string()));
    }
}
