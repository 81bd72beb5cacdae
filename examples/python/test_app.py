from fastapi.testclient import TestClient

from app import app

client = TestClient(app)

PAGE = """<html><head><title>Acme Plumbing</title></head><body>
<h1>Acme Plumbing</h1><p>Call (305) 234-5678 or fax 305-234-5679.</p>
<footer>Write to <a href="mailto:jane@acmeplumbing.example">Jane</a> or
info [at] acmeplumbing.example. &copy; 2015 Acme Plumbing</footer></body></html>"""


def test_enrich_contact_page() -> None:
    response = client.post(
        "/enrich",
        json={
            "content": PAGE,
            "url": "http://acmeplumbing.example/contact",
            "page_kind": "contact",
            "current_year": 2026,
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["findings"][0]["e164"] == "+13052345678"
    assert body["lead"]["lead_phone_e164"] == "+13052345678"
    assert body["lead"]["phone_source"] == "contact_page"
    emails = {e["email"]: e for e in body["emails"]}
    assert emails["jane@acmeplumbing.example"]["kind"] == "personal"
    assert emails["jane@acmeplumbing.example"]["source"] == "mailto"
    assert emails["info@acmeplumbing.example"]["kind"] == "role"
    audit = body["audit"]
    assert audit["best_email"] == "jane@acmeplumbing.example"
    assert audit["pages"] == 1
    keys = [g["key"] for g in audit["gaps"]]
    assert "NO_HTTPS" in keys and "WEBSITE_NOT_MOBILE_FRIENDLY" in keys
    assert audit["signals"] == keys
    assert all(g["source_url"] == "http://acmeplumbing.example/contact" for g in audit["gaps"])


def test_plain_text_without_url_has_no_audit() -> None:
    response = client.post("/enrich", json={"content": "Acme: (305) 234-5678, sales@acme.example"})
    assert response.status_code == 200
    body = response.json()
    assert body["audit"] is None
    assert [e["email"] for e in body["emails"]] == ["sales@acme.example"]
    assert body["lead"]["lead_phone_e164"] == "+13052345678"


def test_bad_page_kind_is_422() -> None:
    response = client.post("/enrich", json={"content": "x", "page_kind": "basement"})
    assert response.status_code == 422
    assert response.json()["detail"]["code"] == "invalid_config"
