//! A JSON value of our own. Every input reaching the core (from JS objects via
//! `bindings`, or from text via [`parse`]) becomes a [`Json`] first, and is then
//! validated by hand so that each error names its field. Every output leaves as
//! [`Json`] text. Keeping the parser and printer here spares the wasm module
//! serde, serde_json and serde-wasm-bindgen and their per-type code.

use std::borrow::Cow;

use crate::cat::{cat, int, push_hex, push_int};
use crate::error::{path, Error, Result};

/// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Members in their original order; on duplicate keys the last one wins.
    Obj(Vec<(Key, Json)>),
}

/// An object member's name: borrowed when it is one of this crate's own (written
/// from a literal, or read and found in `KNOWN_NAMES`), so the names of 2,000
/// records cost no allocation each; owned otherwise.
pub type Key = Cow<'static, str>;

impl Json {
    pub fn obj(members: Vec<(&'static str, Json)>) -> Json {
        // A loop, not `map`/`collect`: less wasm (the crate prefers loops for that).
        let mut m = Vec::with_capacity(members.len());
        for (k, v) in members {
            m.push((Cow::Borrowed(k), v));
        }
        Json::Obj(m)
    }
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }
    pub fn opt_num(n: Option<f64>) -> Json {
        n.map_or(Json::Null, Json::Num)
    }
    pub fn opt_str(s: Option<&str>) -> Json {
        s.map_or(Json::Null, |s| Json::Str(s.to_string()))
    }

    /// The member `key` of an object (the last one if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A short name of the value's type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }

    /// Compact JSON text.
    pub fn to_text(&self) -> String {
        // Fractional numbers are formatted all at once (one trip to JS in the wasm build).
        let mut fractional = Vec::new();
        self.fractional_numbers(&mut fractional);
        let texts = fractional_texts(&fractional);
        let mut out = String::new();
        // `[',']`, not `','`: see `num::expand_exponent`.
        self.write_to(&mut out, &mut texts.split([',']));
        out
    }

    /// Whole numbers below 9e15 print as integers (the same text as Rust's
    /// float formatting, for every integer below 2^53); zero by its sign.
    pub(crate) fn is_whole(n: f64) -> bool {
        n == 0.0 || (n.fract() == 0.0 && n.abs() < 9.0e15)
    }

    /// A number `write_num` takes from the texts of `fractional_texts`: finite and not whole.
    pub(crate) fn is_fractional(n: f64) -> bool {
        n.is_finite() && !Json::is_whole(n)
    }

    fn fractional_numbers(&self, out: &mut Vec<f64>) {
        match self {
            Json::Num(n) if Json::is_fractional(*n) => out.push(*n),
            Json::Arr(a) => a.iter().for_each(|v| v.fractional_numbers(out)),
            Json::Obj(m) => m.iter().for_each(|(_, v)| v.fractional_numbers(out)),
            _ => {}
        }
    }

    fn write_to<'t>(&self, out: &mut String, texts: &mut impl Iterator<Item = &'t str>) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => write_num(*n, out, texts),
            Json::Str(s) => write_str(s, out),
            Json::Arr(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write_to(out, texts);
                }
                out.push(']');
            }
            Json::Obj(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(k, out);
                    out.push(':');
                    v.write_to(out, texts);
                }
                out.push('}');
            }
        }
    }
}

/// The shortest texts of `numbers` (each `Json::is_fractional`), joined by commas,
/// for `write_num` in their order; one trip to JS in the wasm build, none without any.
pub(crate) fn fractional_texts(numbers: &[f64]) -> String {
    if numbers.is_empty() { String::new() } else { crate::num::shortest_many(numbers) }
}

