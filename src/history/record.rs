//! Entries and events to and from JSON, with validation that names the field.
//! SKELETON: the data helper implements this.
