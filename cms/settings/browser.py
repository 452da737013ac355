"""Browser-side defences: the Content-Security-Policy and Permissions-Policy every response
carries, and the embed providers those policies let into a page.

The public site (`/it/`, `/en/`, search, accounts, error pages, the API and its docs, Django's
admin) runs no inline script or style: its policy allows only files from this origin, plus the
video players of the embed block. A `<script>`, handler or `style` attribute slipped into a
page, by an editor's markup or an injection, is refused by the browser. Wagtail's admin runs
inline scripts and inserts styles it cannot mark with a nonce, so `/admin/` has a policy of its
own that allows those, and still nothing from another origin. A page preview keeps the public
policy, framed by the admin. `cms.core.browser_policy.AreaContentSecurityPolicyMiddleware`
picks the policy; document downloads keep Wagtail's own `default-src 'none'`.
"""

from csp import constants as csp

# Plain data (Wagtail's provider list), safe to import before Django is set up.
from wagtail.embeds.oembed_providers import vimeo, youtube

from .env import env_str

# Video embeds (the body's "embed" block): YouTube and Vimeo only. Their oEmbed answer is an
# iframe of the player, which `frame-src` below allows; other providers answer with scripts
# (which the policy would block) or frames of origins it does not list, so the admin refuses
# their URLs ("Cannot find an embed for this URL") instead of saving a block that shows nothing.
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]}]
# The origins of those players' iframes.
CORDATA_EMBED_FRAME_ORIGINS = ("https://www.youtube.com", "https://player.vimeo.com")

# Where browsers send violation reports (unset: no reports).
_REPORT_URI = env_str("CSP_REPORT_URI")

_PUBLIC_DIRECTIVES = {
    "default-src": [csp.SELF],
    "script-src": [csp.SELF],
    # The nonce appears only on a response whose view asked for one: the server error page,
    # which must not depend on static files, styles itself with one nonced `<style>`. Cached
    # pages never ask (a cached nonce would not match the next response's header).
    "style-src": [csp.SELF, csp.NONCE],
    "img-src": [csp.SELF],
    "font-src": [csp.SELF],
    "connect-src": [csp.SELF],
    "media-src": [csp.SELF],
    "frame-src": list(CORDATA_EMBED_FRAME_ORIGINS),
    "worker-src": [csp.NONE],
    "manifest-src": [csp.SELF],
    "object-src": [csp.NONE],
    "base-uri": [csp.SELF],
    "form-action": [csp.SELF],
    "frame-ancestors": [csp.NONE],
    "report-uri": [_REPORT_URI] if _REPORT_URI else None,
}

# Measured in Chromium (tests/browser/test_content_security.py) on the dashboard, page
# editors, choosers, the live preview, uploads and the settings pages: the page editor runs
# inline scripts (inline panels, date widgets) and its scripts insert `<style>` elements,
# none with a nonce; the image upload form previews each file from a `blob:` URL. Nothing
# needs `eval`, `data:` or another origin.
_ADMIN_DIRECTIVES = {
    **_PUBLIC_DIRECTIVES,
    "script-src": [csp.SELF, csp.UNSAFE_INLINE],
    "style-src": [csp.SELF, csp.UNSAFE_INLINE],
    "img-src": [csp.SELF, "blob:"],
    # The editor's live preview is a frame of the admin itself.
    "frame-src": [csp.SELF, *CORDATA_EMBED_FRAME_ORIGINS],
    "frame-ancestors": [csp.SELF],
}

CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PUBLIC_DIRECTIVES}
# Path prefix → the policy for everything under it, in place of the public one.
CORDATA_CONTENT_SECURITY_POLICY_AREAS = {"/admin/": _ADMIN_DIRECTIVES}
# A page preview is rendered under the public policy (editors see what visitors will get),
# with these directives replaced: the admin shows it in a frame.
CORDATA_CONTENT_SECURITY_POLICY_PREVIEW = {"frame-ancestors": [csp.SELF]}

# The admin would otherwise ask third parties on every visit: the dashboard fetches Wagtail's
# latest version from releases.wagtail.org, and avatars come from Gravatar (with a hash of
# each editor's address). Neither origin is in the policy.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Powerful features no page of the site uses, denied to it and to every frame it embeds: only
# names Chromium knows (it reports any other, e.g. "ambient-light-sensor" or "bluetooth", as an
# error on every page; tests/browser/test_content_security.py fails on it). Fullscreen,
# autoplay, picture-in-picture, encrypted media and clipboard writing keep the browser's
# defaults: the video players ask for them.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "captured-surface-control",
        "digital-credentials-create",
        "digital-credentials-get",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "private-state-token-issuance",
        "private-state-token-redemption",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "speaker-selection",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}
