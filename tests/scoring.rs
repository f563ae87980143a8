//! Scoring as MODEL.md states it: one golden person per profile and per flag,
//! the boundaries of every rule, reverse keying, the missing-answer rules and
//! input validation. No test names an item: answers are built by construct
//! from the questionnaire, so re-wording or adding items does not break them.

use burnout_check::error::ErrorKind;
use burnout_check::json::{self, Json};
use burnout_check::model::{Band, Construct, Duration, Flag, Form, Index, Locale, Profile, Scope, Secondary};
use burnout_check::questionnaire::{self, Item};
use burnout_check::scoring::{
    band_of, flags_of, parse_input, profile_of, score, Answers, Context, Indices, Input, Outcome,
};
use burnout_check::vecmap::VecMap;

// ---- fixture builders ----

/// Answers every item of `form` so that its *scored* value (after reverse
/// keying) is `scored(construct)`; `None` leaves the item unanswered.
fn answers_where(form: Form, scored: impl Fn(Construct) -> Option<u8>) -> Answers {
    questionnaire::items(form)
        .filter_map(|item| scored(item.construct).map(|v| (item.id, raw_answer(item, v))))
        .collect()
}

/// The answer a person gives to `item` to make it score `scored`.
fn raw_answer(item: &Item, scored: u8) -> u8 {
    if item.reverse { 4 - scored } else { scored }
}

/// A person described by a scored value (0 never .. 4 always) per index; wear
/// follows strain, as prolonged strain wears.
#[derive(Clone, Copy)]
struct Person {
    strain: u8,
    load: u8,
    mismatch: u8,
    compensation: u8,
}

impl Person {
    fn scored(self, c: Construct) -> Option<u8> {
        Some(match c.index() {
            Index::Strain | Index::Wear => self.strain,
            Index::Load => self.load,
            Index::Mismatch => self.mismatch,
            Index::Compensation => self.compensation,
        })
    }
    fn answers(self, form: Form) -> Answers {
        answers_where(form, |c| self.scored(c))
    }
    fn outcome(self) -> Outcome {
        score(Form::Full, &self.answers(Form::Full), &Context::default())
    }
}

fn a_person_doing_fine() -> Person {
    Person { strain: 1, load: 1, mismatch: 1, compensation: 2 }
}

fn a_person_still_coping_in_the_wrong_job() -> Person {
    Person { strain: 1, load: 1, mismatch: 2, compensation: 2 }
}

fn a_high_performer_in_the_wrong_role() -> Person {
    Person { strain: 2, load: 1, mismatch: 3, compensation: 3 }
}

fn a_person_in_the_wrong_job_during_a_crunch() -> Person {
    Person { strain: 2, load: 3, mismatch: 3, compensation: 1 }
}

fn a_person_overloaded_before_a_deadline() -> Person {
    Person { strain: 2, load: 3, mismatch: 1, compensation: 1 }
}

fn a_person_strained_for_no_clear_work_reason() -> Person {
    Person { strain: 2, load: 1, mismatch: 1, compensation: 1 }
}

/// Answered only the questions about workload, nothing about how they feel.
fn a_person_who_skipped_the_questions_about_themselves() -> Answers {
    answers_where(Form::Full, |c| (c.index() == Index::Load).then_some(3))
}

/// Strain per strain construct, in `Construct::ALL` order; the rest of `base`.
fn with_strain(base: Person, per_construct: [u8; 5]) -> impl Fn(Construct) -> Option<u8> {
    move |c| match strain_constructs().iter().position(|&s| s == c) {
        Some(i) => per_construct.get(i).copied(),
        None => base.scored(c),
    }
}

fn strain_constructs() -> Vec<Construct> {
    constructs_of(Index::Strain)
}

fn constructs_of(index: Index) -> Vec<Construct> {
    Construct::ALL.iter().copied().filter(|c| c.index() == index).collect()
}

fn full(scored: impl Fn(Construct) -> Option<u8>) -> Outcome {
    score(Form::Full, &answers_where(Form::Full, scored), &Context::default())
}

fn full_with(scored: impl Fn(Construct) -> Option<u8>, context: Context) -> Outcome {
    score(Form::Full, &answers_where(Form::Full, scored), &context)
}

fn indices(strain: Option<f64>, load: Option<f64>, mismatch: Option<f64>) -> Indices {
    Indices { strain, load, mismatch, ..Indices::default() }
}

// ---- the questionnaire these tests rely on (MODEL.md "The full form") ----

