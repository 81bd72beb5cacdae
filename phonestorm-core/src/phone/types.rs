//! Types shared by every stage of the phone pipeline.

use serde::{Deserialize, Serialize};

/// A phone number in E.164 form, with its extension when one was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PhoneNumber {
    /// `+` followed by country code and national number, e.g. `+13055550123`.
    pub e164: String,
    /// Extension digits (`x12` → `"12"`), if any.
    pub extension: Option<String>,
}

/// Where on a page a number was seen. Serialised snake_case (`tel_link`, `schema`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// An `<a href="tel:...">` or `sms:` link.
    TelLink,
    /// schema.org `telephone` in JSON-LD, microdata or RDFa.
    Schema,
    /// Inside `<footer>` or an element whose id/class says footer.
    Footer,
    /// Inside `<header>`, a top bar or navigation.
    Header,
    /// In a heading or call-to-action text ("Call Now:").
    Heading,
    /// Anywhere else in the visible text.
    Body,
}

/// What kind of page a number was seen on, from its URL and title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// The site's home page.
    Home,
    /// A contact page.
    Contact,
    /// An about page.
    About,
    /// Any other page.
    Other,
}

/// What the label beside a number says it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The main number ("Phone", "Office", "Call", or no label).
    Main,
    /// A fax number: never chosen as the number to call.
    Fax,
    /// Labelled toll free.
    Tollfree,
    /// Labelled cell / mobile.
    Mobile,
    /// Labelled for texting ("Text us").
    Sms,
    /// Another label (e.g. "Emergency").
    Other,
}

/// The line type of a number, as far as evidence tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneType {
    /// A mobile line.
    Mobile,
    /// A fixed line.
    Landline,
    /// A VoIP line.
    Voip,
    /// A toll-free number.
    Tollfree,
    /// A premium-rate (900) number.
    Premium,
    /// A personal-communications (5XX) number.
    Personal,
    /// Not known: the default for NANP geographic numbers, which do not reveal mobile vs landline.
    Unknown,
}

/// One sighting of a number: what was written, where, and on which page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sighting {
    /// The number, normalised.
    pub number: PhoneNumber,
    /// The text as written on the page (after entity decoding).
    pub raw: String,
    /// Where on the page it was seen.
    pub placement: Placement,
    /// What the label beside it says.
    pub role: Role,
    /// What kind of page it was on.
    pub page_kind: PageKind,
    /// The page URL or path, when known.
    pub page: Option<String>,
}
