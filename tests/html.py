"""Reading rendered pages the way a visitor does: visible text, link targets, and what a
filtered listing shows."""

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


def listed(response, titles: dict[str, str]) -> set[str]:
    """Which of the known items (key → title) the rendered list shows."""
    visible = text(response)
    return {key for key, title in titles.items() if title in visible}


def assert_bad_request(response):
    """400, the page still rendered, and every form error shown to the visitor."""
    assert response.status_code == 400
    form = response.context["filter_form"]
    assert form.errors
    visible = text(response)
    for messages in form.errors.values():
        for message in messages:
            assert message in visible, message