/// Appends `n` as `to_text` writes it: a fractional number as the next of
/// `texts` (see `to_text`), else as its own shortest text.
pub(crate) fn write_num<'t>(n: f64, out: &mut String, texts: &mut impl Iterator<Item = &'t str>) {
    // Whole numbers (answers, times, counts) skip float formatting; the
    // text is the same, as it is for every integer below 2^53.
    if n == 0.0 {
        out.push_str(if n.is_sign_negative() { "-0" } else { "0" });
    } else if Json::is_whole(n) {
        push_int(out, n as i64);
    } else if n.is_finite() {
        match texts.next() {
            Some(t) => out.push_str(t),
            None => out.push_str(&crate::num::shortest(n)),
        }
    } else {
        out.push_str("null");
    }
}

/// Appends `s` as a JSON string.
pub(crate) fn write_str(s: &str, out: &mut String) {
    out.push('"');
    // Copy runs that need no escape in one go: per-char pushes made printing a
    // long history several times slower.
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(plain..i).unwrap_or_default());
        if esc.is_empty() {
            out.push_str("\\u");
            push_hex(out, u64::from(b), 4);
        } else {
            out.push_str(esc);
        }
        plain = i + 1;
    }
    out.push_str(s.get(plain..).unwrap_or_default());
    out.push('"');
}

/// Parses JSON text. Errors name `field` and the byte offset; never panics.
pub fn parse(text: &str, field: &str) -> Result<Json> {
    let mut p = Parser { text, s: text.as_bytes(), i: 0, field, deferred: Vec::new() };
    p.ws();
    let mut v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    if !p.deferred.is_empty() {
        let mut texts: Vec<&str> = Vec::with_capacity(p.deferred.len());
        for &(a, b) in &p.deferred {
            texts.push(text.get(a..b).unwrap_or("0"));
        }
        let numbers = crate::num::parse_many(&texts);
        v.fill_placeholders(&mut numbers.into_iter());
    }
    Ok(v)
}

/// JSON text read one value at a time, for a caller that knows the shape it
/// expects (an export, `exchange::read_export_fast`), instead of as one tree.
/// Each method gives `None` where the text is not what it reads (or not JSON at
/// all); the caller then reads the text with [`parse`], which names what is
/// wrong. Through the same parser: whatever it reads, `parse` reads the same.
pub(crate) struct Reader<'a>(Parser<'a>);

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Reader(Parser { text, s: text.as_bytes(), i: 0, field: "", deferred: Vec::new() })
    }
    /// Past whitespace, takes `b` if it comes next.
    pub(crate) fn take(&mut self, b: u8) -> bool {
        self.0.ws();
        let next = self.0.s.get(self.0.i) == Some(&b);
        self.0.i += usize::from(next);
        next
    }
    /// A member's name (as `parse` reads it, escapes and all) and its colon.
    pub(crate) fn key(&mut self) -> Option<Key> {
        self.0.ws();
        if self.0.s.get(self.0.i) != Some(&b'"') {
            return None;
        }
        let k = self.0.string(true).ok()?;
        self.take(b':').then_some(k)
    }
    /// The member `name` of an object at the top, its value as `parse` builds it.
    pub(crate) fn member(&mut self, name: &str) -> Option<Json> {
        if &*self.key()? != name {
            return None;
        }
        self.value(1)
    }
    /// Any value, `depth` levels down, as `parse` builds it (not a long decimal:
    /// `parse` reads those after the rest, all at once).
    pub(crate) fn value(&mut self, depth: usize) -> Option<Json> {
        self.0.ws();
        let v = self.0.value(depth).ok()?;
        self.0.deferred.is_empty().then_some(v)
    }
    /// An object, `depth` levels down, into `into` (made an object if it is not
    /// one), reusing what it holds (`Parser::object_into`).
    pub(crate) fn object_into(&mut self, into: &mut Json, depth: usize) -> Option<()> {
        self.0.ws();
        if !matches!(into, Json::Obj(_)) {
            *into = Json::Obj(Vec::new());
        }
        let Json::Obj(m) = into else { return None };
        self.0.object_into(m, depth).ok()?;
        self.0.deferred.is_empty().then_some(())
    }
    /// Only whitespace is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.0.ws();
        self.0.i == self.0.s.len()
    }
}

