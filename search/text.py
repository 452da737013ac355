"""Language-aware text normalisation and highlighting, shared by indexing, querying and snippets.

Why normalise in Python rather than in the database: Wagtail's database backend applies one
text-search language per backend (PostgreSQL's `SEARCH_CONFIG`; SQLite's FTS5 has no stemmer at
all), while Cordata holds its languages (`CORDATA_LANGUAGES`) side by side in one index. So every
text reaches the database backend already normalised with *its own* language, and every query
is normalised with the language(s) it is asked in; the database then only has to match exact
tokens, which SQLite FTS5 and PostgreSQL's `simple` configuration both do. The pipeline is the
same on both sides, so what is indexed and what is asked always meet:

1. fold: lowercase and strip accents (`qualità` → `qualita`), so accents never matter;
2. tokenise on letters and digits (punctuation, quotes, `*`, `^`, `:` are separators, which also
   makes any backend query syntax inert);
3. drop the language's stop words (folded, so `perché` and `perche` both go);
4. Snowball-stem with the language's stemmer (PyStemmer), so `piani` finds `piano`,
   `strategies` finds `strategy` and `Unternehmens` finds `Unternehmen`.

Which languages, their stemmers and their stop words come from `cms.core.languages`.

Elasticsearch does the same with its own analyzers (see `search.backends.elasticsearch`), which
are configured with these very stop-word lists.
"""

from __future__ import annotations

import re
import string
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

import Stemmer
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from cms.core import languages

#: The languages Cordata stems (the configured ones); anything else is indexed with all of them.
SEARCH_LANGUAGES: tuple[str, ...] = languages.codes()

_STEMMER_NAMES = {language.code: language.snowball for language in languages.configured()}

#: A query keeps at most this many distinct terms: enough for any real question, and a bound on
#: the work a pasted essay can cause.
MAX_QUERY_TERMS = 16
#: Snippets are cut from at most this much of a text (a 300-page report is longer).
MAX_SNIPPET_SOURCE = 200_000
#: Longer "words" are identifiers, hashes or extraction noise; they are not indexed.
MAX_TOKEN_LENGTH = 40

# Folded (accent-free, lowercase) function words, per language (see `cms.core.languages`).
STOP_WORDS = {language.code: language.stop_words for language in languages.configured()}

#: Ends a highlighting term that stands for every word it begins (the word being typed).
PREFIX_MARK = "*"

_TOKEN = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
_OPERATORS = re.compile(r"\b(?:AND|OR|NOT|NEAR)\b")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters NFKD does not decompose but readers still type without their stroke or ligature.
_SPECIAL_FOLDS = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ı": "i",
    "þ": "th",
}
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

_local = threading.local()


def _stemmer(language: str) -> Stemmer.Stemmer:
    # PyStemmer objects are not thread-safe; each thread keeps its own (with PyStemmer's cache).
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(_STEMMER_NAMES[language], 50_000)
    return stemmers[language]


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lowered = char.lower()
    if lowered in _SPECIAL_FOLDS:
        return _SPECIAL_FOLDS[lowered]
    return _COMBINING.sub("", unicodedata.normalize("NFKD", lowered))


def fold(text: str) -> str:
    """Lowercase and accent-free: `Qualità` → `qualita`, `Straße` → `strasse`."""
    if text.isascii():
        return text.translate(_ASCII_LOWER)
    table = {ord(ch): _fold_char(ch) for ch in set(text) if not ch.isascii()}
    return _COMBINING.sub("", text.translate(table).translate(_ASCII_LOWER))


def fold_same_length(text: str) -> str:
    """`fold`, except that characters folding to other than one character are kept as they are.

    Offsets in the result are offsets in `text`, which is what highlighting needs.
    """
    if text.isascii():
        return text.translate(_ASCII_LOWER)
    table = {}
    for ch in set(text):
        if not ch.isascii():
            folded = _fold_char(ch)
            if len(folded) == 1:
                table[ord(ch)] = folded
    return text.translate(table).translate(_ASCII_LOWER)


def tokens(text: str) -> list[str]:
    """Folded words of `text`, without one-letter words (digits stay) and overlong tokens."""
    return [
        token
        for token in _TOKEN.findall(fold(text))
        if (len(token) > 1 or token.isdigit()) and len(token) <= MAX_TOKEN_LENGTH
    ]


