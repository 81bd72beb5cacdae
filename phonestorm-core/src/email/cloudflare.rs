//! Cloudflare email protection: the first byte of the hex string is an XOR key for the rest.

use super::EmailError;

/// Decodes a Cloudflare `data-cfemail` value (or the part after `#` in
/// `/cdn-cgi/l/email-protection#...`). The result still has to be validated.
///
/// ```
/// use phonestorm_core::email::decode_cfemail;
/// assert_eq!(decode_cfemail("422b2c242d02282d27316c212d2f").unwrap(), "info@joes.com");
/// assert_eq!(decode_cfemail("zz").unwrap_err().code(), "cloudflare_encoding");
/// ```
pub fn decode_cfemail(hex: &str) -> Result<String, EmailError> {
    let hex = hex.trim();
    let bad = || EmailError::CloudflareEncoding(hex.chars().take(80).collect());
    if hex.len() < 4 || hex.len() % 2 != 0 || hex.len() > 1024 {
        return Err(bad());
    }
    let bytes = hex
        .as_bytes()
        .chunks(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|p| u8::from_str_radix(p, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(bad)?;
    let key = bytes[0];
    let decoded: Vec<u8> = bytes[1..].iter().map(|b| b ^ key).collect();
    String::from_utf8(decoded).map_err(|_| bad())
}
