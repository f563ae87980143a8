//! The history analyses of MODEL.md "What the history adds", told as the
//! stories a person's readings and events make.

use burnout_check::date::Date;
use burnout_check::error::ErrorKind;
use burnout_check::history::analyze::{analyze, parse_input, window_mean, Analysis, RestResponse};
use burnout_check::history::{Event, EventKind, Reading};
use burnout_check::json::{self, Json};
use burnout_check::model::{ChangeWhat, Direction, RestState, RestType};

// ---- small builders ----

fn day(s: &str) -> Date {
    Date::parse(s, "test").unwrap()
}

fn at(s: &str, strain: f64) -> Reading {
    Reading { date: day(s), strain }
}

fn on(d: Date, strain: f64) -> Reading {
    Reading { date: d, strain }
}

fn rest(start: Date, end: Date) -> Event {
    Event { id: format!("rest:{start}"), kind: EventKind::Rest { start, end, rest_type: RestType::Vacation }, note: None }
}

fn change(date: &str, what: ChangeWhat) -> Event {
    Event { id: format!("change:{date}"), kind: EventKind::Change { date: day(date), what }, note: None }
}

fn strains(values: &[f64]) -> Vec<Reading> {
    // One reading a week from the first of March.
    values.iter().enumerate().map(|(i, &v)| on(day("2026-03-01").add_days(7 * i as i32), v)).collect()
}

fn far_future() -> Date {
    day("2027-01-01")
}

fn only_trend(readings: &[Reading]) -> Analysis {
    analyze(readings, &[], far_future())
}

// ---- trend ----

#[test]
fn a_jump_of_exactly_the_reliable_change_counts_as_reliable() {
    let t = only_trend(&strains(&[0.0, 21.47])).trend;
    assert_eq!(t.change, Some(21.47));
    assert!(t.reliable);
    assert_eq!(t.direction, Direction::Up);
}

#[test]
fn a_drop_of_exactly_the_reliable_change_points_down() {
    let t = only_trend(&strains(&[21.47, 0.0])).trend;
    assert!(t.reliable);
    assert_eq!(t.direction, Direction::Down);
}

#[test]
fn a_jump_just_below_the_reliable_change_has_no_direction() {
    let t = only_trend(&strains(&[0.0, 21.46])).trend;
    assert_eq!(t.change, Some(21.46));
    assert!(!t.reliable);
    assert_eq!(t.direction, Direction::None);
}

#[test]
fn one_reading_has_no_change_yet() {
    let t = only_trend(&strains(&[55.0])).trend;
    assert_eq!(t.change, None);
    assert!(!t.reliable);
    assert_eq!(t.direction, Direction::None);
    assert!(!t.slow_rise);
    let none = only_trend(&[]).trend;
    assert_eq!(none.change, None);
}

#[test]
fn readings_given_in_any_order_are_read_by_date() {
    let t = only_trend(&[at("2026-03-20", 70.0), at("2026-03-01", 40.0), at("2026-03-10", 45.0)]).trend;
    assert_eq!(t.change, Some(25.0));
}

#[test]
fn two_checks_on_one_day_keep_the_order_they_were_given_in() {
    let t = only_trend(&[at("2026-03-01", 30.0), at("2026-03-09", 60.0), at("2026-03-09", 35.0)]).trend;
    assert_eq!(t.change, Some(-25.0), "the later-given reading of the day is the latest");
    let t = only_trend(&[at("2026-03-01", 30.0), at("2026-03-09", 35.0), at("2026-03-09", 60.0)]).trend;
    assert_eq!(t.change, Some(25.0));
}

#[test]
fn a_quiet_rise_of_exactly_ten_points_is_called_out_even_when_low() {
    assert!(only_trend(&strains(&[20.0, 25.0, 30.0])).trend.slow_rise);
    assert!(only_trend(&strains(&[60.0, 40.0, 45.0, 50.0])).trend.slow_rise, "only the last three count");
}

