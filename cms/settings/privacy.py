"""Settings for private content: document serving, uploads, view restrictions and accounts.

Who may see what is decided by `cms.core.privacy`; these settings make sure no other channel
(a media URL, an inline HTML file, a shared password) opens a way around it.
"""

# Documents are always served through Django so that collection privacy is checked on every
# download; never "direct" or "redirect", which would hand out the storage URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# What may be uploaded at all (admin and workspaces alike).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "txt"]
# Only PDFs open in the browser; anything else, HTML and SVG included (they could run script
# under the site's origin), is downloaded as an attachment.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# Shared passwords would be a second, weaker privacy channel: only login and groups restrict.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# Besides a group's members, these auth groups may enter every workspace and read its
# documents: the project staff who pick what gets published.
CORDATA_WORKSPACE_STAFF_GROUPS = ("Editors", "Moderators")

# Front-end accounts (partners): pages under /<lang>/account/.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_home"
# A set-password link from an invitation stays valid for a week.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 60 * 60
