"""Markdown (.md): the text without its markup.

Removed: YAML front matter, heading and blockquote markers, bullet markers, thematic breaks and
setext underlines, code fences, HTML tags, link and image syntax (links keep their text), inline
code backticks, backslash escapes. Ordered-list numbers (`1.`) stay: speeches number their points
that way and the outline needs them.

`**bold**` is the delicate case. Chinese speeches redact names and places with asterisks
(`在**县调研`, `***同志指出`), and those must survive. So a `**` pair is only taken for bold when both
markers are exactly two asterisks, the pair encloses text on one line, the opening marker starts a
line or follows a space or an opening bracket/quote, and the closing one ends the line or is
followed by a space or punctuation. `在**县调研，**同志` fails that test and stays as it is.
"""

from __future__ import annotations

import re

from app.importers.base import ImportFailure
from app.importers.txt import decode_text

_FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)
_FENCE_RE = re.compile(r"^ {0,3}(?:`{3,}|~{3,}).*$")
_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_CLOSE_RE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_BREAK_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE_RE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_CALLOUT_RE = re.compile(r"^\[!\w+\][+-]?[ \t]*")
_BULLET_RE = re.compile(r"^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")
_REF_DEF_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_REF_LINK_RE = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_CODE_RE = re.compile(r"`([^`\n]+)`")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_OPENERS = r"\s(\[（【「『“‘《"
_CLOSERS = r"\s.,;:!?，。；：！？、）)\]】」』”’》"
_BOLD_RE = re.compile(
    rf"(?:(?<=^)|(?<=[{_OPENERS}]))\*\*(?!\*)(?=\S)([^\n*]+?)(?<=\S)(?<!\*)\*\*(?!\*)(?=$|[{_CLOSERS}])",
    re.MULTILINE,
)


def _strip_line(line: str) -> str | None:
    """One line without its block markup; None when the whole line is markup."""
    if _SETEXT_RE.match(line) or _BREAK_RE.match(line) or _REF_DEF_RE.match(line) or _FENCE_RE.match(line):
        return None
    line = _QUOTE_RE.sub("", line)
    line = _CALLOUT_RE.sub("", line)
    if _HEADING_RE.match(line):
        line = _HEADING_CLOSE_RE.sub("", _HEADING_RE.sub("", line))
    return _BULLET_RE.sub(r"\1", line)


def strip_markdown(text: str) -> str:
    """The reading text of a Markdown document (`text` already decoded and cleaned)."""
    text = _FRONT_MATTER_RE.sub("", text, count=1)
    lines: list[str] = []
    in_code = False
    for line in text.split("\n"):
        if _FENCE_RE.match(line):
            in_code = not in_code
            continue
        if in_code:
            lines.append(line)
            continue
        stripped = _strip_line(line)
        if stripped is not None:
            lines.append(stripped)
    body = "\n".join(lines)
    body = _IMAGE_RE.sub("", body)
    body = _LINK_RE.sub(r"\1", body)
    body = _REF_LINK_RE.sub(r"\1", body)
    body = _AUTOLINK_RE.sub(r"\1", body)
    body = _TAG_RE.sub("", body)
    body = _CODE_RE.sub(r"\1", body)
    body = _BOLD_RE.sub(r"\1", body)
    return _ESCAPE_RE.sub(r"\1", body)


def read_md(data: bytes) -> tuple[str, str]:
    text = strip_markdown(decode_text(data))
    if not text.strip():
        raise ImportFailure("no text in the document")
    return text, ""
