//! The questionnaire definition and the explanation texts, checked against
//! MODEL.md: counts, keying, ids, translations, and what each result must say.

use burnout_check::explain::{area_name, explain, rest_explanation, DISCLAIMER};
use burnout_check::model::{
    Band, Construct, Duration, Flag, Form, Index, Locale, Profile, RestState, Scope, Secondary, AREAS,
};
use burnout_check::questionnaire::{items, questionnaire, Item, BY_ID, CONTEXT, ITEMS, SCALE};
use burnout_check::scoring::{Context, Indices, Outcome};
use burnout_check::vecmap::VecMap;
use std::collections::BTreeSet;

fn full() -> Vec<&'static Item> {
    items(Form::Full).collect()
}

fn quick() -> Vec<&'static Item> {
    items(Form::Quick).collect()
}

fn count(list: &[&Item], pred: impl Fn(&Item) -> bool) -> usize {
    list.iter().filter(|i| pred(i)).count()
}

// ---------------------------------------------------------------- the items

#[test]
fn by_id_lists_every_item_once_in_the_order_of_their_ids() {
    // What BY_ID must be: ITEMS' places sorted by id (byte order, as every answers map keeps them).
    let mut want: Vec<usize> = (0..ITEMS.len()).collect();
    want.sort_by_key(|&i| ITEMS[i].id);
    let got: Vec<usize> = BY_ID.iter().map(|&i| usize::from(i)).collect();
    assert_eq!(got, want, "questionnaire::BY_ID must be {want:?}");
}

#[test]
fn the_full_form_has_30_to_34_items() {
    let n = full().len();
    assert!((30..=34).contains(&n), "{n} items");
}

#[test]
fn every_construct_is_asked_and_every_strain_construct_at_least_twice() {
    for &c in Construct::ALL {
        let n = count(&full(), |i| i.construct == c);
        let min = if c.index() == Index::Strain { 2 } else { 1 };
        assert!(n >= min, "{} has {n} items", c.id());
    }
}

#[test]
fn every_index_has_at_least_four_items() {
    for &ix in Index::ALL {
        let n = count(&full(), |i| i.construct.index() == ix);
        assert!(n >= 4, "{} has {n} items", ix.id());
    }
}

#[test]
fn at_least_four_items_are_reverse_keyed() {
    assert!(count(&full(), |i| i.reverse) >= 4);
}

#[test]
fn item_ids_are_unique_and_snake_case() {
    let mut seen = BTreeSet::new();
    for i in ITEMS {
        assert!(seen.insert(i.id), "duplicate id {}", i.id);
        assert!(
            !i.id.is_empty() && i.id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'),
            "id {:?} is not snake_case",
            i.id
        );
    }
}

#[test]
fn similar_items_are_never_adjacent() {
    for pair in ITEMS.windows(2) {
        assert_ne!(pair[0].construct, pair[1].construct, "{} next to {}", pair[0].id, pair[1].id);
    }
}

#[test]
fn the_quick_check_has_8_or_9_items() {
    let n = quick().len();
    assert!((8..=9).contains(&n), "{n} quick items");
}

#[test]
fn the_quick_check_asks_each_strain_construct_exactly_once() {
    for &c in Construct::ALL.iter().filter(|c| c.index() == Index::Strain) {
        assert_eq!(count(&quick(), |i| i.construct == c), 1, "{}", c.id());
    }
}

#[test]
fn the_quick_check_asks_one_or_two_load_and_mismatch_items_and_nothing_else() {
    let q = quick();
    for ix in [Index::Load, Index::Mismatch] {
        let n = count(&q, |i| i.construct.index() == ix);
        assert!((1..=2).contains(&n), "{} has {n} quick items", ix.id());
    }
    for ix in [Index::Wear, Index::Compensation] {
        assert_eq!(count(&q, |i| i.construct.index() == ix), 0, "{}", ix.id());
    }
}

