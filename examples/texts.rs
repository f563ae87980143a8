//! Writes the text tables the wasm build loads at run time:
//! `cargo run --example texts -- <dir>` (scripts/build.sh: `www/pkg`) writes
//! `<dir>/texts-en.json`, `texts-de.json` and `texts-es.json` from the crate's own texts.
//! See `src/text.rs` for why they are not inside the wasm module.

use burnout_check::model::Locale;
use burnout_check::text::table_json;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example texts -- <output directory>");
        return ExitCode::from(2);
    };
    for &locale in Locale::ALL {
        let path = std::path::Path::new(&dir).join(format!("texts-{}.json", locale.id()));
        let written = table_json(locale).map_err(|e| e.to_string()).and_then(|json| std::fs::write(&path, json).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
