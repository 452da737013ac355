"""Middleware that answers anonymous requests from the response cache (`cms.core.cache`)."""

from cms.core import cache


class AnonymousResponseCacheMiddleware:
    """Serves and keeps responses that every anonymous visitor receives alike.

    It sits after CORS and before sessions: a hit skips sessions, language negotiation,
    authentication and the view, while the security, static-file and CORS headers are still
    added to every response on its way out. See `cms.core.cache` for what is kept and when
    it is retired.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cache.enabled() or not cache.request_is_anonymous_and_cacheable(request):
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
        if cache.response_is_public(request, response):
            cache.store(response, key=key, generation=generation)
        return response
