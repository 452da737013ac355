"""Uploads cannot take the server down: every path refuses a file past a limit before storing
anything, and the text of what is stored is read with memory and time limits.

Limits are lowered with `settings` where a realistic file would be slow to build; one real
150 MB zip bomb goes through the default limits.
"""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from cms.knowledge.admin_forms import text_state_message
from cms.knowledge.extraction import extract_text
from cms.knowledge.models import ProjectDocument, TextExtractionNote, TextExtractionStatus
from tests import hostile_files
from tests.factories import SuperUserFactory, docx_bytes, encrypted_pdf_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def _stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    if not os.path.isdir(root):
        return []
    return [
        os.path.relpath(os.path.join(directory, name), root)
        for directory, _folders, names in os.walk(root)
        for name in names
    ]


def _workspace_upload(client, workspace, name: str, content: bytes):
    return client.post(
        f"{workspace.url}upload/",
        {
            "language": "it",
            "kind": "minutes",
            "title": "",
            "description": "",
            "tags": "",
            "file": SimpleUploadedFile(name, content),
        },
    )


def _assert_refused(response, settings, *, code: str, words: str):
    assert response.status_code == 400
    errors = response.context["upload_form"].errors.as_data()["file"]
    assert [error.code for error in errors] == [code]
    assert words in errors[0].messages[0]
    assert not ProjectDocument.objects.exists()
    assert [name for name in _stored_files(settings) if not name.startswith("tmp/")] == []


@pytest.fixture
def member(client_for):
    return client_for("member")


class TestPackagesPastALimitAreRefused:
    def test_a_150_megabyte_zip_bomb(self, member, groups, settings):
        bomb = hostile_files.docx_bomb()
        assert len(bomb) < 2 * 1024 * 1024
        response = _workspace_upload(member, groups.agri_workspace, "bomba.docx", bomb)
        _assert_refused(response, settings, code="limit_zip_ratio", words="compresso molto più")

    def test_too_large_once_unpacked(self, member, groups, settings):
        settings.CORDATA_DOCUMENT_ZIP_MAX_BYTES = 1024 * 1024
        settings.CORDATA_DOCUMENT_ZIP_MAX_RATIO = 10_000
        big = hostile_files.docx_package(
            hostile_files.document_xml(f"Paragrafo {n} del verbale" for n in range(60_000))
        )
        response = _workspace_upload(member, groups.agri_workspace, "lungo.docx", big)
        _assert_refused(response, settings, code="limit_zip_size", words="più di 1 MB")

    def test_too_many_parts(self, member, groups, settings):
        settings.CORDATA_DOCUMENT_ZIP_MAX_MEMBERS = 50
        package = hostile_files.docx_with_parts(60)
        response = _workspace_upload(member, groups.agri_workspace, "parti.docx", package)
        _assert_refused(response, settings, code="limit_zip_members", words="più di 50 parti")

    @pytest.mark.parametrize(
        "xml",
        [
            hostile_files.BILLION_LAUGHS,
            hostile_files.external_entity_xml(),
            # The DTD behind 64 KB of comment: the whole prolog is parsed, not its first bytes.
            hostile_files.external_entity_xml(padding=64 * 1024),
        ],
        ids=["entity-expansion", "external-entity", "late-dtd"],
    )
    def test_xml_with_a_dtd(self, member, groups, settings, xml):
        package = hostile_files.docx_package(xml)
        response = _workspace_upload(member, groups.agri_workspace, "entita.docx", package)
        _assert_refused(response, settings, code="limit_xml_dtd", words="DTD")

    def test_a_pdf_with_too_many_pages(self, member, groups, settings):
        settings.CORDATA_DOCUMENT_PDF_MAX_PAGES = 3
        response = _workspace_upload(
            member, groups.agri_workspace, "atti.pdf", hostile_files.pdf_with_pages(5)
        )
        _assert_refused(response, settings, code="limit_too_many_pages", words="5 pagine")
        assert "3" in response.context["upload_form"].errors["file"][0]

    def test_utf16_text_is_accepted_and_read(self, member, groups):
        data = "Verbale dell'incontro di Ústí: qualità.".encode("utf-16")
        response = _workspace_upload(member, groups.agri_workspace, "verbale.txt", data)
        assert response.status_code == 303
        assert "Ústí" in ProjectDocument.objects.get().extracted_text

    def test_a_package_of_another_type_is_refused(self, member, groups, settings):
        # Named .docx, a valid zip, but a spreadsheet (its directory is read by the child).
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            package.writestr("[Content_Types].xml", "<Types/>")
            package.writestr("xl/workbook.xml", "<workbook/>")
        response = _workspace_upload(
            member, groups.agri_workspace, "foglio.docx", buffer.getvalue()
        )
        _assert_refused(response, settings, code="corrupt", words="DOCX")

    def test_honest_files_at_the_limits_are_accepted(self, member, groups, settings):
        settings.CORDATA_DOCUMENT_PDF_MAX_PAGES = 3
        response = _workspace_upload(
            member, groups.agri_workspace, "atti.pdf", hostile_files.pdf_with_pages(3)
        )
        assert response.status_code == 303
        document = ProjectDocument.objects.get()
        assert document.text_status == TextExtractionStatus.DONE
        assert "Pagina 3" in document.extracted_text


