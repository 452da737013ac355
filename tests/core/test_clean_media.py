"""`manage.py clean_media`: files no row references and temporary leftovers, older than the grace
period, are listed (dry run) and removed with --delete; referenced and recent files stay."""

import io
import os
import time
from pathlib import Path

import pytest
import wagtail_factories
from django.core.management import CommandError, call_command

from tests.factories import ProjectDocumentFactory

pytestmark = pytest.mark.django_db

DAY = 24 * 60 * 60


def _write(root: Path, name: str, *, age: float, data: bytes = b"x" * 10) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def _age(path: Path, seconds: float) -> None:
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


@pytest.fixture
def media(settings):
    """Referenced files (a document, an image and its rendition), all two days old, beside
    orphans and temporary leftovers of different ages."""
    root = Path(settings.MEDIA_ROOT)
    document = ProjectDocumentFactory(title="Piano strategico ICT")
    image = wagtail_factories.ImageFactory(title="Logo")
    rendition = image.get_rendition("max-100x100")
    referenced = [root / document.file.name, root / image.file.name, root / rendition.file.name]
    for path in referenced:
        _age(path, 2 * DAY)
    orphans = [
        _write(root, "documents/verbale-senza-riga.pdf", age=2 * DAY),
        _write(root, "original_images/foto-senza-riga.jpg", age=3 * DAY),
        _write(root, "tmp/upload-abc123.upload.pdf", age=2 * DAY),
    ]
    recent = [
        _write(root, "documents/in-arrivo.pdf", age=60),
        _write(root, "tmp/upload-in-corso.upload.docx", age=60),
    ]
    # Old files outside the upload folders are never anyone's orphans (an operator's database
    # or configuration kept beside the media, say).
    outside = [
        _write(root, "db.sqlite3", age=30 * DAY),
        _write(root, "backup/.htaccess", age=9 * DAY),
    ]
    return referenced + outside, orphans, recent


def _run(*args) -> str:
    output = io.StringIO()
    call_command("clean_media", *args, stdout=output)
    return output.getvalue()


def test_a_dry_run_lists_old_orphans_and_removes_nothing(media, settings):
    referenced, orphans, recent = media
    output = _run()
    root = Path(settings.MEDIA_ROOT)
    for path in orphans:
        assert path.relative_to(root).as_posix() in output
        assert path.exists()
    for path in referenced + recent:
        assert path.relative_to(root).as_posix() not in output
    assert "3 files (30 bytes) could be removed; run with --delete" in output.replace("\xa0", " ")
    assert "temporary" in output and "unreferenced" in output


def test_delete_removes_only_old_orphans(media):
    referenced, orphans, recent = media
    output = _run("--delete")
    assert "3 files" in output and "removed" in output
    assert not any(path.exists() for path in orphans)
    assert all(path.exists() for path in referenced + recent)


def test_the_grace_period_can_be_shortened(media):
    referenced, orphans, recent = media
    _run("--delete", "--grace-hours", "0")
    assert not any(path.exists() for path in orphans + recent)
    assert all(path.exists() for path in referenced)


def test_a_row_committed_meanwhile_keeps_its_file(media, settings):
    from cms.core.media import media_orphans, media_orphans_delete

    orphans = media_orphans(grace_seconds=DAY)
    late = Path(settings.MEDIA_ROOT) / "documents/verbale-senza-riga.pdf"
    ProjectDocumentFactory(title="Verbale arrivato tardi", file="documents/verbale-senza-riga.pdf")
    media_orphans_delete(orphans)
    assert late.exists()


def test_a_negative_grace_period_is_refused(media):
    with pytest.raises(CommandError, match="cannot be negative"):
        _run("--grace-hours", "-1")
