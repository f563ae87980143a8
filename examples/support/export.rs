//! The history the import examples read, shared by import_allocs.rs and
//! import_time.rs (`#[path]`-included: not an example of its own).

use burnout_check::date::Date;
use burnout_check::history::{exchange, record, History};
use burnout_check::json::parse;
use burnout_check::model::Form;
use burnout_check::questionnaire;
use burnout_check::scoring::parse_input;

/// Entries in the export, as in bench/export.mjs.
pub const ENTRIES: usize = 2000;

/// bench/export.mjs's history: a check every two days from 2015, answers drifting.
pub fn export() -> String {
    let ids: Vec<&str> = questionnaire::items(Form::Full).map(|i| i.id).collect();
    let mut entries = Vec::with_capacity(ENTRIES);
    let start = Date::from_ymd(2015, 1, 1).expect("a date");
    for n in 0..ENTRIES {
        let answers: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| format!("\"{id}\":{}", (n + k * 3 + n / 50) % 5))
            .collect();
        let input = format!(
            r#"{{"form":"full","locale":"en","answers":{{{}}},"context":{{"duration":"6_12m","scope":"work","secondary":[]}}}}"#,
            answers.join(",")
        );
        let input = parse_input(&parse(&input, "").expect("JSON")).expect("an input");
        let at_ms = 1_420_070_400_000 + n as i64 * 2 * 86_400_000 + 9 * 3_600_000;
        let note = (n % 10 == 0).then(|| "a note of a few words".to_string());
        entries.push(record::new_entry(
            &input,
            at_ms,
            start.add_days(2 * n as i32),
            note,
        ));
    }
    exchange::export_json(
        &History {
            entries,
            events: vec![],
        },
        0,
    )
}
