"""What editors, moderators and translators do in Wagtail's admin, in a real browser.

The admin is driven in English (the tabs ask for it), so that the steps read Wagtail's own
labels whatever the project's Italian catalogue says.

Approving a release publishes it within the moderator's request. Publishing from
wagtail-localize's editor does not: it saves the English page and queues the publication with
`transaction.on_commit`, and the session's demo transaction never commits. That journey runs
the callbacks the publishing request queued once the request is over, exactly as a commit of
that request would have run them (`django_capture_on_commit_callbacks`).
"""

import datetime
import re

import pytest

from .accounts import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ADMIN_LOCALE = "en"
EDITOR, MODERATOR, TRANSLATOR = "editor", "moderator", "translator"


def italian_press_index():
    from cms.home.models import PressReleaseIndexPage

    return PressReleaseIndexPage.objects.get(locale__language_code="it")


def public_pdf():
    """A document every visitor may download, for the release to attach."""
    from cms.core.privacy import visible_documents
    from cms.knowledge.models import ProjectDocument

    documents = ProjectDocument.objects.filter(file__endswith=".pdf").order_by("pk")
    return visible_documents(documents, user=None).first()


# --- An editor writes a release, a moderator approves it ----------------------------------

RELEASE = {
    "title": "Il gruppo Turismo prepara un catalogo comune delle offerte",
    # After the demo's releases, so that it heads the index's first page.
    "date": datetime.date(2012, 11, 5),
    "lead": "I partner del gruppo Turismo hanno concordato la struttura del catalogo comune.",
    "paragraph": "Ogni regione descriverà le proprie offerte termali, culturali ed enogastronomiche.",
    "tags": ("catalogo comune", "turismo termale"),
}


def test_editor_submits_a_release_and_a_moderator_publishes_it(demo_site, new_page, screenshot):
    index = italian_press_index()
    document = public_pdf()

    # The editor writes the release under the Italian index and submits it.
    editor = new_page(1280, 900, locale=ADMIN_LOCALE)
    admin_sign_in(demo_site, editor, EDITOR)
    demo_site.visit(editor, f"/admin/pages/{index.pk}/")
    # The index takes press releases only, so Wagtail opens their form straight away.
    editor.get_by_role("link", name="Add child page").first.click()
    editor.wait_for_url(re.compile(rf"/admin/pages/add/home/pressreleasepage/{index.pk}/$"))

    editor.get_by_role("textbox", name=re.compile(r"^Title")).fill(RELEASE["title"])
    editor.get_by_role("textbox", name="Publication date").fill(RELEASE["date"].isoformat())
    editor.get_by_role("textbox", name="Lead").fill(RELEASE["lead"])

    body = editor.get_by_role("region", name="Body")
    body.get_by_role("button", name="Insert a block").click()
    editor.get_by_role("option", name="paragraph").click()
    body.get_by_role("textbox").fill(RELEASE["paragraph"])

    # Wagtail's tag widget has no label of its own: it is the text box in the Tags field.
    tags = editor.get_by_role("region", name="Tags").get_by_role("textbox")
    for tag in RELEASE["tags"]:
        tags.fill(tag)
        tags.press("Enter")

    editor.get_by_role("button", name="Add attached document").click()
    editor.get_by_role("button", name="Choose a document").click()
    chooser = editor.get_by_role("dialog")
    # The title's words without its punctuation: the chooser searches as one types
    # (autocomplete), and on SQLite that matches nothing once the query holds a lone dash.
    chooser.get_by_role("textbox", name="Search").fill(re.sub(r"[^\w\s]", " ", document.title))
    chooser.get_by_role("link", name=document.title, exact=True).click()
    chooser.wait_for(state="hidden")
    editor.get_by_role("region", name="Documents").get_by_text(
        document.title, exact=True
    ).wait_for()

    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name=re.compile(r"^Submit to ")).click()
    editor.wait_for_url(demo_site(f"/admin/pages/{index.pk}/"))
    assert "submitted for moderation" in editor.get_by_role("status").first.inner_text()

    # The moderator approves it from the dashboard, which publishes it.
    moderator = new_page(1280, 900, locale=ADMIN_LOCALE)
    admin_sign_in(demo_site, moderator, MODERATOR)
    review = moderator.get_by_role("region", name="Awaiting your review")
    row = review.get_by_role("row").filter(has_text=RELEASE["title"])
    row.get_by_role("button", name="Actions").click()
    with moderator.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    assert moderator.get_by_role("row").filter(has_text=RELEASE["title"]).count() == 0

    # A visitor finds it on the Italian index and reads it.
    visitor = new_page(1280, 900, locale="it")
    demo_site.visit(visitor, index.url)
    visitor.get_by_role("link", name=RELEASE["title"], exact=True).click()
    visitor.wait_for_url(re.compile(rf"{re.escape(demo_site(index.url))}[-\w]+/$"))
    main = visitor.get_by_role("main")
    assert main.get_by_role("heading", level=1).inner_text() == RELEASE["title"]
    assert main.get_by_text(RELEASE["lead"], exact=True).is_visible()
    assert main.get_by_text(RELEASE["paragraph"], exact=True).is_visible()
    for tag in RELEASE["tags"]:
        assert main.get_by_role("link", name=tag, exact=True).is_visible()
    attachment = main.get_by_role("link", name=document.title, exact=True)
    assert attachment.get_attribute("href") == document.url
    assert visitor.request.get(demo_site(document.url)).body().startswith(b"%PDF")
    screenshot(visitor, "journey-editor-release-published")


