//! Properties of scoring over any answers: scores stay on the scale, more
//! strain never scores as less, the profile is always the first rule that
//! holds, and no input, however odd, panics the validator.

mod common;

use burnout_check::error::ErrorKind;
use burnout_check::json::Json;
use burnout_check::model::{Construct, Duration, Form, Index, Profile, Scope, Secondary};
use burnout_check::questionnaire::{self, Item};
use burnout_check::scoring::{assess, parse_input, score, top_areas_of, Answers, Context, Indices, Input};
use burnout_check::vecmap::VecMap;
use burnout_check::thresholds as t;
use proptest::prelude::*;

fn any_form() -> impl Strategy<Value = Form> {
    prop::sample::select(Form::ALL.to_vec())
}

/// Any pattern of answers to `form`, some items left unanswered.
fn any_answers(form: Form) -> impl Strategy<Value = Answers> {
    let items: Vec<&'static Item> = questionnaire::items(form).collect();
    prop::collection::vec(prop::option::weighted(0.85, 0u8..=4), items.len()).prop_map(move |values| {
        items.iter().zip(values).filter_map(|(item, v)| v.map(|v| (item.id, v))).collect()
    })
}

fn any_context() -> impl Strategy<Value = Context> {
    (
        prop::option::of(prop::sample::select(Duration::ALL.to_vec())),
        prop::option::of(prop::sample::select(Scope::ALL.to_vec())),
        prop::sample::subsequence(Secondary::ALL.to_vec(), 0..=Secondary::ALL.len()),
    )
        .prop_map(|(duration, scope, secondary)| Context { duration, scope, secondary })
}

fn any_assessment() -> impl Strategy<Value = (Form, Answers, Context)> {
    any_form().prop_flat_map(|form| (Just(form), any_answers(form), any_context()))
}

fn on_scale(v: Option<f64>) -> bool {
    v.is_none_or(|v| (0.0..=100.0).contains(&v))
}

/// MODEL.md's scoring rules, written out again without the crate's helpers.
fn recomputed_indices(form: Form, answers: &Answers) -> Indices {
    let construct = |c: Construct| -> Option<f64> {
        let items: Vec<&Item> = questionnaire::items(form).filter(|i| i.construct == c).collect();
        let scored: Vec<f64> = items
            .iter()
            .filter_map(|i| answers.get(i.id).map(|&a| f64::from(if i.reverse { 4 - a } else { a })))
            .collect();
        let half_rounded_up = items.len().div_ceil(2);
        if items.is_empty() || scored.len() < half_rounded_up {
            return None;
        }
        Some(scored.iter().sum::<f64>() / scored.len() as f64 * 25.0)
    };
    let index = |index: Index| -> Option<f64> {
        let asked: Vec<Construct> =
            Construct::ALL.iter().copied().filter(|&c| c.index() == index && questionnaire::asks(form, c)).collect();
        let scored: Vec<f64> = asked.iter().filter_map(|&c| construct(c)).collect();
        if scored.is_empty() || (scored.len() as f64) < asked.len() as f64 / 2.0 {
            return None;
        }
        Some(scored.iter().sum::<f64>() / scored.len() as f64)
    };
    Indices {
        strain: index(Index::Strain),
        wear: index(Index::Wear),
        load: index(Index::Load),
        mismatch: index(Index::Mismatch),
        compensation: index(Index::Compensation),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => false,
    }
}

/// The seven profile rules of MODEL.md, restated as a list of (rule, profile).
fn first_rule_that_holds(i: &Indices) -> Profile {
    let (s, l, m) = (i.strain, i.load, i.mismatch);
    let ge = |x: Option<f64>, limit: f64| matches!(x, Some(x) if x >= limit);
    let lt = |x: Option<f64>, limit: f64| matches!(x, Some(x) if x < limit);
    let lead = |a: Option<f64>, b: Option<f64>| matches!((a, b), (Some(a), Some(b)) if a - b >= t::SOURCE_LEAD);
    let rules = [
        (s.is_none() || (l.is_none() && m.is_none()), Profile::Incomplete),
        (lt(s, t::STRAIN_LOW) && ge(m, t::MISMATCH_EARLY), Profile::EarlyMismatch),
        (lt(s, t::STRAIN_LOW), Profile::Steady),
        (ge(m, t::SOURCE_PRESENT) && (lead(m, l) || l.is_none()), Profile::Mismatch),
        (ge(l, t::SOURCE_HIGH) && ge(m, t::SOURCE_HIGH), Profile::Mixed),
        // "with M < 50" applies to a known mismatch; with M null the rule's "or M is null" decides.
        (ge(l, t::SOURCE_PRESENT) && (m.is_none() || (lead(l, m) && lt(m, t::SOURCE_HIGH))), Profile::Overload),
        (ge(s, t::STRAIN_LOW), Profile::UnclearSource),
    ];
    rules.iter().find(|(holds, _)| *holds).map_or(Profile::Incomplete, |&(_, p)| p)
}

