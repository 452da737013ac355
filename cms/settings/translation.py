"""Translation settings: the machine translator offered in wagtail-localize's editor, and the
document form that edits document titles in other languages.

The translator is chosen from the environment: DeepL when `DEEPL_API_KEY` is set, else
LibreTranslate when `LIBRETRANSLATE_URL` is set, else wagtail-localize's dummy translator (it
reverses the words, to try the workflow without an external service) outside production, and
none in production. Whichever it is, its results pass Cordata's markup rule before anything
is saved (`cms.core.machine_translation`).
"""

import os

from .env import env_str

DEEPL_API_KEY = env_str("DEEPL_API_KEY")
LIBRETRANSLATE_URL = env_str("LIBRETRANSLATE_URL").rstrip("/")
LIBRETRANSLATE_API_KEY = env_str("LIBRETRANSLATE_API_KEY")
# Settings modules are read after DJANGO_SETTINGS_MODULE is set (manage.py, wsgi, pytest).
_IN_PRODUCTION = os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".production")


def machine_translator(
    *, deepl_api_key: str, libretranslate_url: str, libretranslate_api_key: str, production: bool
) -> dict | None:
    """The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting for this environment (None: no button).

    The chosen translator is wrapped in `CheckedMachineTranslator`, so that its results pass
    the markup rule before anything is saved.
    """
    translator = _chosen_translator(
        deepl_api_key=deepl_api_key,
        libretranslate_url=libretranslate_url,
        libretranslate_api_key=libretranslate_api_key,
        production=production,
    )
    if translator is None:
        return None
    return {
        "CLASS": "cms.core.machine_translation.CheckedMachineTranslator",
        "OPTIONS": {"TRANSLATOR": translator},
    }


def _chosen_translator(
    *, deepl_api_key: str, libretranslate_url: str, libretranslate_api_key: str, production: bool
) -> dict | None:
    if deepl_api_key:
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_api_key},
        }
    if libretranslate_url:
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url,
                "API_KEY": libretranslate_api_key,
            },
        }
    if production:
        return None
    return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    deepl_api_key=DEEPL_API_KEY,
    libretranslate_url=LIBRETRANSLATE_URL,
    libretranslate_api_key=LIBRETRANSLATE_API_KEY,
    production=_IN_PRODUCTION,
)

# The document form adds one title field per translation language (`title_translations`).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.knowledge.admin_forms.ProjectDocumentForm"

# "Translate this page" starts an English draft: a page is published in English once a
# translator has translated it, never with the Italian text standing in.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
