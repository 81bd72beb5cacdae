//! Reviewed corrections to libphonenumber's area-code time-zone data.
//!
//! `COMPLIANCE.md` ("Which time zone") lists defects in `resources/timezones/map_data.txt`
//! (the data behind [`crate::phone::nanp`]): an area code mapped to the wrong zone, overlay
//! codes that lack the zones of the code they overlay, and a code missing entirely. Each row
//! here says what it corrects and why; each has its own test.

/// Where an override takes its zones from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverrideZones {
    /// These IANA zones exactly.
    Exact(&'static [&'static str]),
    /// The (generated) zones of the area code this one overlays, so the two stay in step
    /// when the data is regenerated.
    SameAs(u16),
}

/// One reviewed correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoneOverride {
    /// The area code corrected.
    pub npa: u16,
    /// The state, when the generated table lacks it or has it wrong.
    pub state: Option<&'static str>,
    /// The corrected zones.
    pub zones: OverrideZones,
    /// Why the override exists.
    pub reason: &'static str,
}

/// The override table, sorted by area code.
pub const ZONE_OVERRIDES: &[ZoneOverride] = &[
    ZoneOverride {
        npa: 364,
        state: None,
        zones: OverrideZones::SameAs(270),
        reason: "364 overlays 270 (western Kentucky, Central and Eastern); the data lists Eastern only",
    },
    ZoneOverride {
        npa: 448,
        state: None,
        zones: OverrideZones::SameAs(850),
        reason: "448 overlays 850 (Florida panhandle, Central and Eastern); the data lists Eastern only",
    },
    ZoneOverride {
        npa: 458,
        state: None,
        zones: OverrideZones::SameAs(541),
        reason: "458 overlays 541 (Oregon, Pacific and Mountain); the data lists Pacific only",
    },
    ZoneOverride {
        npa: 689,
        state: None,
        zones: OverrideZones::Exact(&["America/New_York"]),
        reason: "689 overlays 407/321 (Orlando, Florida: Eastern); the data maps it to Central",
    },
    ZoneOverride {
        npa: 729,
        state: Some("TN"),
        zones: OverrideZones::SameAs(423),
        reason: "729 overlays 423 (east Tennessee, Eastern with a few Central counties); missing from the data",
    },
    ZoneOverride {
        npa: 930,
        state: None,
        zones: OverrideZones::SameAs(812),
        reason: "930 overlays 812 (southern Indiana, Eastern and Central); the data lists Eastern only",
    },
    ZoneOverride {
        npa: 986,
        state: None,
        zones: OverrideZones::SameAs(208),
        reason: "986 overlays 208 (Idaho); the data lacks 208's America/Denver entry",
    },
];

/// The override for `npa`, if one was reviewed.
pub fn zone_override(npa: u16) -> Option<&'static ZoneOverride> {
    ZONE_OVERRIDES.iter().find(|o| o.npa == npa)
}
