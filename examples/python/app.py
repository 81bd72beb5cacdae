"""FastAPI endpoint that enriches a posted page with the phonestorm wheel.

Run: ``uvicorn app:app`` (needs ``pip install fastapi uvicorn`` and the phonestorm wheel).
POST /enrich {"content": "<html>...", "url": "https://acme.example/contact", "page_kind": "contact"}
→ the phone findings, the seed-000 LeadEvent phone fields of the best number, the page's
emails and, when the page has a URL, its website audit (gaps, signals, best email).
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

import phonestorm

app = FastAPI(title="phonestorm enrichment example")


class Page(BaseModel):
    content: str
    url: Optional[str] = None
    page_kind: Optional[str] = None
    #: Year the copyright check compares with (default: this year, UTC).
    current_year: Optional[int] = None


class Enriched(BaseModel):
    findings: List[Dict[str, Any]]
    lead: Dict[str, Any]
    emails: List[Dict[str, Any]]
    audit: Optional[Dict[str, Any]]


def _error(err: phonestorm.PhonestormError) -> HTTPException:
    return HTTPException(status_code=422, detail={"code": err.code, "message": str(err)})


@app.post("/enrich", response_model=Enriched)
def enrich(page: Page) -> Enriched:
    # A sync endpoint: FastAPI runs it in a worker thread, and the core releases the GIL.
    try:
        findings = phonestorm.extract_phones(
            page.content, base_url=page.url, page_kind=page.page_kind
        )
        emails = phonestorm.extract_emails(
            page.content, base_url=page.url, page_kind=page.page_kind
        )
        audit = None
        if page.url is not None:
            year = page.current_year or datetime.datetime.now(datetime.timezone.utc).year
            audit = phonestorm.audit_site([{"url": page.url, "html": page.content}], year)
    except phonestorm.PhonestormError as err:  # e.g. an unknown page_kind
        raise _error(err) from err
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
        findings=[f.to_dict() for f in findings],
        lead=site.lead_phone_fields.to_dict(),
        emails=[e.to_dict() for e in emails],
        audit=None if audit is None else audit.to_dict(),
    )
