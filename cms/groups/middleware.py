"""Responses rendered for a signed-in person are theirs alone."""

from django.utils.cache import add_never_cache_headers, cc_delim_re


class SignedInResponsesArePrivateMiddleware:
    """Marks every response to a signed-in user `Cache-Control: private, no-store`.

    Such a page may show their workspaces, their search results over private documents, their
    name and a form token in the header: no shared cache, and no browser history after they
    sign out, may keep it. Responses that already say `private` or `no-store` are left as
    they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        directives = {
            part.split("=", 1)[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if not {"private", "no-store"} <= directives:
            add_never_cache_headers(response)
        return response
