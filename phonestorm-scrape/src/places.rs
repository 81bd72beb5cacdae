//! Sourcing leads from places: the [`PlacesSource`] trait, the Google Places Text Search
//! (New) adapter and a JSON/CSV file source for offline runs.

use std::path::Path;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use phonestorm_core::domain::{DomainConfig, dedupe_by_place_or_domain};

/// One place (business), in seed 001's terms.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// Google place id (or the file's id).
    pub place_id: String,
    /// Business name.
    pub name: String,
    /// Website, if listed.
    pub website: Option<String>,
    /// Phone in international format (`+1 305-234-5678`).
    pub phone: Option<String>,
    /// Formatted address.
    pub address: Option<String>,
    /// City, when known separately.
    pub city: Option<String>,
    /// Google rating 1..5.
    pub rating: Option<f64>,
    /// Number of ratings (`userRatingCount` / `user_ratings_total`).
    pub reviews_count: Option<u32>,
    /// Place types.
    pub types: Vec<String>,
}

/// A Places query (seed 001 `source` phase).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlacesQuery {
    /// Free text, usually [`text_query`]`(vertical, geography)` or a phone number.
    pub text_query: String,
    /// Results wanted; clamped to `1..=20` (seed 001: "clamp to ≤20").
    pub max_results: usize,
    /// Include service-area businesses without a storefront (plumbers, cleaners) — default true.
    pub include_pure_service_area_businesses: bool,
}

impl Default for PlacesQuery {
    fn default() -> Self {
        Self {
            text_query: String::new(),
            max_results: 20,
            include_pure_service_area_businesses: true,
        }
    }
}

/// Seed 001's query: `"{targetVertical} in {targetGeography}"`.
pub fn text_query(vertical: &str, geography: &str) -> String {
    format!("{} in {}", vertical.trim(), geography.trim())
}

/// Drop a place when its id or its canonical website domain was already seen (seed 001:
/// "dedupe by Google id or canonical domain (drop if either duplicates)").
pub fn dedupe(places: Vec<Place>) -> Vec<Place> {
    let (kept, dropped) = dedupe_by_place_or_domain(
        &places,
        |p| Some(p.place_id.as_str()),
        |p| p.website.as_deref(),
        &DomainConfig::default(),
    );
    for d in &dropped {
        tracing::debug!(index = d.index, key = ?d.key, value = %d.value, "duplicate place dropped");
    }
    let mut keep = kept.into_iter().peekable();
    places
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| (keep.next_if_eq(&i).is_some()).then_some(p))
        .collect()
}

/// Why a Places request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlacesError {
    /// The API key was refused (401/403).
    #[error("places API refused the key: {0}")]
    Unauthorized(String),
    /// Quota exhausted (429).
    #[error("places quota exhausted")]
    Quota,
    /// Network or protocol failure.
    #[error("places request failed: {0}")]
    Network(String),
    /// The file or answer could not be read.
    #[error("places data unreadable: {0}")]
    BadData(String),
}

impl PlacesError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            PlacesError::Unauthorized(_) => "places_unauthorized",
            PlacesError::Quota => "places_quota",
            PlacesError::Network(_) => "places_network",
            PlacesError::BadData(_) => "places_bad_data",
        }
    }
}

/// Something that lists places for a text query.
#[async_trait]
pub trait PlacesSource: Send + Sync {
    /// Places for `query`, at most `query.max_results` (≤ 20), deduplicated.
    async fn search(&self, query: &PlacesQuery) -> Result<Vec<Place>, PlacesError>;
}

/// Google Places API (New) Text Search: `POST {base}/v1/places:searchText`.
#[derive(Debug, Clone)]
pub struct GooglePlaces {
    client: reqwest::Client,
    base: String,
    key: String,
}

