// Google Places Text Search (New), as seed 001 phase `source` calls it. Not a Convex
// function file: a helper the actions import. Records come back in the API's own shape,
// which phonestorm's `qualifyPlace` reads as is.
import type { PlacesRecord } from "phonestorm";

const FIELDS = [
  "places.id",
  "places.displayName",
  "places.websiteUri",
  "places.internationalPhoneNumber",
  "places.nationalPhoneNumber",
  "places.rating",
  "places.userRatingCount",
  "places.formattedAddress",
].join(",");

/** Up to `max` places for `textQuery` (the caller clamps `max` to 20 with `clampNumLeads`). */
export async function searchPlaces(textQuery: string, max: number, apiKey: string): Promise<PlacesRecord[]> {
  const res = await fetch("https://places.googleapis.com/v1/places:searchText", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Goog-Api-Key": apiKey,
      "X-Goog-FieldMask": FIELDS,
    },
    body: JSON.stringify({ textQuery, pageSize: max }),
  });
  if (!res.ok) throw new Error(`Places text search: HTTP ${res.status}`);
  const body = (await res.json()) as { places?: PlacesRecord[] };
  return (body.places ?? []).slice(0, max);
}

/** The Places API key from the deployment's environment variables. */
export function placesKey(): string {
  const key = process.env.GOOGLE_PLACES_API_KEY;
  if (!key) throw new Error("set GOOGLE_PLACES_API_KEY in the Convex dashboard");
  return key;
}
