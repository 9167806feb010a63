//! Hand-built mentions for unit tests.

use crate::{Mention, MentionKey, SourceInfo};
use attest_model::{
    CitedSource, Claim, Count, DateRange, Incident, Location, Perpetrator, ReportId, SourceKind,
};

/// A mention of report `report` (index 0): an air strike on `date` in a town at `lat`, `lon`.
pub(crate) fn mention(report: i64, date: &str, lat: f64, lon: f64) -> Mention {
    Mention {
        key: MentionKey::new(ReportId(report), 0),
        external_id: format!("r{report}"),
        source: SourceInfo {
            name: format!("Outlet {report}"),
            kind: SourceKind::Outlet,
            leaning: None,
        },
        published: Some(date.to_string()),
        incident: Incident {
            event_type: "air_strike".into(),
            date: DateRange {
                start: Some(date.into()),
                end: Some(date.into()),
                precision: Some("day".into()),
            },
            location: Some(Location {
                mention: "Town".into(),
                name: Some("Town".into()),
                admin1: Some("Province".into()),
                country: Some("Syria".into()),
                country_code: Some("SY".into()),
                lat: Some(lat),
                lon: Some(lon),
                precision: Some("town".into()),
                geonameid: None,
            }),
            ..Incident::default()
        },
        target_names: Vec::new(),
    }
}

pub(crate) trait With {
    fn killed(self, n: u32) -> Self;
    fn targets(self, t: &[&str]) -> Self;
    fn named(self, n: &str) -> Self;
    fn event(self, e: &str) -> Self;
    fn source(self, name: &str, leaning: Option<&str>) -> Self;
    fn cites(self, name: &str) -> Self;
    fn claim(self, speaker: &str, stance: &str, actor: Option<&str>) -> Self;
    fn perpetrator(self, name: &str) -> Self;
    fn published(self, d: &str) -> Self;
    fn index(self, i: u32) -> Self;
}

impl With for Mention {
    fn killed(mut self, n: u32) -> Self {
        self.incident.killed = Count::exact(n);
        self
    }
    fn targets(mut self, t: &[&str]) -> Self {
        self.incident.targets = t.iter().map(|s| s.to_string()).collect();
        self
    }
    fn named(mut self, n: &str) -> Self {
        self.target_names.push(n.to_string());
        self
    }
    fn event(mut self, e: &str) -> Self {
        self.incident.event_type = e.to_string();
        self
    }
    fn source(mut self, name: &str, leaning: Option<&str>) -> Self {
        self.source.name = name.to_string();
        self.source.leaning = leaning.map(str::to_string);
        self
    }
    fn cites(mut self, name: &str) -> Self {
        self.incident.cited_sources.push(CitedSource {
            name: name.to_string(),
            description: None,
        });
        self
    }
    fn claim(mut self, speaker: &str, stance: &str, actor: Option<&str>) -> Self {
        self.incident.claims.push(Claim {
            speaker: speaker.to_string(),
            speaker_role: None,
            stance: stance.to_string(),
            actor: actor.map(str::to_string),
            text: format!("{speaker} {stance} it."),
        });
        self
    }
    fn perpetrator(mut self, name: &str) -> Self {
        self.incident.perpetrators.push(Perpetrator {
            name: name.to_string(),
            attributed_by: None,
        });
        self
    }
    fn published(mut self, d: &str) -> Self {
        self.published = Some(d.to_string());
        self
    }
    fn index(mut self, i: u32) -> Self {
        self.key.index = i;
        self
    }
}