#[test]
fn a_rise_of_nine_point_nine_is_not_yet_a_slow_rise() {
    assert!(!only_trend(&strains(&[40.0, 45.0, 49.9])).trend.slow_rise);
}

#[test]
fn a_rise_that_pauses_or_dips_is_not_a_slow_rise() {
    assert!(!only_trend(&strains(&[40.0, 40.0, 55.0])).trend.slow_rise);
    assert!(!only_trend(&strains(&[40.0, 55.0, 55.0])).trend.slow_rise);
    assert!(!only_trend(&strains(&[40.0, 60.0, 55.0])).trend.slow_rise);
    assert!(!only_trend(&strains(&[40.0, 50.0])).trend.slow_rise, "two readings are not three");
}

// ---- chronicity ----

#[test]
fn high_since_is_the_start_of_the_current_high_stretch() {
    let a = only_trend(&[at("2026-01-05", 40.0), at("2026-02-02", 55.0), at("2026-03-02", 50.0), at("2026-04-06", 72.0)]);
    assert_eq!(a.high_since, Some(day("2026-02-02")));
}

#[test]
fn a_break_below_fifty_restarts_the_high_stretch() {
    let a = only_trend(&[at("2026-01-05", 60.0), at("2026-02-02", 49.9), at("2026-03-02", 52.0), at("2026-04-06", 58.0)]);
    assert_eq!(a.high_since, Some(day("2026-03-02")));
}

#[test]
fn no_high_since_when_the_latest_reading_is_below_fifty() {
    let a = only_trend(&[at("2026-01-05", 60.0), at("2026-02-02", 70.0), at("2026-03-02", 45.0)]);
    assert_eq!(a.high_since, None);
    assert_eq!(only_trend(&[]).high_since, None);
}

#[test]
fn a_single_high_reading_is_high_since_its_own_day() {
    assert_eq!(only_trend(&[at("2026-03-02", 62.0)]).high_since, Some(day("2026-03-02")));
}

// ---- rest response ----
// One vacation, 7 to 21 March 2026: baseline 14 Feb..7 Mar, return 22..28 Mar,
// follow-up 4 Apr..2 May.

fn start() -> Date {
    day("2026-03-07")
}
fn end() -> Date {
    day("2026-03-21")
}
fn after_end(n: i32) -> Date {
    end().add_days(n)
}
fn before_start(n: i32) -> Date {
    start().add_days(-n)
}

fn vacation(readings: &[Reading], today: Date) -> RestResponse {
    let a = analyze(readings, &[rest(start(), end())], today);
    assert_eq!(a.rest.len(), 1);
    a.rest[0].clone()
}

fn a_vacation_that_helped_and_held() -> Vec<Reading> {
    vec![on(before_start(10), 72.0), on(before_start(3), 68.0), on(after_end(3), 45.0), on(after_end(28), 52.0)]
}

fn a_vacation_that_helped_then_faded() -> Vec<Reading> {
    vec![on(before_start(10), 72.0), on(before_start(3), 68.0), on(after_end(3), 45.0), on(after_end(28), 66.0)]
}

fn a_vacation_after_which_it_came_back_at_once() -> Vec<Reading> {
    vec![on(before_start(5), 70.0), on(after_end(2), 65.0)]
}

#[test]
fn relief_that_holds_is_restorative() {
    let r = vacation(&a_vacation_that_helped_and_held(), after_end(50));
    assert_eq!(r.state, RestState::Restorative);
    assert_eq!(r.baseline, Some(70.0));
    assert_eq!(r.relief, Some(25.0));
    assert_eq!(r.kept, Some(18.0));
    assert_eq!(r.counts, [2, 1, 1]);
    assert_eq!(r.next_check, None);
}

#[test]
fn relief_that_comes_and_goes_has_faded() {
    let r = vacation(&a_vacation_that_helped_then_faded(), after_end(50));
    assert_eq!(r.state, RestState::Faded);
    assert_eq!(r.relief, Some(25.0));
    assert_eq!(r.kept, Some(4.0));
}

