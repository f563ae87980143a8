//! Texts in every shipped locale, and where the German and Spanish ones live in
//! the wasm build.
//!
//! Every text is written in the source as `t([english, german, spanish])`, so a
//! missing translation does not compile. Natively a [`Text`] keeps all three.
//! In the wasm build it keeps only the English: `t` is a `const fn`, every text
//! is a constant, and const evaluation drops the other two strings, so they
//! never reach the module (they were about a quarter of its gzip size). German
//! and Spanish reach the module at run time instead, from
//! `www/pkg/texts-<locale>.json`, which `examples/texts.rs` writes at build
//! time from this same source ([`table_json`] over [`all`]). A table maps the
//! [`Text::key`] of each text (a hash of its English) to its translation; the
//! front end passes it to `setTexts()` before it asks for that language.
//!
//! English is always there, so a host that only needs English sets nothing up.
//! Asking for another language before its table is loaded is an `unavailable`
//! error naming the locale ([`require`]), never a silent switch to English.

use crate::error::{Error, ErrorKind, Result};
use crate::json::{as_obj, as_str, member, parse, Json};
use crate::model::{parse_id, Locale, LOCALES};

/// The `format` of a text table file.
pub const TABLE_FORMAT: &str = "burnout-check-texts";
/// Bump when the table's shape or key changes; a newer table is refused.
pub const TABLE_VERSION: u32 = 1;

/// One text in every shipped locale (natively), or its English and a way to
/// the others (wasm). Made only by [`t`], in constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(
    #[cfg(not(target_arch = "wasm32"))] [&'static str; LOCALES],
    #[cfg(target_arch = "wasm32")] &'static str,
);

/// A text from its translations, indexed by `Locale as usize`. Use it only
/// where the value is a constant (a `const`, a `static`, or `const { }`), or
/// the wasm build keeps every translation after all.
pub const fn t(all: [&'static str; LOCALES]) -> Text {
    #[cfg(not(target_arch = "wasm32"))]
    return Text(all);
    #[cfg(target_arch = "wasm32")]
    return Text(all[0]);
}

impl Text {
    /// The English text, which every build keeps.
    pub fn en(&self) -> &'static str {
        #[cfg(not(target_arch = "wasm32"))]
        return self.0[0];
        #[cfg(target_arch = "wasm32")]
        return self.0;
    }

    /// Every translation, indexed by `Locale as usize` (natively only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn translations(&self) -> &[&'static str; LOCALES] {
        &self.0
    }

    /// The text's key in a table: FNV-1a (32 bit) of its English, stable and
    /// small. [`table_json`] refuses a table where two texts would collide.
    pub fn key(&self) -> u32 {
        self.en().bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }

    /// The text in `locale`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn get(&self, locale: Locale) -> &'static str {
        debug_assert!(all().contains(self), "text not listed by text::all(), so no table carries it: {:?}", self.en());
        self.0[locale as usize]
    }

    /// The text in `locale`: English, or from that locale's loaded table
    /// (English if the table lacks it, which only a table of another build does).
    #[cfg(target_arch = "wasm32")]
    pub fn get(&self, locale: Locale) -> &'static str {
        loaded::get(locale, self.key()).unwrap_or(self.0)
    }
}

/// Every text of the crate, in a fixed order: what the tables carry. A text
/// missing here fails a debug assertion in [`Text::get`] natively.
#[cfg(not(target_arch = "wasm32"))]
pub fn all() -> &'static [Text] {
    static ALL: std::sync::OnceLock<Vec<Text>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut v = crate::questionnaire::texts();
        v.extend(crate::explain::texts());
        v
    })
}

/// The table of `locale` as JSON text (what `examples/texts.rs` writes):
/// `{ format, version, locale, texts: { "<key as 8 hex digits>": text } }`,
/// keys sorted. Fails when two different texts share a key, or one English
/// text has two different translations.
#[cfg(not(target_arch = "wasm32"))]
pub fn table_json(locale: Locale) -> Result<String> {
    let mut by_key: crate::vecmap::VecMap<u32, &'static str> = crate::vecmap::VecMap::new();
    for text in all() {
        let (key, value) = (text.key(), text.get(locale));
        match by_key.get(&key) {
            Some(&seen) if seen != value => {
                return Err(Error::invalid(
                    "texts",
                    format!("{:08x} is the key of {:?} and of another text ({seen:?} / {value:?}); reword one", key, text.en()),
                ))
            }
            Some(_) => {}
            None => {
                by_key.insert(key, value);
            }
        }
    }
    let texts = by_key.iter().map(|(k, v)| (format!("{k:08x}"), Json::str(*v))).collect();
    Ok(Json::obj(vec![
        ("format", Json::str(TABLE_FORMAT)),
        ("version", Json::Num(f64::from(TABLE_VERSION))),
        ("locale", Json::str(locale.id())),
        ("texts", Json::Obj(texts)),
    ])
    .to_text())
}