#[test]
fn quick_items_are_full_items_in_the_same_order() {
    let full_ids: Vec<_> = full().iter().map(|i| i.id).collect();
    let quick_ids: Vec<_> = quick().iter().map(|i| i.id).collect();
    let in_full_order: Vec<_> = full_ids.iter().copied().filter(|id| quick_ids.contains(id)).collect();
    assert_eq!(quick_ids, in_full_order);
}

// ---------------------------------------------------------------- texts

/// Every text of the definition, labelled for messages.
fn definition_texts() -> Vec<(String, [&'static str; 3])> {
    let mut out = vec![];
    for (v, t) in SCALE.iter().enumerate() {
        out.push((format!("scale {v}"), *t.translations()));
    }
    for i in ITEMS {
        out.push((i.id.to_string(), *i.text.translations()));
    }
    for q in CONTEXT {
        out.push((q.id.to_string(), *q.text.translations()));
        for (id, t) in q.options {
            out.push((format!("{}.{id}", q.id), *t.translations()));
        }
    }
    out
}

#[test]
fn no_text_is_empty_in_any_locale() {
    for (what, t) in definition_texts() {
        for &l in Locale::ALL {
            assert!(!t[l as usize].trim().is_empty(), "{what} is empty in {}", l.id());
        }
    }
}

#[test]
fn no_text_is_left_untranslated() {
    // Copy-pasted English in the German or Spanish column is the likely slip.
    for (what, t) in definition_texts() {
        assert_ne!(t[0], t[1], "{what}: en equals de");
        assert_ne!(t[0], t[2], "{what}: en equals es");
    }
}

#[test]
fn item_texts_are_unique_within_each_locale() {
    for &l in Locale::ALL {
        let texts: BTreeSet<_> = ITEMS.iter().map(|i| i.text.get(l)).collect();
        assert_eq!(texts.len(), ITEMS.len(), "{}", l.id());
    }
}

// ---------------------------------------------------------------- context

fn option_ids(id: &str) -> Vec<&'static str> {
    let q = CONTEXT.iter().find(|q| q.id == id).unwrap_or_else(|| panic!("no context question {id}"));
    q.options.iter().map(|(id, _)| *id).collect()
}

#[test]
fn context_questions_come_in_model_order() {
    let ids: Vec<_> = CONTEXT.iter().map(|q| q.id).collect();
    assert_eq!(ids, ["duration", "scope", "secondary"]);
}

#[test]
fn context_option_ids_are_the_model_ids() {
    assert_eq!(option_ids("duration"), Duration::ALL.iter().map(|d| d.id()).collect::<Vec<_>>());
    assert_eq!(option_ids("scope"), Scope::ALL.iter().map(|d| d.id()).collect::<Vec<_>>());
    assert_eq!(option_ids("secondary"), Secondary::ALL.iter().map(|d| d.id()).collect::<Vec<_>>());
}

#[test]
fn only_secondary_allows_several_answers() {
    for q in CONTEXT {
        assert_eq!(q.multiple, q.id == "secondary", "{}", q.id);
    }
}

// ---------------------------------------------------------------- questionnaire()