#[test]
fn keeping_exactly_half_the_relief_is_restorative() {
    let r = vacation(&[on(start(), 70.0), on(after_end(1), 50.0), on(after_end(14), 60.0)], after_end(50));
    assert_eq!((r.relief, r.kept), (Some(20.0), Some(10.0)));
    assert_eq!(r.state, RestState::Restorative);
}

#[test]
fn keeping_just_under_half_the_relief_has_faded() {
    let r = vacation(&[on(start(), 70.0), on(after_end(1), 50.0), on(after_end(14), 60.5)], after_end(50));
    assert_eq!(r.state, RestState::Faded);
}

#[test]
fn it_came_back_at_once_is_no_relief_without_waiting_for_follow_up() {
    let r = vacation(&a_vacation_after_which_it_came_back_at_once(), after_end(3));
    assert_eq!(r.state, RestState::NoRelief);
    assert_eq!(r.relief, Some(5.0));
    assert_eq!(r.kept, None, "no follow-up reading yet");
    assert_eq!(r.next_check, None);
    assert_eq!(r.counts, [1, 1, 0]);
}

#[test]
fn no_relief_still_reports_kept_when_a_follow_up_exists() {
    let mut readings = a_vacation_after_which_it_came_back_at_once();
    readings.push(on(after_end(20), 75.0));
    let r = vacation(&readings, after_end(60));
    assert_eq!(r.state, RestState::NoRelief);
    assert_eq!(r.kept, Some(-5.0));
}

#[test]
fn relief_of_exactly_ten_is_relief_and_waits_for_the_follow_up() {
    let r = vacation(&[on(start(), 70.0), on(after_end(2), 60.0)], after_end(5));
    assert_eq!(r.relief, Some(10.0));
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(after_end(14)), "the follow-up window has not opened yet");
}

#[test]
fn several_checks_in_a_window_are_averaged() {
    let readings = [on(before_start(20), 60.0), on(before_start(12), 70.0), on(before_start(1), 80.0), on(after_end(4), 50.0)];
    let r = vacation(&readings, after_end(8));
    assert_eq!(r.baseline, Some(70.0));
    assert_eq!(r.back, Some(50.0));
    assert_eq!(r.counts, [3, 1, 0]);
}

// -- window edges --

fn counts_with_one_reading_on(d: Date) -> [usize; 3] {
    vacation(&[on(d, 50.0)], far_future()).counts
}

#[test]
fn the_baseline_window_runs_from_three_weeks_before_to_the_first_day_off() {
    assert_eq!(counts_with_one_reading_on(before_start(21)), [1, 0, 0]);
    assert_eq!(counts_with_one_reading_on(start()), [1, 0, 0]);
    assert_eq!(counts_with_one_reading_on(before_start(22)), [0, 0, 0]);
    assert_eq!(counts_with_one_reading_on(start().add_days(1)), [0, 0, 0], "days off are in no window");
}

#[test]
fn the_return_window_is_the_first_week_back() {
    assert_eq!(counts_with_one_reading_on(after_end(0)), [0, 0, 0]);
    assert_eq!(counts_with_one_reading_on(after_end(1)), [0, 1, 0]);
    assert_eq!(counts_with_one_reading_on(after_end(7)), [0, 1, 0]);
    assert_eq!(counts_with_one_reading_on(after_end(8)), [0, 0, 0]);
}

#[test]
fn the_follow_up_window_runs_from_two_to_six_weeks_back() {
    assert_eq!(counts_with_one_reading_on(after_end(13)), [0, 0, 0]);
    assert_eq!(counts_with_one_reading_on(after_end(14)), [0, 0, 1]);
    assert_eq!(counts_with_one_reading_on(after_end(42)), [0, 0, 1]);
    assert_eq!(counts_with_one_reading_on(after_end(43)), [0, 0, 0]);
}

