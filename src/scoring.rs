//! Answers -> constructs -> indices -> band, profile, flags, top areas, exactly
//! as MODEL.md says. Thresholds come from `thresholds`; texts from `explain`.

use crate::cat::{cat, int};
use crate::error::{index_path, path, Error, Result};
use crate::json::{self, Json};
use crate::model::{parse_id, Band, Construct, Duration, Flag, Form, Index, Locale, Profile, Scope, Secondary};
use crate::questionnaire;
use crate::thresholds as t;
use crate::vecmap::VecMap;

/// Answers by item id, each 0..=4 (validated). Unanswered items are absent.
pub type Answers = VecMap<&'static str, u8>;

/// The optional context answers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    pub duration: Option<Duration>,
    pub scope: Option<Scope>,
    /// Without duplicates, in `Secondary::ALL` order.
    pub secondary: Vec<Secondary>,
}

/// The five indices, each 0..100 or null.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Indices {
    pub strain: Option<f64>,
    pub wear: Option<f64>,
    pub load: Option<f64>,
    pub mismatch: Option<f64>,
    pub compensation: Option<f64>,
}

impl Indices {
    pub fn get(&self, index: Index) -> Option<f64> {
        match index {
            Index::Strain => self.strain,
            Index::Wear => self.wear,
            Index::Load => self.load,
            Index::Mismatch => self.mismatch,
            Index::Compensation => self.compensation,
        }
    }
}

/// Everything one assessment's numbers decide, before any text.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub form: Form,
    /// Every construct, null when not asked or too few answers; unrounded.
    pub constructs: VecMap<Construct, Option<f64>>,
    pub indices: Indices,
    pub band: Option<Band>,
    pub profile: Profile,
    /// In `Flag::ALL` order.
    pub flags: Vec<Flag>,
    pub top_areas: Vec<Construct>,
}

/// What `assess()` returns to JS (MODEL.md "The public API").
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub profile: Profile,
    pub band: Option<Band>,
    pub flags: Vec<Flag>,
    pub indices: Indices,
    pub constructs: VecMap<Construct, Option<f64>>,
    pub top_areas: Vec<Construct>,
    pub explanation: String,
    pub next_steps: Vec<String>,
    pub form: Form,
    pub questionnaire_version: u32,
    pub scoring_version: u32,
}

impl Indices {
    /// `{ strain, wear, load, mismatch, compensation }`, each a number or null.
    pub fn to_json(&self) -> Json {
        let mut m = Vec::new();
        for &i in Index::ALL {
            m.push((i.id().into(), Json::opt_num(self.get(i))));
        }
        Json::Obj(m)
    }
}

/// Every construct by id, a number or null, in `Construct::ALL` order.
pub fn constructs_json(constructs: &VecMap<Construct, Option<f64>>) -> Json {
    let mut m = Vec::new();
    for (c, v) in constructs {
        m.push((c.id().into(), Json::opt_num(*v)));
    }
    Json::Obj(m)
}

impl Assessment {
    /// What `assess()` returns to JS, field for field. (Plain loops rather than
    /// `map`/`collect` chains, here and in the scoring below: less wasm.)
    pub fn to_json(&self) -> Json {
        let (mut flags, mut top_areas, mut next_steps) = (Vec::new(), Vec::new(), Vec::new());
        for f in &self.flags {
            flags.push(Json::str(f.id()));
        }
        for c in &self.top_areas {
            top_areas.push(Json::str(c.id()));
        }
        for s in &self.next_steps {
            next_steps.push(Json::str(s));
        }
        Json::obj(vec![
            ("profile", Json::str(self.profile.id())),
            ("band", Json::opt_str(self.band.map(|b| b.id()))),
            ("flags", Json::Arr(flags)),
            ("indices", self.indices.to_json()),
            ("constructs", constructs_json(&self.constructs)),
            ("top_areas", Json::Arr(top_areas)),
            ("explanation", Json::str(&self.explanation)),
            ("next_steps", Json::Arr(next_steps)),
            ("form", Json::str(self.form.id())),
            ("questionnaire_version", Json::Num(f64::from(self.questionnaire_version))),
            ("scoring_version", Json::Num(f64::from(self.scoring_version))),
        ])
    }
}

/// Validated input of `assess()`.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub form: Form,
    pub locale: Locale,
    pub answers: Answers,
    pub context: Context,
}

