"""Saved web archives (.mht/.mhtml): the page's HTML part, handed to the web page importer.

A browser's or Word's "single file web page" is a MIME `multipart/related` message: the page itself
(the part the `start` parameter names, else the first `text/html` part) plus its images and styles.
The stdlib `email` parser undoes the transfer encoding (quoted-printable or base64); the declared
charset decodes the bytes, with the HTML importer's own detection when there is none or it is wrong.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from app.importers.base import Extracted, ImportFailure
from app.importers.html import html_to_text, read_html

_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def _page_part(message: Message) -> Message | None:
    """The part holding the page: the one `start` names, else the first HTML part, else plain text."""
    parts = [part for part in message.walk() if not part.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str):
        wanted = start.strip("<>")
        for part in parts:
            if (part.get("Content-ID") or "").strip("<>") == wanted:
                return part
    for kind in ("text/html", "text/plain"):
        for part in parts:
            if part.get_content_type() == kind:
                return part
    return None


def read_mht(data: bytes) -> Extracted:
    """Text and title hint of a saved web archive."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart() and message.get_content_type() not in ("text/html", "text/plain"):
        raise ImportFailure("not a web archive (no MIME parts)")
    part = _page_part(message)
    if part is None:
        raise ImportFailure("web archive without a page (no HTML part)")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ImportFailure("web archive with an empty page")
    charset = part.get_content_charset()
    if part.get_content_type() == "text/plain":
        from app.importers.txt import decode_bytes

        return Extracted(decode_bytes(payload))
    if charset:
        try:
            markup = payload.decode(_CHARSET_ALIASES.get(charset, charset))
        except (LookupError, UnicodeDecodeError):
            return Extracted(*read_html(payload))
        text, title = html_to_text(markup)
        if not text.strip():
            raise ImportFailure("no text in the page")
        return Extracted(text, title)
    return Extracted(*read_html(payload))
