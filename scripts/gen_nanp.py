#!/usr/bin/env python3
"""Generate phonestorm-core/src/phone/nanp_data.rs from the PyPI `phonenumbers` package.

`phonenumbers` carries libphonenumber's metadata (which NPAs are assigned, and to which
NANP country), geocoding data (area code -> state/province) and time-zone data
(prefix -> IANA zones). We copy those *facts* into a compact Rust table so the core never
loads libphonenumber metadata on the +1 path.

Usage: pip install phonenumbers==9.0.43 && python3 scripts/gen_nanp.py > phonestorm-core/src/phone/nanp_data.rs

Choices:
- An NPA is "assigned" when libphonenumber accepts at least one 7-digit number under it
  (`is_valid_number`), in any NANP region (US, CA and the Caribbean members).
- Zones are the union of the zones of every prefix under the NPA (1NPA, 1NPANXX...), as
  COMPLIANCE.md asks: a prefix tells where a number was first assigned, not where its user is.
  An NPA with no entry of its own gets no zones here (libphonenumber would fall back to all
  42 zones of +1); the compliance module's reviewed override table fills such gaps.
- The state/province is the NPA-level geocoding description, else the most common
  ", XX" suffix of its exchange-level descriptions.
"""
import collections
import sys

import phonenumbers
import phonenumbers.geodata as geodata
import phonenumbers.tzdata as tzdata

# USPS / Canada Post codes for the geocoder's English names (a fact table, not a rule).
STATE_CODES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA",
    "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD",
    "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS",
    "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI",
    "Wyoming": "WY", "Washington D.C.": "DC", "Washington, D.C.": "DC",
    "District of Columbia": "DC", "Puerto Rico": "PR", "Guam": "GU",
    "Northern Mariana Islands": "MP", "American Samoa": "AS",
    "US Virgin Islands": "VI", "U.S. Virgin Islands": "VI",
    "Alberta": "AB", "British Columbia": "BC", "Manitoba": "MB", "New Brunswick": "NB",
    "Newfoundland and Labrador": "NL", "Newfoundland": "NL", "Nova Scotia": "NS",
    "Ontario": "ON", "Prince Edward Island": "PE", "Quebec": "QC", "Québec": "QC",
    "Saskatchewan": "SK", "Northwest Territories": "NT", "Nunavut": "NU", "Yukon": "YT",
    "Nova Scotia/Prince Edward Island": "NS",
    "Yukon/Northwest Territories/Nunavut": "YT",
    # Spellings as the geocoder writes them.
    "Washington State": "WA", "British Colombia": "BC",
}
ABBREVIATIONS = set(STATE_CODES.values())

SAMPLE_NXX = [200, 201, 212, 222, 234, 245, 256, 267, 278, 289, 300, 333, 345, 356, 400, 444,
              456, 500, 521, 555, 567, 600, 612, 666, 678, 700, 712, 777, 789, 800, 812, 888,
              900, 912, 999]


def assigned_region(npa: int):
    """Region code if libphonenumber accepts some number under this NPA, else None."""
    candidates = SAMPLE_NXX + [n for n in range(200, 1000) if n not in SAMPLE_NXX]
    for nxx in candidates:
        if nxx % 100 == 11:
            continue
        num = phonenumbers.parse(f"+1{npa}{nxx}4567")
        if phonenumbers.is_valid_number(num):
            return phonenumbers.region_code_for_number(num) or "001"
    return None


def state_of(npa: int) -> str:
    top = geodata.GEOCODE_DATA.get(f"1{npa}", {}).get("en")
    if top:
        if top in STATE_CODES:
            return STATE_CODES[top]
        tail = top.rsplit(", ", 1)[-1]
        if tail in ABBREVIATIONS:
            return tail
    counts = collections.Counter()
    prefix = f"1{npa}"
    for key, names in geodata.GEOCODE_DATA.items():
        if key.startswith(prefix):
            name = names.get("en", "")
            tail = name.rsplit(", ", 1)[-1]
            if tail in ABBREVIATIONS:
                counts[tail] += 1
            elif name in STATE_CODES:
                counts[STATE_CODES[name]] += 1
    return counts.most_common(1)[0][0] if counts else ""


def place_of(npa: int) -> str:
    return geodata.GEOCODE_DATA.get(f"1{npa}", {}).get("en", "")


def zones_of(npa: int):
    prefix = f"1{npa}"
    zones = set()
    for key, names in tzdata.TIMEZONE_DATA.items():
        if key.startswith(prefix):
            zones.update(names)
    return sorted(zones)


def main() -> None:
    rows = []
    for npa in range(200, 1000):
        region = assigned_region(npa)
        if region is None:
            continue
        rows.append((npa, region, state_of(npa), place_of(npa), zones_of(npa)))
    zone_names = sorted({z for r in rows for z in r[4]})
    out = sys.stdout
    out.write("// @generated by scripts/gen_nanp.py -- do not edit by hand.\n")
    out.write(f"// Source: PyPI phonenumbers {phonenumbers.__version__} (libphonenumber metadata,\n")
    out.write("// geocoding and time-zone data). Regenerate when the package is updated.\n\n")
    out.write("use super::nanp::AreaCode;\n\n")
    out.write(f'/// Version of the `phonenumbers` package the table was generated from.\n')
    out.write(f'pub const SOURCE_VERSION: &str = "phonenumbers {phonenumbers.__version__}";\n\n')
    out.write("/// Every IANA zone named by the table, sorted.\n")
    out.write("pub const ZONES: &[&str] = &[\n")
    for z in zone_names:
        out.write(f'    "{z}",\n')
    out.write("];\n\n")
    out.write("/// Assigned NANP area codes, sorted by NPA.\n")
    out.write("pub const AREA_CODES: &[AreaCode] = &[\n")
    for npa, region, state, place, zones in rows:
        zs = ", ".join(f'"{z}"' for z in zones)
        place = place.replace('"', "'")
        out.write(
            f'    AreaCode {{ npa: {npa}, region: "{region}", state: "{state}", '
            f'place: "{place}", zones: &[{zs}] }},\n'
        )
    out.write("];\n")


if __name__ == "__main__":
    main()
