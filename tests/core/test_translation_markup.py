"""Imported translations cannot break pages: every way a translation gets in (a PO file, the
translation editor's saves, machine translation) refuses markup that is not safe for the
string it translates, names what is wrong and changes nothing."""

import datetime
import inspect
import itertools
import json
from types import SimpleNamespace

import polib
import pytest
from django.contrib.messages import ERROR
from django.test import override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import resolve, reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
)
from wagtail_localize.strings import StringValue

from cms.core import translation_admin
from cms.core.services import translation_roles_ensure
from tests.factories import PressReleasePageFactory, publish
from tests.translating import (
    download_po,
    member_of,
    shown_messages,
    submit_translation,
    translate,
    upload_po,
)

# The paragraph as editors write it, and the string wagtail-localize offers for it.
PARAGRAPH = (
    '<p>Visita <a href="https://www.clusterscord.eu/">il sito</a> e <b>leggi</b> '
    '<a href="https://www.clusterscord.eu/programma/">il programma</a>.<br/>A presto</p>'
)
PARAGRAPH_STRING = (
    'Visita <a id="a1">il sito</a> e <b>leggi</b> <a id="a2">il programma</a>.<br/>A presto'
)
ENGLISH = {
    "Visita studio a Lodi": "Study visit to Lodi",
    "visita-studio-lodi": "study-visit-lodi",
    "Il gruppo visita il Parco Tecnologico Padano.": "The group visits Parco Tecnologico Padano.",
    "Il programma": "The programme",
    PARAGRAPH_STRING: (
        'Visit <a id="a1">the site</a> and <b>read</b> <a id="a2">the programme</a>.<br>See you'
    ),
    "Ufficio stampa": "Press office",
}


# Strings of the release by a short name.
STRINGS = {
    "paragraph": PARAGRAPH_STRING,
    "heading": "Il programma",
    "lead": "Il gruppo visita il Parco Tecnologico Padano.",
}


@pytest.fixture
def english_press(site_tree, en):
    """The Italian home and press index, published and translated (the release's parents)."""
    home = translate(publish(site_tree.home))
    press_index = translate(publish(site_tree.press_index))
    return SimpleNamespace(
        it=SimpleNamespace(home=site_tree.home, press_index=site_tree.press_index),
        en=SimpleNamespace(home=home, press_index=press_index),
    )


@pytest.fixture
def submitted(english_press, admin_client, en):
    """An Italian release with links, bold and a line break, submitted for translation."""
    italian = publish(
        PressReleasePageFactory(
            parent=english_press.it.press_index,
            title="Visita studio a Lodi",
            slug="visita-studio-lodi",
            date=datetime.date(2012, 3, 22),
            lead="Il gruppo visita il Parco Tecnologico Padano.",
            body=[
                ("heading", {"text": "Il programma", "level": "h2"}),
                ("paragraph", RichText(PARAGRAPH)),
            ],
            contact="Ufficio stampa",
        )
    )
    return italian, submit_translation(admin_client, italian, en)


def _state(translation):
    """Everything a refused translation must leave as it was."""
    english = Page.objects.get(pk=translation.get_target_instance().pk)
    return {
        "strings": sorted(
            StringTranslation.objects.filter(locale=translation.target_locale).values_list(
                "id", "data"
            )
        ),
        "overrides": sorted(SegmentOverride.objects.values_list("id", "data_json")),
        "revisions": list(english.revisions.order_by("pk").values_list("pk", flat=True)),
        "page": (english.live, english.live_revision_id, english.draft_title, english.title),
    }


def _po(admin_client, translation, **replaced: str) -> str:
    """The translation's PO file, translated, the strings named in `replaced` (keys of
    `STRINGS`) translated as given."""
    po = download_po(admin_client, translation)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    for key, msgstr in replaced.items():
        (entry,) = (entry for entry in po if entry.msgid == STRINGS[key])
        entry.msgstr = msgstr
    return str(po)


def _line_of(text: str, msgstr: str) -> int:
    """The line on which the PO file `text` gives the translation `msgstr` (a long one goes on
    over the lines after it)."""
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines, 1):
        if not line.startswith("msgstr "):
            continue
        pieces = [line.removeprefix("msgstr ")]
        pieces += itertools.takewhile(lambda following: following.startswith('"'), lines[number:])
        if "".join(json.loads(piece) for piece in pieces) == msgstr:
            found.append(number)
    (line,) = found
    return line