/// Field mask sent as `X-Goog-FieldMask` (only what phonestorm uses, which also keeps the
/// request in the cheapest SKU that includes phone and website).
pub const FIELD_MASK: &str = "places.id,places.displayName,places.formattedAddress,places.websiteUri,places.internationalPhoneNumber,places.nationalPhoneNumber,places.rating,places.userRatingCount,places.types,places.addressComponents,nextPageToken";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireAnswer {
    #[serde(default)]
    places: Vec<WirePlace>,
    next_page_token: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WirePlace {
    id: String,
    display_name: Option<WireText>,
    formatted_address: Option<String>,
    website_uri: Option<String>,
    international_phone_number: Option<String>,
    national_phone_number: Option<String>,
    rating: Option<f64>,
    user_rating_count: Option<u32>,
    types: Vec<String>,
    address_components: Vec<WireComponent>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireText {
    text: String,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WireComponent {
    long_text: String,
    types: Vec<String>,
}

impl From<WirePlace> for Place {
    fn from(w: WirePlace) -> Self {
        let city = w
            .address_components
            .iter()
            .find(|c| c.types.iter().any(|t| t == "locality"))
            .map(|c| c.long_text.clone());
        Place {
            place_id: w.id,
            name: w.display_name.map(|d| d.text).unwrap_or_default(),
            website: w.website_uri,
            phone: w.international_phone_number.or(w.national_phone_number),
            address: w.formatted_address,
            city,
            rating: w.rating,
            reviews_count: w.user_rating_count,
            types: w.types,
        }
    }
}

impl GooglePlaces {
    /// Adapter using `api_key` against Google's endpoint.
    pub fn new(api_key: &str) -> Result<Self, PlacesError> {
        Self::with_base("https://places.googleapis.com", api_key)
    }

    /// Adapter against another base URL (a proxy, or a test server).
    pub fn with_base(base: &str, api_key: &str) -> Result<Self, PlacesError> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|e| PlacesError::Network(e.to_string()))?;
        Ok(Self {
            client,
            base: base.trim_end_matches('/').to_string(),
            key: api_key.to_string(),
        })
    }

    /// Adapter using a caller-built client (proxy, custom resolver).
    pub fn with_client(client: reqwest::Client, base: &str, api_key: &str) -> Self {
        Self {
            client,
            base: base.trim_end_matches('/').to_string(),
            key: api_key.to_string(),
        }
    }
}

#[async_trait]
impl PlacesSource for GooglePlaces {
    async fn search(&self, query: &PlacesQuery) -> Result<Vec<Place>, PlacesError> {
        let want = query.max_results.clamp(1, 20);
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        // At most 3 pages (Google's own limit for Text Search is 60 results).
        for _ in 0..3 {
            let mut body = serde_json::json!({
                "textQuery": query.text_query,
                "pageSize": want,
                "includePureServiceAreaBusinesses": query.include_pure_service_area_businesses,
            });
            if let Some(t) = &token {
                body["pageToken"] = serde_json::Value::String(t.clone());
            }
            let resp = self
                .client
                .post(format!("{}/v1/places:searchText", self.base))
                .header("X-Goog-Api-Key", &self.key)
                .header("X-Goog-FieldMask", FIELD_MASK)
                .json(&body)
                .send()
                .await
                .map_err(|e| PlacesError::Network(e.to_string()))?;
            let status = resp.status().as_u16();
            match status {
                401 | 403 => {
                    return Err(PlacesError::Unauthorized(
                        resp.text().await.unwrap_or_default(),
                    ));
                }
                429 => return Err(PlacesError::Quota),
                s if !(200..300).contains(&s) => {
                    return Err(PlacesError::Network(format!("http status {s}")));
                }
                _ => {}
            }
            let answer: WireAnswer = resp
                .json()
                .await
                .map_err(|e| PlacesError::BadData(e.to_string()))?;
            out.extend(answer.places.into_iter().map(Place::from));
            out = dedupe(out);
            token = answer.next_page_token.filter(|t| !t.is_empty());
            if out.len() >= want || token.is_none() {
                break;
            }
        }
        out.truncate(want);
        Ok(out)
    }
}

/// Places from a file: JSON (an array of [`Place`], or Google's wire answer `{"places": [...]}`)
/// or CSV with headers `place_id,name,website,phone,address,city,rating,reviews_count`.
/// A query's words filter the places (any word in the name, types, address or city;
/// a phone query matches the phone's digits); an empty query returns all.
#[derive(Debug, Clone)]
pub struct FilePlaces {
    places: Vec<Place>,
}

impl FilePlaces {
    /// Load `path` (`.csv` → CSV, else JSON).
    pub fn open(path: impl AsRef<Path>) -> Result<Self, PlacesError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .map_err(|e| PlacesError::BadData(format!("{}: {e}", path.display())))?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            Self::from_csv(&text)
        } else {
            Self::from_json(&text)
        }
    }

    /// Parse JSON (array of places or Google's wire answer).
    pub fn from_json(text: &str) -> Result<Self, PlacesError> {
        if let Ok(places) = serde_json::from_str::<Vec<Place>>(text) {
            return Ok(Self { places });
        }
        let wire: WireAnswer =
            serde_json::from_str(text).map_err(|e| PlacesError::BadData(e.to_string()))?;
        Ok(Self {
            places: wire.places.into_iter().map(Place::from).collect(),
        })
    }

    /// Parse CSV.
    pub fn from_csv(text: &str) -> Result<Self, PlacesError> {
        #[derive(Deserialize)]
        struct Row {
            #[serde(default)]
            place_id: String,
            name: String,
            #[serde(default)]
            website: Option<String>,
            #[serde(default)]
            phone: Option<String>,
            #[serde(default)]
            address: Option<String>,
            #[serde(default)]
            city: Option<String>,
            #[serde(default)]
            rating: Option<f64>,
            #[serde(default)]
            reviews_count: Option<u32>,
        }
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let mut places = Vec::new();
        for row in rdr.deserialize::<Row>() {
            let r = row.map_err(|e| PlacesError::BadData(e.to_string()))?;
            let nz = |s: Option<String>| s.filter(|v| !v.trim().is_empty());
            places.push(Place {
                place_id: r.place_id,
                name: r.name,
                website: nz(r.website),
                phone: nz(r.phone),
                address: nz(r.address),
                city: nz(r.city),
                rating: r.rating,
                reviews_count: r.reviews_count,
                types: Vec::new(),
            });
        }
        Ok(Self { places })
    }

    /// All places in the file.
    pub fn all(&self) -> &[Place] {
        &self.places
    }
}