#[test]
fn the_full_form_asks_every_construct_and_has_reverse_keyed_items() {
    for &c in Construct::ALL {
        assert!(questionnaire::asks(Form::Full, c), "{c:?}");
    }
    assert!(questionnaire::items(Form::Full).filter(|i| i.reverse).count() >= 4);
}

// ---- one golden person per profile ----

#[test]
fn a_person_doing_fine_is_steady() {
    let o = a_person_doing_fine().outcome();
    assert_eq!(o.profile, Profile::Steady);
    assert_eq!(o.indices.strain, Some(25.0));
    assert_eq!(o.band, Some(Band::Low));
    assert_eq!(o.flags, vec![]);
    assert_eq!(o.top_areas, vec![]);
}

#[test]
fn a_person_still_coping_in_the_wrong_job_is_an_early_mismatch() {
    let o = a_person_still_coping_in_the_wrong_job().outcome();
    assert_eq!((o.indices.strain, o.indices.mismatch), (Some(25.0), Some(50.0)));
    assert_eq!(o.profile, Profile::EarlyMismatch);
}

#[test]
fn a_high_performer_in_the_wrong_role_is_a_mismatch_that_is_masked() {
    let o = a_high_performer_in_the_wrong_role().outcome();
    assert_eq!(o.profile, Profile::Mismatch);
    assert_eq!(o.flags, vec![Flag::Masking]);
    assert_eq!(o.band, Some(Band::High));
    let expected = Indices {
        strain: Some(50.0),
        wear: Some(50.0),
        load: Some(25.0),
        mismatch: Some(75.0),
        compensation: Some(75.0),
    };
    assert_eq!(o.indices, expected);
    // Every area at 75: the first three in model order.
    assert_eq!(o.top_areas, vec![Construct::IntrinsicCost, Construct::Control, Construct::Reward]);
}

#[test]
fn a_person_in_the_wrong_job_during_a_crunch_is_mixed() {
    let o = a_person_in_the_wrong_job_during_a_crunch().outcome();
    assert_eq!((o.indices.load, o.indices.mismatch), (Some(75.0), Some(75.0)));
    assert_eq!(o.profile, Profile::Mixed);
}

#[test]
fn a_person_overloaded_before_a_deadline_is_overloaded() {
    let o = a_person_overloaded_before_a_deadline().outcome();
    assert_eq!(o.profile, Profile::Overload);
    // A deadline is a peak, so the load is not structural.
    assert_eq!(o.flags, vec![]);
}

#[test]
fn a_person_strained_for_no_clear_work_reason_has_an_unclear_source() {
    let o = a_person_strained_for_no_clear_work_reason().outcome();
    assert_eq!((o.indices.strain, o.indices.load, o.indices.mismatch), (Some(50.0), Some(25.0), Some(25.0)));
    assert_eq!(o.profile, Profile::UnclearSource);
}

#[test]
fn without_answers_about_oneself_the_result_is_incomplete() {
    let o = score(Form::Full, &a_person_who_skipped_the_questions_about_themselves(), &Context::default());
    assert_eq!(o.indices.strain, None);
    assert_eq!(o.indices.load, Some(75.0));
    assert_eq!(o.band, None);
    assert_eq!(o.profile, Profile::Incomplete);
}

#[test]
fn without_answers_about_either_source_the_result_is_incomplete() {
    let o = full(|c| matches!(c.index(), Index::Strain | Index::Wear).then_some(3));
    assert_eq!(o.indices.strain, Some(75.0));
    assert_eq!((o.indices.load, o.indices.mismatch), (None, None));
    assert_eq!(o.profile, Profile::Incomplete);
}

#[test]
fn nothing_answered_is_incomplete_with_every_construct_null() {
    let o = score(Form::Full, &Answers::new(), &Context::default());
    assert_eq!(o.profile, Profile::Incomplete);
    assert_eq!(o.constructs.len(), Construct::ALL.len());
    assert!(o.constructs.values().all(Option::is_none));
    assert_eq!(o.indices, Indices::default());
    assert_eq!((o.band, o.flags, o.top_areas), (None, vec![], vec![]));
}

// ---- profile boundaries (all on unrounded values) ----

#[test]
fn strain_of_exactly_40_is_no_longer_steady() {
    let base = a_person_strained_for_no_clear_work_reason();
    let at_40 = full(with_strain(base, [2, 2, 2, 1, 1]));
    assert_eq!(at_40.indices.strain, Some(40.0));
    assert_eq!(at_40.band, Some(Band::Elevated));
    assert_eq!(at_40.profile, Profile::UnclearSource);

    let at_35 = full(with_strain(base, [2, 2, 1, 1, 1]));
    assert_eq!(at_35.indices.strain, Some(35.0));
    assert_eq!(at_35.profile, Profile::Steady);
}