# --- A translator publishes it in English ---------------------------------------------------

TITLE = "Piani di lavoro comuni per le visite di studio"
SLUG = "piani-di-lavoro-visite-di-studio"
LEAD = "I gruppi tematici hanno fissato il calendario delle visite di studio del secondo semestre."
PARAGRAPH = "Ogni visita si chiude con un rapporto condiviso tra i partner del gruppo."
# Every string of the release, Italian → English; the slug is the English page's address.
TRANSLATIONS = {
    TITLE: "Shared work plans for the study visits",
    SLUG: "work-plans-study-visits",
    LEAD: "The thematic groups have set the calendar of the study visits for the second half.",
    PARAGRAPH: "Each visit ends with a report shared among the group's partners.",
}


@pytest.fixture
def approved_release():
    """An Italian release as the moderator leaves it: published, with no English version."""
    from wagtail.rich_text import RichText

    from cms.home.models import PressReleasePage

    release = PressReleasePage(
        title=TITLE,
        slug=SLUG,
        date=datetime.date(2012, 7, 9),
        lead=LEAD,
        body=[("paragraph", RichText(f"<p>{PARAGRAPH}</p>"))],
    )
    italian_press_index().add_child(instance=release)
    release.save_revision().publish()
    return release


def translate_segments(tab, tab_name: str) -> None:
    """Translate, in one of the editor's tabs, every segment that still needs it."""
    tab.get_by_role("tab", name=tab_name).click()
    panel = tab.get_by_role("tabpanel", name=tab_name)
    panel.get_by_role("listitem").first.wait_for()
    for source, english in TRANSLATIONS.items():
        # The other tab's segments are in the page too, hidden.
        source_text = tab.get_by_text(source, exact=True).filter(visible=True)
        if panel.locator(source_text).count() == 0:
            continue
        # A field's list item holds its segments' items; the innermost one is the segment.
        segment = panel.get_by_role("listitem").filter(has=source_text).last
        segment.get_by_role("button", name="Translate", exact=True).click()
        segment.get_by_role("textbox").fill(english)
        segment.get_by_role("button", name="Save", exact=True).click()
        segment.get_by_role("button", name="Edit", exact=True).wait_for()
    assert panel.get_by_role("button", name="Translate", exact=True).count() == 0


