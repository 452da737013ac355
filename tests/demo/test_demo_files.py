"""Demo files are the same bytes in every process, whatever else the process has read or written."""

import io
import subprocess
import sys

import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.opendocument import load as odf_load
from odf.table import Table, TableCell, TableRow
from odf.text import P

from cms.demo.files import DocumentText, Section, render

TEXT = DocumentText(
    title="Verbale dell'exchange forum",
    subtitle="Gruppo tematico agroalimentare",
    sections=(Section(heading="Partecipanti", paragraphs=("Dieci partner.", "Otto paesi.")),),
)

FRESH_PROCESS_RENDER = """
import sys
from cms.demo.files import DocumentText, Section, render
text = DocumentText(
    title="Verbale dell'exchange forum",
    subtitle="Gruppo tematico agroalimentare",
    sections=(Section(heading="Partecipanti", paragraphs=("Dieci partner.", "Otto paesi.")),),
)
sys.stdout.buffer.write(render(text, file_format=sys.argv[1]))
"""


def _rendered_in_a_fresh_process(file_format: str) -> bytes:
    return subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS_RENDER, file_format],
        check=True,
        capture_output=True,
    ).stdout


def _handle_an_unrelated_spreadsheet() -> None:
    """Write and read back an ODS, as an extraction test or an upload would."""
    spreadsheet = OpenDocumentSpreadsheet()
    table = Table(name="Partner")
    row = TableRow()
    cell = TableCell()
    cell.addElement(P(text="Milano Metropoli"))
    row.addElement(cell)
    table.addElement(row)
    spreadsheet.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    spreadsheet.write(buffer)
    odf_load(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize("file_format", ["odt", "docx", "pdf"])
def test_a_file_is_the_same_bytes_as_in_a_fresh_process(file_format):
    _handle_an_unrelated_spreadsheet()

    assert render(TEXT, file_format=file_format) == _rendered_in_a_fresh_process(file_format)


def test_rendering_twice_gives_the_same_bytes():
    assert render(TEXT, file_format="odt") == render(TEXT, file_format="odt")


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="Unsupported demo file format"):
        render(TEXT, file_format="rtf")
