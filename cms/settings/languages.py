"""Languages: `CORDATA_LANGUAGES` names them, the source language first; the rest follows.

Django's `LANGUAGE_CODE` and `LANGUAGES` and Wagtail's `WAGTAIL_CONTENT_LANGUAGES` come from it
(see `cms.core.languages`, which also says how search stems each language). An unsupported
code stops the start-up with a message naming it and the supported ones.
"""

from cms.core.languages import configured_languages

from .env import env_str

_LANGUAGES = configured_languages(env_str("CORDATA_LANGUAGES"))

CORDATA_LANGUAGES = [language.code for language in _LANGUAGES]
LANGUAGE_CODE = CORDATA_LANGUAGES[0]
LANGUAGES = [(language.code, language.name) for language in _LANGUAGES]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
