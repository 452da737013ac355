"""Translating pages as translators do: English versions made through wagtail-localize, PO files
exported and imported through the admin, and translators with the admin in English."""

from collections.abc import Callable

import polib
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from cms.core.services import translation_save
from tests.factories import UserFactory, locale


def english_for(text: str, path: str) -> str:
    """The test suite's "English": the Italian text marked, slugs suffixed."""
    if path == "slug":
        return f"{text}-en"
    return f"EN {text}"


def fill_strings(
    translation: Translation, english: Callable[[str, str], str] = english_for
) -> None:
    """Give every string segment of `translation`'s source a translation."""
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        text = segment.string.as_value().render_text()
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": StringValue.from_plaintext(english(text, segment.context.path)).data},
        )


def translation_of(page: Page) -> Translation:
    """The translation of `page` into English, its source up to date with the page."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale("en"))
    return translation


def translate(page: Page, english: Callable[[str, str], str] = english_for) -> Page:
    """The published English version of `page` (its parent must be translated already)."""
    translation = translation_of(page)
    fill_strings(translation, english)
    return translation_save(translation=translation, publish=True).specific


def submit_translation(client, page, locale) -> Translation:
    """The translation of `page` into `locale`, started as "Translate this page" does."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def download_po(client, translation: Translation) -> polib.POFile:
    """The PO file the admin offers for `translation`."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload_po(client, translation: Translation, content: bytes, *, next_url="/admin/"):
    """Upload `content` as the translated PO file of `translation`, as the admin's form does."""
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    upload = SimpleUploadedFile("translation.po", content, content_type="text/x-gettext")
    return client.post(url, {"file": upload, "next": next_url})


def shown_messages(response, *, level: int | None = None) -> list[str]:
    """The admin messages a response left, or those of one `level` (earlier steps may have left
    their own first)."""
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if level is None or message.level == level
    ]


def in_english(user):
    """`user` with the admin in English, so messages read the same whatever the catalogues hold."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def member_of(group_name: str):
    """A user in the auth group `group_name`, with the admin in English."""
    return in_english(UserFactory(groups=[Group.objects.get(name=group_name)]))
