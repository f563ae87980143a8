//! burnout-check: a private burnout self-check that tells overload (rest helps)
//! from mismatch (only a change in structure helps), and follows it over time.
//!
//! The core is plain Rust, tested natively; `bindings` is the only module that
//! knows about JavaScript, and `web_storage` the only one that touches the browser.

/// Stable ids of the model: constructs, indices, profiles, flags, forms, locales, options.
pub mod model;
/// Every provisional threshold of the model, each with its reason.
pub mod thresholds;
/// Errors that name the offending field.
pub mod error;
/// A small JSON value with a parser, a printer and path-aware accessors.
pub mod json;
/// Sorted-vector map and set in place of `BTreeMap`/`BTreeSet` (small code).
pub mod vecmap;
/// The crate's one stable sort (small code, shared by every caller).
pub mod sort;
/// Texts in every locale; in the wasm build only their keys, the texts loaded at run time.
pub mod text;
/// Strings put together without `core::fmt` (`format!` costs wasm).
pub mod cat;
/// Number text: shortest, one decimal, parsing (from JS in the wasm build).
pub mod num;
/// Calendar dates (`YYYY-MM-DD`) as day numbers.
pub mod date;
/// The forms as data: items, keying, context questions, texts per locale.
pub mod questionnaire;
/// Answers -> constructs -> indices -> band, profile, flags, top areas.
pub mod scoring;
/// Explanations and next steps for each profile and flag, per locale.
pub mod explain;
/// Saved assessments and events, their analyses, export, import and merge.
pub mod history;
/// History persistence over any key-value backend: keys, schema, recovery.
pub mod storage;
/// The browser's localStorage as a storage backend, never throwing.
#[cfg(target_arch = "wasm32")]
pub mod web_storage;
/// Every `#[wasm_bindgen]` export: converts, validates, maps errors.
#[cfg(target_arch = "wasm32")]
pub mod bindings;

/// talc instead of dlmalloc in the wasm build: see Cargo.toml for the trade.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
