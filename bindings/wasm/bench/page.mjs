// A typical small-business home page (~13 KB): JSON-LD, a tel: link in the header, body
// copy, a call-to-action heading, a footer with office, fax and toll-free numbers, and a
// script holding a number that must be ignored.
export const page = `<!doctype html><html><head><title>Acme Plumbing | Miami, FL</title>
<script type="application/ld+json">{"@type":"Plumber","name":"Acme","telephone":"+1-305-234-5678"}</script>
<style>body{font-family:sans-serif}</style></head><body>
<header><nav><a href="/">Home</a> <a href="/contact">Contact</a></nav>
<a href="tel:+13052345678">Call (305) 234-5678</a></header>
${"<section><h2>Our services</h2><p>Drain cleaning, water heaters, repiping and leak detection across Miami-Dade. Licensed and insured since 1998. Same-day service, upfront pricing, no overtime charges.</p></section>\n".repeat(60)}
<h3>Emergency? Call 786-321-4567</h3>
<footer>Office: (305) 234-5678 · Fax: 305.234.5679 · Toll free 1-888-555-0247<br>123 Main St, Miami, FL 33130</footer>
<script>var tracking = "786-000-1111";</script></body></html>`;