impl Json {
    /// Puts the deferred numbers in place of the parser's NaN placeholders, in
    /// document order (the order the parser met them).
    fn fill_placeholders(&mut self, numbers: &mut impl Iterator<Item = f64>) {
        match self {
            Json::Num(n) if n.is_nan() => *n = numbers.next().unwrap_or(0.0),
            Json::Arr(a) => a.iter_mut().for_each(|v| v.fill_placeholders(numbers)),
            Json::Obj(m) => m.iter_mut().for_each(|(_, v)| v.fill_placeholders(numbers)),
            _ => {}
        }
    }
}

/// The names records are made of (entries, events and exports, stored records
/// and the meta), in alphabetical order: the parser borrows these instead of
/// allocating each one it reads (some 24,000 in an import of 2,000 entries, and
/// as many opening a stored history of 2,000). Any other name is read as it is:
/// this list only saves allocations, and a test checks every name we write is in it.
const KNOWN_NAMES: [&str; 36] = [
    "a", "answers", "at", "c", "context", "d", "date", "duration", "end", "entries", "events",
    "exported_at", "f", "form", "format", "id", "kind", "l", "locale", "n", "note", "q",
    "questionnaire_version", "r", "result", "s", "saved", "schema", "scope", "scoring_version",
    "secondary", "start", "t", "type", "version", "what",
];