class TestTheAdminUsesTheSameGate:
    @pytest.fixture
    def admin(self, client, db):
        client.force_login(SuperUserFactory())
        return client

    def test_the_add_form_refuses_a_bomb(self, admin, settings):
        response = admin.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Bomba",
                "collection": 1,
                "file": SimpleUploadedFile("bomba.docx", hostile_files.docx_bomb(20 * 2**20)),
            },
        )
        assert response.status_code == 200
        assert "compresso molto più" in response.content.decode()
        assert not ProjectDocument.objects.exists()
        assert [name for name in _stored_files(settings) if not name.startswith("tmp/")] == []

    def test_the_multiple_upload_refuses_a_bomb(self, admin, settings):
        response = admin.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("bomba.docx", hostile_files.docx_bomb(20 * 2**20))},
        )
        assert response.status_code == 200
        body = response.json()
        assert body["success"] is False
        assert "compresso molto più" in body["error_message"]
        assert not ProjectDocument.objects.exists()

    def test_the_add_form_stores_an_honest_file_and_shows_its_text_state(self, admin):
        response = admin.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Verbale",
                "collection": 1,
                "language": "it",
                "kind": "minutes",
                "file": SimpleUploadedFile("verbale.docx", docx_bytes("Verbale di Piestany")),
            },
        )
        assert response.status_code == 302
        document = ProjectDocument.objects.get()
        assert document.text_status == TextExtractionStatus.DONE
        assert "Piestany" in document.extracted_text
        edit = admin.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
        with translation.override("it"):
            assert escape(text_state_message(document)) in edit

    def test_the_edit_form_says_why_a_text_could_not_be_read(self, admin):
        response = admin.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Riservato",
                "collection": 1,
                "language": "it",
                "kind": "report",
                "file": SimpleUploadedFile(
                    "riservato.pdf", encrypted_pdf_bytes("Bilancio", user_password="x")
                ),
            },
        )
        assert response.status_code == 302
        document = ProjectDocument.objects.get()
        assert (document.text_status, document.text_note) == (
            TextExtractionStatus.FAILED,
            TextExtractionNote.ENCRYPTED,
        )
        edit = admin.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
        with translation.override("en"):
            message = text_state_message(document)
        assert message == "Text not readable: The file is protected by a password."
        with translation.override("it"):
            assert escape(text_state_message(document)) in edit


class TestReadingHasLimits:
    """The text is read in a child process the operating system stops at its limits."""

    def test_long_text_is_cut_between_characters_not_inside_one(self, settings):
        settings.CORDATA_DOCUMENT_TEXT_MAX_CHARS = 10
        # The bytes read (four per character allowed) end inside an "à": no mojibake follows.
        result = extract_text("Città è qualità. ".encode() * 20, extension="txt")
        assert result.status == TextExtractionStatus.DONE
        assert result.note == TextExtractionNote.TRUNCATED
        assert result.text == "Città è qu"

    def test_the_text_is_cut_at_its_limit(self, settings):
        settings.CORDATA_DOCUMENT_TEXT_MAX_CHARS = 100
        result = extract_text(docx_bytes("Filiera corta e qualità. " * 40), extension="docx")
        assert result.status == TextExtractionStatus.DONE
        assert result.note == TextExtractionNote.TRUNCATED
        assert 0 < len(result.text) <= 100

    def test_a_file_needing_more_memory_than_allowed_fails(self, settings):
        # Past the upload checks (raised here), one text node of 200 MB must be held whole.
        settings.CORDATA_DOCUMENT_ZIP_MAX_BYTES = 2**31
        settings.CORDATA_DOCUMENT_ZIP_MAX_RATIO = 10**6
        settings.CORDATA_EXTRACTION_MEMORY_MB = 128
        body = [
            f'<w:document xmlns:w="{hostile_files.W_NS}"><w:body><w:p><w:r><w:t>'.encode(),
            *(b"a" * 2**20 for _ in range(200)),
            b"</w:t></w:r></w:p></w:body></w:document>",
        ]
        result = extract_text(hostile_files.docx_package(iter(body)), extension="docx")
        assert (result.status, result.note) == (
            TextExtractionStatus.FAILED,
            TextExtractionNote.MEMORY,
        )
        assert result.text == ""

    def test_a_file_taking_longer_than_allowed_fails(self, settings):
        settings.CORDATA_DOCUMENT_ZIP_MAX_BYTES = 2**31
        settings.CORDATA_DOCUMENT_ZIP_MAX_RATIO = 10**6
        settings.CORDATA_DOCUMENT_TEXT_MAX_CHARS = 10**9
        settings.CORDATA_EXTRACTION_TIMEOUT_SECONDS = 1
        body = hostile_files.document_xml("x" for _ in range(600_000))
        result = extract_text(hostile_files.docx_package(body), extension="docx")
        assert (result.status, result.note) == (
            TextExtractionStatus.FAILED,
            TextExtractionNote.TIMEOUT,
        )

    def test_an_external_entity_is_never_read(self, settings):
        # Even a file that predates the upload checks is parsed with entities forbidden.
        package = hostile_files.docx_package(hostile_files.external_entity_xml())
        result = extract_text(package, extension="docx")
        assert (result.status, result.note) == (
            TextExtractionStatus.FAILED,
            TextExtractionNote.XML_DTD,
        )
        assert "root:" not in result.text

    def test_an_honest_pdf_is_read_by_the_child(self, settings):
        result = extract_text(pdf_bytes("Relazione di Bielsko-Biala"), extension="pdf")
        assert result.status == TextExtractionStatus.DONE
        assert "Bielsko-Biala" in result.text
        assert result.peak_kib > 0
