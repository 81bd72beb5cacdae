//! The phone pipeline: NANP rules, normalisation, finding in text and HTML,
//! classification and scoring.

pub mod classify;
pub mod error;
pub mod html;
pub mod label;
pub mod nanp;
/// Generated area-code table (see `scripts/gen_nanp.py`).
pub mod nanp_data;
pub mod normalize;
pub mod page;
pub mod pipeline;
pub mod score;
pub mod text;
pub mod types;

pub use error::PhoneError;
pub use score::LeadPhoneFields;
pub use types::*;