struct Parser<'a> {
    text: &'a str,
    /// `text`'s bytes.
    s: &'a [u8],
    i: usize,
    field: &'a str,
    /// Where the numbers parsed after the rest are (long decimals).
    deferred: Vec<(usize, usize)>,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> Error {
        Error::invalid(self.field, cat(&["not valid JSON (", what, " at byte ", &int(self.i as i64), ")"]))
    }
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.s.get(self.i) {
            self.i += 1;
        }
    }
    fn eat(&mut self, lit: &str) -> Result<()> {
        if self.s.get(self.i..).is_some_and(|rest| rest.starts_with(lit.as_bytes())) {
            self.i += lit.len();
            Ok(())
        } else {
            Err(self.err("unexpected token"))
        }
    }
    fn value(&mut self, depth: usize) -> Result<Json> {
        if depth > MAX_DEPTH {
            return Err(self.err("nesting too deep"));
        }
        match self.s.get(self.i) {
            None => Err(self.err("unexpected end")),
            Some(b'n') => self.eat("null").map(|_| Json::Null),
            Some(b't') => self.eat("true").map(|_| Json::Bool(true)),
            Some(b'f') => self.eat("false").map(|_| Json::Bool(false)),
            Some(b'"') => self.string(false).map(|s| Json::Str(s.into_owned())),
            Some(b'[') => {
                self.i += 1;
                let mut a = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(a));
                }
                loop {
                    self.ws();
                    a.push(self.value(depth + 1)?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(a));
                        }
                        _ => return Err(self.err("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                // Into a new object: the one loop for objects (`object_into`).
                let mut m = Vec::new();
                self.object_into(&mut m, depth)?;
                Ok(Json::Obj(m))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("unexpected character")),
        }
    }
    /// An object into `m`, as `value` reads one, reusing the strings and objects
    /// already at the same places: the entries of an export read one after
    /// another into one `m` allocate almost nothing (`Reader::object_into`).
    fn object_into(&mut self, m: &mut Vec<(Key, Json)>, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(self.err("nesting too deep"));
        }
        if self.s.get(self.i) != Some(&b'{') {
            return Err(self.err("expected an object"));
        }
        self.i += 1;
        let mut n = 0;
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            m.truncate(0);
            return Ok(());
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err("expected a key"));
            }
            let k = self.string(true)?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Err(self.err("expected :"));
            }
            self.i += 1;
            self.ws();
            match (m.get_mut(n), self.s.get(self.i)) {
                (Some((key, Json::Str(s))), Some(b'"')) => {
                    *key = k;
                    self.string_into(s, false)?;
                }
                (Some((key, Json::Obj(o))), Some(b'{')) => {
                    *key = k;
                    self.object_into(o, depth + 1)?;
                }
                (Some(slot), _) => *slot = (k, self.value(depth + 1)?),
                (None, _) => {
                    let v = self.value(depth + 1)?;
                    m.push((k, v));
                }
            }
            n += 1;
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    m.truncate(n);
                    return Ok(());
                }
                _ => return Err(self.err("expected , or }")),
            }
        }
    }
    fn number(&mut self) -> Result<Json> {
        let start = self.i;
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.i;
            while let Some(b'0'..=b'9') = p.s.get(p.i) {
                p.i += 1;
            }
            p.i - s
        };
        let int_len = digits(self);
        if int_len == 0 {
            return Err(self.err("expected a digit"));
        }
        let mut exp_len = 0;
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err("expected a digit"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            exp_len = digits(self);
            if exp_len == 0 {
                return Err(self.err("expected a digit"));
            }
        }
        // ASCII digits and signs: `get` cannot fail on a character boundary.
        let text = self.text.get(start..self.i).ok_or_else(|| self.err("bad number"))?;
        if let Some(n) = crate::num::parse_short(text) {
            return Ok(Json::Num(n));
        }
        // Below 10^299 whatever the digits, so surely finite: parsed later, all
        // at once with the others (a placeholder NaN holds its place till then).
        if int_len <= 200 && exp_len <= 2 {
            self.deferred.push((start, self.i));
            return Ok(Json::Num(f64::NAN));
        }
        match crate::num::parse(text) {
            n if n.is_finite() => Ok(Json::Num(n)),
            _ => Err(self.err("number out of range")),
        }
    }
    fn hex4(&mut self) -> Result<u32> {
        let h = self.s.get(self.i..self.i + 4).ok_or_else(|| self.err("short \\u escape"))?;
        // Four hex digits, read by hand (no `from_utf8` + `from_str_radix`).
        let mut v = 0;
        for &b in h {
            let d = (b as char).to_digit(16).ok_or_else(|| self.err("bad \\u escape"))?;
            v = v * 16 + d;
        }
        self.i += 4;
        Ok(v)
    }
    /// A string; for a member's name (`name`), one of `KNOWN_NAMES` written
    /// without escapes comes back borrowed.
    fn string(&mut self, name: bool) -> Result<Key> {
        let mut out = String::new();
        Ok(match self.string_into(&mut out, name)? {
            Some(known) => Cow::Borrowed(known),
            None => Cow::Owned(out),
        })
    }
    /// A string into `out` (emptied first, its room kept); for a name, one of
    /// `KNOWN_NAMES` written without escapes is given back instead.
    fn string_into(&mut self, out: &mut String, name: bool) -> Result<Option<&'static str>> {
        self.i += 1; // opening quote
        out.clear();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // Split only at ASCII bytes, so at character boundaries: `get` on the
            // text (no `from_utf8`, which validated every byte again) cannot fail.
            let piece = self.text.get(start..self.i).ok_or_else(|| self.err("bad UTF-8"))?;
            match self.s.get(self.i) {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    if name && out.is_empty() {
                        // A scan, not a binary search: that compiled 0.1 KB more for 36 names.
                        if let Some(&known) = KNOWN_NAMES.iter().find(|&&k| k == piece) {
                            return Ok(Some(known));
                        }
                    }
                    out.push_str(piece);
                    return Ok(None);
                }
                Some(b'\\') => {
                    out.push_str(piece);
                    self.i += 1;
                    let c = self.s.get(self.i).copied().ok_or_else(|| self.err("unterminated string"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return Err(self.err("lone surrogate"));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("lone surrogate"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.err("lone surrogate"))?);
                        }
                        _ => return Err(self.err("bad escape")),
                    }
                }
                Some(_) => return Err(self.err("control character in string")),
            }
        }
    }
}

// ---- path-aware accessors used by every validator ----