/// Scores answers of `form` (already validated).
/// (Any `&str` keys: stored answers are scored with their keys borrowed.)
pub fn score(form: Form, answers: &VecMap<&str, u8>, context: &Context) -> Outcome {
    let constructs = construct_scores(form, answers);
    let indices = indices_of(form, &constructs);
    Outcome {
        form,
        band: band_of(indices.strain),
        profile: profile_of(&indices),
        flags: flags_of(&constructs, &indices, context),
        top_areas: top_areas_of(&constructs),
        constructs,
        indices,
    }
}

/// Every construct's score: the mean of its answered items times 25, null when
/// the form does not ask about it or fewer than half (rounded up) of its items
/// in the form are answered. Answers to items the form does not ask are ignored.
pub fn construct_scores(form: Form, answers: &VecMap<&str, u8>) -> VecMap<Construct, Option<f64>> {
    // One pass over the items, counting by construct (`Construct::ALL` is in
    // declaration order, so `c as usize` is its place): a pass per construct
    // made re-scoring an imported history slow.
    const N: usize = Construct::ALL.len();
    let mut counts = [(0u32, 0u32, 0u32); N];
    // Items in id order beside the answers (in id order too): each item's answer
    // is the next one unless that one is an earlier id (no item's: passed over).
    let mut rest = answers.iter();
    let mut next = rest.next();
    for &i in questionnaire::BY_ID {
        let Some(item) = questionnaire::ITEMS.get(usize::from(i)) else { continue };
        // Answers read from a stored form's digits borrow the item's own id: the
        // same pointer is that item, with no comparing of texts.
        let is_item = |id: &str| std::ptr::eq(id, item.id) || id == item.id;
        while next.is_some_and(|(id, _)| !is_item(id) && **id < *item.id) {
            next = rest.next();
        }
        let answer = next.filter(|(id, _)| is_item(id)).map(|(_, &a)| a);
        let Some((asked, answered, sum)) = counts.get_mut(item.construct as usize) else { continue };
        if !questionnaire::asked(form, item) {
            continue;
        }
        *asked += 1;
        if let Some(a) = answer {
            // Validated input is 0..=4; `min` keeps a stray value from underflowing.
            let a = a.min(t::ANSWER_MAX);
            *answered += 1;
            *sum += u32::from(if item.reverse { t::ANSWER_MAX - a } else { a });
        }
    }
    let mut out = Vec::with_capacity(N);
    for (&c, &(asked, answered, sum)) in Construct::ALL.iter().zip(&counts) {
        let score = if asked == 0 || answered < asked.div_ceil(2) {
            None
        } else {
            // Sum times 25 before dividing: one rounding, so a score on a boundary is exactly on it.
            Some(f64::from(sum) * t::SCALE_TO_100 / f64::from(answered))
        };
        out.push((c, score));
    }
    // In `Construct::ALL` order, which is the key order: each at its place (`construct_score`).
    VecMap::from_sorted(out)
}

/// The score of `c`. Where `construct_scores` made the map (every construct, in
/// `Construct::ALL` order) it sits at `c as usize`: scoring an imported history
/// looked up a hundred scores per entry, and the binary searches were a tenth of an import.
/// A map made otherwise (a stored result) is searched.
fn construct_score(constructs: &VecMap<Construct, Option<f64>>, c: Construct) -> Option<f64> {
    match constructs.nth(c as usize) {
        Some((&k, &v)) if k == c => v,
        _ => constructs.get(&c).copied().flatten(),
    }
}

/// The five indices: each the mean of its non-null constructs among those the
/// form asks about, null when fewer than half of those are non-null.
///
/// "Fewer than half" is read literally (3 asked, 1 scored: 1 < 1.5, null).
/// For whole counts this is the same as "fewer than half rounded up", so both
/// readings of MODEL.md agree; one asked and scored gives a value (the quick
/// check's single `load` item).
pub fn indices_of(form: Form, constructs: &VecMap<Construct, Option<f64>>) -> Indices {
    let index = |index: Index| {
        // Asked constructs, and the sum and count of their scores; summed in
        // `Construct::ALL` order, as the collected vector was.
        let (mut asked, mut sum, mut scored) = (0usize, 0.0, 0usize);
        for &c in Construct::ALL {
            if c.index() == index && questionnaire::asks(form, c) {
                asked += 1;
                if let Some(v) = construct_score(constructs, c) {
                    sum += v;
                    scored += 1;
                }
            }
        }
        if scored == 0 || 2 * scored < asked {
            None
        } else {
            Some(sum / scored as f64)
        }
    };
    Indices {
        strain: index(Index::Strain),
        wear: index(Index::Wear),
        load: index(Index::Load),
        mismatch: index(Index::Mismatch),
        compensation: index(Index::Compensation),
    }
}