#[test]
fn strain_of_exactly_40_with_mismatch_of_50_is_a_mismatch_not_an_early_one() {
    let base = a_person_still_coping_in_the_wrong_job();
    assert_eq!(full(with_strain(base, [1, 1, 1, 1, 1])).profile, Profile::EarlyMismatch);
    let o = full(with_strain(base, [2, 2, 2, 1, 1]));
    assert_eq!(o.profile, Profile::Mismatch);
}

#[test]
fn early_mismatch_starts_at_mismatch_of_exactly_50() {
    assert_eq!(profile_of(&indices(Some(39.9), Some(0.0), Some(50.0))), Profile::EarlyMismatch);
    assert_eq!(profile_of(&indices(Some(39.9), Some(0.0), Some(49.99))), Profile::Steady);
    assert_eq!(profile_of(&indices(Some(0.0), None, Some(50.0))), Profile::EarlyMismatch);
}

#[test]
fn mismatch_needs_a_lead_of_exactly_15_over_load() {
    assert_eq!(profile_of(&indices(Some(60.0), Some(35.0), Some(50.0))), Profile::Mismatch);
    assert_eq!(profile_of(&indices(Some(60.0), Some(35.5), Some(50.0))), Profile::UnclearSource);
    assert_eq!(profile_of(&indices(Some(60.0), Some(25.0), Some(40.0))), Profile::Mismatch);
    assert_eq!(profile_of(&indices(Some(60.0), Some(0.0), Some(39.99))), Profile::UnclearSource);
}

#[test]
fn mismatch_without_an_answer_on_load_is_a_mismatch() {
    assert_eq!(profile_of(&indices(Some(60.0), None, Some(40.0))), Profile::Mismatch);
    assert_eq!(profile_of(&indices(Some(60.0), None, Some(39.0))), Profile::UnclearSource);
}

#[test]
fn mixed_starts_when_both_sources_are_exactly_50() {
    let o = full(|_| Some(2));
    assert_eq!((o.indices.strain, o.indices.load, o.indices.mismatch), (Some(50.0), Some(50.0), Some(50.0)));
    assert_eq!(o.profile, Profile::Mixed);
    assert_eq!(profile_of(&indices(Some(60.0), Some(49.99), Some(50.0))), Profile::UnclearSource);
    assert_eq!(profile_of(&indices(Some(60.0), Some(50.0), Some(49.99))), Profile::UnclearSource);
}

#[test]
fn a_clear_mismatch_wins_over_mixed() {
    // Both high, but mismatch leads by 15: rest will not fix it.
    assert_eq!(profile_of(&indices(Some(60.0), Some(50.0), Some(65.0))), Profile::Mismatch);
}

#[test]
fn overload_needs_load_of_40_leading_by_exactly_15() {
    assert_eq!(profile_of(&indices(Some(60.0), Some(40.0), Some(25.0))), Profile::Overload);
    assert_eq!(profile_of(&indices(Some(60.0), Some(39.99), Some(0.0))), Profile::UnclearSource);
    assert_eq!(profile_of(&indices(Some(60.0), Some(54.0), Some(39.5))), Profile::UnclearSource);
}

#[test]
fn overload_is_ruled_out_by_mismatch_of_50() {
    // Load leads by 30, but mismatch this high is not plain overload.
    assert_eq!(profile_of(&indices(Some(60.0), Some(80.0), Some(49.99))), Profile::Overload);
    assert_eq!(profile_of(&indices(Some(60.0), Some(80.0), Some(50.0))), Profile::Mixed);
    assert_eq!(profile_of(&indices(Some(60.0), Some(100.0), Some(50.0))), Profile::Mixed);
}

#[test]
fn overload_without_an_answer_on_mismatch_is_overload() {
    assert_eq!(profile_of(&indices(Some(60.0), Some(40.0), None)), Profile::Overload);
    assert_eq!(profile_of(&indices(Some(60.0), Some(39.0), None)), Profile::UnclearSource);
}

#[test]
fn bands_split_at_40_50_and_70() {
    let cases = [
        (None, None),
        (Some(0.0), Some(Band::Low)),
        (Some(39.999), Some(Band::Low)),
        (Some(40.0), Some(Band::Elevated)),
        (Some(49.999), Some(Band::Elevated)),
        (Some(50.0), Some(Band::High)),
        (Some(69.999), Some(Band::High)),
        (Some(70.0), Some(Band::VeryHigh)),
        (Some(100.0), Some(Band::VeryHigh)),
    ];
    for (strain, band) in cases {
        assert_eq!(band_of(strain), band, "{strain:?}");
    }
}

