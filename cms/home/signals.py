"""Signal handlers for press releases: publishing the Italian press release index assigns it
the moderation workflow (`cms.home.moderation`)."""

from wagtail.models import Locale
from wagtail.signals import page_published

from .models import PressReleaseIndexPage
from .moderation import press_moderation_ensure


def press_index_published(sender, instance, **kwargs):
    # Only the source-language index, not an alias or a translation, carries the workflow.
    if instance.alias_of_id is None and instance.locale_id == Locale.get_default().pk:
        press_moderation_ensure(index=instance)


def connect() -> None:
    """Wire the handlers (called once, from the app config)."""
    page_published.connect(press_index_published, sender=PressReleaseIndexPage)