#[test]
fn window_mean_includes_both_ends() {
    let points = [(day("2026-03-01"), 10.0), (day("2026-03-05"), 20.0), (day("2026-03-06"), 90.0)];
    assert_eq!(window_mean(&points, day("2026-03-01"), day("2026-03-05")), (Some(15.0), 2));
    assert_eq!(window_mean(&points, day("2026-03-07"), day("2026-03-09")), (None, 0));
    assert_eq!(window_mean(&points, day("2026-03-05"), day("2026-03-01")), (None, 0), "an empty range");
}

// -- pending --

#[test]
fn on_the_last_day_off_the_next_check_is_the_first_day_back() {
    let r = vacation(&[on(before_start(2), 70.0)], end());
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(after_end(1)));
    assert_eq!(r.relief, None);
}

#[test]
fn in_the_first_week_back_without_a_check_the_next_check_is_today() {
    let r = vacation(&[on(before_start(2), 70.0)], after_end(3));
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(after_end(3)));
}

#[test]
fn on_the_last_day_of_the_return_window_it_is_still_pending() {
    let r = vacation(&[on(before_start(2), 70.0)], after_end(7));
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(after_end(7)));
}

#[test]
fn with_relief_in_hand_the_follow_up_is_awaited() {
    let relieved = [on(before_start(2), 70.0), on(after_end(2), 50.0)];
    let early = vacation(&relieved, after_end(10));
    assert_eq!(early.state, RestState::Pending);
    assert_eq!(early.next_check, Some(after_end(14)));
    assert_eq!(early.kept, None);
    let within = vacation(&relieved, after_end(30));
    assert_eq!(within.next_check, Some(after_end(30)));
    let last_day = vacation(&relieved, after_end(42));
    assert_eq!((last_day.state, last_day.next_check), (RestState::Pending, Some(after_end(42))));
}

#[test]
fn a_rest_that_starts_today_with_no_check_yet_asks_for_one_today() {
    let r = vacation(&[], start());
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(start()));
}

// -- insufficient --

#[test]
fn no_check_before_the_rest_leaves_it_insufficient() {
    let r = vacation(&[on(before_start(22), 70.0), on(after_end(2), 50.0), on(after_end(20), 55.0)], after_end(50));
    assert_eq!(r.state, RestState::Insufficient);
    assert_eq!(r.relief, None);
    assert_eq!(r.kept, None);
    assert_eq!(r.next_check, None);
    assert_eq!(r.counts, [0, 1, 1]);
}

#[test]
fn the_day_after_the_first_day_off_a_missing_baseline_is_insufficient() {
    let r = vacation(&[], start().add_days(1));
    assert_eq!(r.state, RestState::Insufficient);
}

#[test]
fn no_check_in_the_first_week_back_leaves_it_insufficient() {
    let r = vacation(&[on(before_start(2), 70.0), on(after_end(8), 50.0)], after_end(8));
    assert_eq!(r.state, RestState::Insufficient);
    assert_eq!(r.relief, None);
}

#[test]
fn no_check_in_the_follow_up_weeks_leaves_it_insufficient() {
    let r = vacation(&[on(before_start(2), 70.0), on(after_end(2), 50.0), on(after_end(43), 52.0)], after_end(43));
    assert_eq!(r.state, RestState::Insufficient);
    assert_eq!(r.relief, Some(20.0), "what could be computed is still reported");
    assert_eq!(r.kept, None);
    assert_eq!(r.counts, [1, 1, 0]);
}

// -- planned rest --

#[test]
fn a_planned_vacation_weeks_away_waits_for_its_baseline_window() {
    let today = before_start(30);
    let r = vacation(&[on(today, 60.0)], today);
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(before_start(21)));
    assert_eq!(r.counts, [0, 0, 0]);
}

#[test]
fn a_planned_vacation_days_away_asks_for_a_check_now() {
    let today = before_start(10);
    let r = vacation(&[], today);
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(today));
}

#[test]
fn a_planned_vacation_with_its_baseline_taken_waits_for_the_return() {
    let today = before_start(5);
    let r = vacation(&[on(today, 64.0)], today);
    assert_eq!(r.state, RestState::Pending);
    assert_eq!(r.next_check, Some(after_end(1)));
    assert_eq!(r.baseline, Some(64.0));
}