// ---- one golden case per flag ----

#[test]
fn a_high_performer_still_coping_in_the_wrong_job_is_masking() {
    // Strain still low: masking is flagged on mismatch alone.
    let person = Person { compensation: 3, ..a_person_still_coping_in_the_wrong_job() };
    let o = person.outcome();
    assert_eq!(o.profile, Profile::EarlyMismatch);
    assert_eq!(o.flags, vec![Flag::Masking]);
}

#[test]
fn masking_needs_compensation_of_exactly_60_with_strain_40_or_mismatch_50() {
    let no_constructs = VecMap::new();
    let flags = |compensation, strain, mismatch| {
        let i = Indices { compensation: Some(compensation), strain: Some(strain), mismatch: Some(mismatch), ..Indices::default() };
        flags_of(&no_constructs, &i, &Context::default())
    };
    assert_eq!(flags(60.0, 40.0, 0.0), vec![Flag::Masking]);
    assert_eq!(flags(60.0, 0.0, 50.0), vec![Flag::Masking]);
    assert_eq!(flags(59.99, 69.0, 100.0), vec![]);
    assert_eq!(flags(100.0, 39.99, 49.99), vec![]);
}

#[test]
fn a_person_doing_fine_who_performs_highly_is_not_masking() {
    let o = Person { compensation: 4, ..a_person_doing_fine() }.outcome();
    assert_eq!(o.flags, vec![]);
}

#[test]
fn masking_is_not_checked_by_the_quick_check() {
    let person = Person { compensation: 4, ..a_high_performer_in_the_wrong_role() };
    let o = score(Form::Quick, &person.answers(Form::Quick), &Context::default());
    assert_eq!(o.indices.compensation, None);
    assert!(!o.flags.contains(&Flag::Masking));
}

/// Heavy load is their normal state, not a peak.
fn a_person_whose_job_is_always_too_much() -> impl Fn(Construct) -> Option<u8> {
    |c| match c {
        Construct::DemandVolume => Some(3),
        Construct::DemandPeak => Some(1),
        c => a_person_overloaded_before_a_deadline().scored(c),
    }
}

#[test]
fn a_person_whose_job_is_always_too_much_has_structural_load() {
    let o = full(a_person_whose_job_is_always_too_much());
    assert_eq!(o.constructs[&Construct::DemandVolume], Some(75.0));
    assert_eq!(o.constructs[&Construct::DemandPeak], Some(25.0));
    assert_eq!(o.flags, vec![Flag::StructuralLoad]);
}

#[test]
fn structural_load_needs_volume_of_75_and_a_peak_of_at_most_25() {
    let always = a_person_whose_job_is_always_too_much();
    let peak_half_the_time = full(|c| if c == Construct::DemandPeak { Some(2) } else { always(c) });
    assert_eq!(peak_half_the_time.flags, vec![]);
    let volume_only_sometimes = full(|c| if c == Construct::DemandVolume { Some(2) } else { always(c) });
    assert_eq!(volume_only_sometimes.flags, vec![]);
    let peak_never = full(|c| if c == Construct::DemandPeak { Some(0) } else { always(c) });
    assert_eq!(peak_never.flags, vec![Flag::StructuralLoad]);
    let peak_unanswered = full(|c| if c == Construct::DemandPeak { None } else { always(c) });
    assert_eq!(peak_unanswered.flags, vec![]);
}

#[test]
fn chronic_is_six_months_or_more() {
    for &d in Duration::ALL {
        let context = Context { duration: Some(d), ..Context::default() };
        let o = full_with(|c| a_person_overloaded_before_a_deadline().scored(c), context);
        let chronic = matches!(d, Duration::M6To12 | Duration::Over12m);
        assert_eq!(o.flags.contains(&Flag::Chronic), chronic, "{d:?}");
    }
}

#[test]
fn strain_of_exactly_70_asks_to_seek_support() {
    let base = a_person_strained_for_no_clear_work_reason();
    let o = full(with_strain(base, [3, 3, 3, 3, 2]));
    assert_eq!(o.indices.strain, Some(70.0));
    assert_eq!(o.band, Some(Band::VeryHigh));
    assert_eq!(o.flags, vec![Flag::SeekSupport]);
    let o = full(with_strain(base, [3, 3, 3, 2, 2]));
    assert_eq!(o.indices.strain, Some(65.0));
    assert_eq!(o.flags, vec![]);
}

