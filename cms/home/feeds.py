"""The RSS feed of a press release index."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

from .selectors import press_release_list


class PressReleaseFeed(Feed):
    """The latest 20 public press releases of one index, in that index's language."""

    def __init__(self, *, index):
        super().__init__()
        self.index = index
        # The feed speaks the index's language, whichever language is active when it is served.
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index.title} — Cordata"

    def link(self):
        return self.index.get_url(request=self.request)

    def description(self):
        return _("Press releases")

    def items(self):
        # The public feed: privacy is the anonymous visitor's, whoever fetches it.
        return press_release_list(locale=self.index.locale, index=self.index)[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_categories(self, item):
        return [tag.name for tag in item.tags_by_name]
