from fastapi.testclient import TestClient

from app import app

client = TestClient(app)


def test_enrich_contact_page() -> None:
    response = client.post(
        "/enrich",
        json={
            "content": "Acme Plumbing. Call (305) 234-5678 or fax 305-234-5679.",
            "url": "https://acme.example/contact",
            "page_kind": "contact",
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert [f["e164"] for f in body["findings"]][0] == "+13052345678"
    assert body["lead"]["lead_phone_e164"] == "+13052345678"
    assert body["lead"]["phone_source"] == "contact_page"


def test_bad_page_kind_is_422() -> None:
    response = client.post("/enrich", json={"content": "x", "page_kind": "basement"})
    assert response.status_code == 422
    assert response.json()["detail"]["code"] == "invalid_config"