/// Work is fine; it is life in general that has lost its colour.
fn a_person_for_whom_nothing_feels_like_anything() -> impl Fn(Construct) -> Option<u8> {
    move |c| match c {
        Construct::LostCuriosity | Construct::EmotionalFlattening => Some(3),
        c => Person { strain: 1, load: 1, mismatch: 1, compensation: 1 }.scored(c),
    }
}

#[test]
fn lost_interest_in_life_in_general_asks_to_seek_support_even_with_moderate_strain() {
    let life = Context { scope: Some(Scope::Life), ..Context::default() };
    let o = full_with(a_person_for_whom_nothing_feels_like_anything(), life.clone());
    assert_eq!(o.indices.strain, Some(45.0));
    assert_eq!(o.flags, vec![Flag::SeekSupport]);

    let only_curiosity = |c| match c {
        Construct::EmotionalFlattening => Some(1),
        c => a_person_for_whom_nothing_feels_like_anything()(c),
    };
    assert_eq!(full_with(only_curiosity, life.clone()).flags, vec![Flag::SeekSupport]);

    let below_75 = |c| match c {
        Construct::LostCuriosity | Construct::EmotionalFlattening => Some(2),
        c => a_person_for_whom_nothing_feels_like_anything()(c),
    };
    assert_eq!(full_with(below_75, life).flags, vec![]);
}

#[test]
fn lost_interest_that_is_about_work_does_not_by_itself_ask_to_seek_support() {
    for scope in [None, Some(Scope::Work)] {
        let context = Context { scope, ..Context::default() };
        assert_eq!(full_with(a_person_for_whom_nothing_feels_like_anything(), context).flags, vec![]);
    }
}

#[test]
fn anything_else_that_weighs_is_acknowledged() {
    let context = Context { secondary: vec![Secondary::Care], ..Context::default() };
    let o = full_with(|c| a_person_strained_for_no_clear_work_reason().scored(c), context);
    assert_eq!(o.flags, vec![Flag::SecondaryFactors]);
    // Acknowledged, never blamed: the profile does not change.
    assert_eq!(o.profile, Profile::UnclearSource);
}

#[test]
fn flags_come_in_model_order() {
    let context = Context {
        duration: Some(Duration::Over12m),
        scope: Some(Scope::Life),
        secondary: vec![Secondary::Health, Secondary::Money],
    };
    let everything = |c| match c {
        Construct::DemandVolume => Some(4),
        Construct::DemandPeak => Some(0),
        c => Person { strain: 4, load: 3, mismatch: 4, compensation: 4 }.scored(c),
    };
    assert_eq!(full_with(everything, context).flags, Flag::ALL.to_vec());
}

// ---- top areas ----

#[test]
fn top_areas_are_the_highest_areas_at_50_or_more() {
    let o = full(|c| match c {
        Construct::IntrinsicCost => Some(3),
        Construct::Control => Some(2),
        Construct::Reward => Some(4),
        Construct::Community => Some(3),
        Construct::Fairness => Some(1),
        Construct::Values => Some(3),
        c => a_high_performer_in_the_wrong_role().scored(c),
    });
    // Ties at 75 keep model order; only three are named.
    assert_eq!(o.top_areas, vec![Construct::Reward, Construct::IntrinsicCost, Construct::Community]);
}

#[test]
fn an_area_at_exactly_50_is_named_and_one_below_is_not() {
    let o = full(|c| match c {
        Construct::Fairness => Some(2),
        c if c.index() == Index::Mismatch => Some(1),
        c => a_person_strained_for_no_clear_work_reason().scored(c),
    });
    assert_eq!(o.top_areas, vec![Construct::Fairness]);
}

#[test]
fn inner_resistance_and_rest_relapse_are_not_areas() {
    let o = full(|c| match c {
        Construct::InnerResistance | Construct::RestRelapse => Some(4),
        c if c.index() == Index::Mismatch => Some(0),
        c => a_person_strained_for_no_clear_work_reason().scored(c),
    });
    assert_eq!(o.top_areas, vec![]);
}

// ---- reverse keying ----