def test_translator_publishes_the_english_version(
    demo_site, new_page, screenshot, approved_release, django_capture_on_commit_callbacks
):
    translator = new_page(1280, 900, locale=ADMIN_LOCALE)
    admin_sign_in(demo_site, translator, TRANSLATOR)

    # From the translation report: the release has no English version yet.
    translator.get_by_role("button", name="Reports").click()
    translator.get_by_role("link", name="Translation status").click()
    translator.get_by_label("State").select_option(label="Missing")
    translator.get_by_role("button", name="Show").click()
    row = translator.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("link", name="Translate").click()
    translator.get_by_role("checkbox", name="English").check()
    translator.get_by_role("button", name="Submit").click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))

    # wagtail-localize's editor: every segment, on both tabs, then publish.
    translate_segments(translator, "Content")
    translate_segments(translator, "Promote")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with translator.expect_navigation():
            translator.get_by_role("button", name="Publish in English").click()
    assert callbacks, "publishing queued nothing to run on commit"

    # A visitor reads it in English and moves between the two languages.
    english_index = demo_site.pages["en"]["press release index"]
    visitor = new_page(1280, 900, locale="en")
    demo_site.visit(visitor, english_index)
    visitor.get_by_role("link", name=TRANSLATIONS[TITLE], exact=True).click()
    english_url = demo_site(f"{english_index}{TRANSLATIONS[SLUG]}/")
    visitor.wait_for_url(english_url)
    assert visitor.locator("html").get_attribute("lang") == "en"
    main = visitor.get_by_role("main")
    assert main.get_by_role("heading", level=1).inner_text() == TRANSLATIONS[TITLE]
    assert main.get_by_text(TRANSLATIONS[LEAD], exact=True).is_visible()
    assert main.get_by_text(TRANSLATIONS[PARAGRAPH], exact=True).is_visible()
    assert main.get_by_text(LEAD).count() == 0

    header = visitor.get_by_role("banner")
    header.get_by_role("link", name="Italiano").click()
    visitor.wait_for_url(demo_site(approved_release.url))
    assert visitor.locator("html").get_attribute("lang") == "it"
    assert visitor.get_by_role("heading", level=1).inner_text() == TITLE
    header.get_by_role("link", name="English").click()
    visitor.wait_for_url(english_url)
    assert visitor.get_by_role("heading", level=1).inner_text() == TRANSLATIONS[TITLE]
    screenshot(visitor, "journey-translator-release-in-english")


def test_the_translation_editor_says_why_it_refuses_a_string(
    demo_site, new_page, screenshot, approved_release
):
    from wagtail_localize.models import StringTranslation

    translator = new_page(1280, 900, locale=ADMIN_LOCALE)
    admin_sign_in(demo_site, translator, TRANSLATOR)
    demo_site.visit(translator, f"/admin/localize/submit/page/{approved_release.pk}/")
    translator.get_by_role("checkbox", name="English").check()
    translator.get_by_role("button", name="Submit").click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))

    panel = translator.get_by_role("tabpanel", name="Content")
    source_text = translator.get_by_text(PARAGRAPH, exact=True).filter(visible=True)
    segment = panel.get_by_role("listitem").filter(has=source_text).last
    segment.get_by_role("button", name="Translate", exact=True).click()
    segment.get_by_role("textbox").fill("Each visit ends <script>alert(document.cookie)</script>")
    segment.get_by_role("button", name="Save", exact=True).click()
    refusal = "This translation would break the page, so it was not saved: <script> is not allowed."
    segment.get_by_text(refusal).wait_for()
    screenshot(translator, "journey-translator-refused-string")
    assert not StringTranslation.objects.filter(translation_of__data=PARAGRAPH).exists()

    segment.get_by_role("button", name="Edit", exact=True).click()
    segment.get_by_role("textbox").fill(TRANSLATIONS[PARAGRAPH])
    segment.get_by_role("button", name="Save", exact=True).click()
    segment.get_by_role("button", name="Edit", exact=True).wait_for()
    assert segment.get_by_text(refusal).count() == 0
    saved = StringTranslation.objects.get(translation_of__data=PARAGRAPH)
    assert saved.data == TRANSLATIONS[PARAGRAPH] and not saved.has_error
