"""Fetching a URL, only when the user allowed network access: with a timeout, a size cap, and no
requests to loopback, private or link-local addresses (a page cannot make us probe the local network)."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from newsfuse.ingest.decode import NotText, decode
from newsfuse.ingest.html import looks_like_html, read_html
from newsfuse.model import Document

_USER_AGENT = "newsfuse/0.1 (+https://pypi.org/project/newsfuse/)"


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _public_host(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return True  # let the request itself report the DNS failure
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            return False
    return True


def fetch_url(url: str, timeout: float, max_bytes: int, allow_private: bool = False) -> Document:
    """Fetch one URL into a document; any failure is a rejected document with the reason."""
    host = urlsplit(url).hostname or ""
    if not host:
        return Document(id=url, raw="", url=url, origin=url, rejected="URL has no host")
    if not allow_private and not _public_host(host):
        return Document(
            id=url, raw="", url=url, origin=url, rejected=f"refused: {host} is a local or private address"
        )
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return Document(id=url, raw="", url=url, origin=url, rejected=f"fetch failed: {reason}")
    if len(data) > max_bytes:
        return Document(
            id=url, raw="", url=url, origin=url, rejected=f"page is over the {max_bytes:,}-byte limit"
        )
    try:
        text = decode(data)
    except NotText as exc:
        return Document(id=url, raw="", url=url, origin=url, rejected=str(exc))
    if looks_like_html(text):
        return read_html(url, text, origin=url, url=final_url)
    return Document(id=url, raw=text, url=final_url, origin=url)
