"""The Content-Security-Policy of each area of the site (see `cms/settings/browser.py`)."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def area_directives(path: str) -> dict | None:
    """The directives of the area `path` lies in (longest prefix first), or None for the
    public policy (`CONTENT_SECURITY_POLICY`)."""
    areas = settings.CORDATA_CONTENT_SECURITY_POLICY_AREAS
    for prefix in sorted(areas, key=len, reverse=True):
        if path.startswith(prefix):
            return areas[prefix]
    return None


class AreaContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by the request's path.

    A page preview (Wagtail renders it through the middleware with a request flagged
    `is_dummy`, at the page's own URL) keeps the public policy with the preview's
    replacements. A view's own `@csp(...)` configuration still wins, `@csp_update` and
    `@csp_replace` apply on top of the area's policy, and a response that already carries a
    policy (a document download's `default-src 'none'`) keeps it: django-csp never
    overwrites the header.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if getattr(request, "is_dummy", False):
            # Wagtail's preview: the page's own URL, rendered for the admin's preview frame.
            parts.replace = {
                **settings.CORDATA_CONTENT_SECURITY_POLICY_PREVIEW,
                **(parts.replace or {}),
            }
        elif parts.config is None:
            directives = area_directives(request.path_info)
            if directives is not None:
                parts.config = default_config(directives)
        return parts
