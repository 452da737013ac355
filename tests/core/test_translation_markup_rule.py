"""The rule itself: which translated strings are safe markup for the string they translate."""

from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail_localize.strings import StringValue, validate_translation_links

from cms.core.translation_markup import address_problem, markup_problems, rich_text_inline_tags


@pytest.fixture(autouse=True)
def _english():
    # Outside a request the interface speaks the site's default language, Italian.
    with translation.override("en"):
        yield


SOURCE = 'Visita <a id="a1">il sito</a> e <b>leggi</b> <a id="a2">il programma</a>.<br/>A presto'


def test_the_tags_come_from_the_rich_text_features():
    # bold, italic, link, document-link among Cordata's features; lists and headings are
    # blocks, never inside a string.
    assert rich_text_inline_tags() == {"a", "b", "strong", "i", "em", "br"}


@pytest.mark.parametrize(
    "translation",
    [
        'Visit <a id="a1">the site</a> and <b>read</b> <a id="a2">the programme</a>.<br>See you',
        'Visit <a id="a1">the site</a> and <b>read</b> <a id="a2">the programme</a>.<br/>See you',
        '<a id="a2">The programme</a> is on <a id="a1">the site</a>.',
        "Visit the site.",
        '<B>Read</B> <A ID="a1">the site</A>',
        "Write &lt;script&gt; and 5 < 6, R&D &amp; more",
        "",
    ],
)
def test_safe_translations(translation):
    assert markup_problems(source=SOURCE, translation=translation) == []


@pytest.mark.parametrize(
    ("translation", "problems"),
    [
        ("<b>read", ["<b> is not closed"]),
        ("read</b>", ["</b> closes a tag that is not open"]),
        ("read</br>", ["</br> closes a tag that is not open"]),
        (
            '<b><a id="a1">read</b></a>',
            ["<a> is not closed", "</a> closes a tag that is not open"],
        ),
        ('<a id="a1"><a id="a2">x</a></a>', ["a link is inside another link"]),
        ('<a id="a1">x</a><a id="a1">y</a>', ["the id “a1” is used twice"]),
        ('<a id="a1" id="a2">x</a>', ["<a> has more than one id"]),
        ('<a id="a3">x</a>', ['<a id="a3"> is not in the original']),
        ('<b id="a1">x</b>', ['<b id="a1"> is not in the original']),
        ("<a>x</a>", ["a link must keep the id of one of the original's links (a1, a2)"]),
        ("<i>x</i>", ["<i> is not in the original"]),
        ("<strong>x</strong>", ["<strong> is not in the original"]),
        ("<SCRIPT>alert(1)</SCRIPT>", ["<script> is not allowed"]),
        (
            "<scr<script>ipt>alert(1)</script>",
            [
                "<scr<script> is not allowed",
                "</script> closes a tag that is not open",
                "<scr<script> is not closed",
            ],
        ),
        ("<style>a{}</style>", ["<style> is not allowed"]),
        ("<iframe></iframe>", ["<iframe> is not allowed"]),
        (
            "<svg onload=alert(1)>",
            [
                "<svg> is not allowed",
                "the event-handler attribute onload is not allowed",
                "<svg> is not closed",
            ],
        ),
        ('<b onmouseover="x()">x</b>', ["the event-handler attribute onmouseover is not allowed"]),
        ('<b class="x">x</b>', ["the attribute class is not allowed"]),
        ('<b style="color:red">x</b>', ["the attribute style is not allowed"]),
        (
            '<a id="a1" href="https://x.example/">x</a>',
            ["the attribute href is not allowed"],
        ),
        (
            '<a id="a1" href="jav&#x09;ascript:alert(1)">x</a>',
            [
                "the address “jav\tascript:alert(1)” is not allowed: an address is relative "
                "or starts with http:, https:, ftp:, mailto:, tel:"
            ],
        ),
        ("x <!-- y -->", ["HTML comments and declarations (<!…>, <?…>) are not allowed"]),
        ("<!DOCTYPE html>x", ["HTML comments and declarations (<!…>, <?…>) are not allowed"]),
        ("<![CDATA[x]]>", ["HTML comments and declarations (<!…>, <?…>) are not allowed"]),
        ("<?xml version='1.0'?>x", ["HTML comments and declarations (<!…>, <?…>) are not allowed"]),
        ("<b/>x", ["<b/> cannot close itself: write <b>…</b>"]),
        ("read <b", ["“<b” is an unfinished tag (write &lt; for a “<” in the text)"]),
        ('read <a id="a1"', ["“<a” is an unfinished tag (write &lt; for a “<” in the text)"]),
        ("read </b", ["“</b” is an unfinished tag (write &lt; for a “<” in the text)"]),
    ],
)
def test_unsafe_translations(translation, problems):
    assert markup_problems(source=SOURCE, translation=translation) == problems


def test_a_plain_string_takes_no_markup():
    assert markup_problems(source="Ufficio stampa", translation="<b>Press</b> office") == [
        "<b> is not in the original"
    ]
    assert markup_problems(source="Riga uno<br/>Riga due", translation="Line one<br>two") == []
    assert markup_problems(source="Ufficio stampa", translation="Press<br>office") == [
        "<br> is not in the original"
    ]


def test_the_reasons_are_in_the_translator_s_language():
    with translation.override("it"):
        assert markup_problems(source=SOURCE, translation="<b>read <i>x</i>") == [
            "<i> non c'è nell'originale",
            "<b> non è chiuso",
        ]


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("https://www.clusterscord.eu/en/", True),
        ("mailto:press@example.org", True),
        ("/en/press-releases/", True),
        ("#contacts", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox", False),
    ],
)
def test_addresses(address, allowed):
    assert (address_problem(address) is None) is allowed


class _Tags(HTMLParser):
    """The start and end tags of a string, in order."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(("start", tag))
        if tag == "br":
            self.tags.append(("end", tag))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.tags.append(("end", tag))


PIECES = st.sampled_from(
    [
        '<a id="a1">',
        '<a id="a2">',
        '<a id="a3">',
        "<a>",
        "</a>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<br>",
        "<br/>",
        "</br>",
        "<b/>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        ' onclick="x()"',
        ">",
        "<",
        "&lt;",
        "&amp;",
        "the site",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_what_the_rule_accepts_reaches_the_page_as_written(translation):
    """Whatever the rule lets in, wagtail-localize accepts too, and the parser it builds pages
    with keeps every tag where the translator put it (nothing closed or dropped for them)."""
    if markup_problems(source=SOURCE, translation=translation):
        return
    StringValue.from_translated_html(translation)
    validate_translation_links(SOURCE, translation)
    rebuilt = str(BeautifulSoup(translation, "html.parser"))
    assert _Tags(rebuilt).tags == _Tags(translation).tags