# (case, the paragraph's translation, what the message says is wrong)
BAD_PARAGRAPHS = [
    (
        "unclosed tag",
        'Visit <a id="a1">the site</a> and <b>read <a id="a2">the programme</a>.',
        "<b> is not closed",
    ),
    (
        "stray closing tag",
        'Visit <a id="a1">the site</a></b> and read <a id="a2">the programme</a>.',
        "</b> closes a tag that is not open",
    ),
    (
        "link in a link",
        '<a id="a1">Visit <a id="a2">the programme</a> on the site</a>.',
        "a link is inside another link",
    ),
    (
        "duplicate id",
        '<a id="a1">Visit the site</a> and <a id="a1">the programme</a>.',
        "the id “a1” is used twice",
    ),
    (
        "HTML comment",
        'Visit <a id="a1">the site</a> <!-- and the old one --> <a id="a2">here</a>.',
        "HTML comments and declarations (<!…>, <?…>) are not allowed",
    ),
    (
        "script",
        'Visit <a id="a1">the site</a>.<script>document.location="https://x.example"</script>',
        "<script> is not allowed",
    ),
    ("style", '<style>body { display: none }</style>Visit <a id="a1">the site</a>.', "<style>"),
    (
        "iframe",
        'Visit <iframe src="https://x.example/"></iframe><a id="a1">the site</a>.',
        "<iframe> is not allowed",
    ),
    (
        "event handler",
        'Visit <a id="a1" onclick="steal()">the site</a>.',
        "the event-handler attribute onclick is not allowed",
    ),
    (
        "javascript: URL",
        'Visit <a href="javascript:alert(document.cookie)">the site</a>.',
        "the address “javascript:alert(document.cookie)” is not allowed",
    ),
    (
        "tag not in the source string",
        'Visit <a id="a1">the site</a> and <i>read</i> <a id="a2">the programme</a>.',
        "<i> is not in the original",
    ),
    (
        "attribute not in the source string",
        'Visit <a id="a1">the site</a> and <b class="big">read</b> the programme.',
        "the attribute class is not allowed",
    ),
    (
        "link id not in the source string",
        'Visit <a id="a9">a site that was not there</a>.',
        '<a id="a9"> is not in the original',
    ),
    (
        "tag outside the rich-text features",
        '<p>Visit <a id="a1">the site</a>.</p>',
        "<p> is not allowed",
    ),
    ("image", 'Visit <img src="https://x.example/t.gif"> the site.', "<img> is not allowed"),
    (
        "unfinished tag",
        'Visit <a id="a1">the site</a> and <b',
        "“<b” is an unfinished tag",
    ),
    ("self-closing tag", 'Visit <a id="a1">the site</a><b/>.', "<b/> cannot close itself"),
]


@pytest.mark.parametrize(
    ("translated", "reason"),
    [case[1:] for case in BAD_PARAGRAPHS],
    ids=[case[0] for case in BAD_PARAGRAPHS],
)
def test_a_po_file_with_unsafe_markup_is_refused_whole(submitted, admin_client, translated, reason):
    _italian, translation = submitted
    text = _po(admin_client, translation, paragraph=translated)
    before = _state(translation)

    response = upload_po(admin_client, translation, text.encode())

    assert response.status_code == 302
    summary, detail = shown_messages(response, level=ERROR)
    assert summary == "1 translation would break the page, so nothing was imported:"
    line = _line_of(text, translated)
    assert detail.startswith(f"Line {line}, “{PARAGRAPH_STRING}”: ")
    assert reason in detail
    assert _state(translation) == before


def test_a_good_file_still_imports_and_the_page_keeps_its_links(
    submitted, admin_client, client, en, django_capture_on_commit_callbacks
):
    italian, translation = submitted
    # The translator may reorder the links and drop the bold and the line break.
    reordered = '<a id="a2">The programme</a> is on <a id="a1">the site</a>: read it. See you'
    response = upload_po(
        admin_client, translation, _po(admin_client, translation, paragraph=reordered).encode()
    )
    assert shown_messages(response)[-1] == "Imported 6 translated strings from the PO file."
    assert shown_messages(response, level=ERROR) == []
    assert translation.get_progress() == (6, 6)

    english = italian.get_translation(en)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    english.refresh_from_db()
    assert english.live
    body = client.get(english.url).content.decode()
    assert (
        '<a href="https://www.clusterscord.eu/programma/">The programme</a> is on '
        '<a href="https://www.clusterscord.eu/">the site</a>: read it. See you'
    ) in body


def test_one_good_and_one_bad_entry_change_nothing(submitted, admin_client, en):
    _italian, translation = submitted
    po = download_po(admin_client, translation)
    for entry in po:
        if entry.msgid == "Il programma":
            entry.msgstr = "The programme"
        elif entry.msgid == PARAGRAPH_STRING:
            entry.msgstr = 'Visit <a id="a1">the site</a><script>alert(1)</script>'
    before = _state(translation)
    response = upload_po(admin_client, translation, str(po).encode())
    summary, detail = shown_messages(response, level=ERROR)
    assert "nothing was imported" in summary
    assert "<script> is not allowed" in detail
    assert _state(translation) == before
    assert not StringTranslation.objects.filter(data="The programme").exists()


