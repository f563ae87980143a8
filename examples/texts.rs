//! Writes the text tables the wasm build loads at run time:
//! `cargo run --example texts -- <dir>` (scripts/build.sh: `www/pkg`) writes
//! `<dir>/texts-en.json`, `texts-de.json` and `texts-es.json` from the crate's own texts.
//! See `src/text.rs` for why they are not inside the wasm module.
//! It also writes `<dir>/forms.js`, the number of questions of each form: the
//! start screen says them before the wasm module has arrived.

use burnout_check::model::{Form, Locale};
use burnout_check::questionnaire::items;
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
    let counts: Vec<String> = Form::ALL.iter().map(|&f| format!("{:?}: {}", f.id(), items(f).count())).collect();
    let module = format!(
        "// Written by examples/texts.rs from the questionnaire: questions per form, for the start screen\n// (it shows before the core has loaded; tests/node/api.test.mjs checks these against the core).\nexport const QUESTION_COUNTS = {{ {} }};\n",
        counts.join(", ")
    );
    let path = std::path::Path::new(&dir).join("forms.js");
    if let Err(e) = std::fs::write(&path, module) {
        eprintln!("{}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
