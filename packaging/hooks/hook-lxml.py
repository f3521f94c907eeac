"""Replaces the community hook, which collects every lxml submodule (objectify alone is 2.9 MB, with
lxml.html, sax, builder, isoschematron …). python-docx and BeautifulSoup use lxml.etree only, whose own
hook adds what etree loads at run time; a submodule the app imports is still found by the import scan."""

hiddenimports: list[str] = []
