//! The stable ids of MODEL.md. Each enum maps one to one to its `snake_case` id;
//! nothing else in the crate spells these strings.

use crate::error::{path, Error, Result};
use crate::json::{as_str, Json};

/// What every id enum can do; lets one function parse any of them with a field-naming error.
pub trait Id: Sized + Copy + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// The id of each variant of `ALL`, at the same position.
    const IDS: &'static [&'static str];
}

/// Parses the id at `path(at, key)`, e.g. `form: "long" is not one of full, quick`;
/// the path is built only for an error (an import reads thousands of ids).
/// Generic only in a table lookup: the work is in [`parse_index`], shared by
/// every id enum (a copy per enum cost about 0.5 KB of wasm each).
pub fn parse_id<T: Id>(v: &Json, at: &str, key: &str) -> Result<T> {
    let i = parse_index(v, at, key, T::IDS)?;
    // `IDS` and `ALL` have the same length; `get` spares a bounds-check panic.
    T::ALL.get(i).copied().ok_or_else(|| Error::invalid(path(at, key), "is not a known id"))
}

/// The position of the string at `path(at, key)` in `ids`, or an error listing them.
pub fn parse_index(v: &Json, at: &str, key: &str, ids: &[&str]) -> Result<usize> {
    let s = as_str(v, "").map_err(|e| Error::invalid(path(at, key), e.message))?;
    position(ids, s).ok_or_else(|| {
        Error::invalid(path(at, key), crate::cat::cat(&[&Json::str(s).to_text(), " is not one of ", &crate::json::join(ids, ", ")]))
    })
}

/// Where `s` is in `ids`: one loop for every id enum instead of a `match` on
/// strings per enum.
pub fn position(ids: &[&str], s: &str) -> Option<usize> {
    ids.iter().position(|id| *id == s)
}

macro_rules! ids {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The ids in declaration order (`IDS[v as usize]` is the id of `v`).
            pub const IDS: &'static [&'static str] = &[$($id),+];
            pub fn id(self) -> &'static str {
                Self::IDS[self as usize]
            }
            pub fn from_id(s: &str) -> Option<$name> {
                position(Self::IDS, s).and_then(|i| Self::ALL.get(i).copied())
            }
            /// The ids, comma-separated, for error messages.
            pub fn id_list() -> String {
                crate::json::join(Self::IDS, ", ")
            }
        }
        impl Id for $name {
            const ALL: &'static [Self] = $name::ALL;
            const IDS: &'static [&'static str] = $name::IDS;
        }
    };
}

ids!(
    /// The five indices, each a group of constructs.
    Index {
        Strain = "strain",
        Wear = "wear",
        Load = "load",
        Mismatch = "mismatch",
        Compensation = "compensation",
    }
);

ids!(
    /// What the scaled items measure.
    Construct {
        UnrelievedFatigue = "unrelieved_fatigue",
        LostCuriosity = "lost_curiosity",
        LowTolerance = "low_tolerance",
        EmotionalFlattening = "emotional_flattening",
        RestartDifficulty = "restart_difficulty",
        StressActivation = "stress_activation",
        RewardBlunting = "reward_blunting",
        NarrowedAttention = "narrowed_attention",
        SlowRecovery = "slow_recovery",
        DemandVolume = "demand_volume",
        DemandPeak = "demand_peak",
        RestRelief = "rest_relief",
        IntrinsicCost = "intrinsic_cost",
        InnerResistance = "inner_resistance",
        RestRelapse = "rest_relapse",
        Control = "control",
        Reward = "reward",
        Community = "community",
        Fairness = "fairness",
        Values = "values",
        SustainedPerformance = "sustained_performance",
        InvisibleStrain = "invisible_strain",
        PushingThrough = "pushing_through",
    }
);

impl Construct {
    /// The index this construct belongs to.
    pub fn index(self) -> Index {
        use Construct::*;
        match self {
            UnrelievedFatigue | LostCuriosity | LowTolerance | EmotionalFlattening | RestartDifficulty => Index::Strain,
            StressActivation | RewardBlunting | NarrowedAttention | SlowRecovery => Index::Wear,
            DemandVolume | DemandPeak | RestRelief => Index::Load,
            IntrinsicCost | InnerResistance | RestRelapse | Control | Reward | Community | Fairness | Values => {
                Index::Mismatch
            }
            SustainedPerformance | InvisibleStrain | PushingThrough => Index::Compensation,
        }
    }
}

/// The areas `top_areas` picks from, in tie-breaking order.
pub const AREAS: [Construct; 6] = [
    Construct::IntrinsicCost,
    Construct::Control,
    Construct::Reward,
    Construct::Community,
    Construct::Fairness,
    Construct::Values,
];

ids!(
    /// Which questionnaire.
    Form { Full = "full", Quick = "quick" }
);

ids!(
    /// The languages the product ships. Every text in the crate is written in
    /// all of them, indexed by `Locale as usize` (see `crate::text`).
    Locale { En = "en", De = "de", Es = "es" }
);

/// Number of shipped locales: the length of every text's translations.
pub const LOCALES: usize = 3;

ids!(
    /// `band` of strain.
    Band { Low = "low", Elevated = "elevated", High = "high", VeryHigh = "very_high" }
);

ids!(
    /// Exactly one per assessment; the first rule of MODEL.md that holds.
    Profile {
        Incomplete = "incomplete",
        EarlyMismatch = "early_mismatch",
        Steady = "steady",
        Mismatch = "mismatch",
        Mixed = "mixed",
        Overload = "overload",
        UnclearSource = "unclear_source",
    }
);

ids!(
    /// Flags; a set, order carries no meaning.
    Flag {
        Masking = "masking",
        StructuralLoad = "structural_load",
        Chronic = "chronic",
        SeekSupport = "seek_support",
        SecondaryFactors = "secondary_factors",
    }
);

ids!(
    /// Context question: how long it has felt like this.
    Duration { Under1m = "under_1m", M1To3 = "1_3m", M3To6 = "3_6m", M6To12 = "6_12m", Over12m = "over_12m" }
);

ids!(
    /// Context question: mostly about work, or life in general.
    Scope { Work = "work", Life = "life" }
);

ids!(
    /// Context question: what else weighs (several may apply).
    Secondary { Health = "health", Care = "care", Money = "money", LifeEvent = "life_event" }
);

ids!(
    /// Kind of a logged rest period.
    RestType { Weekend = "weekend", Vacation = "vacation", Leave = "leave", Other = "other" }
);

ids!(
    /// What a logged change in structure changed.
    ChangeWhat { Role = "role", Manager = "manager", Team = "team", Hours = "hours", Workplace = "workplace", Other = "other" }
);

ids!(
    /// Rest response states.
    RestState {
        Restorative = "restorative",
        Faded = "faded",
        NoRelief = "no_relief",
        Pending = "pending",
        Insufficient = "insufficient",
    }
);

ids!(
    /// Trend direction; `up`/`down` only when the change is reliable.
    Direction { Up = "up", Down = "down", None = "none" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_ids_are_quoted_as_json() {
        for &c in Construct::ALL {
            assert_eq!(Construct::from_id(c.id()), Some(c));
        }
        assert_eq!(Form::from_id("long"), None);
        let e = parse_id::<Form>(&Json::str("lo\"ng\u{1}"), "", "form").unwrap_err();
        assert_eq!(e.to_string(), r#"form: "lo\"ng\u0001" is not one of full, quick"#);
        assert_eq!(parse_id::<Form>(&Json::str("quick"), "", "form"), Ok(Form::Quick));
    }
}