#[test]
fn reverse_keyed_items_score_four_minus_the_answer() {
    for item in questionnaire::items(Form::Full) {
        let expected = if item.reverse { 0.0 } else { 100.0 };
        let answers = Answers::from([(item.id, 4)]);
        let o = score(Form::Full, &answers, &Context::default());
        let others = questionnaire::items(Form::Full).filter(|i| i.construct == item.construct).count();
        if others <= 2 {
            // One of at most two items is half, rounded up: enough for a score.
            assert_eq!(o.constructs[&item.construct], Some(expected), "{}", item.id);
        }
    }
}

#[test]
fn agreeing_with_every_item_does_not_max_out_a_construct_with_a_reverse_item() {
    let all_always: Answers = questionnaire::items(Form::Full).map(|i| (i.id, 4)).collect();
    let o = score(Form::Full, &all_always, &Context::default());
    for &c in Construct::ALL {
        let items: Vec<&Item> = questionnaire::items(Form::Full).filter(|i| i.construct == c).collect();
        let reversed = items.iter().filter(|i| i.reverse).count() as f64;
        let expected = 100.0 * (items.len() as f64 - reversed) / items.len() as f64;
        assert_eq!(o.constructs[&c], Some(expected), "{c:?}");
    }
}

// ---- the missing-answer rules ----

#[test]
fn a_construct_needs_half_its_items_rounded_up() {
    for &c in Construct::ALL {
        let items: Vec<&Item> = questionnaire::items(Form::Full).filter(|i| i.construct == c).collect();
        let needed = items.len().div_ceil(2);
        let answer_first = |n: usize| -> Answers { items.iter().take(n).map(|i| (i.id, raw_answer(i, 3))).collect() };
        let enough = score(Form::Full, &answer_first(needed), &Context::default());
        assert_eq!(enough.constructs[&c], Some(75.0), "{c:?} with {needed} of {}", items.len());
        let too_few = score(Form::Full, &answer_first(needed - 1), &Context::default());
        assert_eq!(too_few.constructs[&c], None, "{c:?} with {} of {}", needed - 1, items.len());
    }
}

#[test]
fn a_construct_is_the_mean_of_its_answered_items_only() {
    // Two items at "often" and "sometimes" mean 62.5, whatever the keying.
    let pair = Construct::ALL
        .iter()
        .copied()
        .find(|&c| questionnaire::items(Form::Full).filter(|i| i.construct == c).count() == 2)
        .expect("a construct with two items");
    let items: Vec<&Item> = questionnaire::items(Form::Full).filter(|i| i.construct == pair).collect();
    let answers = Answers::from([(items[0].id, raw_answer(items[0], 3)), (items[1].id, raw_answer(items[1], 2))]);
    assert_eq!(score(Form::Full, &answers, &Context::default()).constructs[&pair], Some(62.5));
}

/// Answers only the first `n` constructs of `index`, each at "often".
fn only_some_constructs_of(index: Index, n: usize) -> Outcome {
    let answered: Vec<Construct> = constructs_of(index).into_iter().take(n).collect();
    full(|c| answered.contains(&c).then_some(3))
}

#[test]
fn an_index_needs_half_its_constructs() {
    for &index in Index::ALL {
        let asked = constructs_of(index).len();
        // "Fewer than half is null": with 5 asked, 3 give a value and 2 do not.
        let enough = asked.div_ceil(2);
        assert_eq!(only_some_constructs_of(index, enough).indices.get(index), Some(75.0), "{index:?} {enough}/{asked}");
        assert_eq!(only_some_constructs_of(index, enough - 1).indices.get(index), None, "{index:?} {}/{asked}", enough - 1);
    }
}

#[test]
fn an_index_is_the_mean_of_its_scored_constructs_only() {
    let strain = strain_constructs();
    let o = full(|c| match strain.iter().position(|&s| s == c) {
        Some(0) => Some(4),
        Some(1) => Some(2),
        Some(2) => Some(3),
        _ => None,
    });
    assert_eq!(o.indices.strain, Some(75.0));
}

#[test]
fn a_quick_check_has_no_wear_or_compensation_and_still_a_load_index() {
    let person = a_person_overloaded_before_a_deadline();
    let o = score(Form::Quick, &person.answers(Form::Quick), &Context::default());
    assert_eq!((o.indices.wear, o.indices.compensation), (None, None));
    assert_eq!(o.indices.load, Some(75.0));
    assert_eq!(o.indices.strain, Some(50.0));
    assert_eq!(o.profile, Profile::Overload);
    assert_eq!(o.constructs.len(), Construct::ALL.len());
    for (c, v) in &o.constructs {
        assert_eq!(v.is_some(), questionnaire::asks(Form::Quick, *c), "{c:?}");
    }
}