#[test]
fn rests_are_reported_by_start_date() {
    let later = rest(day("2026-06-01"), day("2026-06-14"));
    let earlier = rest(start(), end());
    let a = analyze(&[], &[later, change("2026-04-01", ChangeWhat::Team), earlier], far_future());
    let starts: Vec<Date> = a.rest.iter().map(|r| r.start).collect();
    assert_eq!(starts, vec![start(), day("2026-06-01")]);
    assert_eq!(a.changes.len(), 1);
}

// ---- structural change ----

fn a_new_manager_in_may() -> Vec<Event> {
    vec![change("2026-05-01", ChangeWhat::Manager)]
}

#[test]
fn a_change_compares_the_last_three_before_with_the_first_three_after() {
    let readings = [
        at("2026-03-01", 90.0),
        at("2026-03-15", 70.0),
        at("2026-04-01", 72.0),
        at("2026-04-30", 68.0),
        at("2026-05-01", 50.0),
        at("2026-05-20", 46.0),
        at("2026-06-10", 42.0),
        at("2026-07-01", 10.0),
    ];
    let c = &analyze(&readings, &a_new_manager_in_may(), far_future()).changes[0];
    assert_eq!(c.what, ChangeWhat::Manager);
    assert_eq!(c.strain_before, Some(70.0));
    assert_eq!(c.strain_after, Some(46.0), "a reading on the day of the change counts as after");
    assert_eq!(c.counts, [3, 3]);
}

#[test]
fn a_change_with_few_readings_uses_what_there_is() {
    let readings = [at("2026-04-20", 66.0), at("2026-05-03", 58.0), at("2026-05-10", 54.0)];
    let c = &analyze(&readings, &a_new_manager_in_may(), far_future()).changes[0];
    assert_eq!(c.strain_before, Some(66.0));
    assert_eq!(c.strain_after, Some(56.0));
    assert_eq!(c.counts, [1, 2]);
}

#[test]
fn a_change_not_yet_followed_by_a_check_has_no_after() {
    let readings = [at("2026-04-20", 66.0)];
    let c = &analyze(&readings, &a_new_manager_in_may(), far_future()).changes[0];
    assert_eq!(c.strain_after, None);
    assert_eq!(c.counts, [1, 0]);
    let c = &analyze(&[], &a_new_manager_in_may(), far_future()).changes[0];
    assert_eq!((c.strain_before, c.strain_after, c.counts), (None, None, [0, 0]));
}

#[test]
fn changes_are_reported_by_date() {
    let events = [change("2026-06-01", ChangeWhat::Hours), change("2026-02-01", ChangeWhat::Role)];
    let whats: Vec<ChangeWhat> = analyze(&[], &events, far_future()).changes.iter().map(|c| c.what).collect();
    assert_eq!(whats, vec![ChangeWhat::Role, ChangeWhat::Hours]);
}

// ---- the output shape ----

#[test]
fn the_output_has_exactly_the_fields_of_the_model() {
    let mut events = vec![rest(start(), end())];
    events.extend(a_new_manager_in_may());
    let a = analyze(&a_vacation_that_helped_then_faded(), &events, after_end(50));
    let text = a.to_json().to_text();
    let expected = concat!(
        r#"{"trend":{"change":21,"reliable":false,"direction":"none","slow_rise":false},"#,
        r#""high_since":"2026-04-18","#,
        r#""rest":[{"start":"2026-03-07","end":"2026-03-21","type":"vacation","state":"faded","#,
        r#""relief":25,"kept":4,"next_check":null,"counts":[2,1,1],"baseline":70,"back":45,"follow_up":66}],"#,
        r#""changes":[{"date":"2026-05-01","what":"manager","strain_before":59.666666666666664,"#,
        r#""strain_after":null,"counts":[3,0]}]}"#
    );
    assert_eq!(text, expected);
}

// ---- parse_input ----

