//! Writes the bundled sample web and leads used by the README's main job:
//! `examples/data/sample-web.warc.gz` (one gzip member per WARC record, as Common Crawl does)
//! and `examples/data/leads.csv`. Run through `scripts/gen_sample_web.sh`.

use std::io::Write;

use phonestorm_scrape::fixture;

const SITES: usize = 60;
const DIRECTORIES: usize = 3;

fn record(out: &mut Vec<u8>, n: usize, uri: &str, http: &[u8]) {
    let head = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\nWARC-Date: 2026-11-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    );
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(head.as_bytes()).unwrap();
    enc.write_all(http).unwrap();
    enc.write_all(b"\r\n\r\n").unwrap();
    out.extend_from_slice(&enc.finish().unwrap());
}

fn http(ct: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    std::fs::create_dir_all(&dir).unwrap();
    let mut warc = Vec::new();
    let mut n = 0;
    for i in 0..SITES {
        let b = fixture::business(i, "example");
        for (path, ct, body) in fixture::site_pages(&b) {
            n += 1;
            record(
                &mut warc,
                n,
                &format!("http://{}{path}", b.domain),
                &http(ct, &body),
            );
        }
    }
    for k in 0..DIRECTORIES {
        let (d, html) = fixture::directory_page(k, "example");
        n += 1;
        record(
            &mut warc,
            n,
            &format!("http://{d}/"),
            &http("text/html", &html),
        );
    }
    std::fs::write(dir.join("sample-web.warc.gz"), &warc).unwrap();

    let mut w = csv::Writer::from_path(dir.join("leads.csv")).unwrap();
    w.write_record([
        "id",
        "business_name",
        "website",
        "phone",
        "city",
        "vertical",
    ])
    .unwrap();
    for l in fixture::leads(SITES, "example", 3) {
        w.write_record([
            l.id.as_str(),
            l.business_name.as_str(),
            l.website.as_deref().unwrap_or(""),
            l.phone.as_deref().unwrap_or(""),
            l.city.as_deref().unwrap_or(""),
            l.vertical.as_deref().unwrap_or(""),
        ])
        .unwrap();
    }
    w.flush().unwrap();
    eprintln!(
        "wrote {n} WARC records ({} bytes) and {SITES} leads to {}",
        warc.len(),
        dir.display()
    );
}