/// `x >= limit`; false when `x` is null, as every comparison with null is.
fn at_least(x: Option<f64>, limit: f64) -> bool {
    x.is_some_and(|x| x >= limit)
}

/// `x < limit`; false when `x` is null.
fn below(x: Option<f64>, limit: f64) -> bool {
    x.is_some_and(|x| x < limit)
}

/// `a - b >= lead`; false when either is null.
fn leads_by(a: Option<f64>, b: Option<f64>, lead: f64) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a - b >= lead)
}

/// The band of strain; null when strain is null.
pub fn band_of(strain: Option<f64>) -> Option<Band> {
    let s = strain?;
    Some(if s < t::BAND_ELEVATED {
        Band::Low
    } else if s < t::BAND_HIGH {
        Band::Elevated
    } else if s < t::BAND_VERY_HIGH {
        Band::High
    } else {
        Band::VeryHigh
    })
}

/// The first of MODEL.md's seven profile rules that holds.
pub fn profile_of(indices: &Indices) -> Profile {
    let (s, l, m) = (indices.strain, indices.load, indices.mismatch);
    if s.is_none() || (l.is_none() && m.is_none()) {
        Profile::Incomplete
    } else if below(s, t::STRAIN_LOW) && at_least(m, t::MISMATCH_EARLY) {
        Profile::EarlyMismatch
    } else if below(s, t::STRAIN_LOW) {
        Profile::Steady
    } else if at_least(m, t::SOURCE_PRESENT) && (leads_by(m, l, t::SOURCE_LEAD) || l.is_none()) {
        Profile::Mismatch
    } else if at_least(l, t::SOURCE_HIGH) && at_least(m, t::SOURCE_HIGH) {
        Profile::Mixed
    } else if at_least(l, t::SOURCE_PRESENT)
        // "with M < 50" qualifies a known mismatch: read literally (null < 50 is
        // false) it would make the rule's own "or M is null" unreachable.
        && (m.is_none() || (leads_by(l, m, t::SOURCE_LEAD) && below(m, t::SOURCE_HIGH)))
    {
        Profile::Overload
    } else {
        // Rules 1 and 3 took null and low strain, so S >= 40 holds here.
        Profile::UnclearSource
    }
}

/// The flags that hold, in `Flag::ALL` order.
pub fn flags_of(constructs: &VecMap<Construct, Option<f64>>, indices: &Indices, context: &Context) -> Vec<Flag> {
    let c = |k: Construct| construct_score(constructs, k);
    let (s, m) = (indices.strain, indices.mismatch);
    let holds = |flag: Flag| match flag {
        Flag::Masking => {
            at_least(indices.compensation, t::MASKING_COMPENSATION)
                && (at_least(s, t::MASKING_STRAIN) || at_least(m, t::MASKING_MISMATCH))
        }
        Flag::StructuralLoad => {
            at_least(c(Construct::DemandVolume), t::STRUCTURAL_VOLUME)
                && c(Construct::DemandPeak).is_some_and(|p| p <= t::STRUCTURAL_PEAK_MAX)
        }
        Flag::Chronic => matches!(context.duration, Some(Duration::M6To12 | Duration::Over12m)),
        Flag::SeekSupport => {
            at_least(s, t::SUPPORT_STRAIN)
                || (context.scope == Some(Scope::Life)
                    && (at_least(c(Construct::LostCuriosity), t::SUPPORT_LIFE_SYMPTOM)
                        || at_least(c(Construct::EmotionalFlattening), t::SUPPORT_LIFE_SYMPTOM)))
        }
        Flag::SecondaryFactors => !context.secondary.is_empty(),
    };
    let mut flags = Vec::new();
    for &f in Flag::ALL {
        if holds(f) {
            flags.push(f);
        }
    }
    flags
}

