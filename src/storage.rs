//! History persistence over any key-value backend (localStorage in the browser,
//! a map in tests): key layout, schema version, recovery, never losing data.
//! SKELETON: the data helper implements this.