#[async_trait]
impl PlacesSource for FilePlaces {
    async fn search(&self, query: &PlacesQuery) -> Result<Vec<Place>, PlacesError> {
        let q = query.text_query.to_lowercase();
        let qdigits: String = q.chars().filter(char::is_ascii_digit).collect();
        let phone_query = qdigits.len() >= 10;
        let words: Vec<&str> = q
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2 && *w != "in")
            .collect();
        let matches = |p: &Place| {
            if phone_query {
                let d: String = p
                    .phone
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                return !d.is_empty() && (qdigits.ends_with(&d) || d.ends_with(&qdigits));
            }
            if words.is_empty() {
                return true;
            }
            let hay = format!(
                "{} {} {} {}",
                p.name,
                p.types.join(" "),
                p.address.as_deref().unwrap_or(""),
                p.city.as_deref().unwrap_or("")
            )
            .to_lowercase();
            words.iter().any(|w| hay.contains(w))
        };
        let mut out = dedupe(self.places.iter().filter(|p| matches(p)).cloned().collect());
        out.truncate(query.max_results.clamp(1, 20));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn file_source_json_csv_and_dedupe() {
        let wire = r#"{"places":[
          {"id":"a","displayName":{"text":"Joe Plumbing"},"websiteUri":"https://www.joe-plumbing.com/","internationalPhoneNumber":"+1 305-234-5678","rating":3.5,"userRatingCount":12,"types":["plumber"]},
          {"id":"b","displayName":{"text":"Joe Plumbing 2"},"websiteUri":"http://joe-plumbing.com/contact"},
          {"id":"a","displayName":{"text":"dup id"}}]}"#;
        let f = FilePlaces::from_json(wire).unwrap();
        let all = f.search(&PlacesQuery::default()).await.unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].reviews_count, Some(12));
        let csv = "place_id,name,website,phone,address,city,rating,reviews_count\np1,Ace Roofing,,+1 954-234-1111,,Fort Lauderdale,4.5,3\n";
        let f = FilePlaces::from_csv(csv).unwrap();
        let q = PlacesQuery {
            text_query: "roofing in Broward".into(),
            ..Default::default()
        };
        assert_eq!(f.search(&q).await.unwrap().len(), 1);
        let q = PlacesQuery {
            text_query: "(954) 234-1111".into(),
            ..Default::default()
        };
        assert_eq!(f.search(&q).await.unwrap()[0].name, "Ace Roofing");
        assert_eq!(text_query("HVAC", "Miami, FL"), "HVAC in Miami, FL");
    }
}
