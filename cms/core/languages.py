"""The languages Cordata is configured with, and what each one needs: the one place they are named.

`CORDATA_LANGUAGES` (environment, default `it,en`) lists the site's languages, the source
language first. The settings read it once, through `configured_languages`, and derive Django's
`LANGUAGE_CODE` and `LANGUAGES` and Wagtail's `WAGTAIL_CONTENT_LANGUAGES` from it; the URL
prefixes, the language switcher, `hreflang`, the sitemap, wagtail-localize and the APIs' `locale`
follow from those. Search reads `SUPPORTED` for each configured language's Snowball stemmer, stop
words and Elasticsearch token filters, so text is stemmed alike on every backend.

A language can be configured only if it is in `SUPPORTED`; adding one means adding its entry
here (see README, "Adding a language"). Its locale is a row (Settings → Locales in the admin),
so adding a language never needs a migration.

This module is read while the settings load: it imports nothing that needs them at import time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

#: The value of `CORDATA_LANGUAGES` when the environment does not set it.
DEFAULT_LANGUAGES = "it,en"


@dataclass(frozen=True)
class Language:
    """A language Cordata can serve, and how search treats text written in it."""

    code: str
    #: Its own name, as the language switcher and Django's `LANGUAGES` show it.
    name: str
    #: Its name in the interface's language ("Italian", translated): facets and choices.
    label: str | Promise
    #: The Snowball stemmer, as PyStemmer and Elasticsearch name it (lower case).
    snowball: str
    #: Folded (lower case, accent-free) function words dropped before stemming.
    stop_words: frozenset[str]
    #: Elasticsearch token filters applied before lower-casing, by name suffix
    #: (`cordata_<snowball>_<suffix>`): elided articles, possessives.
    elasticsearch_filters: dict[str, dict] = field(default_factory=dict)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elided articles and prepositions (l', dell', un') appear in the stop words without their
# apostrophe, because the tokeniser splits there; Elasticsearch drops them with an elision filter.
_ITALIAN_ELIDED = ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl"]
_ITALIAN_ELIDED += ["dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell"]

ITALIAN = Language(
    code="it",
    name="Italiano",
    label=_("Italian"),
    snowball="italian",
    stop_words=_words(
        """
        a ad agli agl ai al all alla alle allo anche ancora avere aveva avevano avete aveva c che
        chi ci coi col come con contro cui d da dagl dagli dai dal dall dalla dalle dallo de degl
        degli dei del dell della delle dello di dov dove e ed era erano essere gli gl ha hai hanno
        ho i il in io l la le lei li lo loro lui ma mi mia mie miei mio ne negl negli nei nel nell
        nella nelle nello noi non nostra nostre nostri nostro o ogni per perche piu poi piu quale
        quali quando quanto quella quelle quelli quello questa queste questi questo sarebbe se sei
        si sia siamo siete sono sta su sue sugl sugli sui sul sull sulla sulle sullo suo suoi ti tra
        tu tua tue tuo tuoi tutti tutto un una uno vi voi vostra vostri vostro e gia cosi cioe
        """
    ),
    elasticsearch_filters={
        "elision": {"type": "elision", "articles_case": True, "articles": _ITALIAN_ELIDED}
    },
)

ENGLISH = Language(
    code="en",
    name="English",
    label=_("English"),
    snowball="english",
    stop_words=_words(
        """
        a about above after again against all am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is
        it its itself just me more most my myself no nor not now of off on once only or other our
        ours ourselves out over own s same she should so some such t than that the their theirs
        them themselves then there these they this those through to too under until up very was we
        were what when where which while who whom why will with would you your yours yourself
        yourselves
        """
    ),
    elasticsearch_filters={"possessive": {"type": "stemmer", "language": "possessive_english"}},
)

GERMAN = Language(
    code="de",
    name="Deutsch",
    label=_("German"),
    snowball="german",
    # Folded like every list here: "für" is "fur", "daß" is "dass".
    stop_words=_words(
        """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
        anderes auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein deine
        deinem deinen deiner dem demselben den denn denselben der derer derselbe derselben des
        desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir
        doch dort du durch ein eine einem einen einer eines einig einige einigem einigen einiger
        einiges einmal er es etwas euch euer eure eurem euren eurer fur gegen gewesen hab habe
        haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres
        im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann
        kein keine keinem keinen keiner keines konnen konnte machen man manche manchem manchen
        mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste nach nicht
        nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich
        sie sind so solche solchem solchen solcher solches soll sollte sondern sonst uber um und
        uns unser unsere unserem unseren unserer unseres unter viel vom von vor wahrend war waren
        warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie
        wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen
        """
    ),
)

#: Every language Cordata can be configured with, by code.
SUPPORTED: dict[str, Language] = {
    language.code: language for language in (ITALIAN, ENGLISH, GERMAN)
}


def configured_languages(raw: str | None, *, setting: str = "CORDATA_LANGUAGES") -> list[Language]:
    """The languages a `CORDATA_LANGUAGES` value names, in its order (the source language first).

    Raises ImproperlyConfigured, naming the bad code and the supported ones, for an unknown or
    repeated code or an empty list, so that a misconfigured site does not start.
    """
    if raw is None or not raw.strip():
        raw = DEFAULT_LANGUAGES
    codes = [code.strip().lower() for code in raw.split(",") if code.strip()]
    supported = ", ".join(sorted(SUPPORTED))
    unknown = [code for code in codes if code not in SUPPORTED]
    if unknown:
        raise ImproperlyConfigured(
            f"{setting} names {_quoted(unknown)}, which Cordata does not support; "
            f"the supported languages are {supported} (the source language first, e.g. "
            f"{DEFAULT_LANGUAGES}). A new language needs its entry in cms/core/languages.py."
        )
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise ImproperlyConfigured(f"{setting} names {_quoted(repeated)} more than once: {raw!r}.")
    if not codes:
        raise ImproperlyConfigured(f"{setting} names no language; supported: {supported}.")
    return [SUPPORTED[code] for code in codes]


def _quoted(codes: list[str]) -> str:
    return ", ".join(f"{code!r}" for code in codes)


# --- What the running site is configured with ---------------------------------------------
# Read from Django's settings (derived from CORDATA_LANGUAGES above), so these follow whatever
# the settings loaded.


def codes() -> tuple[str, ...]:
    """The configured language codes, the source language first."""
    from django.conf import settings

    return tuple(code for code, _name in settings.LANGUAGES)


def source_language() -> str:
    """The language editors write in; the others are translations of it."""
    from django.conf import settings

    return settings.LANGUAGE_CODE


def translation_languages() -> tuple[str, ...]:
    """The configured languages other than the source language, in the configured order."""
    source = source_language()
    return tuple(code for code in codes() if code != source)


def configured() -> tuple[Language, ...]:
    """The configured languages' descriptions, the source language first."""
    return tuple(SUPPORTED[code] for code in codes())


def label(code: str) -> str | Promise:
    """A language's name in the interface's language; the code itself for an unknown one."""
    language = SUPPORTED.get(code)
    return language.label if language is not None else code