/// The value at `key` of an object at `at`, or an error naming `at.key`.
pub fn member<'a>(obj: &'a Json, at: &str, key: &str) -> Result<&'a Json> {
    match obj {
        Json::Obj(_) => obj.get(key).ok_or_else(|| Error::invalid(path(at, key), "is missing")),
        other => Err(Error::invalid(at, cat(&["expected an object, got ", other.type_name()]))),
    }
}

/// An object's members, or an error naming `at`.
pub fn as_obj<'a>(v: &'a Json, at: &str) -> Result<&'a [(Key, Json)]> {
    match v {
        Json::Obj(m) => Ok(m),
        other => Err(Error::invalid(at, cat(&["expected an object, got ", other.type_name()]))),
    }
}

/// `parts` joined by `sep`, as `[S]::join` gives it; one small loop per type
/// instead of the standard library's 1 KB routine per type.
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.as_ref().len() + sep.len()).sum());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

/// `f` of each element of `items`, stopping at the first error, which is placed
/// under the element's path `at[i]`. A plain loop: collecting into
/// `Result<Vec<_>>` compiled two iterator adapters per call site.
pub fn each<T>(items: &[Json], at: &str, f: &mut dyn FnMut(&Json) -> Result<T>) -> Result<Vec<T>> {
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        // `f` reads the item at the empty path, and only an error is placed under
        // `at[i]`: building every item's path up front cost an import of 2,000
        // entries some 18,000 allocations (its paths, and the members' under them).
        out.push(f(v).map_err(|e| e.under(&crate::error::index_path(at, i)))?);
    }
    Ok(out)
}

pub fn as_arr<'a>(v: &'a Json, at: &str) -> Result<&'a [Json]> {
    match v {
        Json::Arr(a) => Ok(a),
        other => Err(Error::invalid(at, cat(&["expected an array, got ", other.type_name()]))),
    }
}

pub fn as_str<'a>(v: &'a Json, at: &str) -> Result<&'a str> {
    match v {
        Json::Str(s) => Ok(s),
        other => Err(Error::invalid(at, cat(&["expected a string, got ", other.type_name()]))),
    }
}

pub fn as_num(v: &Json, at: &str) -> Result<f64> {
    match v {
        Json::Num(n) => Ok(*n),
        other => Err(Error::invalid(at, cat(&["expected a number, got ", other.type_name()]))),
    }
}

/// A member that may be absent or null.
pub fn optional<'a>(obj: &'a Json, key: &str) -> Option<&'a Json> {
    match obj.get(key) {
        None | Some(Json::Null) => None,
        Some(v) => Some(v),
    }
}