#[test]
fn questionnaire_returns_the_form_in_the_requested_locale() {
    for &form in Form::ALL {
        for &l in Locale::ALL {
            let q = questionnaire(form, l);
            assert_eq!((q.form, q.locale), (form, l));
            assert_eq!(q.items.len(), items(form).count());
            assert_eq!(q.scale.iter().map(|p| p.value).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
            assert_eq!(q.scale[4].label, SCALE[4].get(l));
            assert_eq!(q.context.len(), 3);
            for (view, item) in q.items.iter().zip(items(form)) {
                assert_eq!((view.id, view.construct, view.reverse), (item.id, item.construct, item.reverse));
                assert_eq!(view.text, item.text.get(l));
            }
        }
    }
}

#[test]
fn questionnaire_ids_name_the_form() {
    assert_ne!(questionnaire(Form::Full, Locale::En).id, questionnaire(Form::Quick, Locale::En).id);
}

// ---------------------------------------------------------------- explanations

fn outcome(profile: Profile, flags: &[Flag], top_areas: &[Construct], form: Form) -> Outcome {
    let asked = |c: Construct| form == Form::Full || items(form).any(|i| i.construct == c);
    Outcome {
        form,
        constructs: Construct::ALL.iter().map(|&c| (c, asked(c).then_some(50.0))).collect::<VecMap<_, _>>(),
        indices: Indices {
            strain: Some(55.0),
            wear: (form == Form::Full).then_some(50.0),
            load: Some(50.0),
            mismatch: Some(50.0),
            compensation: (form == Form::Full).then_some(50.0),
        },
        band: Some(Band::High),
        profile,
        flags: flags.to_vec(),
        top_areas: top_areas.to_vec(),
    }
}

fn someone(profile: Profile) -> Outcome {
    outcome(profile, &[], &[], Form::Full)
}

fn at_work() -> Context {
    Context { duration: None, scope: Some(Scope::Work), secondary: vec![] }
}

fn about_life() -> Context {
    Context { scope: Some(Scope::Life), ..at_work() }
}

fn also_caring() -> Context {
    Context { secondary: vec![Secondary::Care], ..at_work() }
}

fn everything_else() -> Context {
    Context { duration: Some(Duration::Over12m), scope: Some(Scope::Life), secondary: Secondary::ALL.to_vec() }
}

/// All subsets of the flags.
fn flag_sets() -> Vec<Vec<Flag>> {
    (0..1u32 << Flag::ALL.len())
        .map(|bits| Flag::ALL.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, &f)| f).collect())
        .collect()
}

const DOCTOR: [&str; 3] = ["doctor", "Arzt", "médico"];

fn has_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

