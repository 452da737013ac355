"""Normalisation and highlighting: the language rules every backend shares (no database)."""

import pytest
from wagtail.search.query import Or, Phrase, PlainText

from search.query import NOTHING, LanguageQuery, database_query
from search.text import fold, highlight, normalise, query_stems, stems, tokens


def same_stems(a: str, b: str, language: str) -> bool:
    return stems(a, language) == stems(b, language)


class TestFolding:
    def test_accents_and_case_go(self):
        assert (
            fold("Qualità, Città, PERCHÉ, Straße, Łódź") == "qualita, citta, perche, strasse, lodz"
        )

    def test_tokens_split_on_punctuation_and_query_syntax(self):
        assert tokens('title:x^3 AND "piani" (strategici) * dell\'agenzia') == [
            "title",
            "3",
            "and",
            "piani",
            "strategici",
            "dell",
            "agenzia",
        ]


class TestItalian:
    @pytest.mark.parametrize(
        ("inflected", "base"),
        [
            ("piani", "piano"),
            ("strategici", "strategico"),
            ("agenzie", "agenzia"),
            ("imprese", "impresa"),
            ("regioni", "regione"),
            ("cooperare", "cooperazione"),
            ("valutiamo", "valutazione"),
            ("innovare", "innovazione"),
        ],
    )
    def test_inflections_share_a_stem(self, inflected, base):
        assert same_stems(inflected, base, "it")

    def test_accents_do_not_matter(self):
        assert same_stems("qualita", "qualità", "it")
        assert same_stems("citta", "CITTÀ", "it")

    def test_stop_words_and_elisions_are_dropped(self):
        assert stems("il piano dell'agenzia e delle imprese", "it") == stems(
            "piano agenzia imprese", "it"
        )


class TestEnglish:
    @pytest.mark.parametrize(
        ("inflected", "base"),
        [
            ("plans", "plan"),
            ("strategies", "strategy"),
            ("companies", "company"),
            ("meetings", "meeting"),
            ("cooperating", "cooperation"),
            ("evaluate", "evaluation"),
            ("organisations", "organise"),
        ],
    )
    def test_inflections_share_a_stem(self, inflected, base):
        assert same_stems(inflected, base, "en")

    def test_stop_words_and_possessives_are_dropped(self):
        assert stems("The partner's plans for the region", "en") == stems(
            "partner plans region", "en"
        )


class TestQueries:
    def test_a_query_keeps_its_distinct_stems_in_order(self):
        assert query_stems("Piani piano strategici", "it") == ("pian", "strateg")

    def test_text_of_unknown_language_is_indexed_with_both_stemmings(self):
        both = normalise("strategies", ("it", "en")).split()
        assert stems("strategies", "en")[0] in both
        assert stems("strategies", "it")[0] in both

    def test_one_language_becomes_one_plain_text(self):
        query = database_query(LanguageQuery("piani strategici", ("it",)))
        assert isinstance(query, PlainText)
        assert query.query_string == "pian strateg"
        assert query.operator == "and"

    def test_all_languages_or_their_stemmings(self):
        query = database_query(LanguageQuery("strategies", ("it", "en")))
        assert isinstance(query, Or)
        assert {part.query_string for part in query.subqueries} == {
            stems("strategies", "it")[0],
            stems("strategies", "en")[0],
        }

    @pytest.mark.parametrize(
        ("text", "languages"),
        [
            ("", ("it", "en")),
            ("   ", ("it", "en")),
            ("*", ("it", "en")),
            ("!!! ((( ]]]", ("it", "en")),
            ("il lo la", ("it",)),
            ("the of and", ("en",)),
        ],
    )
    def test_nothing_to_search_matches_nothing(self, text, languages):
        query = LanguageQuery(text, languages)
        assert query.is_empty
        assert database_query(query) is NOTHING

    def test_a_stop_word_in_one_language_is_a_word_in_the_other(self):
        assert LanguageQuery("come", ("it", "en")).terms == {"en": ("come",)}

    def test_plain_strings_from_the_admin_are_normalised_too(self):
        query = database_query(PlainText("Qualità"))
        assert {part.query_string for part in query.subqueries} == {"qual", "qualita"}

    def test_phrases_are_normalised_per_language(self):
        query = database_query(Phrase("piani strategici"))
        assert "pian strateg" in {part.query_string for part in query.subqueries}

    def test_long_queries_are_cut_to_a_bounded_number_of_terms(self):
        words = " ".join(f"parola{n}" for n in range(200))
        assert len(query_stems(words, "it")) == 16


def terms(text, language="it"):
    return {language: frozenset(query_stems(text, language))}


class TestHighlight:
    def test_matched_words_are_marked_whatever_their_inflection_or_accent(self):
        snippet = highlight("La Qualità dei piani strategici regionali.", terms("qualita piano"))
        assert (
            str(snippet) == "La <mark>Qualità</mark> dei <mark>piani</mark> strategici regionali."
        )

    def test_the_window_starts_near_the_first_match(self):
        text = "Premessa. " * 80 + "Il piano di azione comune. " + "Conclusione. " * 80
        snippet = str(highlight(text, terms("piani"), size=120))
        assert snippet.startswith("…")
        assert snippet.endswith("…")
        assert "<mark>piano</mark>" in snippet
        assert len(snippet) < 200

    def test_content_is_escaped(self):
        snippet = str(highlight('<script>alert("x")</script> piano & co', terms("piano")))
        assert "<script>" not in snippet
        assert "&lt;script&gt;" in snippet
        assert "<mark>piano</mark> &amp; co" in snippet

    def test_a_hostile_query_marks_nothing_and_injects_nothing(self):
        snippet = str(highlight("Un piano <b>chiaro</b>", terms('"><img src=x onerror=alert(1)>')))
        assert "<img" not in snippet
        assert "<mark>" not in snippet
        assert "&lt;b&gt;chiaro&lt;/b&gt;" in snippet

    def test_english_text_with_english_terms(self):
        snippet = highlight("Strategic plans of the regions", terms("plan", "en"))
        assert str(snippet) == "Strategic <mark>plans</mark> of the regions"

    def test_stop_words_are_never_marked(self):
        assert "<mark>" not in str(highlight("il la lo", {"it": frozenset({"il"})}))

    def test_without_a_match_the_beginning_is_shown(self):
        assert str(highlight("Testo senza corrispondenze.", terms("energia"))) == (
            "Testo senza corrispondenze."
        )
