//! Line type of a number — mobile, landline, VoIP, toll-free, premium, personal or
//! unknown — with the evidence for it.
//!
//! ## Why NANP numbers are usually `unknown`
//!
//! In the North American Numbering Plan the digits of a geographic number do not say
//! whether it rings a mobile or a fixed line: since local number portability (1997 for
//! landlines, 2003 for wireless in the US) a number moves freely between carriers and
//! technologies, and NPA-NXX blocks are shared. So a `+1` geographic number is
//! [`PhoneType::Unknown`] unless there is evidence:
//!
//! - its label on the page: "Cell"/"Mobile" → mobile, "Fax" → landline (faxes are fixed
//!   lines or fax-to-email services; we report landline, which is what a caller needs);
//! - outside line-type data ([`LineTypeData`], e.g. a carrier lookup such as Twilio
//!   Lookup), which wins over labels because it comes from the carrier database.
//!
//! Service numbers are told by their area code: toll-free (800, 833…888), premium (900),
//! personal (5XX). Numbers outside +1 use libphonenumber's per-country ranges (many
//! countries do have distinct mobile ranges).

use serde::{Deserialize, Serialize};

use super::nanp::{self, NanpService};
use super::types::{PhoneNumber, PhoneType, Role};

/// Line-type data from outside the page, e.g. a carrier lookup service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineTypeData {
    /// The line type the source reports.
    pub phone_type: PhoneType,
    /// Who said so, e.g. `"twilio_lookup"`; quoted in the evidence.
    pub source: String,
}

/// What is known about a number besides its digits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassifyInput {
    /// The labels the number was seen with (one per sighting; repeats are fine).
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Outside line-type data, if a lookup was made.
    #[serde(default)]
    pub line_type: Option<LineTypeData>,
}

/// A line type and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    /// The line type.
    pub phone_type: PhoneType,
    /// Human-readable reasons, in the order they were applied.
    pub evidence: Vec<String>,
}

/// Classifies `number` from its digits, its labels and outside data.
///
/// ```
/// use phonestorm_core::phone::classify::{classify, ClassifyInput, LineTypeData};
/// use phonestorm_core::phone::{normalize::normalize, PhoneType, Role};
///
/// let n = normalize("305-234-5678", "US").unwrap();
/// let plain = classify(&n, &ClassifyInput::default());
/// assert_eq!(plain.phone_type, PhoneType::Unknown);
///
/// let cell = ClassifyInput { roles: vec![Role::Mobile], line_type: None };
/// assert_eq!(classify(&n, &cell).phone_type, PhoneType::Mobile);
///
/// let looked_up = ClassifyInput {
///     roles: vec![Role::Mobile],
///     line_type: Some(LineTypeData { phone_type: PhoneType::Voip, source: "twilio_lookup".into() }),
/// };
/// assert_eq!(classify(&n, &looked_up).phone_type, PhoneType::Voip);
///
/// let free = normalize("1-800-FLOWERS", "US").unwrap();
/// assert_eq!(classify(&free, &ClassifyInput::default()).phone_type, PhoneType::Tollfree);
/// ```
pub fn classify(number: &PhoneNumber, input: &ClassifyInput) -> Classification {
    let mut evidence = Vec::new();
    let from_digits = if let Some(national) = number.e164.strip_prefix("+1") {
        nanp_type(national, &mut evidence)
    } else {
        international_type(&number.e164, &mut evidence)
    };
    let mut phone_type = from_digits;
    let is_service = matches!(
        from_digits,
        PhoneType::Tollfree | PhoneType::Premium | PhoneType::Personal
    );

    if !is_service && phone_type == PhoneType::Unknown {
        let mobile = input.roles.contains(&Role::Mobile);
        let fax = input.roles.contains(&Role::Fax);
        match (mobile, fax) {
            (true, false) => {
                evidence.push("labelled cell/mobile on the page".to_owned());
                phone_type = PhoneType::Mobile;
            }
            (false, true) => {
                evidence.push("labelled fax on the page: a fixed line".to_owned());
                phone_type = PhoneType::Landline;
            }
            (true, true) => {
                evidence.push("labelled both mobile and fax: labels disagree".to_owned());
            }
            (false, false) => {}
        }
    }
    if input.roles.contains(&Role::Sms) {
        evidence.push("labelled for texting: SMS-capable (mobile or VoIP)".to_owned());
    }

    if let Some(outside) = &input.line_type {
        if is_service && outside.phone_type != from_digits {
            evidence.push(format!(
                "{} says {}, but the area code is a {} service: kept",
                outside.source,
                type_name(outside.phone_type),
                type_name(from_digits)
            ));
        } else if outside.phone_type != PhoneType::Unknown {
            evidence.push(format!(
                "{} says {}",
                outside.source,
                type_name(outside.phone_type)
            ));
            phone_type = outside.phone_type;
        }
    }
    Classification {
        phone_type,
        evidence,
    }
}

