"""Uploading to a workspace: what is accepted, what is refused (with a message, and with
nothing stored: no row, no file), and who may change a document's details afterwards."""

import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from cms.knowledge.models import ProjectDocument
from tests.factories import ProjectDocumentFactory, docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def _files_on_disk(settings) -> set[str]:
    root = os.path.join(settings.MEDIA_ROOT, "documents")
    if not os.path.isdir(root):
        return set()
    return {name for _dirs, _subdirs, names in os.walk(root) for name in names}


def _odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _ooxml_bytes(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<x/>")
    return buffer.getvalue()


VALID = {
    "verbale.pdf": pdf_bytes("Verbale della riunione di Lodi"),
    "bozza.docx": docx_bytes("Bozza del piano strategico"),
    "appunti.odt": _odt_bytes(),
    "budget.xlsx": _ooxml_bytes("xl/workbook.xml"),
    "presentazione.pptx": _ooxml_bytes("ppt/presentation.xml"),
    "note.txt": "Note dell'incontro: filiera corta e qualità.".encode(),
}

REFUSED = {
    # name: (content, error code)
    "programma.exe": (b"MZ\x90\x00binary", "file_type"),
    "pagina.html": (b"<script>alert(1)</script>", "file_type"),
    "logo.svg": (b"<svg onload='alert(1)'/>", "file_type"),
    "senza-estensione": (b"%PDF-1.4 ...", "file_type"),
    "vuoto.pdf": (b"", "empty"),
    "falso.pdf": (b"Questo non e' un PDF", "corrupt"),
    "troncato.pdf": (pdf_bytes("Verbale")[:200], "corrupt"),
    "falso.docx": (b"PK\x03\x04 not really a zip", "corrupt"),
    "foglio-come-testo.docx": (_ooxml_bytes("xl/workbook.xml"), "corrupt"),
    "zip-qualsiasi.odt": (_ooxml_bytes("word/document.xml"), "corrupt"),
    "binario.txt": (b"\x00\x01\x02\x03", "corrupt"),
}


def _upload(client, workspace, name, content, **fields):
    data = {"language": "it", "kind": "minutes", "title": "", "description": "", "tags": ""}
    data.update(fields)
    data["file"] = SimpleUploadedFile(name, content)
    return client.post(f"{workspace.url}upload/", data)


@pytest.mark.parametrize("name", VALID)
def test_a_member_uploads_each_allowed_type(client_for, groups, people, settings, name):
    client = client_for("member")
    response = _upload(
        client, groups.agri_workspace, name, VALID[name], tags="bozza, filiera corta"
    )
    assert response.status_code == 303, response.content[:500]
    document = ProjectDocument.objects.get()
    assert document.collection_id == groups.agri_workspace.collection_id
    assert document.thematic_group_id == groups.agri.pk
    assert document.uploaded_by_user == people.member
    assert document.file_size == len(VALID[name])
    assert set(document.tags.names()) == {"bozza", "filiera corta"}
    assert len(_files_on_disk(settings)) == 1
    # The new document is in the list, and private to the group.
    listing = client.get(groups.agri_workspace.url).content.decode()
    assert document.title in listing
    client_for("outsider")
    assert client.get(document.url).status_code == 404


@pytest.mark.parametrize("name", REFUSED)
def test_refused_uploads_store_nothing(client_for, groups, settings, name):
    content, code = REFUSED[name]
    response = _upload(client_for("member"), groups.agri_workspace, name, content)
    assert response.status_code == 400
    errors = response.context["upload_form"].errors.as_data()["file"]
    assert [error.code for error in errors] == [code]
    message = errors[0].message % (errors[0].params or {})
    assert escape(message) in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert not ProjectDocument.objects.exists()
    assert _files_on_disk(settings) == set()


def test_oversize_uploads_are_refused(client_for, groups, settings):
    settings.CORDATA_UPLOAD_MAX_BYTES = 1024
    content = pdf_bytes("Verbale " * 200)
    assert len(content) > 1024
    response = _upload(client_for("member"), groups.agri_workspace, "grande.pdf", content)
    assert response.status_code == 400
    errors = response.context["upload_form"].errors.as_data()["file"]
    assert [error.code for error in errors] == ["too_large"]
    assert "MB" in response.content.decode()
    assert not ProjectDocument.objects.exists()
    assert _files_on_disk(settings) == set()


def test_a_missing_file_is_a_message(client_for, groups):
    response = client_for("member").post(
        f"{groups.agri_workspace.url}upload/", {"language": "it", "kind": "minutes"}
    )
    assert response.status_code == 400
    assert response.context["upload_form"].errors["file"]
    assert not ProjectDocument.objects.exists()


def test_a_failing_save_leaves_no_file(client_for, groups, settings, monkeypatch):
    def broken_save(self, *args, **kwargs):
        # The file reaches storage when the row is saved; then the database refuses the row.
        self.file.save(self.file.name, self.file.file, save=False)
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(ProjectDocument, "save", broken_save)
    with pytest.raises(RuntimeError):
        _upload(client_for("member"), groups.agri_workspace, "verbale.pdf", VALID["verbale.pdf"])
    assert _files_on_disk(settings) == set()


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_people_outside_the_group_cannot_upload(client_for, groups, settings, who):
    response = _upload(client_for(who), groups.agri_workspace, "verbale.pdf", VALID["verbale.pdf"])
    assert response.status_code == (302 if who == "anonymous" else 403)
    assert not ProjectDocument.objects.exists()
    assert _files_on_disk(settings) == set()


class TestMetadata:
    """Members change the details of the documents they uploaded, and of no other."""

    @pytest.fixture
    def uploaded(self, client_for, groups, people):
        _upload(client_for("member"), groups.agri_workspace, "verbale.pdf", VALID["verbale.pdf"])
        return ProjectDocument.objects.get()

    def test_the_uploader_edits_the_details(self, client_for, groups, uploaded):
        client = client_for("member")
        url = f"{groups.agri_workspace.url}documents/{uploaded.pk}/"
        form = client.get(url)
        assert form.status_code == 200
        assert "no-store" in form["Cache-Control"]
        response = client.post(
            url,
            {
                "title": "Verbale dell'exchange forum di Lodi",
                "description": "Approvato dai partner.",
                "language": "en",
                "kind": "report",
                "tags": "lodi, verbale",
            },
        )
        assert response.status_code == 303
        uploaded.refresh_from_db()
        assert uploaded.title == "Verbale dell'exchange forum di Lodi"
        assert (uploaded.language, uploaded.kind) == ("en", "report")
        assert set(uploaded.tags.names()) == {"lodi", "verbale"}

    def test_invalid_details_answer_400(self, client_for, groups, uploaded):
        url = f"{groups.agri_workspace.url}documents/{uploaded.pk}/"
        response = client_for("member").post(
            url, {"title": "", "language": "klingon", "kind": "report"}
        )
        assert response.status_code == 400
        assert set(response.context["form"].errors) == {"title", "language"}

    def test_another_member_cannot(self, client_for, groups, people, uploaded):
        from tests.workspace_content import partner_user

        colleague = partner_user("collega", groups.ptp)
        client = client_for("anonymous")
        client.force_login(colleague)
        url = f"{groups.agri_workspace.url}documents/{uploaded.pk}/"
        assert client.get(url).status_code == 403
        response = client.post(url, {"title": "Cambiato", "language": "it", "kind": "report"})
        assert response.status_code == 403
        uploaded.refresh_from_db()
        assert uploaded.title != "Cambiato"

    def test_documents_of_other_workspaces_are_not_found(self, client_for, groups, uploaded):
        url = f"{groups.energy_workspace.url}documents/{uploaded.pk}/"
        # The member is not in Energia e Ambiente: the workspace itself is closed to them.
        assert client_for("member").get(url).status_code == 403
        assert client_for("editor").get(url).status_code == 404

    def test_the_list_offers_editing_only_for_ones_own(self, client_for, groups, uploaded):
        other = ProjectDocumentFactory(
            title="Documento caricato da altri", collection=groups.agri_workspace.collection
        )
        html = client_for("member").get(groups.agri_workspace.url).content.decode()
        edit_url = f"{groups.agri_workspace.url}documents/{{pk}}/"
        assert edit_url.format(pk=uploaded.pk) in html
        assert edit_url.format(pk=other.pk) not in html


class TestFilters:
    @pytest.fixture
    def library(self, groups, people):
        collection = groups.agri_workspace.collection
        minutes = ProjectDocumentFactory(
            title="Verbale in italiano", collection=collection, kind="minutes", language="it"
        )
        minutes.tags.add("lodi")
        report = ProjectDocumentFactory(
            title="Report in English", collection=collection, kind="report", language="en"
        )
        ProjectDocument.objects.filter(pk=report.pk).update(created_at="2011-10-25T10:00:00Z")
        return minutes, report

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({}, {"Verbale in italiano", "Report in English"}),
            ({"kind": "minutes"}, {"Verbale in italiano"}),
            ({"language": "en"}, {"Report in English"}),
            ({"tag": "lodi"}, {"Verbale in italiano"}),
            ({"year": "2011"}, {"Report in English"}),
            ({"kind": "report", "language": "it"}, set()),
        ],
    )
    def test_filters_narrow_the_list(self, client_for, groups, library, query, expected):
        response = client_for("member").get(groups.agri_workspace.url, query)
        assert response.status_code == 200
        titles = {document.title for document in response.context["items"]}
        assert titles == expected

    @pytest.mark.parametrize(
        "query",
        [{"kind": "banana"}, {"language": "xx"}, {"year": "duemila"}, {"tag": "no spaces"}],
    )
    def test_bad_values_answer_400_with_a_message(self, client_for, groups, library, query):
        response = client_for("member").get(groups.agri_workspace.url, query)
        assert response.status_code == 400
        form = response.context["filter_form"]
        assert form.errors
        for errors in form.errors.values():
            assert escape(errors[0]) in response.content.decode()
