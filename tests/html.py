"""Reading rendered pages the way a visitor does: visible text and link targets."""

import re
from html.parser import HTMLParser


class _TextAndLinks(HTMLParser):
    """Collects the text outside scripts and styles, and every href."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hrefs: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name == "href" and value:
                self.hrefs.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)


def _parse(response) -> _TextAndLinks:
    parser = _TextAndLinks()
    parser.feed(response.content.decode(response.charset or "utf-8"))
    return parser


def text(response) -> str:
    """The page's visible text, entities decoded and whitespace collapsed to single spaces."""
    return re.sub(r"\s+", " ", " ".join(_parse(response).chunks)).strip()


def hrefs(response) -> list[str]:
    """Every link target on the page, in document order."""
    return _parse(response).hrefs
