"""Middleware applying the response policy (`cms.core.response_policy`): anonymous responses
answered from the response cache (`cms.core.cache`), signed-in people's responses kept private.
"""

from cms.core import cache

from .response_policy import mark_private_if_signed_in, may_cache, may_store


class AnonymousResponseCacheMiddleware:
    """Serves and keeps responses that every anonymous visitor receives alike.

    It sits after CORS and before sessions: a hit skips sessions, language negotiation,
    authentication and the view, while the security, static-file and CORS headers are still
    added to every response on its way out. See `cms.core.response_policy` for what may be
    kept and `cms.core.cache` for how and until when.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cache.enabled() or not may_cache(request):
            return self.get_response(request)
        key = cache.cache_key(request)
        if key is None:
            return self.get_response(request)
        # Read before the view runs: an entry rendered while the content changed carries the
        # old generation and is never served.
        generation = cache.current_generation()
        if generation is None:
            return self.get_response(request)
        cached = cache.fetch(request, key=key, generation=generation)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if may_store(request, response):
            cache.store(response, key=key, generation=generation)
        return response


class SignedInResponsesArePrivateMiddleware:
    """Marks every response to someone signed in `Cache-Control: private, no-store`
    (`response_policy.mark_private_if_signed_in`); it sits after authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return mark_private_if_signed_in(request, self.get_response(request))
