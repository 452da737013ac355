"""The server-side cache of anonymous responses: what may be kept, under which key, until when.

Only what every anonymous visitor would receive is kept: a GET answered 200 to a request that
carries no identity (no session or messages cookie, no `Authorization` header), whose response
sets no cookie and is not marked `private`, `no-store` or `no-cache`; that rule is
`cms.core.response_policy` (`may_cache`, `may_store`). Entries are keyed by the full URL
(scheme, host, path and query string) and the language the request is answered in.

Invalidation is by generation: every entry records the generation current when its request
began, and any content change (a page published, unpublished, moved or deleted, a view
restriction, a document, an image, a tag or a site changed) starts a new generation, which
retires every entry at once. Retiring everything is cheap next to working out which pages
show a changed partner or document, and it cannot miss one.

The generation must be shared by every process that serves the site. With Redis (`REDIS_URL`)
it is a key in the cache; with the per-process local-memory cache it is a small file that
every worker on the host reads (`CORDATA_RESPONSE_CACHE_GENERATION_FILE`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language_from_request

logger = logging.getLogger(__name__)

GENERATION_KEY = "cordata:responses:generation"
#: The cache alias the responses live in (`cms/settings/cache.py` defines it).
CACHE_ALIAS = "responses"

#: Models whose rows make up what visitors read: a write to any of them starts a generation.
#: (Per-request writes, such as image renditions, sessions and API token use, are not here.)
CONTENT_APPS = frozenset({"core", "home", "groups", "knowledge"})
CONTENT_MODELS = frozenset(
    {
        "wagtailcore.page",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.collectionviewrestriction",
        "wagtailcore.collection",
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailimages.image",
        "taggit.tag",
        "taggit.taggeditem",
    }
)


def enabled() -> bool:
    return settings.CORDATA_RESPONSE_CACHE_SECONDS > 0


def _cache():
    return caches[CACHE_ALIAS]


# --- Generation ---------------------------------------------------------------------------


def _generation_file() -> Path | None:
    path = settings.CORDATA_RESPONSE_CACHE_GENERATION_FILE
    return Path(path) if path else None


def _write_generation_file(path: Path) -> str:
    token = secrets.token_hex(8)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed over the old file, so a reader never sees half a token;
    # readable by all, since workers and management commands may run as different users.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w") as stream:
            stream.write(token)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
    return token


def current_generation() -> str | None:
    """The generation entries must carry to be served; None when it cannot be read, and then
    nothing is served from the cache or kept in it."""
    path = _generation_file()
    if path is not None:
        try:
            try:
                return path.read_text() or _write_generation_file(path)
            except FileNotFoundError:
                return _write_generation_file(path)
        except OSError:
            logger.exception("The response cache's generation file %s cannot be read", path)
            return None
    generation = _cache().get(GENERATION_KEY)
    if generation is None:
        # A random start: were the key ever evicted, entries of an earlier generation that
        # happened to share its number would otherwise come back to life.
        _cache().add(GENERATION_KEY, secrets.randbits(48), timeout=None)
        generation = _cache().get(GENERATION_KEY)
    return str(generation)


def _bump() -> None:
    path = _generation_file()
    if path is not None:
        try:
            _write_generation_file(path)
        except OSError:
            # The change itself must not fail; but until the file is writable again other
            # workers may serve what they kept (for RESPONSE_CACHE_SECONDS at most).
            logger.exception("The response cache's generation file %s cannot be written", path)
        return
    try:
        _cache().incr(GENERATION_KEY)
    except ValueError:
        _cache().add(GENERATION_KEY, secrets.randbits(48), timeout=None)


def invalidate() -> None:
    """Retire every cached response, now and again when the current transaction commits.

    The second time covers a request that rendered the old rows while the transaction was
    still open and stored them under the new generation.
    """
    if not enabled():
        return
    _bump()
    transaction.on_commit(_bump)


# --- Keys ---------------------------------------------------------------------------------


def cache_key(request) -> str | None:
    """The entry's key: full URL and answering language; None when the host is not allowed."""
    try:
        url = request.build_absolute_uri()
    except DisallowedHost:
        return None
    language = get_language_from_request(request, check_path=True)
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"cordata:response:{language}:{digest}"


# --- Storing and serving ------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A stored response: the parts needed to answer again, and the generation it belongs to."""

    generation: str
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    def response(self) -> HttpResponse:
        return HttpResponse(self.content, status=self.status, headers=dict(self.headers))


def fetch(request, *, key: str, generation: str) -> HttpResponse | None:
    """The cached response for `key` if it belongs to `generation` (a 304 when it matches
    the request's `If-None-Match`)."""
    entry = _cache().get(key)
    if not isinstance(entry, Entry) or entry.generation != generation:
        return None
    response = entry.response()
    etag = response.get("ETag")
    if etag:
        return get_conditional_response(request, etag=etag, response=response)
    return response


def store(response, *, key: str, generation: str) -> None:
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() != "set-cookie"
    )
    entry = Entry(generation, response.status_code, headers, response.content)
    _cache().set(key, entry, timeout=settings.CORDATA_RESPONSE_CACHE_SECONDS)


# --- Invalidation signals -----------------------------------------------------------------


def _is_content(model) -> bool:
    meta = model._meta
    return meta.app_label in CONTENT_APPS or meta.label_lower in CONTENT_MODELS


def _content_changed(sender, **kwargs) -> None:
    if _is_content(sender):
        invalidate()


def _m2m_changed(sender, instance, action, model, **kwargs) -> None:
    # `sender` is the through model; the change matters when either side is content (a
    # restriction's groups may be changed from the group's side).
    if action.startswith("post_") and (_is_content(type(instance)) or _is_content(model)):
        invalidate()


def _page_event(sender, **kwargs) -> None:
    invalidate()


def connect() -> None:
    """Wire invalidation to content changes (called once, from the app config)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_content_changed, dispatch_uid="cordata_responses_save")
    post_delete.connect(_content_changed, dispatch_uid="cordata_responses_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="cordata_responses_m2m")
    # Publishing and moving write through querysets too, which send no post_save.
    page_published.connect(_page_event, dispatch_uid="cordata_responses_published")
    page_unpublished.connect(_page_event, dispatch_uid="cordata_responses_unpublished")
    post_page_move.connect(_page_event, dispatch_uid="cordata_responses_moved")
