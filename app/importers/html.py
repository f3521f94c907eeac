"""Web pages (.html/.htm): the main text, without navigation, headers, footers, scripts or styles.

The main text is the page's `<article>` (the longest, if several), else its `<main>`, else the
element reached by descending from `<body>` into whichever child holds most (60%+) of the paragraph
text: speeches on government sites sit in one content `<div>` among menus, share buttons and
related-article lists. Block elements become
line breaks, so paragraphs stay paragraphs. Whitespace inside a paragraph is collapsed the HTML way,
except that a line break between two Chinese characters disappears instead of becoming a space.

Hostile pages: before BeautifulSoup builds its (slow, Python) tree, lxml's pull parser counts elements
and nesting depth and refuses a page past `MAX_HTML_ELEMENTS` or `MAX_DEPTH`. Every walk over the
tree below is iterative and visits each element a bounded number of times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup
from bs4.element import CData, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag
from lxml import etree

from app.core.normalize import is_han
from app.importers.base import ImportFailure
from app.importers.limits import MAX_DEPTH, MAX_HTML_ELEMENTS
from app.importers.txt import decode_bytes

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "button", "select", "input", "textarea", "canvas", "object", "embed", "head", "menu",
)  # fmt: skip
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_NOISE_RE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|social|comments?|copyright"
    r"|related|advert|ads|toolbar|pagination|pager|topbar|site-?header|skip)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure", "figcaption",
    "address", "hr", "center", "caption", "details", "summary",
})  # fmt: skip
_CELLS = frozenset({"td", "th"})
_MIN_PARAGRAPH_TEXT = 200
_MIN_RUN = 10
_MAIN_SHARE = 0.6  # of the paragraph text of the element we are in
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}
_SPACE_RUN_RE = re.compile(r"[ \t\r\n\f\u00a0]+")
_SKIPPED_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)


def _decode(data: bytes) -> str:
    """Valid UTF-8 is UTF-8 whatever the page declares (saved pages keep stale `gb2312` metas);
    otherwise honour the declared charset when it decodes cleanly, and detect when it does not."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    declared = _META_CHARSET_RE.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(_ENCODING_ALIASES.get(name, name))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def _is_noise(tag: Tag) -> bool:
    if tag.name in _DROP_TAGS or (tag.get("role") or "") in _DROP_ROLES:
        return True
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    labels = " ".join(
        [*(str(name) for name in tag.get_attribute_list("class") if name), str(tag.get("id") or "")]
    )
    return bool(labels.strip()) and bool(_NOISE_RE.search(labels))


def _strip_noise(root: Tag, total: int) -> None:
    """Remove navigation, menus, share bars … (see `_is_noise`), except one that holds the speech.

    One depth-first walk that does not descend into what it removes; removal waits until the walk is
    done (a later element's own subtree is never touched by an earlier removal, so nothing changes).
    """
    doomed: list[Tag] = []
    stack = [child for child in reversed(root.contents) if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if _is_noise(tag) and (
            tag.name in _DROP_TAGS or not (tag.find(["article", "main"]) or len(tag.get_text()) > total * 0.5)
        ):
            doomed.append(tag)  # a "header" class on the element that holds the speech itself is kept
            continue
        stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    for tag in doomed:
        tag.decompose()


def _text_blocks(body: Tag) -> Iterator[tuple[Tag, int]]:
    """Where the prose is: `<p>` elements, or, on pages that separate paragraphs with `<br>` only
    (old table layouts), the longer text runs outside links."""
    paragraphs = [(para, len(para.get_text(strip=True))) for para in body.find_all("p")]
    if sum(size for _, size in paragraphs) >= _MIN_PARAGRAPH_TEXT:
        yield from paragraphs
        return
    for string in body.find_all(string=True):
        size = len(string.strip())
        if size >= _MIN_RUN and string.parent is not None and string.find_parent("a") is None:
            yield string.parent, size


def _main_root(soup: BeautifulSoup) -> Tag:
    body = soup.body or soup
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text(strip=True)))
    main = soup.find("main") or soup.find(None, {"role": "main"})
    if isinstance(main, Tag):
        return main
    weights: dict[int, int] = {}
    total = 0
    for block, size in _text_blocks(body):
        total += size
        weights[id(block)] = weights.get(id(block), 0) + size
    if not total:
        return body
    # Each element weighs its own text blocks plus its children's: children come after their parent in
    # document order, so one pass in reverse order adds every weight to its parent exactly once.
    for tag in reversed([body, *body.find_all(True)]):
        weight = weights.get(id(tag), 0)
        if weight and tag is not body and tag.parent is not None:
            weights[id(tag.parent)] = weights.get(id(tag.parent), 0) + weight
    # Walk down from <body> into the child holding most of the text, while one holds enough of it.
    node = body
    while True:
        here = weights.get(id(node), total)
        child = max(
            (c for c in node.children if isinstance(c, Tag)),
            key=lambda c: weights.get(id(c), 0),
            default=None,
        )
        if child is None or child.name == "p" or weights.get(id(child), 0) < here * _MAIN_SHARE:
            return node
        node = child