def stems(text: str, language: str) -> list[str]:
    """The stems of `text`'s words in `language`, stop words removed, in text order."""
    stop_words = STOP_WORDS[language]
    words = [token for token in tokens(text) if token not in stop_words]
    return _stemmer(language).stemWords(words) if words else []


def normalise(text: str, languages: Sequence[str]) -> str:
    """What the database index stores for `text` written in `languages` (one, or all if unknown)."""
    if not text:
        return ""
    if len(languages) == 1:
        return " ".join(stems(text, languages[0]))
    # Text of unknown language is indexed under every stemming, so any visitor finds it.
    seen: list[str] = []
    for language in languages:
        seen.extend(stems(text, language))
    return " ".join(dict.fromkeys(seen))


def query_words(text: str) -> str:
    """A query without the boolean operators other search boxes taught people (all words count)."""
    return _OPERATORS.sub(" ", text)


def query_stems(text: str, language: str) -> tuple[str, ...]:
    """A query's distinct stems in `language`, in the order typed, at most MAX_QUERY_TERMS."""
    return tuple(dict.fromkeys(stems(query_words(text), language)))[:MAX_QUERY_TERMS]


def languages_of(code: str | None) -> tuple[str, ...]:
    """The stemming languages for content labelled `code`: itself if Cordata stems it, else all."""
    return (code,) if code in SEARCH_LANGUAGES else SEARCH_LANGUAGES


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _candidate_pattern(terms: Iterable[str]) -> re.Pattern | None:
    # A Snowball stem is, at worst one letter short, a prefix of the folded word (`happi` for
    # `happy`), so the prefix finds candidates quickly; each is then stemmed to confirm it.
    prefixes = sorted(
        {
            term[:-1] if len(term) > 3 else term
            for term in (term.removesuffix(PREFIX_MARK) for term in terms)
        },
        key=len,
    )
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(prefix) for prefix in reversed(prefixes))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*")


def _matches(text: str, terms: dict[str, frozenset[str]]):
    """(start, end) of each word of `text` whose stem, in one of the languages, is a query term."""
    pattern = _candidate_pattern(
        term for language_terms in terms.values() for term in language_terms
    )
    if pattern is None:
        return
    folded = fold_same_length(text)
    verdicts: dict[str, bool] = {}
    for match in pattern.finditer(folded):
        word = match.group()
        if word not in verdicts:
            full = fold(text[match.start() : match.end()])
            verdicts[word] = any(
                full not in STOP_WORDS[language]
                and (
                    _stemmer(language).stemWord(full) in language_terms
                    or any(
                        full.startswith(term[:-1])
                        for term in language_terms
                        if term.endswith(PREFIX_MARK)
                    )
                )
                for language, language_terms in terms.items()
            )
        if verdicts[word]:
            yield match.start(), match.end()


def _cut(text: str, start: int, end: int) -> tuple[int, int]:
    # Move both ends to the nearest space so no word is cut in half.
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def highlight(text: str, terms: dict[str, frozenset[str]], *, size: int = 240) -> SafeString:
    """A window of `text` around the first matched word, matched words in `<mark>`, HTML-escaped.

    `terms` maps each language the text is written in to the query's stems in that language;
    a term ending in PREFIX_MARK marks every word it begins.
    Without a match the text's beginning is returned, unmarked. Only the first
    MAX_SNIPPET_SOURCE characters are read, so a long document costs no more than a short one.
    """
    text = collapse_spaces((text or "")[:MAX_SNIPPET_SOURCE])
    if not text:
        return escape("")
    matches = _matches(text, terms)
    first = next(matches, None)
    if first is None:
        start, end = _cut(text, 0, size)
        spans = []
    else:
        start, end = _cut(text, max(0, first[0] - size // 4), max(0, first[0] - size // 4) + size)
        spans = [first]
        for span in matches:
            if span[0] >= end:
                break
            spans.append(span)
    # (text before a match, the match) pairs; format_html escapes every piece of text.
    marked = []
    position = start
    for span_start, span_end in spans:
        span_end = min(span_end, end)
        marked.append((text[position:span_start], text[span_start:span_end]))
        position = span_end
    return format_html(
        "{}{}{}{}",
        "…" if start > 0 else "",
        format_html_join("", "{}<mark>{}</mark>", marked),
        text[position:end],
        "…" if end < len(text) else "",
    )