fn input(text: &str) -> Json {
    json::parse(text, "input").unwrap()
}

fn error_of(text: &str) -> String {
    let e = parse_input(&input(text)).expect_err(text);
    assert_eq!(e.kind, ErrorKind::Invalid);
    e.to_string()
}

const TODAY: &str = r#""today":"2026-04-20""#;

#[test]
fn the_model_example_parses() {
    let parsed = parse_input(&input(&format!(
        r#"{{"readings":[{{"at":"2026-03-02","strain":62}},{{"at":"2026-01-02","strain":40.5}}],
            "events":[{{"kind":"rest","start":"2026-03-07","end":"2026-03-21","type":"vacation","note":"the coast"}},
                      {{"kind":"change","date":"2026-05-01","what":"manager"}}],
            {TODAY}}}"#
    )))
    .unwrap();
    assert_eq!(parsed.today, day("2026-04-20"));
    assert_eq!(parsed.readings, vec![at("2026-03-02", 62.0), at("2026-01-02", 40.5)], "the given order is kept");
    assert_eq!(parsed.events.len(), 2);
    assert_eq!(
        parsed.events[0].kind,
        EventKind::Rest { start: day("2026-03-07"), end: day("2026-03-21"), rest_type: RestType::Vacation }
    );
    assert_eq!(parsed.events[0].note.as_deref(), Some("the coast"));
    assert_eq!(parsed.events[1].kind, EventKind::Change { date: day("2026-05-01"), what: ChangeWhat::Manager });
    assert_ne!(parsed.events[0].id, parsed.events[1].id);
    assert!(!parsed.events[0].id.is_empty());
}