#[test]
fn a_quick_check_scores_like_the_full_form_on_the_items_they_share() {
    // Same answers to the shared items: the same strain, so both sit on one trend line.
    let person = a_person_in_the_wrong_job_during_a_crunch();
    let quick = score(Form::Quick, &person.answers(Form::Quick), &Context::default());
    let full = score(Form::Full, &person.answers(Form::Quick), &Context::default());
    assert_eq!(quick.indices.strain, full.indices.strain);
}

#[test]
fn a_quick_check_with_only_one_load_item_answered_still_has_a_load_index() {
    let first_load = questionnaire::items(Form::Quick).find(|i| i.construct.index() == Index::Load).expect("a load item");
    let mut answers = a_person_strained_for_no_clear_work_reason().answers(Form::Quick);
    answers.retain(|id, _| questionnaire::find_item(Form::Quick, id).is_some_and(|i| i.construct.index() == Index::Strain));
    answers.insert(first_load.id, raw_answer(first_load, 4));
    let o = score(Form::Quick, &answers, &Context::default());
    let asked_load = constructs_of(Index::Load).into_iter().filter(|&c| questionnaire::asks(Form::Quick, c)).count();
    // One of one or of two asked load constructs is not fewer than half.
    assert!(asked_load <= 2);
    assert_eq!(o.indices.load, Some(100.0));
    assert_eq!(o.indices.mismatch, None);
    assert_eq!(o.profile, Profile::Overload);
}

#[test]
fn answers_to_items_outside_the_form_are_ignored() {
    let person = a_person_overloaded_before_a_deadline();
    let quick_only = score(Form::Quick, &person.answers(Form::Quick), &Context::default());
    let with_extra = score(Form::Quick, &person.answers(Form::Full), &Context::default());
    assert_eq!(quick_only, with_extra);
}

// ---- parse_input ----

fn parse(text: &str) -> Result<Input, burnout_check::error::Error> {
    parse_input(&json::parse(text, "input").expect("test JSON"))
}

fn an_item_only_in_the_full_form() -> &'static str {
    questionnaire::items(Form::Full).find(|i| !i.quick).expect("a full-only item").id
}

fn a_quick_item() -> &'static str {
    questionnaire::items(Form::Quick).next().expect("a quick item").id
}

