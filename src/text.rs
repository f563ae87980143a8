//! Texts in every shipped locale, and where they live in the wasm build.
//!
//! Every text is written in the source as `t([english, german, spanish])`, so a
//! missing translation does not compile. Natively a [`Text`] keeps all three.
//! In the wasm build it keeps only its key: `t` is a `const fn`, every text is
//! a constant, and const evaluation reduces it to the [`Text::key`] (a hash of
//! its English), so no text reaches the module. German and Spanish were a
//! quarter of its gzip size; English, 5.4 KB gzip of a 75 KB module, is needed
//! only once a person starts a check, not for the start screen. The texts reach
//! the module at run time instead, from `www/pkg/texts-<locale>.json`, which
//! `examples/texts.rs` writes at build time from this same source
//! ([`table_json`] over [`all`]). A table maps the key of each text to its
//! text; the front end passes it to `setTexts()` before it asks for that
//! language.
//!
//! Asking for a language before its table is loaded (English too) is an
//! `unavailable` error naming the locale ([`require`]), never a silent switch
//! to another language. A table carries every text of the build that wrote it,
//! and the build writes the tables with the module, so they match; a text that
//! a table of another build lacks is given in English if that table is
//! loaded, else as an empty string.

use crate::error::{Error, ErrorKind, Result};
use crate::json::{as_obj, as_str, member, parse, Json};
use crate::model::{parse_id, Locale, LOCALES};

/// The `format` of a text table file.
pub const TABLE_FORMAT: &str = "burnout-check-texts";
/// Bump when the table's shape or key changes; a newer table is refused.
pub const TABLE_VERSION: u32 = 1;

/// One text in every shipped locale (natively), or its key in the loaded
/// tables (wasm). Made only by [`t`], in constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(
    #[cfg(not(target_arch = "wasm32"))] [&'static str; LOCALES],
    #[cfg(target_arch = "wasm32")] u32,
);

/// FNV-1a (32 bit) of `text`: a [`Text::key`]. A `const fn`, so the wasm
/// build computes each key at compile time and keeps no English.
pub const fn key_of(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// A text from its translations, indexed by `Locale as usize`. Use it only
/// where the value is a constant (a `const`, a `static`, or `const { }`), or
/// the wasm build keeps every translation after all.
pub const fn t(all: [&'static str; LOCALES]) -> Text {
    #[cfg(not(target_arch = "wasm32"))]
    return Text(all);
    #[cfg(target_arch = "wasm32")]
    return Text(key_of(all[0]));
}

impl Text {
    /// The English text (natively only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn en(&self) -> &'static str {
        self.0[0]
    }

    /// Every translation, indexed by `Locale as usize` (natively only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn translations(&self) -> &[&'static str; LOCALES] {
        &self.0
    }

    /// The text's key in a table: FNV-1a (32 bit) of its English ([`key_of`]),
    /// stable and small. [`table_json`] refuses a table where two texts would collide.
    pub fn key(&self) -> u32 {
        #[cfg(not(target_arch = "wasm32"))]
        return key_of(self.0[0]);
        #[cfg(target_arch = "wasm32")]
        return self.0;
    }

    /// The text in `locale`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn get(&self, locale: Locale) -> &'static str {
        debug_assert!(all().contains(self), "text not listed by text::all(), so no table carries it: {:?}", self.en());
        self.0[locale as usize]
    }

    /// The text in `locale`, from that locale's loaded table ([`require`] comes
    /// first). Only a table of another build can lack it: then English if that
    /// table is loaded, else "".
    #[cfg(target_arch = "wasm32")]
    pub fn get(&self, locale: Locale) -> &'static str {
        loaded::get(locale, self.0).or_else(|| loaded::get(Locale::En, self.0)).unwrap_or("")
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
    let texts = by_key.iter().map(|(k, v)| (format!("{k:08x}").into(), Json::str(*v))).collect();
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
    let locale: Locale = parse_id(member(&v, "", "locale")?, "", "locale")?;
    let mut pairs = Vec::new();
    for (k, t) in as_obj(member(&v, "", "texts")?, "texts")? {
        let k: &str = k;
        // The field is named only for an error (a table holds hundreds of texts).
        let key = (k.len() == 8).then(|| u32::from_str_radix(k, 16).ok()).flatten();
        let key = key.ok_or_else(|| Error::invalid(crate::error::path("texts", k), "is not a key of 8 hexadecimal digits"))?;
        pairs.push((key, as_str(t, "").map_err(|e| e.under(&crate::error::path("texts", k)))?.to_string()));
    }
    Ok((locale, pairs))
}

/// `locale` if its texts can be given (natively always; in the wasm build once
/// its table is loaded).
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
    let locale = match crate::json::optional(request, "locale") {
        Some(v) => parse_id(v, "", "locale")?,
        None => Locale::En,
    };
    require(locale, "locale")
}

/// The tables loaded into this wasm instance.
#[cfg(target_arch = "wasm32")]
pub mod loaded {
    use super::*;
    use crate::vecmap::VecMap;
    use std::cell::Cell;

    type Table = VecMap<u32, &'static str>;

    thread_local! {
        /// Per locale (`Locale as usize`), key -> text. Tables
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
        table(locale).is_some()
    }

    pub fn get(locale: Locale, key: u32) -> Option<&'static str> {
        table(locale).and_then(|m| m.get(&key).copied())
    }

    fn table(locale: Locale) -> Option<&'static Table> {
        TABLES.with(|t| t.get(locale as usize).and_then(Cell::get))
    }
}
