//! Linking, corroboration and grading rules, read from `config/linking.toml`.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The default rules: `config/linking.toml`, embedded at build time.
pub const DEFAULT_TOML: &str = include_str!("../../../config/linking.toml");

/// What went wrong reading a configuration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The text is not valid TOML for [`LinkConfig`].
    #[error("invalid linking configuration: {0}")]
    Parse(#[from] toml::de::Error),
    /// A value is out of its allowed range.
    #[error("invalid linking configuration: {0}")]
    Invalid(String),
}

/// All linking, corroboration and grading rules. See `config/linking.toml` for what each means.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkConfig {
    /// Format version of the file.
    pub version: u32,
    /// Thresholds of the clustering.
    pub link: LinkRules,
    /// Date compatibility.
    pub date: DateRules,
    /// Place compatibility.
    pub place: PlaceRules,
    /// Event type compatibility.
    pub event_type: EventTypeRules,
    /// Weapon overlap.
    pub weapons: WeaponRules,
    /// Target compatibility and named targets.
    pub targets: TargetRules,
    /// Casualty compatibility.
    pub casualties: CasualtyRules,
    /// Source independence and grading.
    pub corroboration: CorroborationRules,
    /// Alias groups for sources and actors.
    pub aliases: Aliases,
}

/// `[link]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRules {
    /// Minimum score for a pair to be linked.
    pub threshold: f64,
    /// Minimum score of every pair across two incidents being joined.
    pub min_cross_score: f64,
    /// No pair across two incidents being joined may carry a negative feature.
    pub cross_forbids_contradiction: bool,
    /// Candidate pairs examined per mention.
    pub max_candidates: usize,
    /// Linked pairs kept per mention.
    pub max_links_per_mention: usize,
    /// Blocking grid cell side, degrees.
    pub grid_degrees: f64,
    /// Largest incident built automatically.
    pub max_cluster_size: usize,
}

/// `[date]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRules {
    /// Tolerance in days per date precision (`day`, `week`, `month`, `year`).
    pub tolerance_days: BTreeMap<String, i64>,
    /// Window before the publication date for undated mentions.
    pub undated_window_days: i64,
    /// Contribution of the same day.
    pub same_day: f64,
    /// Contribution of dates within tolerance.
    pub within_tolerance: f64,
}

/// `[place]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRules {
    /// Radius in km per place precision (`site`, `district`, `town`).
    pub radius_km: BTreeMap<String, f64>,
    /// Contribution at distance 0.
    pub close: f64,
    /// Contribution at the radius.
    pub close_at_radius: f64,
    /// Contribution of a matching admin1 when one side is coarse.
    pub same_admin1: f64,
    /// Contribution of the same place name when coordinates are missing.
    pub same_name: f64,
}

/// `[event_type]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventTypeRules {
    /// Contribution of the same type.
    pub same: f64,
    /// Contribution of two types of one compatible group.
    pub compatible: f64,
    /// Groups of types reporters confuse.
    pub compatible_groups: Vec<Vec<String>>,
    /// Contribution of two types of one confusable group.
    pub confusable: f64,
    /// Groups of types an extractor may confuse on thin evidence.
    pub confusable_groups: Vec<Vec<String>>,
}

/// `[weapons]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeaponRules {
    /// Weight of the Jaccard overlap.
    pub overlap: f64,
}

/// `[targets]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetRules {
    /// Contribution of shared specific targets.
    pub overlap: f64,
    /// Contribution of disjoint specific targets (negative).
    pub disjoint: f64,
    /// Targets that say nothing specific.
    pub generic: Vec<String>,
    /// Contribution of a shared named target.
    pub named_match: f64,
    /// Contribution of two different names for facilities of one kind (negative).
    pub named_mismatch: f64,
    /// Nouns ending a facility name.
    pub facility_nouns: Vec<String>,
    /// Words ignored when comparing names.
    pub name_stopwords: Vec<String>,
    /// Words before a facility name that make it a destination, not a target.
    pub not_target_before: Vec<String>,
}

