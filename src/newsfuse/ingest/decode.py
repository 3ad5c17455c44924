"""Bytes to text: refuse binary data, detect the encoding, normalise line ends."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

# Control characters other than tab/newline/carriage return/form feed are a sign of binary data.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


class NotText(ValueError):
    """The bytes are not text; the message is the human reason for the source table."""


def decode(data: bytes) -> str:
    """Decode ``data`` to text, or raise ``NotText`` saying why it is not text."""
    if not data.strip():
        raise NotText("empty file")
    head = data[:8192]
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise NotText("binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    controls = sum(1 for ch in text[:8192] if ord(ch) in _CONTROL)
    if controls > max(8, len(text[:8192]) // 100):
        raise NotText("binary file (too many control characters), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise NotText("empty file")
    return text


def _decode_legacy(data: bytes) -> str:
    """Non-UTF-8 bytes: charset-normalizer's candidates; among the least chaotic, windows-1252 wins,
    since short Western text fits many code pages equally well and the web's default is windows-1252."""
    matches = list(from_bytes(data))
    if not matches:
        raise NotText("binary file (no text encoding fits its bytes)")
    least = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least]
    western = next((m for m in calm if m.encoding in ("cp1252", "latin_1", "iso8859_15")), None)
    return str(western or calm[0])
