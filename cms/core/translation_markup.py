"""Whether a translated string is safe markup for the string it translates.

wagtail-localize offers a rich-text string for translation with its inline markup and with
every tag's attributes replaced by a placeholder id:

    Visita <a id="a1">il sito</a> e <b>leggi</b>

The link's address stays beside the source string and is put back into the translation when
the page is built. A translated string is therefore safe when, read by a real HTML parser,

- it uses only tags that the source string uses, among the inline tags Cordata's rich text offers
  (Wagtail's converter rules for `RICH_TEXT_FEATURES`, within the tags wagtail-localize keeps in
  strings: in practice `a`, `b`, `strong`, `i`, `em`, `br`);
- its only attribute is a link's placeholder id, one the source string has, each used once, and
  every link has one;
- every tag is closed and none is closed without being open, `<br>` aside, no link is inside
  another, no tag closes itself (`<b/>`), and no `<` starts a tag that never ends;
- it holds no comment, declaration or processing instruction (`<!-- -->`, `<!DOCTYPE>`,
  `<![CDATA[`, `<?…?>`).

So `<script>`, `<style>`, `<iframe>`, event handlers and `javascript:` addresses never reach a
page. `markup_problems` is the rule; every way a translation gets in calls it: PO files
(`services.translation_po_import`), the translation editor's string saves and machine translation
(`translation_admin`, `machine_translation`). `address_problem` is the rule for the addresses a
translator may put in place of the source's (a link's or a URL block's): Wagtail's rich-text
whitelist (`wagtail.whitelist.check_url`) decides.
"""

import functools
import re
from collections.abc import Sequence
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from wagtail.rich_text import features
from wagtail.whitelist import ALLOWED_URL_SCHEMES, check_url
from wagtail_localize.strings import INLINE_TAGS

from .blocks import RICH_TEXT_FEATURES

# Elements without content: never closed, and `<br/>` is as good as `<br>`.
VOID_TAGS = frozenset({"br"})
# Text the parser could not read as a tag although it starts like one (`<b` at the end).
_UNFINISHED_TAG = re.compile(r"<[A-Za-z/!?][^\s<>]*")
# Attributes whose value a browser follows or loads.
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "xlink:href"})
# The element name in a converter rule's selector (`a[linktype="page"]` → `a`).
_SELECTOR_ELEMENT = re.compile(r"[a-z][a-z0-9]*")


@functools.cache
def rich_text_inline_tags() -> frozenset[str]:
    """The inline tags a translated string may hold at most, from Wagtail's own feature rules.

    A line break belongs to every rich text (and stands for a new line in plain text).
    """
    names = set(VOID_TAGS)
    for feature in RICH_TEXT_FEATURES:
        rule = features.get_converter_rule("contentstate", feature) or {}
        for selector in rule.get("from_database_format", {}):
            match = _SELECTOR_ELEMENT.match(selector)
            if match:
                names.add(match.group())
    return frozenset(names) & frozenset(INLINE_TAGS)


