//! `cargo run --release --example import_allocs`: how many allocations an import
//! of 2,000 full-form entries makes in the core (the export the bench imports,
//! made the same way as bench/export.mjs), per entry, and what they add up to.
//! A count, not a time: it is the same on every machine, and in the browser
//! each allocation is work for the allocator (talc: about a quarter of the
//! core's part of (d) at 4x in a profile). `SITES=import` (or `SITES=open`)
//! also prints where that step's allocations are made (the first three frames in this crate; slow: a
//! backtrace each; needs `CARGO_PROFILE_RELEASE_DEBUG=true` for names).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

use burnout_check::error::Result;
use burnout_check::json::parse;
use burnout_check::storage::{Backend, MemoryBackend, Store};

#[path = "support/export.rs"]
mod support;
use support::{export, ENTRIES};

struct Counting;
static ON: AtomicBool = AtomicBool::new(false);
static SITES_ON: AtomicBool = AtomicBool::new(false);
static COUNT: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
/// Bytes live now and at most, counted from the step's start.
static LIVE: std::sync::atomic::AtomicIsize = std::sync::atomic::AtomicIsize::new(0);
static PEAK: std::sync::atomic::AtomicIsize = std::sync::atomic::AtomicIsize::new(0);
static SITES: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);
thread_local! { static INSIDE: Cell<bool> = const { Cell::new(false) }; }

fn live(delta: isize) {
    let now = LIVE.fetch_add(delta, Relaxed) + delta;
    PEAK.fetch_max(now, Relaxed);
}

fn note(size: usize) {
    if !ON.load(Relaxed) {
        return;
    }
    COUNT.fetch_add(1, Relaxed);
    BYTES.fetch_add(size, Relaxed);
    if !SITES_ON.load(Relaxed) {
        return;
    }
    INSIDE.with(|inside| {
        if inside.replace(true) {
            return; // the backtrace's own allocations
        }
        let trace = std::backtrace::Backtrace::force_capture().to_string();
        let frames: Vec<&str> = trace
            .lines()
            .filter_map(|l| l.trim().split_once(": ").map(|(_, f)| f))
            .filter(|f| f.starts_with("burnout_check::"))
            .map(|f| f.rsplit_once("::h").map_or(f, |(name, _)| name))
            .take(3)
            .collect();
        *SITES
            .lock()
            .unwrap()
            .get_or_insert_with(HashMap::new)
            .entry(frames.join(" < "))
            .or_default() += 1;
        inside.set(false);
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        live(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        live(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        live(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Storage as the browser's looks from the core: a write's key and value go to
/// JS as they are (`Backend::set_checked`), a read brings a new string back. What
/// it keeps is kept with the count paused: its own allocations are not the core's.
/// Clones share one map, as two stores share a page's localStorage.
#[derive(Default, Clone)]
struct Browserlike(Rc<RefCell<HashMap<String, String>>>);
impl Backend for Browserlike {
    fn get(&self, key: &str) -> Result<Option<String>> {
        Ok(self.0.borrow().get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<()> {
        let on = ON.swap(false, Relaxed);
        self.0
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        ON.store(on, Relaxed);
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<()> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>> {
        Ok(self.0.borrow().keys().cloned().collect())
    }
    fn set_checked(&mut self, key: &str, value: &str) -> Result<bool> {
        self.set(key, value).map(|_| true)
    }
}

fn counted(what: &str, f: impl FnOnce()) {
    COUNT.store(0, Relaxed);
    BYTES.store(0, Relaxed);
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let base = LIVE.load(Relaxed);
    ON.store(true, Relaxed);
    f();
    ON.store(false, Relaxed);
    let (n, bytes) = (COUNT.load(Relaxed), BYTES.load(Relaxed));
    println!(
        "{what:<40} {n:>7} allocations ({:>5.1} per entry), {:>5.2} MB allocated, at most {:>5.2} MB at once",
        n as f64 / ENTRIES as f64,
        bytes as f64 / 1e6,
        (PEAK.load(Relaxed) - base) as f64 / 1e6
    );
}

fn main() {
    let text = export();
    println!(
        "an export of {ENTRIES} full-form entries, {:.2} MB",
        text.len() as f64 / 1e6
    );
    counted("parsing it (json::parse)", || {
        drop(parse(&text, "").expect("JSON"))
    });
    let sites = std::env::var("SITES").unwrap_or_default();
    SITES_ON.store(sites == "import", Relaxed);
    let storage = Browserlike::default();
    counted("importing it (Store::import_json)", || {
        let mut store = Store::open("bench", Some(storage.clone()), None);
        store.import_json(&text).expect("an import");
    });
    SITES_ON.store(sites == "open", Relaxed);
    counted("opening a store over them (Store::open)", || {
        drop(Store::open("bench", Some(storage), None))
    });
    SITES_ON.store(false, Relaxed);
    counted("... into a MemoryBackend (the tests' map)", || {
        let mut store = Store::open("bench", Some(MemoryBackend::new()), None);
        store.import_json(&text).expect("an import");
    });
    if let Some(sites) = SITES.lock().unwrap().take() {
        let mut sites: Vec<_> = sites.into_iter().collect();
        sites.sort_by_key(|s| std::cmp::Reverse(s.1));
        for (site, n) in sites.iter().take(25) {
            println!("{n:>7}  {site}");
        }
    }
}
