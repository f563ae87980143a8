//! A `MemoryBackend` shared by the test and every store it opens (a later
//! start, another tab), so a test can look at and tamper with what is stored.
#![allow(dead_code)] // each test file uses its own subset

use burnout_check::error::Result;
use burnout_check::storage::{Backend, MemoryBackend, Store};
use burnout_check::vecmap::VecMap;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone)]
pub struct Shared {
    backend: Rc<RefCell<MemoryBackend>>,
    namespace: &'static str,
}

impl Shared {
    pub fn new(namespace: &'static str, backend: MemoryBackend) -> Shared {
        Shared { backend: Rc::new(RefCell::new(backend)), namespace }
    }
    /// A store over this storage under the test's namespace.
    pub fn open(&self) -> Store<Shared> {
        Store::open(self.namespace, Some(self.clone()), None)
    }
    pub fn map(&self) -> VecMap<String, String> {
        self.backend.borrow().map.clone()
    }
    pub fn get(&self, key: &str) -> Option<String> {
        self.backend.borrow().map.get(key).cloned()
    }
    pub fn set_raw(&self, key: &str, value: &str) {
        self.backend.borrow_mut().map.insert(key.to_string(), value.to_string());
    }
    /// The stored record of entry `id` as the store reads it: its own key
    /// (`<ns>:e:<id>`) when there is one, else its line in the first pack (in key
    /// order) that has one (`<ns>:p:…`, lines `<id> <record>`).
    pub fn stored(&self, id: &str) -> Option<String> {
        let map = self.map();
        if let Some(v) = map.get(&format!("{}:e:{id}", self.namespace)) {
            return Some(v.clone());
        }
        let line = format!("{id} ");
        self.packs()
            .iter()
            .find_map(|k| map.get(k)?.split('\n').find_map(|l| l.strip_prefix(&line).map(str::to_string)))
    }
    /// The keys of the namespace's packs.
    pub fn packs(&self) -> Vec<String> {
        let packs = format!("{}:p:", self.namespace);
        self.map().keys().filter(|k| k.strip_prefix(&packs).is_some_and(|rest| !rest.contains(':'))).cloned().collect()
    }
    pub fn writes(&self) -> Vec<String> {
        self.backend.borrow().writes.clone()
    }
    /// The fault knobs of the backend.
    pub fn knobs(&self) -> std::cell::RefMut<'_, MemoryBackend> {
        self.backend.borrow_mut()
    }
}

impl Backend for Shared {
    fn get(&self, key: &str) -> Result<Option<String>> {
        self.backend.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<()> {
        self.backend.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<()> {
        self.backend.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>> {
        self.backend.borrow().keys()
    }
}