def test_the_messages_name_every_bad_entry_with_its_line(submitted, admin_client):
    _italian, translation = submitted
    heading = "The <b>programme"
    paragraph = 'Visit <a id="a1" onclick="x()">the site</a> <!-- -->'
    text = _po(admin_client, translation, heading=heading, paragraph=paragraph)
    before = _state(translation)
    response = upload_po(admin_client, translation, text.encode())
    summary, *details = shown_messages(response, level=ERROR)
    assert summary == "2 translations would break the page, so nothing was imported:"
    assert details == [
        f"Line {_line_of(text, heading)}, “Il programma”: <b> is not in the original; "
        "<b> is not closed.",
        f"Line {_line_of(text, paragraph)}, “{PARAGRAPH_STRING}”: the event-handler attribute "
        "onclick is not allowed; HTML comments and declarations (<!…>, <?…>) are not allowed.",
    ]
    assert _state(translation) == before


def test_a_plain_text_string_takes_no_markup(submitted, admin_client):
    _italian, translation = submitted
    text = _po(admin_client, translation, lead="The group visits <b>Parco Tecnologico</b>.")
    response = upload_po(admin_client, translation, text.encode())
    assert "<b> is not in the original" in shown_messages(response, level=ERROR)[1]


def test_obsolete_entries_are_not_imported(submitted, admin_client, en):
    _italian, translation = submitted
    po = download_po(admin_client, translation)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    # A PO tool keeps a removed string as an obsolete (`#~`) entry: wagtail-localize would
    # import it all the same.
    (heading,) = (entry for entry in po if entry.msgid == "Il programma")
    heading.obsolete = True
    heading.msgstr = "<script>alert(1)</script>"
    response = upload_po(admin_client, translation, str(po).encode())
    assert shown_messages(response)[-1].startswith("Imported 5 translated strings")
    assert not StringTranslation.objects.filter(locale=en, translation_of__data="Il programma")
    assert not StringTranslation.objects.filter(data__contains="<script>").exists()


# --- The translation editor ---------------------------------------------------------------


def _put(client, url: str, value: str | None):
    """A save from the translation editor, which sends the value as form data."""
    fields = {} if value is None else {"value": value}
    return client.put(url, encode_multipart(BOUNDARY, fields), content_type=MULTIPART_CONTENT)


def _string_url(translation, msgid: str) -> str:
    segment = StringSegment.objects.get(source=translation.source, string__data=msgid)
    return reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])


# The rule is the same function whichever way a translation comes (see the PO cases above
# and the rule's own tests below); these show that the editor's save goes through it.
EDITOR_CASES = [
    case for case in BAD_PARAGRAPHS if case[0] in {"unclosed tag", "HTML comment", "script"}
]


@pytest.mark.parametrize(
    ("translated", "reason"),
    [case[1:] for case in EDITOR_CASES],
    ids=[case[0] for case in EDITOR_CASES],
)
def test_the_editor_refuses_an_unsafe_string(submitted, admin_client, translated, reason):
    _italian, translation = submitted
    before = _state(translation)
    response = _put(admin_client, _string_url(translation, PARAGRAPH_STRING), translated)
    assert response.status_code == 400
    message = response.json()["message"]
    assert message.startswith("This translation would break the page, so it was not saved: ")
    assert reason in message
    assert _state(translation) == before


def test_the_editor_saves_a_safe_string_and_deletes_it(submitted, admin_client, en):
    _italian, translation = submitted
    url = _string_url(translation, PARAGRAPH_STRING)
    response = _put(admin_client, url, ENGLISH[PARAGRAPH_STRING])
    assert response.status_code == 201
    assert response.json()["data"] == ENGLISH[PARAGRAPH_STRING]
    assert response.json()["error"] is None
    saved = StringTranslation.objects.get(locale=en, translation_of__data=PARAGRAPH_STRING)
    assert saved.data == ENGLISH[PARAGRAPH_STRING] and not saved.has_error
    assert admin_client.delete(url).status_code == 200
    assert not StringTranslation.objects.filter(pk=saved.pk).exists()


def test_the_editor_needs_a_value(submitted, admin_client):
    _italian, translation = submitted
    response = _put(admin_client, _string_url(translation, "Il programma"), None)
    assert response.status_code == 400
    assert response.json() == {"message": "The translation is missing; nothing was saved."}


def test_only_those_who_may_edit_the_english_page_may_save_strings(submitted, english_tree, client):
    _italian, translation = submitted
    translation_roles_ensure(
        source_home=english_tree.it.home, translated_homes=[english_tree.en.home]
    )
    client.force_login(member_of("Editors"))
    response = _put(client, _string_url(translation, "Il programma"), "<script>")
    assert response.status_code == 403