/// Reads a table (JSON text): its locale and its `(key, text)` pairs. Errors
/// name the field; a table of a newer version is `newer_version`.
pub fn parse_table(text: &str) -> Result<(Locale, Vec<(u32, String)>)> {
    let v = parse(text, "texts")?;
    if as_str(member(&v, "", "format")?, "format")? != TABLE_FORMAT {
        return Err(Error::invalid("format", crate::cat::cat(&["is not \"", TABLE_FORMAT, "\""])));
    }
    let version = crate::json::as_num(member(&v, "", "version")?, "version")?;
    if version > f64::from(TABLE_VERSION) {
        return Err(Error::new(ErrorKind::NewerVersion, "version", "this text table is from a newer version of burnout-check"));
    }
    if version != f64::from(TABLE_VERSION) {
        return Err(Error::invalid("version", crate::cat::cat(&["must be ", &crate::cat::int(i64::from(TABLE_VERSION))])));
    }
    let locale: Locale = parse_id(member(&v, "", "locale")?, "locale")?;
    if locale == Locale::En {
        return Err(Error::invalid("locale", "English is built into the core and has no table"));
    }
    let mut pairs = Vec::new();
    for (k, t) in as_obj(member(&v, "", "texts")?, "texts")? {
        let field = crate::error::path("texts", k);
        let key = (k.len() == 8).then(|| u32::from_str_radix(k, 16).ok()).flatten();
        let key = key.ok_or_else(|| Error::invalid(field.as_str(), "is not a key of 8 hexadecimal digits"))?;
        pairs.push((key, as_str(t, &field)?.to_string()));
    }
    Ok((locale, pairs))
}

/// `locale` if its texts can be given (English always; German and Spanish
/// natively, and in the wasm build once their table is loaded).
pub fn require(locale: Locale, field: &str) -> Result<Locale> {
    #[cfg(target_arch = "wasm32")]
    if !loaded::has(locale) {
        return Err(Error::new(
            ErrorKind::Unavailable,
            field,
            crate::cat::cat(&["the texts for \"", locale.id(), "\" are not loaded; pass pkg/texts-", locale.id(), ".json to setTexts() first"]),
        ));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = field; // natively every text is built in
    Ok(locale)
}

/// The optional `locale` member of a request, English when absent, its texts
/// available ([`require`]).
pub fn requested_locale(request: &Json) -> Result<Locale> {
    match crate::json::optional(request, "locale") {
        Some(v) => require(parse_id(v, "locale")?, "locale"),
        None => Ok(Locale::En),
    }
}

/// The tables loaded into this wasm instance.
#[cfg(target_arch = "wasm32")]
pub mod loaded {
    use super::*;
    use crate::vecmap::VecMap;
    use std::cell::Cell;

    type Table = VecMap<u32, &'static str>;

    thread_local! {
        /// Per locale (`Locale as usize`; English unused), key -> text. Tables
        /// and texts are leaked so `Text::get` can hand out `&'static str` like
        /// the native build: a table is loaded once per language and instance (a
        /// second load of the same language replaces the first and leaks it).
        /// `Cell`s of references, not a `RefCell` of maps: nothing to drop or
        /// borrow, so no panic paths (and their formatting code) in the module.
        static TABLES: [Cell<Option<&'static Table>>; LOCALES] = const { [Cell::new(None), Cell::new(None), Cell::new(None)] };
    }

    /// Loads a table (JSON text); returns its locale.
    pub fn load(text: &str) -> Result<Locale> {
        let (locale, pairs) = parse_table(text)?;
        let mut table = VecMap::new();
        for (k, t) in pairs {
            table.insert(k, &*Box::leak(t.into_boxed_str()));
        }
        let table: &'static Table = Box::leak(Box::new(table));
        TABLES.with(|t| t.get(locale as usize).map(|c| c.set(Some(table))));
        Ok(locale)
    }

    pub fn has(locale: Locale) -> bool {
        locale == Locale::En || table(locale).is_some()
    }

    pub fn get(locale: Locale, key: u32) -> Option<&'static str> {
        if locale == Locale::En {
            return None;
        }
        table(locale).and_then(|m| m.get(&key).copied())
    }

    fn table(locale: Locale) -> Option<&'static Table> {
        TABLES.with(|t| t.get(locale as usize).and_then(Cell::get))
    }
}
