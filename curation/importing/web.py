"""A story taken from its web page: fetched with limits, its main text and metadata read by trafilatura. No ORM.

Fetching follows only http and https, gives up after a timeout or past a
size limit, and refuses addresses on private, loopback and other
non-public ranges (redirects included) unless the caller allows them.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from datetime import date
from urllib.parse import urlsplit

import trafilatura

from curation.importing.parsing import MAX_ARTICLE_BYTES, ImportRefused, ParsedArticle

FETCH_TIMEOUT_SECONDS = 10
# A page carries markup, scripts and styles around its story; the story itself
# must still fit the article limit once taken out.
MAX_PAGE_BYTES = 5_000_000
USER_AGENT = "CurationDesk/1.0 (editorial import of one story)"


def _refuse_address(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ImportRefused(f"only http and https links can be imported, not “{parts.scheme or 'no scheme'}”")
    if not parts.hostname:
        raise ImportRefused("the link names no host")
    if allow_private:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except (socket.gaierror, UnicodeError):
        raise ImportRefused(f"the host “{parts.hostname}” cannot be found") from None
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise ImportRefused(
                f"the host “{parts.hostname}” is on a private or local network, which the desk does not fetch"
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an address a first request could have gone to."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _refuse_address(newurl, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_page(url: str, *, allow_private: bool = False) -> tuple[bytes, str]:
    """Return the page's bytes and the address it was finally read from, or refuse with the reason."""
    _refuse_address(url, allow_private=allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise ImportRefused(f"the site answered {error.code} ({error.reason})") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ImportRefused(f"the page could not be fetched ({reason})") from None
    if len(data) > MAX_PAGE_BYTES:
        raise ImportRefused(f"the page is over {MAX_PAGE_BYTES:,} bytes; the desk fetches no larger pages")
    return data, final_url


def story_from_page(html: bytes, url: str) -> ParsedArticle:
    """Return the page's main text with its title, date, outlet and canonical address; never guess a date."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only a date the page states; htmldate's wider search guesses from the address and the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise ImportRefused("no story could be found on the page")
    body = "\n\n".join(line.strip() for line in document.text.splitlines() if line.strip())
    if len(body.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ImportRefused(f"the story is over {MAX_ARTICLE_BYTES:,} bytes")
    published_on = None
    if document.date:
        try:
            published_on = date.fromisoformat(document.date[:10])
        except ValueError:
            published_on = None
    return ParsedArticle(
        title=(document.title or "").strip(),
        body=body,
        outlet=(document.sitename or "").strip()[:200],
        url=(document.url or url)[:1000],
        published_on=published_on,
    )
