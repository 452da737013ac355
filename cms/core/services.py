"""Writes shared by every content area: translations (saving, syncing, PO import) and roles."""

import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polib
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from .translation_markup import TranslationRefused, markup_problems

EDITORS = "Editors"
TRANSLATORS = "Translators"
# Editors write and submit Italian pages; publishing is a moderator's decision.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Translators own the translated trees, publishing included.
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def _publish_latest(page: Page, *, user: AbstractBaseUser | None = None) -> None:
    # Published here rather than through wagtail-localize's `transaction.on_commit`, so the
    # page is live as soon as this returns, also inside an enclosing transaction.
    page.get_latest_revision().publish(user=user, skip_permission_checks=True)


@transaction.atomic
def translation_save(
    *, translation: Translation, user: AbstractBaseUser | None = None, publish: bool = True
) -> Page:
    """Write `translation`'s target page from the source and the translated strings.

    Strings not translated yet fall back to the source text. With `publish`, the page is live
    when this returns; without, its live version stays as it was and the result is a new
    draft revision (the page is then out of date until published).
    """
    source = translation.source
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
    if publish or target is None:
        translation.save_target(user=user, publish=False)
        target = translation.get_target_instance()
        if publish:
            _publish_latest(target, user=user)
            target.refresh_from_db()
        return target
    # wagtail-localize saves the page row itself, which is what visitors see: build the
    # translated page in memory and store it as a revision only.
    draft = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    draft.save_revision(user=user)
    source.update_target_view_restrictions(translation.target_locale)
    return draft


@transaction.atomic
def translation_sync(
    *, page: Page, user: AbstractBaseUser | None = None, publish: bool = False
) -> list[Page]:
    """Bring every translation of `page` (a source page) in step with its live content.

    The translation source is refreshed from the page, so the strings that changed wait for a
    translator while the translations of unchanged strings are kept; synchronised fields
    (dates, country, relations) are copied. Without `publish`, each translation gets a draft
    and stays out of date until a translator publishes it. Returns the translated pages.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return []
    source.update_from_db()
    return [
        translation_save(translation=translation, user=user, publish=publish)
        for translation in source.translations.filter(enabled=True).select_related(
            "target_locale", "source"
        )
    ]


@transaction.atomic
def translation_roles_ensure(*, source_home: Page, translated_homes: Iterable[Page]) -> int:
    """Page permissions of the Editors and Translators groups; returns how many rows changed.

    Editors may add and edit pages under the source-language home, and nowhere else (Wagtail's
    initial permissions on the tree root would let them edit every language). Translators may
    add, edit and publish under each translated home and have no permission on the source tree.
    The groups themselves and their admin-wide permissions come from a data migration.
    """
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    codenames = set(EDITOR_PAGE_PERMISSIONS) | set(TRANSLATOR_PAGE_PERMISSIONS)
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
    }
    wanted = {(editors.pk, source_home.pk, permissions[c].pk) for c in EDITOR_PAGE_PERMISSIONS}
    for home in translated_homes:
        wanted |= {
            (translators.pk, home.pk, permissions[c].pk) for c in TRANSLATOR_PAGE_PERMISSIONS
        }

    current = GroupPagePermission.objects.filter(group__in=[editors, translators])
    existing = set(current.values_list("group_id", "page_id", "permission_id"))
    stale = existing - wanted
    for group_id, page_id, permission_id in stale:
        current.filter(group_id=group_id, page_id=page_id, permission_id=permission_id).delete()
    missing = wanted - existing
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group_id=group_id, page_id=page_id, permission_id=permission_id)
        for group_id, page_id, permission_id in missing
    )
    return len(stale) + len(missing)


class POImportError(TranslationRefused):
    """A PO file that cannot be imported into a translation; nothing of it was imported."""


@dataclass(frozen=True)
class POImportResult:
    """What an accepted PO file changed."""

    translated: int
    ignored: int


def _invalid_po(reason: str) -> POImportError:
    return POImportError(
        _("This file is not a valid PO file (%(reason)s); nothing was imported.")
        % {"reason": reason}
    )


def _msgstr_line(entry: polib.POEntry, lines: Sequence[str]) -> int:
    """The line of `entry`'s translation (polib numbers an entry from its first line, which
    may be a comment or its context)."""
    for number in range(entry.linenum, len(lines) + 1):
        if lines[number - 1].lstrip().startswith("msgstr"):
            return number
    return entry.linenum


def _parse_po(content: bytes) -> polib.POFile:
    # polib takes either a path or the file's text: given text that names a file, it would
    # read that file, so the upload goes through a temporary file of its own.
    with tempfile.NamedTemporaryFile(suffix=".po") as handle:
        handle.write(content)
        handle.flush()
        try:
            return polib.pofile(handle.name, encoding="utf-8")
        except UnicodeDecodeError as error:
            raise _invalid_po(_("it is not UTF-8 text")) from error
        except (OSError, ValueError) as error:
            # polib's message names the temporary file; only the line number helps.
            line = re.search(r"line (\d+)", str(error))
            reason = (
                _("syntax error on line %(line)s") % {"line": line.group(1)}
                if line
                else _("syntax error")
            )
            raise _invalid_po(reason) from error


@transaction.atomic
def translation_po_import(
    *, translation: Translation, content: bytes, user: AbstractBaseUser | None = None
) -> POImportResult:
    """Import the translated strings of a PO file exported from `translation`.

    The whole file is refused, and nothing changes, when it is not a PO file, when it was
    exported from another page or language (wagtail-localize writes the translation's id in
    the header), or when any translation is not safe markup for its string
    (`translation_markup.markup_problems`); the error then lists each such entry with its line
    and why. Strings the page no longer has (the file predates a sync) are ignored and counted.
    """
    if not content.strip():
        raise POImportError(_("The file is empty; nothing was imported."))
    po = _parse_po(content)
    file_translation = po.metadata.get("X-WagtailLocalize-TranslationID")
    if not file_translation:
        raise POImportError(
            _(
                "This PO file was not downloaded from this translation (it has no "
                "X-WagtailLocalize-TranslationID header); nothing was imported."
            )
        )
    if file_translation != str(translation.uuid):
        raise POImportError(
            _(
                "This PO file belongs to another page or language; download the PO file of "
                "this translation and translate that one. Nothing was imported."
            )
        )

    # Obsolete entries (`#~`) are strings the file's own source no longer has: wagtail-localize
    # would import them all the same.
    for entry in po.obsolete_entries():
        po.remove(entry)
    entries = [entry for entry in po if entry.msgstr]
    refused = [
        (entry, problems)
        for entry in entries
        if (problems := markup_problems(source=entry.msgid, translation=entry.msgstr))
    ]
    if refused:
        lines = content.decode("utf-8").splitlines()
        raise POImportError(
            ngettext(
                "%(count)d translation would break the page, so nothing was imported:",
                "%(count)d translations would break the page, so nothing was imported:",
                len(refused),
            )
            % {"count": len(refused)},
            details=[
                _("Line %(line)d, “%(msgid)s”: %(problems)s.")
                % {
                    "line": _msgstr_line(entry, lines),
                    "msgid": Truncator(entry.msgid).chars(120),
                    "problems": "; ".join(problems),
                }
                for entry, problems in refused
            ],
        )

    current = {
        (segment.string.data, segment.context.path)
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"
        )
    }
    known = [entry for entry in entries if (entry.msgid, entry.msgctxt) in current]
    translation.import_po(po, user=user, tool_name="PO File")
    return POImportResult(translated=len(known), ignored=len(entries) - len(known))