#[test]
fn every_result_has_an_explanation_and_three_to_six_next_steps() {
    for &p in Profile::ALL {
        for flags in flag_sets() {
            for ctx in [Context::default(), at_work(), about_life(), also_caring(), everything_else()] {
                for &form in Form::ALL {
                    for &l in Locale::ALL {
                        let (text, steps) = explain(&outcome(p, &flags, &[Construct::Control], form), &ctx, l);
                        assert!(!text.trim().is_empty(), "{p:?} {flags:?} {l:?}");
                        assert!((3..=6).contains(&steps.len()), "{p:?} {flags:?} {ctx:?} {l:?}: {} steps", steps.len());
                        assert!(steps.iter().all(|s| !s.trim().is_empty()));
                        assert!(!text.contains('{') && !steps.iter().any(|s| s.contains('{')), "placeholder left: {text}");
                        let unique: BTreeSet<_> = steps.iter().collect();
                        assert_eq!(unique.len(), steps.len(), "repeated step: {steps:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn seek_support_puts_a_doctor_first() {
    for &p in Profile::ALL {
        for &l in Locale::ALL {
            let (_, steps) = explain(&outcome(p, &[Flag::SeekSupport], &[], Form::Full), &at_work(), l);
            assert!(steps[0].contains(DOCTOR[l as usize]), "{p:?} {l:?}: {}", steps[0]);
            assert_eq!(steps.iter().filter(|s| s.contains(DOCTOR[l as usize])).count(), 1, "{p:?} {l:?}: {steps:?}");
        }
    }
}

#[test]
fn life_in_general_leads_with_a_doctor_and_names_depression() {
    for &l in Locale::ALL {
        let (text, steps) = explain(&someone(Profile::Mismatch), &about_life(), l);
        assert!(steps[0].contains(DOCTOR[l as usize]), "{l:?}: {}", steps[0]);
        assert!(text.to_lowercase().contains(["depression", "depression", "depresión"][l as usize]), "{l:?}");
    }
}

#[test]
fn work_only_results_without_support_do_not_lead_with_a_doctor() {
    for &l in Locale::ALL {
        let (_, steps) = explain(&someone(Profile::Overload), &at_work(), l);
        assert!(!steps[0].contains(DOCTOR[l as usize]));
    }
}

#[test]
fn mismatch_names_the_top_areas_in_the_persons_language() {
    let areas = [Construct::Values, Construct::Control, Construct::Reward];
    for p in [Profile::Mismatch, Profile::Mixed, Profile::EarlyMismatch] {
        for &l in Locale::ALL {
            let (text, _) = explain(&outcome(p, &[], &areas, Form::Full), &at_work(), l);
            for a in areas {
                assert!(text.contains(area_name(a, l)), "{p:?} {l:?} misses {}: {text}", a.id());
            }
            assert!(!text.contains('_') && !text.contains("{}"), "raw id or placeholder leaked: {text}");
        }
    }
}

#[test]
fn mismatch_says_rest_will_not_fix_it_and_overload_says_rest_helps() {
    let (mismatch, _) = explain(&someone(Profile::Mismatch), &at_work(), Locale::En);
    assert!(mismatch.contains("change in structure") && mismatch.contains("not more recovery"));
    let (overload, _) = explain(&someone(Profile::Overload), &at_work(), Locale::En);
    assert!(overload.contains("responds to rest") && !overload.contains("structure"));
    let (mixed, _) = explain(&someone(Profile::Mixed), &at_work(), Locale::En);
    assert!(mixed.contains("Rest buys you time") && mixed.contains("structure has to change"));
}

#[test]
fn area_names_are_distinct_translated_and_not_ids() {
    for &l in Locale::ALL {
        let names: BTreeSet<_> = AREAS.iter().map(|&a| area_name(a, l)).collect();
        assert_eq!(names.len(), AREAS.len(), "{l:?}");
    }
    for &c in Construct::ALL {
        assert_ne!(area_name(c, Locale::En), area_name(c, Locale::De), "{}", c.id());
        assert_ne!(area_name(c, Locale::En), c.id());
    }
}

/// Words that point beyond work, per locale.
const BEYOND_WORK: [[&str; 2]; 3] =
    [["health", "outside work"], ["Gesundheit", "außerhalb der Arbeit"], ["salud", "fuera del trabajo"]];

#[test]
fn unclear_source_mentions_health_or_life_only_when_the_person_pointed_there() {
    for &l in Locale::ALL {
        for ctx in [Context::default(), at_work()] {
            let (text, steps) = explain(&someone(Profile::UnclearSource), &ctx, l);
            let all = format!("{text} {}", steps.join(" "));
            assert!(!has_any(&all, &BEYOND_WORK[l as usize]), "{l:?}: {all}");
        }
        for ctx in [about_life(), also_caring()] {
            let (text, _) = explain(&someone(Profile::UnclearSource), &ctx, l);
            assert!(has_any(&text, &BEYOND_WORK[l as usize]), "{l:?} {ctx:?}: {text}");
        }
    }
}

#[test]
fn secondary_factors_are_named_and_acknowledged() {
    let ctx = Context { secondary: vec![Secondary::Health, Secondary::Money], ..at_work() };
    let (text, steps) = explain(&outcome(Profile::Mismatch, &[Flag::SecondaryFactors], &[], Form::Full), &ctx, Locale::En);
    assert!(text.contains("your health and money worries"), "{text}");
    assert!(text.contains("not a failing"));
    assert!(steps.iter().any(|s| s.contains("beyond work")));
}

#[test]
fn each_flag_adds_its_own_sentence() {
    let expected = [
        (Flag::Masking, "compensating well"),
        (Flag::StructuralLoad, "normal state of your work"),
        (Flag::Chronic, "many months"),
        (Flag::SeekSupport, "get support"),
    ];
    for (flag, phrase) in expected {
        let (without, _) = explain(&someone(Profile::Mismatch), &at_work(), Locale::En);
        let (with, _) = explain(&outcome(Profile::Mismatch, &[flag], &[], Form::Full), &at_work(), Locale::En);
        assert!(!without.contains(phrase) && with.contains(phrase), "{flag:?}");
    }
}

#[test]
fn the_quick_check_says_masking_was_not_checked_and_suggests_the_full_form() {
    let not_checked = ["masking was not checked", "nicht geprüft", "no se comprobó"];
    let full_form = ["full form", "ausführliche Fassung", "cuestionario completo"];
    for &l in Locale::ALL {
        let i = l as usize;
        let (text, steps) = explain(&outcome(Profile::Overload, &[], &[], Form::Quick), &at_work(), l);
        assert!(text.contains(not_checked[i]), "{l:?}: {text}");
        assert!(steps.iter().any(|s| s.contains(full_form[i])), "{l:?}: {steps:?}");
        let (text, steps) = explain(&someone(Profile::Overload), &at_work(), l);
        assert!(!text.contains(not_checked[i]) && !steps.iter().any(|s| s.contains(full_form[i])));
    }
}

#[test]
fn the_disclaimer_says_what_this_is_not_and_is_not_repeated() {
    let words = [["not a diagnosis", "provisional"], ["keine Diagnose", "vorläufig"], ["ni un diagnóstico", "provisionales"]];
    for &l in Locale::ALL {
        let d = DISCLAIMER.get(l);
        assert!(words[l as usize].iter().all(|w| d.contains(w)), "{l:?}");
        let (text, _) = explain(&someone(Profile::Steady), &at_work(), l);
        assert!(!text.contains(d));
    }
}

// ---------------------------------------------------------------- rest response

#[test]
fn faded_or_absent_relief_reads_as_mismatch_under_moderate_load_and_unended_overload_under_heavy() {
    for state in [RestState::Faded, RestState::NoRelief] {
        let moderate = rest_explanation(state, Some(49.9), Locale::En);
        let heavy = rest_explanation(state, Some(50.0), Locale::En);
        assert!(moderate.contains("mismatch pattern"), "{moderate}");
        assert!(heavy.contains("overload that has not ended"), "{heavy}");
        let unknown = rest_explanation(state, None, Locale::En);
        assert!(unknown.contains("overload") && unknown.contains("mismatch"));
    }
}

#[test]
fn relief_that_holds_means_rest_helped() {
    assert!(rest_explanation(RestState::Restorative, Some(30.0), Locale::En).contains("rest helped"));
}

#[test]
fn pending_and_insufficient_say_what_to_do_next() {
    assert!(rest_explanation(RestState::Pending, None, Locale::En).contains("date shown"));
    assert!(rest_explanation(RestState::Insufficient, None, Locale::En).contains("missing"));
}

#[test]
fn every_rest_reading_says_it_is_a_heuristic() {
    let heuristic = ["heuristic", "Faustregel", "regla aproximada"];
    for &s in RestState::ALL {
        for load in [None, Some(20.0), Some(80.0)] {
            for &l in Locale::ALL {
                let text = rest_explanation(s, load, l);
                assert!(text.contains(heuristic[l as usize]), "{s:?} {l:?}");
            }
        }
    }
}

// ---------------------------------------------------------------- never "be more resilient"

#[test]
fn no_text_anywhere_talks_about_resilience() {
    let mut all: Vec<String> = definition_texts().iter().flat_map(|(_, t)| t.iter().map(|s| s.to_string())).collect();
    all.extend(DISCLAIMER.translations().iter().map(|s| s.to_string()));
    for &l in Locale::ALL {
        all.extend(Construct::ALL.iter().map(|&c| area_name(c, l).to_string()));
        for &s in RestState::ALL {
            for load in [None, Some(20.0), Some(80.0)] {
                all.push(rest_explanation(s, load, l));
            }
        }
        for &p in Profile::ALL {
            for flags in flag_sets() {
                for &form in Form::ALL {
                    let (text, steps) = explain(&outcome(p, &flags, &AREAS[..3], form), &everything_else(), l);
                    all.push(text);
                    all.extend(steps);
                }
            }
        }
    }
    for t in all {
        assert!(!t.to_lowercase().contains("resilien"), "{t}");
    }
}