/// Refuses object members not in `allowed`, naming the first stranger.
pub fn only_keys(obj: &Json, at: &str, allowed: &[&str]) -> Result<()> {
    for (i, (k, _)) in as_obj(obj, at)?.iter().enumerate() {
        // Records list their keys in `allowed`'s order, so most are found at their own place first.
        let k: &str = k;
        if allowed.get(i) != Some(&k) && !allowed.contains(&k) {
            // An empty name is named `""`, or it would make no field of its own.
            return Err(Error::invalid(path(at, if k.is_empty() { "\"\"" } else { k }), "is not a known field"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_sorted_and_read_borrowed() {
        // In order, so each is listed once.
        assert!(KNOWN_NAMES.windows(2).all(|w| w[0] < w[1]), "{KNOWN_NAMES:?}");
        let names = |v: &Json| match v {
            Json::Obj(m) => m.iter().map(|(k, _)| (k.to_string(), matches!(k, Cow::Borrowed(_)))).collect::<Vec<_>>(),
            _ => panic!("not an object"),
        };
        // Known names borrowed; others, and known ones written with an escape, read as they are.
        let v = parse(r#"{"id":1,"answers":{"fatigue_1":2},"\u0069d":3,"":4,"note ":5,"schema":6}"#, "").unwrap();
        let expected = [("id", true), ("answers", true), ("id", false), ("", false), ("note ", false), ("schema", true)];
        assert_eq!(names(&v), expected.map(|(k, b)| (k.to_string(), b)));
        assert_eq!(names(v.get("answers").unwrap()), [("fatigue_1".to_string(), false)]);
        // Every name an export, a stored record and the meta are written with is one
        // of them (the answers' item ids are not: version 2 writes digits).
        let input = parse(r#"{"form":"quick","locale":"en","answers":{"fatigue_1":2},"context":{"duration":"6_12m","scope":"work","secondary":["money"]}}"#, "").unwrap();
        let entry = crate::history::record::new_entry(&crate::scoring::parse_input(&input).unwrap(), 0, crate::date::Date::from_ymd(2026, 3, 1).unwrap(), Some("n".into()));
        let events = ["{\"kind\":\"rest\",\"start\":\"2026-03-07\",\"end\":\"2026-03-21\",\"type\":\"vacation\",\"note\":\"n\"}", "{\"kind\":\"change\",\"date\":\"2026-03-07\",\"what\":\"role\"}"]
            .map(|e| crate::history::record::parse_event_input(&parse(e, "").unwrap()).unwrap());
        let export = crate::history::exchange::export_json(&crate::history::History { entries: vec![entry.clone()], events: events.to_vec() }, 0);
        fn walk(v: &Json, out: &mut Vec<String>) {
            match v {
                Json::Arr(a) => a.iter().for_each(|v| walk(v, out)),
                Json::Obj(m) => m.iter().for_each(|(k, v)| (out.push(k.to_string()), walk(v, out)).1),
                _ => {}
            }
        }
        let mut written = Vec::new();
        for text in [export, crate::history::compact::record_text(&entry), crate::history::record::event_to_json(&events[0]).to_text(), "{\"schema\":2}".to_string()] {
            walk(&parse(&text, "").unwrap(), &mut written);
        }
        assert!(written.len() > 30, "{written:?}");
        for name in written {
            assert!(KNOWN_NAMES.contains(&name.as_str()), "{name} is written but not in KNOWN_NAMES");
        }
    }

    #[test]
    fn join_is_the_standard_join() {
        for parts in [vec![], vec![""], vec!["a"], vec!["a", "b"], vec!["", "ü", ""], vec!["x", "y", "z"]] {
            for sep in ["", ",", "; "] {
                assert_eq!(join(&parts, sep), parts.join(sep));
                let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                assert_eq!(join(&owned, sep), owned.join(sep));
            }
        }
    }

    #[test]
    fn round_trips_text() {
        let t = r#"{"a":[1,2.5,-3e2,true,null],"b":"x\"y\\z\n\u00e9\ud83d\ude00","c":{}}"#;
        let v = parse(t, "f").unwrap();
        assert_eq!(parse(&v.to_text(), "f").unwrap(), v);
        assert_eq!(v.get("b"), Some(&Json::str("x\"y\\z\né😀")));
    }

    #[test]
    fn prints_escapes_and_numbers_as_before() {
        let v = Json::Arr(vec![
            Json::str("a\u{1}b\tc\"d\\e\r\nf é😀"),
            Json::Num(3.0),
            Json::Num(-0.0),
            Json::Num(1_767_000_000_000.0),
            Json::Num(8.64e15),
            Json::Num(58.333333333333336),
            Json::Num(1e21),
            Json::Num(f64::NAN),
        ]);
        let text = v.to_text();
        assert_eq!(
            text,
            r#"["a\u0001b\tc\"d\\e\r\nf é😀",3,-0,1767000000000,8640000000000000,58.333333333333336,1000000000000000000000,null]"#
        );
        assert_eq!(parse(&text, "x").unwrap().to_text(), text);
    }

    #[test]
    fn refuses_malformed_text_naming_the_field() {
        // `\u+123`: `from_str_radix` once took the sign; JSON wants four hex digits.
        for bad in ["", "{", "[1,]", "{\"a\"}", "01x", "\"\\ud800\"", "nul", "1e999", "undefined", "\"\\u+123\"", "\"\\u12g4\""] {
            let e = parse(bad, "import").unwrap_err();
            assert_eq!(e.field, "import", "{bad}");
        }
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep, "x").is_err());
    }
}