/// Whether a parsed input is one `assess()` can take as it is.
fn is_valid(input: &Input) -> bool {
    input.answers.iter().all(|(id, &v)| questionnaire::find_item(input.form, id).is_some() && v <= t::ANSWER_MAX)
        && input.context.secondary.windows(2).all(|w| w[0] < w[1])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_score_is_on_the_scale_or_null((form, answers, context) in any_assessment()) {
        let o = score(form, &answers, &context);
        prop_assert_eq!(o.constructs.len(), Construct::ALL.len());
        prop_assert!(o.constructs.values().all(|&v| on_scale(v)));
        for &index in Index::ALL {
            prop_assert!(on_scale(o.indices.get(index)), "{:?}", index);
        }
        prop_assert_eq!(o.band.is_none(), o.indices.strain.is_none());
        prop_assert!(o.top_areas.len() <= t::TOP_AREAS_MAX);
    }

    #[test]
    fn the_top_areas_are_the_rule_written_out(scores in prop::collection::vec(prop::sample::select(vec![None, Some(0.0), Some(49.9), Some(50.0), Some(62.5), Some(75.0), Some(100.0)]), Construct::ALL.len())) {
        // Ties are common (answers take five values), so the scores are drawn from a few.
        let mut constructs = VecMap::new();
        for (&c, &v) in Construct::ALL.iter().zip(&scores) {
            constructs.insert(c, v);
        }
        // MODEL.md: the areas at AREA_CONCERN or more, highest first, at most
        // TOP_AREAS_MAX; a stable sort keeps equal ones in AREAS order.
        let mut expected: Vec<(Construct, f64)> = burnout_check::model::AREAS
            .iter()
            .filter_map(|&a| constructs.get(&a).copied().flatten().filter(|&v| v >= t::AREA_CONCERN).map(|v| (a, v)))
            .collect();
        expected.sort_by(|x, y| y.1.total_cmp(&x.1));
        let expected: Vec<Construct> = expected.into_iter().take(t::TOP_AREAS_MAX).map(|(a, _)| a).collect();
        prop_assert_eq!(top_areas_of(&constructs), expected);
    }

    #[test]
    fn constructs_and_indices_match_the_rules_written_out((form, answers, _c) in any_assessment()) {
        let o = score(form, &answers, &Context::default());
        let expected = recomputed_indices(form, &answers);
        for &index in Index::ALL {
            prop_assert!(close(o.indices.get(index), expected.get(index)), "{:?}: {:?} vs {:?}", index, o.indices.get(index), expected.get(index));
        }
    }

    #[test]
    fn the_quick_check_never_scores_wear_or_compensation(answers in any_answers(Form::Quick), context in any_context()) {
        let o = score(Form::Quick, &answers, &context);
        prop_assert_eq!((o.indices.wear, o.indices.compensation), (None, None));
    }

    #[test]
    fn more_strain_never_scores_as_less(
        (form, answers, context) in any_assessment(),
        pick in any::<prop::sample::Index>(),
    ) {
        let strain_items: Vec<&Item> = questionnaire::items(form).filter(|i| i.construct.index() == Index::Strain).collect();
        let item = strain_items[pick.index(strain_items.len())];
        let before = score(form, &answers, &context).indices.strain;
        let mut raised = answers.clone();
        match answers.get(item.id) {
            // One step more strain: a higher answer, or a lower one to a reverse-keyed item.
            Some(&a) if !item.reverse && a < 4 => { raised.insert(item.id, a + 1); }
            Some(&a) if item.reverse && a > 0 => { raised.insert(item.id, a - 1); }
            _ => return Ok(()),
        }
        let after = score(form, &raised, &context).indices.strain;
        prop_assert_eq!(before.is_some(), after.is_some());
        if let (Some(b), Some(a)) = (before, after) {
            prop_assert!(a >= b, "{} raised: {} -> {}", item.id, b, a);
        }
    }

    #[test]
    fn the_profile_is_always_the_first_rule_that_holds((form, answers, context) in any_assessment()) {
        let o = score(form, &answers, &context);
        prop_assert!(Profile::ALL.contains(&o.profile));
        prop_assert_eq!(o.profile, first_rule_that_holds(&o.indices));
    }

    #[test]
    fn parse_input_never_panics_on_any_json(v in common::any_json()) {
        check_parse(&v)?;
    }

    #[test]
    fn parse_input_never_panics_on_near_misses(v in common::assess_like_json()) {
        check_parse(&v)?;
    }
}

/// Either a field-naming error, or an input that scores and explains without panicking.
fn check_parse(v: &Json) -> Result<(), TestCaseError> {
    match parse_input(v) {
        Ok(input) => {
            prop_assert!(is_valid(&input), "{:?}", input);
            let a = assess(&input);
            prop_assert_eq!(a.form, input.form);
        }
        Err(e) => {
            prop_assert_eq!(e.kind, ErrorKind::Invalid);
            // Only a non-object at the top has no field to name.
            prop_assert!(!e.field.is_empty() || !matches!(v, Json::Obj(_)), "{}", e);
        }
    }
    Ok(())
}