#[test]
fn event_ids_are_stable_for_the_same_event() {
    let text = format!(r#"{{"events":[{{"kind":"change","date":"2026-05-01","what":"team"}}],{TODAY}}}"#);
    let a = parse_input(&input(&text)).unwrap();
    let b = parse_input(&input(&text)).unwrap();
    assert_eq!(a.events[0].id, b.events[0].id);
}

#[test]
fn readings_and_events_may_be_left_out_but_today_may_not() {
    let parsed = parse_input(&input(&format!("{{{TODAY}}}"))).unwrap();
    assert!(parsed.readings.is_empty() && parsed.events.is_empty());
    assert_eq!(error_of(r#"{"readings":[]}"#), "today: is missing");
}

#[test]
fn a_reading_on_today_is_fine_and_one_after_today_is_refused() {
    assert!(parse_input(&input(&format!(r#"{{"readings":[{{"at":"2026-04-20","strain":1}}],{TODAY}}}"#))).is_ok());
    assert_eq!(
        error_of(&format!(r#"{{"readings":[{{"at":"2026-04-01","strain":1}},{{"at":"2026-05-01","strain":1}}],{TODAY}}}"#)),
        "readings[1].at: 2026-05-01 is after today (2026-04-20)"
    );
}

#[test]
fn every_malformed_reading_names_its_field() {
    let cases = [
        (r#"{"at":"2026-01-01","strain":104}"#, "readings[0].strain: 104 is outside 0..100"),
        (r#"{"at":"2026-01-01","strain":-0.5}"#, "readings[0].strain: -0.5 is outside 0..100"),
        (r#"{"at":"2026-01-01","strain":"62"}"#, "readings[0].strain: expected a number, got a string"),
        (r#"{"at":"2026-01-01"}"#, "readings[0].strain: is missing"),
        (r#"{"at":"2026-02-30","strain":50}"#, r#"readings[0].at: "2026-02-30" is not a real calendar date"#),
        (r#"{"at":"2 March","strain":50}"#, r#"readings[0].at: "2 March" is not a date (YYYY-MM-DD)"#),
        (r#"{"strain":50}"#, "readings[0].at: is missing"),
        (r#"{"at":"2026-01-01","strain":50,"mood":3}"#, "readings[0].mood: is not a known field"),
        (r#"62"#, "readings[0]: expected an object, got a number"),
    ];
    for (reading, message) in cases {
        assert_eq!(error_of(&format!(r#"{{"readings":[{reading}],{TODAY}}}"#)), message);
    }
    assert_eq!(
        error_of(&format!(
            r#"{{"readings":[{{"at":"2026-01-01","strain":1}},{{"at":"2026-01-02","strain":1}},{{"at":"2026-01-03","strain":104}}],{TODAY}}}"#
        )),
        "readings[2].strain: 104 is outside 0..100"
    );
}

#[test]
fn every_malformed_event_names_its_field() {
    let cases = [
        (r#"{"kind":"nap","date":"2026-03-01"}"#, r#"events[0].kind: "nap" is not one of rest, change"#),
        (r#"{"date":"2026-03-01"}"#, "events[0].kind: is missing"),
        (r#"{"kind":1}"#, "events[0].kind: expected a string, got a number"),
        (
            r#"{"kind":"rest","start":"2026-03-07","end":"2026-03-01","type":"vacation"}"#,
            "events[0].end: 2026-03-01 is before start 2026-03-07",
        ),
        (
            r#"{"kind":"rest","start":"2026-03-07","end":"2026-03-09","type":"nap"}"#,
            r#"events[0].type: "nap" is not one of weekend, vacation, leave, other"#,
        ),
        (r#"{"kind":"rest","start":"2026-03-07","end":"2026-03-09"}"#, "events[0].type: is missing"),
        (r#"{"kind":"rest","end":"2026-03-09","type":"leave"}"#, "events[0].start: is missing"),
        (
            r#"{"kind":"rest","start":"2026-03-07","end":"2026-02-31","type":"leave"}"#,
            r#"events[0].end: "2026-02-31" is not a real calendar date"#,
        ),
        (
            r#"{"kind":"rest","start":"2026-03-07","end":"2026-03-09","type":"leave","note":5}"#,
            "events[0].note: expected a string, got a number",
        ),
        (
            r#"{"kind":"change","date":"2026-05-01","what":"boss"}"#,
            r#"events[0].what: "boss" is not one of role, manager, team, hours, workplace, other"#,
        ),
        (r#"{"kind":"change","what":"role"}"#, "events[0].date: is missing"),
        (
            r#"{"kind":"change","date":"2026-05-01","what":"role","start":"2026-05-01"}"#,
            "events[0].start: is not a known field",
        ),
    ];
    for (event, message) in cases {
        assert_eq!(error_of(&format!(r#"{{"events":[{event}],{TODAY}}}"#)), message);
    }
    let second = r#"{"kind":"change","date":"2026-05-01","what":"role"},{"kind":"change","date":"2026-05-01","what":"x"}"#;
    assert!(error_of(&format!(r#"{{"events":[{second}],{TODAY}}}"#)).starts_with("events[1].what: "));
}

#[test]
fn planned_rest_and_changes_may_lie_after_today() {
    let text = format!(
        r#"{{"events":[{{"kind":"rest","start":"2026-08-01","end":"2026-08-14","type":"vacation"}},
                      {{"kind":"change","date":"2026-09-01","what":"role"}}],{TODAY}}}"#
    );
    assert_eq!(parse_input(&input(&text)).unwrap().events.len(), 2);
}

#[test]
fn the_envelope_itself_is_checked() {
    assert_eq!(error_of(r#"{"today":"2026-13-01"}"#), r#"today: "2026-13-01" is not a real calendar date"#);
    assert_eq!(error_of(r#"{"today":20260420}"#), "today: expected a string, got a number");
    assert_eq!(error_of(&format!(r#"{{"readings":{{}},{TODAY}}}"#)), "readings: expected an array, got an object");
    assert_eq!(error_of(&format!(r#"{{"events":"none",{TODAY}}}"#)), "events: expected an array, got a string");
    assert_eq!(error_of(&format!(r#"{{"locale":"en",{TODAY}}}"#)), "locale: is not a known field");
    assert!(parse_input(&input("[]")).is_err());
}
