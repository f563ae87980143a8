//! Trend, chronicity, rest response and structural change over the readings.
//! SKELETON: the analysis helper implements this.
