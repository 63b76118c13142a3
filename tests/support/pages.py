"""A small web server on this machine that serves one story page, for importing by link."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STORY_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Envoy says border talks resume in May | Test Wire</title>
<meta property="og:title" content="Envoy says border talks resume in May">
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2024-05-02T09:00:00Z">
<link rel="canonical" href="{canonical}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoy says border talks resume in May</h1>
<p>Ankara (Test Wire) – The envoy Sam Reed said on Monday that the talks on the border “will resume in May”, after
a pause of three months that both sides blamed on the weather.</p>
<p>“Trade goes on,” Reed told reporters outside the ministry, adding that customs officers on both sides had kept
the crossing open throughout the winter months.</p>
<p>The ministry did not answer questions about the timetable.</p></article>
<footer>Sponsored Links · About us · Contact</footer></body></html>"""


@contextmanager
def story_server(pages: dict[str, tuple[int, str, str]] | None = None):
    """Serve ``pages`` (path → status, content type, body) on 127.0.0.1; yield the server's base address."""
    served = dict(pages or {})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            status, content_type, body = served.get(self.path, (404, "text/plain", "not found"))
            data = body.encode("utf-8")
            self.send_response(status)
            if status in (301, 302):
                self.send_header("Location", body)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    served.setdefault("/story", (200, "text/html; charset=utf-8", STORY_PAGE.format(canonical=f"{base}/story")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