/// The snake_case name of a line type, as serialised (`"tollfree"`...).
///
/// ```
/// use phonestorm_core::phone::{classify::type_name, PhoneType};
/// assert_eq!(type_name(PhoneType::Tollfree), "tollfree");
/// ```
pub fn type_name(phone_type: PhoneType) -> &'static str {
    match phone_type {
        PhoneType::Mobile => "mobile",
        PhoneType::Landline => "landline",
        PhoneType::Voip => "voip",
        PhoneType::Tollfree => "tollfree",
        PhoneType::Premium => "premium",
        PhoneType::Personal => "personal",
        PhoneType::Unknown => "unknown",
    }
}

fn nanp_type(national: &str, evidence: &mut Vec<String>) -> PhoneType {
    let npa = national.get(..3).unwrap_or(national);
    match nanp::check(national.as_bytes()) {
        Ok(NanpService::TollFree) => {
            evidence.push(format!("area code {npa} is toll-free"));
            PhoneType::Tollfree
        }
        Ok(NanpService::Premium) => {
            evidence.push(format!("area code {npa} is premium-rate"));
            PhoneType::Premium
        }
        Ok(NanpService::Personal) => {
            evidence.push(format!(
                "area code {npa} is a personal communications service code"
            ));
            PhoneType::Personal
        }
        Ok(NanpService::Geographic) => {
            evidence.push(format!(
                "area code {npa} is geographic: NANP digits do not tell mobile from landline (number portability)"
            ));
            PhoneType::Unknown
        }
        Err(reason) => {
            evidence.push(format!("not a valid NANP number ({reason:?})"));
            PhoneType::Unknown
        }
    }
}

/// Without numbering metadata a number outside +1 has no known line type.
#[cfg(not(feature = "intl"))]
fn international_type(_e164: &str, evidence: &mut Vec<String>) -> PhoneType {
    evidence.push("no numbering metadata in this build (feature `intl`)".to_owned());
    PhoneType::Unknown
}

#[cfg(feature = "intl")]
fn international_type(e164: &str, evidence: &mut Vec<String>) -> PhoneType {
    let Ok(number) = phonenumber::parse(None, e164) else {
        evidence.push("not parseable with the numbering metadata".to_owned());
        return PhoneType::Unknown;
    };
    let kind = number.number_type(&phonenumber::metadata::DATABASE);
    let phone_type = match kind {
        phonenumber::Type::FixedLine => PhoneType::Landline,
        phonenumber::Type::Mobile | phonenumber::Type::Pager => PhoneType::Mobile,
        phonenumber::Type::TollFree => PhoneType::Tollfree,
        phonenumber::Type::PremiumRate => PhoneType::Premium,
        phonenumber::Type::PersonalNumber => PhoneType::Personal,
        phonenumber::Type::Voip => PhoneType::Voip,
        _ => PhoneType::Unknown,
    };
    evidence.push(format!(
        "libphonenumber ranges say {kind:?} for country code +{}",
        number.code().value()
    ));
    phone_type
}