#[test]
fn every_input_error_names_its_field() {
    let q = a_quick_item();
    let f = an_item_only_in_the_full_form();
    let cases: Vec<(String, String)> = vec![
        (r#"[]"#.into(), "expected an object, got an array".into()),
        (r#"{"answers":{}}"#.into(), "form: is missing".into()),
        (r#"{"form":"long","answers":{}}"#.into(), r#"form: "long" is not one of full, quick"#.into()),
        (r#"{"form":1,"answers":{}}"#.into(), "form: expected a string, got a number".into()),
        (r#"{"form":"full","answers":{},"locale":"fr"}"#.into(), r#"locale: "fr" is not one of en, de, es"#.into()),
        (r#"{"form":"full","answers":{},"locale":7}"#.into(), "locale: expected a string, got a number".into()),
        (r#"{"form":"full"}"#.into(), "answers: is missing".into()),
        (r#"{"form":"full","answers":null}"#.into(), "answers: expected an object, got null".into()),
        (r#"{"form":"full","answers":[3]}"#.into(), "answers: expected an object, got an array".into()),
        (format!(r#"{{"form":"full","answers":{{"{q}":5}}}}"#), format!("answers.{q}: 5 is outside 0..4")),
        (format!(r#"{{"form":"full","answers":{{"{q}":-1}}}}"#), format!("answers.{q}: -1 is outside 0..4")),
        (format!(r#"{{"form":"full","answers":{{"{q}":2.5}}}}"#), format!("answers.{q}: 2.5 is not a whole number")),
        (format!(r#"{{"form":"full","answers":{{"{q}":"3"}}}}"#), format!("answers.{q}: expected a number, got a string")),
        (format!(r#"{{"form":"full","answers":{{"{q}":true}}}}"#), format!("answers.{q}: expected a number, got a boolean")),
        (r#"{"form":"full","answers":{"nope":1}}"#.into(), "answers.nope: is not an item of the full form".into()),
        (format!(r#"{{"form":"quick","answers":{{"{f}":1}}}}"#), format!("answers.{f}: is not an item of the quick form")),
        (r#"{"form":"full","answers":{},"extra":1}"#.into(), "extra: is not a known field".into()),
        (r#"{"form":"full","answers":{},"":1}"#.into(), r#""": is not a known field"#.into()),
        (r#"{"form":"full","answers":{},"context":"x"}"#.into(), "context: expected an object, got a string".into()),
        (r#"{"form":"full","answers":{},"context":{"mood":1}}"#.into(), "context.mood: is not a known field".into()),
        (
            r#"{"form":"full","answers":{},"context":{"duration":"2y"}}"#.into(),
            r#"context.duration: "2y" is not one of under_1m, 1_3m, 3_6m, 6_12m, over_12m"#.into(),
        ),
        (r#"{"form":"full","answers":{},"context":{"scope":"home"}}"#.into(), r#"context.scope: "home" is not one of work, life"#.into()),
        (
            r#"{"form":"full","answers":{},"context":{"secondary":"health"}}"#.into(),
            "context.secondary: expected an array, got a string".into(),
        ),
        (
            r#"{"form":"full","answers":{},"context":{"secondary":["health","pets"]}}"#.into(),
            r#"context.secondary[1]: "pets" is not one of health, care, money, life_event"#.into(),
        ),
        (
            r#"{"form":"full","answers":{},"context":{"secondary":[null]}}"#.into(),
            "context.secondary[0]: expected a string, got null".into(),
        ),
    ];
    for (input, message) in cases {
        let e = parse(&input).expect_err(&input);
        assert_eq!(e.kind, ErrorKind::Invalid, "{input}");
        assert_eq!(e.to_string(), message, "{input}");
        let field = message.split_once(": ").map_or("", |(f, _)| f);
        if !message.starts_with("expected") {
            assert_eq!(e.field, field, "{input}");
        }
    }
}

#[test]
fn a_minimal_input_defaults_to_english_and_no_context() {
    let input = parse(r#"{"form":"quick","answers":{}}"#).unwrap();
    assert_eq!(input, Input { form: Form::Quick, locale: Locale::En, answers: Answers::new(), context: Context::default() });
}

#[test]
fn null_or_absent_answers_are_not_answered() {
    let q = a_quick_item();
    let input = parse(&format!(r#"{{"form":"quick","locale":"de","answers":{{"{q}":null}}}}"#)).unwrap();
    assert_eq!(input.locale, Locale::De);
    assert!(input.answers.is_empty());
    // A repeated key: the last one wins, as everywhere in our JSON.
    let input = parse(&format!(r#"{{"form":"quick","answers":{{"{q}":3,"{q}":null}}}}"#)).unwrap();
    assert!(input.answers.is_empty());
    let input = parse(&format!(r#"{{"form":"quick","answers":{{"{q}":null,"{q}":0}}}}"#)).unwrap();
    assert_eq!(input.answers, Answers::from([(q, 0)]));
}

#[test]
fn whole_numbers_written_as_floats_are_answers() {
    let q = a_quick_item();
    let input = parse(&format!(r#"{{"form":"full","answers":{{"{q}":4.0}}}}"#)).unwrap();
    assert_eq!(input.answers, Answers::from([(q, 4)]));
}

#[test]
fn context_parts_are_each_optional_and_secondary_duplicates_collapse() {
    let input = parse(
        r#"{"form":"full","answers":{},"context":{"duration":null,"scope":"life","secondary":["money","health","money"]}}"#,
    )
    .unwrap();
    let expected = Context { duration: None, scope: Some(Scope::Life), secondary: vec![Secondary::Health, Secondary::Money] };
    assert_eq!(input.context, expected);
    let input = parse(r#"{"form":"full","answers":{},"context":{}}"#).unwrap();
    assert_eq!(input.context, Context::default());
    let input = parse(r#"{"form":"full","answers":{},"context":null,"locale":null}"#).unwrap();
    assert_eq!((input.context, input.locale), (Context::default(), Locale::En));
}

#[test]
fn a_parsed_input_scores_like_the_answers_it_carries() {
    let person = a_high_performer_in_the_wrong_role();
    let answers = person.answers(Form::Full);
    let members = answers.iter().map(|(id, v)| (id.to_string().into(), Json::Num(f64::from(*v)))).collect();
    let input = Json::Obj(vec![
        ("form".into(), Json::str("full")),
        ("answers".into(), Json::Obj(members)),
        ("context".into(), json::parse(r#"{"duration":"over_12m"}"#, "c").unwrap()),
    ]);
    let input = parse_input(&input).unwrap();
    assert_eq!(input.answers, answers);
    let o = score(input.form, &input.answers, &input.context);
    assert_eq!(o.profile, Profile::Mismatch);
    assert_eq!(o.flags, vec![Flag::Masking, Flag::Chronic]);
}