/// `[casualties]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasualtyRules {
    /// Contribution of close figures.
    pub close: f64,
    /// Ratio under which figures are close.
    pub close_ratio: f64,
    /// Contribution of contradicting figures (negative).
    pub contradiction: f64,
    /// Ratio above which figures contradict.
    pub contradiction_ratio: f64,
    /// Absolute slack added to the contradiction bound.
    pub contradiction_slack: u32,
    /// Ratio allowance per day between publications, for growing tolls.
    pub growth_per_day: f64,
}

/// `[corroboration]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorroborationRules {
    /// Independent sources needed for `corroborated`.
    pub min_independent_sources: usize,
    /// Claim stances that confirm an incident.
    pub confirming_stances: Vec<String>,
    /// Claim stances that contest an incident.
    pub contesting_stances: Vec<String>,
    /// Cited sources too vague to make reports dependent.
    pub generic_cited_sources: Vec<String>,
    /// Leanings that do not make an incident one-sided.
    pub neutral_leanings: Vec<String>,
    /// Source kinds (`SourceKind::as_str`) left out of the conservative figure.
    pub conservative_excludes_kinds: Vec<String>,
}

/// `[aliases]`: groups of names for one source or one actor; the first is canonical.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    /// Source name groups.
    pub sources: Vec<Vec<String>>,
    /// Actor name groups.
    pub actors: Vec<Vec<String>>,
}

impl LinkConfig {
    /// Reads a configuration from TOML text and checks its ranges.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let cfg: LinkConfig = toml::from_str(text)?;
        cfg.validate()?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |m: &str| Err(ConfigError::Invalid(m.to_string()));
        if self.version != 1 {
            return bad("version must be 1");
        }
        if !(self.link.grid_degrees > 0.0 && self.link.grid_degrees <= 10.0) {
            return bad("link.grid_degrees must be in (0, 10]");
        }
        if self.link.max_candidates == 0
            || self.link.max_links_per_mention == 0
            || self.link.max_cluster_size < 2
        {
            return bad(
                "link.max_candidates and link.max_links_per_mention must be > 0, link.max_cluster_size >= 2",
            );
        }
        if self.date.tolerance_days.values().any(|d| *d < 0) || self.date.undated_window_days < 0 {
            return bad("date tolerances must not be negative");
        }
        if self
            .place
            .radius_km
            .values()
            .any(|r| !(*r > 0.0 && *r < 1000.0))
        {
            return bad("place.radius_km values must be in (0, 1000)");
        }
        if self.casualties.close_ratio < 1.0 || self.casualties.contradiction_ratio < 1.0 {
            return bad("casualty ratios must be >= 1");
        }
        Ok(())
    }

    /// Tolerance in days of a date precision (`day` when unknown).
    pub(crate) fn date_tolerance(&self, precision: Option<&str>) -> i64 {
        let p = precision.unwrap_or("day");
        self.date.tolerance_days.get(p).copied().unwrap_or(0)
    }

    /// Largest date tolerance of any precision.
    pub(crate) fn max_date_tolerance(&self) -> i64 {
        self.date
            .tolerance_days
            .values()
            .copied()
            .max()
            .unwrap_or(0)
            .max(0)
    }
}

impl Default for LinkConfig {
    /// The embedded `config/linking.toml`.
    fn default() -> Self {
        LinkConfig::from_toml(DEFAULT_TOML).expect("the embedded config/linking.toml is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_default_parses_with_documented_values() {
        let cfg = LinkConfig::default();
        assert_eq!(cfg.date.tolerance_days.get("day"), Some(&1));
        assert_eq!(cfg.place.radius_km.get("town"), Some(&10.0));
        assert!(cfg.link.threshold > 0.0);
    }

    #[test]
    fn unknown_keys_and_bad_ranges_are_rejected() {
        let with_typo = DEFAULT_TOML.replace("min_cross_score", "min_cros_score");
        assert!(matches!(
            LinkConfig::from_toml(&with_typo),
            Err(ConfigError::Parse(_))
        ));
        let bad_grid = DEFAULT_TOML.replace("grid_degrees = 0.25", "grid_degrees = -1.0");
        assert!(matches!(
            LinkConfig::from_toml(&bad_grid),
            Err(ConfigError::Invalid(_))
        ));
    }
}
