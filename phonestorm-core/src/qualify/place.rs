//! A Places-like record, read from either Google Places shape.

use super::QualifyError;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A business from Google Places (or anything shaped like it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// Google place id.
    pub place_id: String,
    /// Business name.
    pub name: String,
    /// Website URL, if any.
    pub website: Option<String>,
    /// International phone number as Google gives it (`+1 305-234-5678`).
    pub phone: Option<String>,
    /// Star rating, 0..=5.
    pub rating: Option<f64>,
    /// Number of reviews.
    pub reviews_count: Option<i64>,
    /// Formatted address.
    pub address: Option<String>,
    /// City, when known.
    pub city: Option<String>,
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    cur.as_str().map(str::trim).filter(|s| !s.is_empty())
}

impl Place {
    /// Reads a place from JSON in the Places API (New) shape (`id`, `displayName.text`,
    /// `websiteUri`, `internationalPhoneNumber`, `rating`, `userRatingCount`,
    /// `formattedAddress`) or the legacy shape (`place_id`, `name`, `website`,
    /// `international_phone_number`, `rating`, `user_ratings_total`, `formatted_address`).
    /// Falls back to the national phone number fields when the international one is absent.
    ///
    /// ```
    /// use phonestorm_core::qualify::Place;
    /// let new: serde_json::Value = serde_json::json!({"id": "ChIJ1", "displayName": {"text": "Joe's"},
    ///     "internationalPhoneNumber": "+1 305-234-5678", "rating": 3.6, "userRatingCount": 12});
    /// let legacy = serde_json::json!({"place_id": "ChIJ1", "name": "Joe's",
    ///     "international_phone_number": "+1 305-234-5678", "rating": 3.6, "user_ratings_total": 12});
    /// assert_eq!(Place::from_json(&new).unwrap(), Place::from_json(&legacy).unwrap());
    /// assert_eq!(Place::from_json(&serde_json::json!({"id": "x", "rating": 9})).unwrap_err().code(), "invalid_rating");
    /// ```
    pub fn from_json(v: &Value) -> Result<Place, QualifyError> {
        if !v.is_object() {
            return Err(QualifyError::BadPlace("not a JSON object".into()));
        }
        let place_id = str_at(v, &["id"])
            .or_else(|| str_at(v, &["place_id"]))
            .ok_or_else(|| QualifyError::BadPlace("no `id` or `place_id`".into()))?
            .to_string();
        let name = str_at(v, &["displayName", "text"])
            .or_else(|| str_at(v, &["displayName"]))
            .or_else(|| str_at(v, &["name"]).filter(|n| !n.starts_with("places/")))
            .unwrap_or("")
            .to_string();
        let website = str_at(v, &["websiteUri"])
            .or_else(|| str_at(v, &["website"]))
            .map(str::to_string);
        let phone = str_at(v, &["internationalPhoneNumber"])
            .or_else(|| str_at(v, &["international_phone_number"]))
            .or_else(|| str_at(v, &["nationalPhoneNumber"]))
            .or_else(|| str_at(v, &["formatted_phone_number"]))
            .map(str::to_string);
        let rating = match v.get("rating") {
            None | Some(Value::Null) => None,
            Some(r) => Some(r.as_f64().ok_or(QualifyError::InvalidRating(f64::NAN))?),
        };
        let count = v
            .get("userRatingCount")
            .or_else(|| v.get("user_ratings_total"));
        let reviews_count = match count {
            None | Some(Value::Null) => None,
            Some(c) => Some(
                c.as_i64()
                    .ok_or_else(|| QualifyError::InvalidReviewCount(c.to_string()))?,
            ),
        };
        let address = str_at(v, &["formattedAddress"])
            .or_else(|| str_at(v, &["formatted_address"]))
            .map(str::to_string);
        let city = str_at(v, &["city"]).map(str::to_string);
        let place = Place {
            place_id,
            name,
            website,
            phone,
            rating,
            reviews_count,
            address,
            city,
        };
        place.check()?;
        Ok(place)
    }

    /// Checks the numeric fields: rating finite and within 0..=5, review count ≥ 0.
    pub fn check(&self) -> Result<(), QualifyError> {
        if let Some(r) = self.rating {
            if !r.is_finite() || !(0.0..=5.0).contains(&r) {
                return Err(QualifyError::InvalidRating(r));
            }
        }
        if let Some(c) = self.reviews_count {
            if c < 0 {
                return Err(QualifyError::InvalidReviewCount(c.to_string()));
            }
        }
        Ok(())
    }
}