def _link_override_url(translation, address: str) -> str:
    segment = OverridableSegment.objects.get(
        source=translation.source, data_json=json.dumps(address)
    )
    return reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(document.cookie)", "JaVa\tScRiPt:alert(1)", "data:text/html,<script>"],
)
def test_the_editor_refuses_an_unsafe_link_address(submitted, admin_client, address):
    _italian, translation = submitted
    before = _state(translation)
    url = _link_override_url(translation, "https://www.clusterscord.eu/")
    response = _put(admin_client, url, address)
    assert response.status_code == 400
    assert response.json()["message"].startswith(
        f"This value was not saved: the address “{address}” is not allowed"
    )
    assert _state(translation) == before


def test_the_editor_saves_an_english_link_address(submitted, admin_client):
    _italian, translation = submitted
    url = _link_override_url(translation, "https://www.clusterscord.eu/")
    response = _put(admin_client, url, "https://www.clusterscord.eu/en/")
    assert response.status_code == 201
    assert SegmentOverride.objects.get().data == "https://www.clusterscord.eu/en/"


# --- Machine translation ------------------------------------------------------------------


class CommentingTranslator(BaseMachineTranslator):
    """A machine translator that leaves a comment in every string with markup."""

    display_name = "Commenting translator"

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(
                f"{string.data}<!-- mt -->" if "<" in string.data else f"EN {string.data}"
            )
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return True


COMMENTING = {
    "CLASS": "cms.core.machine_translation.CheckedMachineTranslator",
    "OPTIONS": {"TRANSLATOR": {"CLASS": f"{__name__}.CommentingTranslator"}},
}


def test_machine_translation_is_checked_and_saves_safe_results(submitted, admin_client, en):
    _italian, translation = submitted
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = admin_client.post(url, {"next": "/admin/"})
    # wagtail-localize's own message, rendered by Wagtail's message template.
    assert shown_messages(response)[-1].strip() == "Successfully translated with Dummy translator."
    assert translation.get_progress() == (6, 6)
    assert not StringTranslation.objects.filter(locale=en, has_error=True).exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=COMMENTING)
def test_machine_translation_with_unsafe_markup_saves_nothing(submitted, admin_client):
    _italian, translation = submitted
    before = _state(translation)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = admin_client.post(url, {"next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    summary, detail = shown_messages(response, level=ERROR)
    assert summary.startswith(
        "Commenting translator answered with translations that would break the page, so "
        "nothing was translated."
    )
    assert detail == (
        "“Visita il sito e leggi il programma.\nA presto”: HTML comments and declarations "
        "(<!…>, <?…>) are not allowed."
    )
    assert _state(translation) == before


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=COMMENTING)
def test_updating_with_unsafe_machine_translation_is_rolled_back(submitted, admin_client):
    italian, translation = submitted
    italian.lead = "Il gruppo ha visitato il Parco Tecnologico Padano."
    publish(italian)
    source_content = translation.source.content_json
    before = _state(translation)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    response = admin_client.post(url, {"use_machine_translation": "on"})
    assert response.status_code == 302 and response["Location"] == url
    assert "nothing was translated" in shown_messages(response, level=ERROR)[0]
    translation.source.refresh_from_db()
    assert translation.source.content_json == source_content
    assert _state(translation) == before


def test_wagtail_localizes_routes_reach_the_checked_views(submitted):
    _italian, translation = submitted
    string = StringSegment.objects.filter(source=translation.source).first()
    override = OverridableSegment.objects.filter(source=translation.source).first()
    routes = {
        "upload_pofile": ([translation.pk], translation_admin.upload_pofile),
        "edit_string_translation": (
            [translation.pk, string.pk],
            translation_admin.edit_string_translation,
        ),
        "edit_override": ([translation.pk, override.pk], translation_admin.edit_override),
        "machine_translate": ([translation.pk], translation_admin.machine_translate),
    }
    # Wagtail wraps every admin view in its own access check.
    for name, (args, view) in routes.items():
        match = resolve(reverse(f"wagtail_localize:{name}", args=args))
        assert inspect.unwrap(match.func) is inspect.unwrap(view), name
    update = resolve(reverse("wagtail_localize:update_translations", args=[translation.source.pk]))
    assert inspect.unwrap(update.func).view_class is translation_admin.CheckedUpdateTranslationsView


def test_the_messages_show_the_file_s_markup_as_text(submitted, admin_client):
    _italian, translation = submitted
    po = download_po(admin_client, translation)
    po.append(polib.POEntry(msgid="<img src=x onerror=alert(1)>", msgctxt="lead", msgstr="<b>x"))
    response = upload_po(admin_client, translation, str(po).encode(), next_url="/admin/pages/")
    page = admin_client.get(response["Location"]).content.decode()
    assert "“&lt;img src=x onerror=alert(1)&gt;”: &lt;b&gt; is not in the original" in page
    assert "<img src=x" not in page
