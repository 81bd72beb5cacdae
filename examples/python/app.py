"""FastAPI endpoint that enriches a posted page with the phonestorm wheel.

Run: ``uvicorn app:app`` (needs ``pip install fastapi uvicorn`` and the phonestorm wheel).
POST /enrich {"content": "...", "url": "https://acme.example/contact", "page_kind": "contact"}
→ the phone findings and the seed-000 LeadEvent phone fields of the best number.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

import phonestorm

app = FastAPI(title="phonestorm enrichment example")


class Page(BaseModel):
    content: str
    url: Optional[str] = None
    page_kind: Optional[str] = None


class Enriched(BaseModel):
    findings: List[Dict[str, Any]]
    lead: Dict[str, Any]


@app.post("/enrich", response_model=Enriched)
def enrich(page: Page) -> Enriched:
    # A sync endpoint: FastAPI runs it in a worker thread, and the core releases the GIL.
    try:
        findings = phonestorm.extract_phones_text(
            page.content, base_url=page.url, page_kind=page.page_kind
        )
    except phonestorm.PhonestormError as err:  # e.g. an unknown page_kind
        raise HTTPException(status_code=422, detail={"code": err.code, "message": str(err)})
    sightings = [
        {
            "number": {"e164": f.e164, "extension": f.extension},
            "raw": f.raw,
            "placement": f.placement,
            "role": f.role,
            "page_kind": f.page_kind,
            "page": f.page,
        }
        for f in findings
    ]
    site = phonestorm.score_site(sightings)
    return Enriched(
        findings=[f.to_dict() for f in findings], lead=site.lead_phone_fields.to_dict()
    )