def _collapse(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if "\n" in match.group() and before and after and is_han(before) and is_han(after):
            return ""
        return " "

    return _SPACE_RUN_RE.sub(replace, text)


def _pieces(root: Tag) -> Iterator[str]:
    """The text of `root` in document order, with line breaks around blocks and tabs after cells.

    Iterative: a stack of (children still to visit, inside <pre>, what to emit when leaving)."""
    stack: list[tuple[Iterator[object], bool, str]] = [(iter(root.children), False, "")]
    while stack:
        children, in_pre, closing = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if closing:
                yield closing
        elif isinstance(child, NavigableString):
            if not isinstance(child, _SKIPPED_STRINGS):
                yield str(child) if in_pre else _collapse(str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                yield "\n"
                continue
            block = child.name in _BLOCKS
            if block:
                yield "\n"
            closing = "\n" if block else "\t" if child.name in _CELLS else ""
            stack.append((iter(child.children), in_pre or child.name == "pre", closing))


def check_structure(markup: str) -> None:
    """Refuse a page with more than `MAX_HTML_ELEMENTS` elements or nested deeper than `MAX_DEPTH`,
    counted by lxml's pull parser as it reads (it stops at the first element past a limit)."""
    parser = etree.HTMLPullParser(events=("start", "end"), huge_tree=True, no_network=True)
    depth = count = 0
    chunk = 1 << 16
    for offset in range(0, len(markup) + 1, chunk):
        try:
            if offset < len(markup):
                parser.feed(markup[offset : offset + chunk])
            else:
                parser.close()
        except etree.LxmlError:
            return  # markup lxml cannot even recover from: BeautifulSoup gets its say
        for event, _element in parser.read_events():
            if event == "end":
                depth -= 1
                continue
            depth, count = depth + 1, count + 1
            if depth > MAX_DEPTH:
                raise ImportFailure(f"nested too deeply in HTML (more than {MAX_DEPTH} levels)")
            if count > MAX_HTML_ELEMENTS:
                raise ImportFailure(f"too many elements in HTML (more than {MAX_HTML_ELEMENTS:,})")


def html_to_text(markup: str) -> tuple[str, str]:
    """Main text and title hint (the page's `<h1>` or `<title>`) of an HTML document."""
    check_structure(markup)
    soup = BeautifulSoup(markup, "lxml")
    heading = soup.find("h1") or soup.title
    title = heading.get_text(" ", strip=True) if isinstance(heading, Tag) else ""
    _strip_noise(soup, len((soup.body or soup).get_text()))
    lines = (line.strip(" \t") for line in "".join(_pieces(_main_root(soup))).split("\n"))
    return "\n".join(line for line in lines if line.strip()), title


def read_html(data: bytes) -> tuple[str, str]:
    text, title = html_to_text(_decode(data))
    if not text.strip():
        raise ImportFailure("no text in the page")
    return text, title