/// The areas at 50 or more, highest first, at most three; ties keep `AREAS` order.
pub fn top_areas_of(constructs: &VecMap<Construct, Option<f64>>) -> Vec<Construct> {
    // The highest area not yet taken, TOP_AREAS_MAX times: `>` keeps the first of
    // equal scores, so ties stay in `AREAS` order (as a stable sort leaves them).
    // No list to sort: sorting one cost every entry scored five allocations.
    let mut top = Vec::with_capacity(t::TOP_AREAS_MAX);
    let mut taken = [false; crate::model::AREAS.len()];
    while top.len() < t::TOP_AREAS_MAX {
        let mut best: Option<(usize, Construct, f64)> = None;
        for (i, &a) in crate::model::AREAS.iter().enumerate() {
            let Some(v) = construct_score(constructs, a).filter(|&v| v >= t::AREA_CONCERN) else { continue };
            if taken.get(i) != Some(&true) && best.is_none_or(|(_, _, b)| v > b) {
                best = Some((i, a, v));
            }
        }
        let Some((i, a, _)) = best else { break };
        if let Some(done) = taken.get_mut(i) {
            *done = true;
        }
        top.push(a);
    }
    top
}

/// Validates the JSON input of `assess()`; errors name the field.
pub fn parse_input(input: &Json) -> Result<Input> {
    json::only_keys(input, "", &["form", "locale", "answers", "context"])?;
    let form = parse_id(json::member(input, "", "form")?, "", "form")?;
    let locale = crate::text::requested_locale(input)?;
    let answers = parse_answers(json::member(input, "", "answers")?, form)?;
    let context = match json::optional(input, "context") {
        None => Context::default(),
        Some(v) => parse_context(v, "context")?,
    };
    Ok(Input { form, locale, answers, context })
}

fn parse_answers(v: &Json, form: Form) -> Result<Answers> {
    let mut answers = Answers::new();
    for (id, value) in json::as_obj(v, "answers")? {
        let at = path("answers", id);
        let item = questionnaire::find_item(form, id)
            .ok_or_else(|| Error::invalid(&*at, cat(&["is not an item of the ", form.id(), " form"])))?;
        match value {
            // Not answered; on a repeated key the last one wins, as in `Json::get`.
            Json::Null => {
                answers.remove(item.id);
            }
            other => {
                answers.insert(item.id, parse_answer(other, &at)?);
            }
        }
    }
    Ok(answers)
}

/// One answer: a whole number 0..=4. Strings such as "3" are refused, not coerced.
fn parse_answer(v: &Json, at: &str) -> Result<u8> {
    let n = json::as_num(v, at)?;
    if n.fract() != 0.0 {
        return Err(Error::invalid(at, cat(&[&crate::num::shortest(n), " is not a whole number"])));
    }
    if !(0.0..=f64::from(t::ANSWER_MAX)).contains(&n) {
        return Err(Error::invalid(at, cat(&[&crate::num::shortest(n), " is outside 0..", &int(i64::from(t::ANSWER_MAX))])));
    }
    // In range and whole, so the cast is exact.
    Ok(n as u8)
}

/// Validates the optional context answers at `at`; shared by `assess()` input and stored records.
pub fn parse_context(v: &Json, at: &str) -> Result<Context> {
    use crate::error::path;
    json::only_keys(v, at, &["duration", "scope", "secondary"])?;
    let duration = json::optional(v, "duration").map(|d| parse_id(d, at, "duration")).transpose()?;
    let scope = json::optional(v, "scope").map(|s| parse_id(s, at, "scope")).transpose()?;
    let mut given = Vec::new();
    if let Some(list) = json::optional(v, "secondary") {
        let field = path(at, "secondary");
        for (i, s) in json::as_arr(list, &field)?.iter().enumerate() {
            given.push(parse_id::<Secondary>(s, "", &index_path(&field, i))?);
        }
    }
    // Duplicates collapse; the order is the model's, not the caller's.
    let mut secondary = Vec::new();
    for &s in Secondary::ALL {
        if given.contains(&s) {
            secondary.push(s);
        }
    }
    Ok(Context { duration, scope, secondary })
}

/// Scores and explains: the whole of `assess()`.
pub fn assess(input: &Input) -> Assessment {
    let o = score(input.form, &input.answers, &input.context);
    let (explanation, next_steps) = crate::explain::explain(&o, &input.context, input.locale);
    Assessment {
        profile: o.profile,
        band: o.band,
        flags: o.flags,
        indices: o.indices,
        constructs: o.constructs,
        top_areas: o.top_areas,
        explanation,
        next_steps,
        form: o.form,
        questionnaire_version: crate::questionnaire::QUESTIONNAIRE_VERSION,
        scoring_version: crate::thresholds::SCORING_VERSION,
    }
}
