//! Signal names: the initial ones from Places data and the deep ones from a site audit.

use super::QualifyError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A qualification signal. Serialised SCREAMING_SNAKE_CASE as in seed 001's `signals` array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Signal {
    /// No website in the Places record.
    MissingWebsite,
    /// The website is a social or directory page.
    WeakWebPresence,
    /// Rating below the threshold with enough reviews.
    LowGoogleRating,
    /// A deep criterion is wanted and the place has its own site: audit it.
    NeedsWebAudit,
    /// Deep: no viewport meta tag.
    WebsiteNotMobileFriendly,
    /// Deep: pages served over plain HTTP.
    NoHttps,
    /// Deep: missing `<title>`.
    MissingTitle,
    /// Deep: missing meta description.
    MissingMetaDescription,
    /// Deep: no call to action.
    NoCallToAction,
    /// Deep: no `tel:` link.
    NoClickToCall,
    /// Deep: no contact form.
    NoContactForm,
    /// Deep: no schema.org LocalBusiness data.
    NoLocalBusinessSchema,
    /// Deep: no email address on the site.
    NoEmail,
    /// Deep: the copyright year is stale.
    StaleCopyright,
}

impl Signal {
    /// Every signal, initial ones first.
    pub const ALL: [Signal; 14] = [
        Signal::MissingWebsite,
        Signal::WeakWebPresence,
        Signal::LowGoogleRating,
        Signal::NeedsWebAudit,
        Signal::WebsiteNotMobileFriendly,
        Signal::NoHttps,
        Signal::MissingTitle,
        Signal::MissingMetaDescription,
        Signal::NoCallToAction,
        Signal::NoClickToCall,
        Signal::NoContactForm,
        Signal::NoLocalBusinessSchema,
        Signal::NoEmail,
        Signal::StaleCopyright,
    ];

    /// The wire name (`MISSING_WEBSITE`).
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::MissingWebsite => "MISSING_WEBSITE",
            Signal::WeakWebPresence => "WEAK_WEB_PRESENCE",
            Signal::LowGoogleRating => "LOW_GOOGLE_RATING",
            Signal::NeedsWebAudit => "NEEDS_WEB_AUDIT",
            Signal::WebsiteNotMobileFriendly => "WEBSITE_NOT_MOBILE_FRIENDLY",
            Signal::NoHttps => "NO_HTTPS",
            Signal::MissingTitle => "MISSING_TITLE",
            Signal::MissingMetaDescription => "MISSING_META_DESCRIPTION",
            Signal::NoCallToAction => "NO_CALL_TO_ACTION",
            Signal::NoClickToCall => "NO_CLICK_TO_CALL",
            Signal::NoContactForm => "NO_CONTACT_FORM",
            Signal::NoLocalBusinessSchema => "NO_LOCAL_BUSINESS_SCHEMA",
            Signal::NoEmail => "NO_EMAIL",
            Signal::StaleCopyright => "STALE_COPYRIGHT",
        }
    }

    /// True for signals only a site audit can confirm.
    pub fn is_deep(self) -> bool {
        !matches!(
            self,
            Signal::MissingWebsite
                | Signal::WeakWebPresence
                | Signal::LowGoogleRating
                | Signal::NeedsWebAudit
        )
    }
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Signal {
    type Err = QualifyError;

    /// Parses a wire name, case-insensitively, `-` or space accepted for `_`.
    ///
    /// ```
    /// use phonestorm_core::qualify::Signal;
    /// assert_eq!("missing-website".parse::<Signal>().unwrap(), Signal::MissingWebsite);
    /// assert_eq!("NO_SUCH".parse::<Signal>().unwrap_err().code(), "unknown_signal");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_uppercase().replace(['-', ' '], "_");
        Signal::ALL
            .into_iter()
            .find(|sig| sig.as_str() == norm)
            .ok_or_else(|| QualifyError::UnknownSignal(s.chars().take(80).collect()))
    }
}
