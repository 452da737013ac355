"""What partners do in their thematic group's private workspace, in a real browser.

Everything the journey relies on happens within the request that triggers it: the text of an
upload is extracted while it is saved, and the search index is written by an immediate task,
so the uncommitted session database answers exactly as a committed one would.
"""

import io
import re

import pytest

from .accounts import fill_site_sign_in, site_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MEMBER = "partner"  # Milano Metropoli: Agroalimentare, Turismo, Scienze della Vita
OUTSIDER = "partner-ptp"  # Parco Tecnologico Padano: Agroalimentare only

# Only inside the PDF: not in its title, description or tags, nor anywhere in the demo.
DISTINCTIVE_WORD = "ornitorinco"
DOCUMENT_TITLE = "Verbale della riunione sulle terme"
PDF_LINES = (
    "Verbale della riunione del gruppo tematico",
    "I partner propongono un itinerario comune tra le terme della regione,",
    f"con il nome di lavoro {DISTINCTIVE_WORD} fino alla scelta del marchio.",
)


def minutes_pdf() -> bytes:
    """A small real PDF whose text holds the distinctive word."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(DOCUMENT_TITLE)
    for number, line in enumerate(PDF_LINES):
        pdf.drawString(72, 770 - 18 * number, line)
    pdf.save()
    return buffer.getvalue()


def workspace_of_member_only():
    """A workspace (Italian) the member may enter and the outsider may not."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    from cms.groups.selectors.workspaces import workspace_list, workspace_may_enter

    users = (
        get_user_model()
        .objects.filter(username__in=[MEMBER, OUTSIDER])
        .in_bulk(field_name="username")
    )
    italian = Locale.objects.get(language_code="it")
    return next(
        workspace
        for workspace in workspace_list(user=users[MEMBER], locale=italian)
        if not workspace_may_enter(workspace=workspace, user=users[OUTSIDER])
    )


def test_partner_uploads_finds_and_downloads_a_document_others_cannot_reach(
    demo_site, page, new_page, screenshot, tmp_path
):
    workspace = workspace_of_member_only()
    pdf = minutes_pdf()
    upload_path = tmp_path / "verbale-riunione-terme.pdf"
    upload_path.write_bytes(pdf)

    # Signs in from the header's link, then opens the workspace from the account page.
    demo_site.visit(page, demo_site.pages["it"]["home"])
    page.get_by_role("banner").get_by_role("link", name="Accesso partner").click()
    fill_site_sign_in(page, MEMBER, language="it")
    page.wait_for_url(re.compile(r"/it/account/$"))
    page.get_by_role("link", name=workspace.title, exact=True).click()
    page.wait_for_url(demo_site(workspace.url))
    assert page.get_by_role("heading", level=1).inner_text() == workspace.title

    # Uploads the PDF with its details.
    upload = page.get_by_role("region", name="Aggiungi un documento")
    upload.get_by_label("File").set_input_files(upload_path)
    upload.get_by_label("Titolo").fill(DOCUMENT_TITLE)
    upload.get_by_label("Lingua").select_option(label="Italiano")
    upload.get_by_label("Tipo").select_option(label="Verbale")
    upload.get_by_label("Tag").fill("terme, itinerari")
    upload.get_by_role("button", name="Carica").click()
    page.wait_for_url(demo_site(workspace.url) + "#documents")
    assert f"“{DOCUMENT_TITLE}”" in page.get_by_role("main").inner_text()
    documents = page.get_by_role("region", name="Documenti del gruppo")
    assert documents.get_by_role("link", name=DOCUMENT_TITLE, exact=True).is_visible()

    # Finds it from the header's search by a word that only the file's text holds.
    header = page.get_by_role("banner")
    header.get_by_role("searchbox").fill(DISTINCTIVE_WORD)
    header.get_by_role("button", name="Cerca").click()
    page.wait_for_url(re.compile(rf"/it/search/\?q={DISTINCTIVE_WORD}$"))
    result = page.locator(".search-result").filter(has_text=DOCUMENT_TITLE)
    assert result.count() == 1
    assert DISTINCTIVE_WORD in result.inner_text()

    # Downloads it with the member's cookies: the bytes are the uploaded file's. (Following
    # the link would open Chromium's PDF viewer, whose page is not the file and whose own
    # requests would hold the one-request-at-a-time test server.)
    href = result.get_by_role("link", name=DOCUMENT_TITLE, exact=True).get_attribute("href")
    download = page.context.request.get(demo_site(href))
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF")
    assert download.body() == pdf

    # A partner of another group is refused the workspace, the file and the search result.
    outsider = new_page(1280, 900, locale="it")
    site_sign_in(demo_site, outsider, OUTSIDER, language="it")
    # Refused as if the file did not exist: nothing tells a private document from a missing one.
    refused = outsider.request.get(demo_site(href), max_redirects=0)
    assert refused.status == 404
    demo_site.visit(outsider, f"/it/search/?q={DISTINCTIVE_WORD}")
    assert outsider.locator(".search-result").count() == 0
    response = outsider.goto(demo_site(workspace.url))
    assert response.status == 403
    assert "non è membro di questo gruppo" in outsider.get_by_role("alert").inner_text()
    assert outsider.get_by_role("region", name="Aggiungi un documento").count() == 0
    assert outsider.get_by_text(DOCUMENT_TITLE).count() == 0
    screenshot(outsider, "journey-partner-workspace-refused")