class _Markup(HTMLParser):
    """The tags, attributes and stray constructs of one string, in the order they come."""

    def __init__(self, text: str):
        # Character references stay out of the text, so a `<` in it is a real one.
        super().__init__(convert_charrefs=False)
        self.events: list[tuple] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs, False))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("start", tag, attrs, True))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        self.events.append(("data", data))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_decl(self, decl):
        self.events.append(("comment", decl))

    def unknown_decl(self, data):
        self.events.append(("comment", data))

    def handle_pi(self, data):
        self.events.append(("comment", data))

    def ids_by_tag(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for event in self.events:
            if event[0] == "start":
                ids = found.setdefault(event[1], set())
                ids.update(value for name, value in event[2] if name == "id" and value)
        return found

    def text(self) -> str:
        """The string's text between tags, consecutive pieces joined."""
        pieces, runs = [], []
        for event in self.events:
            if event[0] == "data":
                pieces.append(event[1])
            elif pieces:
                runs.append("".join(pieces))
                pieces = []
        runs.append("".join(pieces))
        return "\n".join(runs)


class TranslationRefused(Exception):
    """Translations that were not let in, and nothing of them saved: the message says so, for
    translators, and `details` names each string at fault with why, one line each."""

    def __init__(self, message: str, *, details: Sequence[str] = ()):
        super().__init__(message)
        self.details = list(details)


def address_problem(address: str) -> str | None:
    """Why `address` may not be a link's or a URL block's address, or None when it may."""
    if check_url(address) is None:
        return _(
            "the address “%(address)s” is not allowed: an address is relative or starts with "
            "%(schemes)s"
        ) % {"address": address, "schemes": ", ".join(f"{s}:" for s in ALLOWED_URL_SCHEMES)}
    return None


def _attribute_problems(tag: str, attrs, source_ids: dict[str, set[str]], used: set[str]):
    ids = [value or "" for name, value in attrs if name == "id"]
    for name, value in attrs:
        if name == "id":
            continue
        if name.startswith("on"):
            yield _("the event-handler attribute %(attribute)s is not allowed") % {
                "attribute": name
            }
        elif name in _ADDRESS_ATTRIBUTES and address_problem(value or ""):
            yield address_problem(value or "")
        else:
            yield _("the attribute %(attribute)s is not allowed") % {"attribute": name}
    if len(ids) > 1:
        yield _("<%(tag)s> has more than one id") % {"tag": tag}
    for value in ids:
        if value not in source_ids.get(tag, set()):
            yield _('<%(tag)s id="%(id)s"> is not in the original') % {"tag": tag, "id": value}
        elif value in used:
            yield _("the id “%(id)s” is used twice") % {"id": value}
        used.add(value)
    if tag == "a" and not ids and source_ids.get(tag):
        yield _("a link must keep the id of one of the original's links (%(ids)s)") % {
            "ids": ", ".join(sorted(source_ids[tag]))
        }


def markup_problems(*, source: str, translation: str) -> list[str]:
    """Why `translation` is not safe markup for the string `source` translates (both as
    wagtail-localize stores them); an empty list when it is. See the module docstring."""
    source_markup = _Markup(source)
    source_ids = source_markup.ids_by_tag()
    allowed = rich_text_inline_tags() & set(source_ids)
    markup = _Markup(translation)
    problems: list[str] = []
    open_tags: list[str] = []
    used_ids: set[str] = set()
    for event in markup.events:
        kind = event[0]
        if kind == "comment":
            problems.append(_("HTML comments and declarations (<!…>, <?…>) are not allowed"))
        elif kind == "start":
            _kind, tag, attrs, closes_itself = event
            if tag not in rich_text_inline_tags():
                problems.append(_("<%(tag)s> is not allowed") % {"tag": tag})
            elif tag not in allowed:
                problems.append(_("<%(tag)s> is not in the original") % {"tag": tag})
            problems.extend(_attribute_problems(tag, attrs, source_ids, used_ids))
            if tag == "a" and "a" in open_tags:
                problems.append(_("a link is inside another link"))
            if tag in VOID_TAGS:
                continue
            if closes_itself:
                problems.append(
                    _("<%(tag)s/> cannot close itself: write <%(tag)s>…</%(tag)s>") % {"tag": tag}
                )
                continue
            open_tags.append(tag)
        elif kind == "end":
            tag = event[1]
            if tag not in open_tags:
                problems.append(_("</%(tag)s> closes a tag that is not open") % {"tag": tag})
                continue
            # Tags opened inside this one and left open end here, as a browser would end them.
            while (inner := open_tags.pop()) != tag:
                problems.append(_("<%(tag)s> is not closed") % {"tag": inner})
    problems.extend(_("<%(tag)s> is not closed") % {"tag": tag} for tag in reversed(open_tags))
    for unfinished in _UNFINISHED_TAG.findall(markup.text()):
        problems.append(
            _("“%(text)s” is an unfinished tag (write &lt; for a “<” in the text)")
            % {"text": unfinished.strip()}
        )
    return list(dict.fromkeys(problems))
