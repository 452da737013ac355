"""The text inside documents: every format, broken files, and extraction on every save."""

import io

import pytest
from django.core.management import call_command

from cms.knowledge.extraction import extract_text
from cms.knowledge.models import ProjectDocument, TextExtractionNote, TextExtractionStatus
from tests.factories import (
    ProjectDocumentFactory,
    blank_pdf_bytes,
    docx_bytes,
    encrypted_pdf_bytes,
    odt_bytes,
    pdf_bytes,
    upload,
)

TEXT = "Verbale del forum di Stoccarda sulla qualità dei cluster"

FILES = {
    "pdf": lambda text: pdf_bytes(text),
    "docx": lambda text: docx_bytes(text),
    "odt": lambda text: odt_bytes(text),
    "txt": lambda text: text.encode("utf-8"),
}


class TestFormats:
    @pytest.mark.parametrize("extension", ["pdf", "docx", "odt", "txt"])
    def test_each_format_gives_its_text(self, extension):
        result = extract_text(FILES[extension](TEXT), extension=extension)
        assert result.status == TextExtractionStatus.DONE
        assert "Stoccarda" in result.text
        assert "qualità" in result.text

    def test_odt_headings_and_paragraphs_keep_their_order(self):
        data = odt_bytes("Primo paragrafo.", "Secondo paragrafo.", heading="Titolo")
        text = extract_text(data, extension="odt").text
        assert text.index("Titolo") < text.index("Primo") < text.index("Secondo")

    def test_docx_tables_are_read(self):
        import docx

        document = docx.Document()
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text = "Slovenia"
        table.rows[0].cells[1].text = "Agenzia regionale"
        buffer = io.BytesIO()
        document.save(buffer)
        assert "Agenzia regionale" in extract_text(buffer.getvalue(), extension="docx").text

    @pytest.mark.parametrize(
        ("data", "encoding"),
        [("Città e qualità".encode("cp1252"), "cp1252"), ("Città".encode("utf-16"), "utf-16")],
    )
    def test_plain_text_in_other_encodings(self, data, encoding):
        assert extract_text(data, extension="txt").text.startswith("Citt")

    def test_an_empty_password_pdf_is_readable(self):
        result = extract_text(encrypted_pdf_bytes(TEXT, user_password=""), extension="pdf")
        assert "Stoccarda" in result.text

    def test_control_characters_and_nul_bytes_are_removed(self):
        text = extract_text(b"Piano\x00 strategico\x07\r\n\r\n\r\n\r\nFine", extension="txt").text
        assert text == "Piano strategico\n\nFine"


class TestNoText:
    @pytest.mark.parametrize(
        ("data", "extension", "note"),
        [
            (b"", "pdf", TextExtractionNote.NO_TEXT),
            (b"%PDF-1.4\n garbage that is not a PDF", "pdf", TextExtractionNote.CORRUPT),
            (b"PK\x03\x04 not really a zip", "docx", TextExtractionNote.CORRUPT),
            (b"not an opendocument", "odt", TextExtractionNote.CORRUPT),
            (bytes(range(256)) * 8, "txt", TextExtractionNote.NO_TEXT),
            (b"   \n\n  ", "txt", TextExtractionNote.NO_TEXT),
            (pdf_bytes("Qualcosa"), "xlsx", TextExtractionNote.CORRUPT),
            (pdf_bytes("Qualcosa"), "exe", TextExtractionNote.UNSUPPORTED),
        ],
    )
    def test_broken_empty_or_unknown_files_have_no_text(self, data, extension, note):
        result = extract_text(data, extension=extension)
        assert (result.text, result.status, result.note) == (
            "",
            TextExtractionStatus.FAILED,
            note,
        )

    def test_an_encrypted_pdf_has_no_text(self):
        data = encrypted_pdf_bytes(TEXT, user_password="segreto")
        result = extract_text(data, extension="pdf")
        assert (result.status, result.note) == (
            TextExtractionStatus.FAILED,
            TextExtractionNote.ENCRYPTED,
        )

    def test_a_pdf_without_text_layer_has_no_text(self):
        result = extract_text(blank_pdf_bytes(), extension="pdf")
        assert (result.status, result.note) == (
            TextExtractionStatus.FAILED,
            TextExtractionNote.NO_TEXT,
        )


@pytest.mark.django_db
class TestOnSave:
    def test_a_new_document_is_extracted_when_saved(self):
        document = ProjectDocumentFactory(file=upload("verbale.docx", docx_bytes(TEXT)))
        document.refresh_from_db()
        assert document.text_status == TextExtractionStatus.DONE
        assert "Stoccarda" in document.extracted_text

    @pytest.mark.parametrize(
        ("name", "data"),
        [
            ("cifrato.pdf", encrypted_pdf_bytes(TEXT, user_password="segreto")),
            ("rotto.pdf", b"%PDF-1.7 truncated"),
            ("vuoto.txt", b""),
        ],
    )
    def test_broken_files_are_saved_without_text(self, name, data):
        document = ProjectDocumentFactory(file=upload(name, data))
        document.refresh_from_db()
        assert document.pk is not None
        assert document.file.name.endswith(name.rsplit(".", 1)[1])
        assert (document.extracted_text, document.text_status) == ("", TextExtractionStatus.FAILED)
        assert document.text_note

    def test_saving_other_fields_does_not_read_the_file_again(self, django_assert_max_num_queries):
        document = ProjectDocumentFactory(file=upload("piano.pdf", pdf_bytes(TEXT)))
        ProjectDocument.objects.filter(pk=document.pk).update(extracted_text="testo curato a mano")
        document.refresh_from_db()
        document.title = "Nuovo titolo"
        document.save()
        document.refresh_from_db()
        assert document.extracted_text == "testo curato a mano"

    def test_a_replaced_file_is_extracted_again(self):
        document = ProjectDocumentFactory(file=upload("piano.pdf", pdf_bytes("Prima versione")))
        document.file = upload("piano-v2.odt", odt_bytes("Seconda versione del piano"))
        document.save()
        document.refresh_from_db()
        assert "Seconda versione" in document.extracted_text

    def test_a_save_limited_to_the_file_stores_the_text_too(self):
        document = ProjectDocumentFactory(file=upload("piano.pdf", pdf_bytes("Prima versione")))
        document.file = upload("piano.txt", b"Testo semplice")
        document.save(update_fields=["file"])
        document.refresh_from_db()
        assert document.extracted_text == "Testo semplice"


@pytest.mark.django_db
def test_the_command_extracts_every_document_again():
    first = ProjectDocumentFactory(file=upload("uno.txt", b"Primo documento"))
    second = ProjectDocumentFactory(file=upload("due.pdf", b"%PDF-1.4 rotto"))
    ProjectDocument.objects.update(extracted_text="", text_status=TextExtractionStatus.PENDING)
    output = io.StringIO()
    call_command("extract_text", stdout=output)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.extracted_text == "Primo documento"
    assert second.text_status == TextExtractionStatus.FAILED
    assert "[##############################] 2/2" in output.getvalue()
    assert "2 documents: 1 with text, 1 whose text could not be read." in output.getvalue()
