//! The browser's localStorage as a [`Backend`]: every call is fallible and no
//! browser exception escapes. gloo-storage is not used: its accessors throw when
//! storage is blocked and trap when `setItem` throws a non-Error value.

use crate::error::{Error, ErrorKind, Result};
use crate::storage::Backend;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

pub struct LocalStorage {
    storage: web_sys::Storage,
}

// The Storage writes (and `set_checked`'s reads), on strings already in JS: web-sys's
// take `&str` and return `String`, which copies the key into JS at every call
// and the value read back into wasm, to compare it there. For an import of
// 2,000 entries that was 8,000 copies; this way it is 4,000 and the comparison
// is JS's own.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Object)]
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_js(this: &RawStorage, key: &JsValue) -> std::result::Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_js(this: &RawStorage, key: &JsValue, value: &JsValue) -> std::result::Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = removeItem)]
    fn remove_js(this: &RawStorage, key: &JsValue) -> std::result::Result<(), JsValue>;
}

/// A sentence for the person, used as `status().reason` when history cannot be kept.
pub const UNAVAILABLE: &str =
    "This browser does not let this page keep data (storage is blocked or missing), so your history cannot be kept here. You can still export each result.";

impl LocalStorage {
    /// The same object through the bindings every write uses (one set for setItem/removeItem).
    fn raw(&self) -> &RawStorage {
        self.storage.unchecked_ref()
    }

    /// Finds localStorage and checks it answers a read; `Err` carries the reason.
    pub fn probe(namespace: &str) -> std::result::Result<LocalStorage, String> {
        let window = web_sys::window().ok_or_else(|| UNAVAILABLE.to_string())?;
        // `localStorage` throws SecurityError in sandboxed or third-party frames, and is null in some embeds.
        let storage = match window.local_storage() {
            Ok(Some(s)) => s,
            _ => return Err(UNAVAILABLE.to_string()),
        };
        // Reading our own meta key proves access without touching anyone else's data.
        match storage.get_item(&crate::cat::cat(&[namespace, ":meta"])) {
            Ok(_) => Ok(LocalStorage { storage }),
            Err(_) => Err(UNAVAILABLE.to_string()),
        }
    }
}

/// Maps whatever `setItem` threw to a typed error. Browsers name a full quota
/// differently (QuotaExceededError, NS_ERROR_DOM_QUOTA_REACHED, legacy codes 22 / 1014),
/// and a page can make storage throw any value at all.
fn map_write_error(key: &str, thrown: JsValue) -> Error {
    let prop = |name: &str| js_sys::Reflect::get(&thrown, &JsValue::from_str(name)).ok();
    let name = if thrown.is_object() { prop("name").and_then(|v| v.as_string()) } else { None };
    let code = if thrown.is_object() { prop("code").and_then(|v| v.as_f64()) } else { None };
    let is_quota = matches!(name.as_deref(), Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"))
        || matches!(code, Some(c) if c == 22.0 || c == 1014.0);
    if is_quota {
        return Error::new(
            ErrorKind::Quota,
            key,
            "storage is full, so this could not be saved here; it is kept for this visit and you can export it",
        );
    }
    let detail = thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "unknown error".to_string());
    Error::new(ErrorKind::Storage, key, crate::cat::cat(&["the browser refused to save (", &detail, ")"]))
}

fn read_error(key: &str) -> Error {
    Error::new(ErrorKind::Unavailable, key, "the browser refused to read storage")
}

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>> {
        self.storage.get_item(key).map_err(|_| read_error(key))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<()> {
        self.raw().set_js(&JsValue::from_str(key), &JsValue::from_str(value)).map_err(|e| map_write_error(key, e))
    }
    fn remove(&mut self, key: &str) -> Result<()> {
        self.raw().remove_js(&JsValue::from_str(key)).map_err(|e| map_write_error(key, e))
    }
    fn set_checked(&mut self, key: &str, value: &str) -> Result<bool> {
        let raw = self.raw();
        let (k, v) = (JsValue::from_str(key), JsValue::from_str(value));
        let previous = raw.get_js(&k).map_err(|_| read_error(key))?;
        raw.set_js(&k, &v).map_err(|e| map_write_error(key, e))?;
        // `==` on two JS values is JS's `===`: for strings, the same characters.
        if raw.get_js(&k).is_ok_and(|back| back == v) {
            return Ok(true);
        }
        let _ = if previous.is_null() { raw.remove_js(&k) } else { raw.set_js(&k, &previous) };
        Ok(false)
    }
    fn keys(&self) -> Result<Vec<String>> {
        let n = self.storage.length().map_err(|_| read_error(""))?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Ok(Some(k)) = self.storage.key(i) {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}
