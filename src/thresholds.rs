//! Every provisional number of the model, in one place, each with its reason.
//! Re-calibrating the tool means editing this file and the golden tests only.

/// Bump when any rule or number below changes; saved results record it.
pub const SCORING_VERSION: u32 = 1;

/// Answers run 0 (never) to 4 (always); reverse-keyed items score `4 - answer`.
pub const ANSWER_MAX: u8 = 4;
/// Construct scores are the item mean times this, giving 0..100.
pub const SCALE_TO_100: f64 = 25.0;

/// Strain below this is `low`: a 1..5 "at risk" cut-off of 2.59 maps to about 40.
pub const BAND_ELEVATED: f64 = 40.0;
/// Strain from here is `high`: the common 0..100 "high burnout" cut-off.
pub const BAND_HIGH: f64 = 50.0;
/// Strain from here is `very_high`: clearly beyond the high cut-off, where support comes first.
pub const BAND_VERY_HIGH: f64 = 70.0;

/// Strain below this counts as not (yet) strained for the profile rules (= the elevated band).
pub const STRAIN_LOW: f64 = 40.0;
/// Mismatch at or above this with low strain is `early_mismatch`: the pattern that builds quietly.
pub const MISMATCH_EARLY: f64 = 50.0;
/// A source (load or mismatch) at or above this can explain the strain.
pub const SOURCE_PRESENT: f64 = 40.0;
/// A source must lead the other by this much to be named the main one.
pub const SOURCE_LEAD: f64 = 15.0;
/// Both sources at or above this is `mixed`; mismatch this high rules out plain `overload`.
pub const SOURCE_HIGH: f64 = 50.0;

/// Compensation at or above this, with strain or mismatch present, is `masking`.
pub const MASKING_COMPENSATION: f64 = 60.0;
/// Masking needs strain at least this (the elevated band) ...
pub const MASKING_STRAIN: f64 = 40.0;
/// ... or mismatch at least this.
pub const MASKING_MISMATCH: f64 = 50.0;
/// `demand_volume` at or above this (answered "often" or more) ...
pub const STRUCTURAL_VOLUME: f64 = 75.0;
/// ... while `demand_peak` is at or below this (a peak "rarely" or never): heavy load is the normal state.
pub const STRUCTURAL_PEAK_MAX: f64 = 25.0;
/// Strain at or above this (the very high band) asks to seek support first.
pub const SUPPORT_STRAIN: f64 = 70.0;
/// With scope `life`, lost curiosity or flattening at or above this also asks for a doctor: signs shared with depression.
pub const SUPPORT_LIFE_SYMPTOM: f64 = 75.0;
/// Areas at or above this are candidates for `top_areas`.
pub const AREA_CONCERN: f64 = 50.0;
/// At most this many `top_areas`: enough to name where to start.
pub const TOP_AREAS_MAX: usize = 3;

/// A change in strain of at least this is reliable: 1.96 x SE of a difference, SD 20, reliability 0.85
/// (1.96 * 20 * sqrt(2 * (1 - 0.85)) = 21.47).
pub const RELIABLE_CHANGE: f64 = 21.47;
/// Three rising readings that rise by at least this in all are a `slow_rise`.
pub const SLOW_RISE_TOTAL: f64 = 10.0;
/// Readings at or above this count as high for chronicity (`high_since`).
pub const CHRONIC_HIGH: f64 = 50.0;

/// Rest baseline window: [start - this, start]; three weeks shows the state before the rest.
pub const REST_BASELINE_DAYS: i32 = 21;
/// Return window: [end + 1, end + this]: the first week back, when relief is fresh.
pub const REST_RETURN_DAYS: i32 = 7;
/// Follow-up window starts this many days after the last day off: vacation gains mostly fade in 1-4 weeks.
pub const REST_FOLLOW_FROM: i32 = 14;
/// ... and ends this many days after it (six weeks back at work).
pub const REST_FOLLOW_TO: i32 = 42;
/// Relief below this many points is `no_relief`: within the noise of one reading.
pub const REST_RELIEF_MIN: f64 = 10.0;
/// Relief is kept when at least this share of it remains at follow-up.
pub const REST_KEPT_SHARE: f64 = 0.5;
/// `changes` compares the mean of this many readings before and after a change.
pub const CHANGE_READINGS: usize = 3;
