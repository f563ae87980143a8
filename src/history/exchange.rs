//! The export envelope (JSON), CSV export, import validation and merge.
//! SKELETON: the data helper implements this.
