"""Normalisation and highlighting: the language rules every backend shares (no database)."""

import pytest
from wagtail.search.query import And, Or, Phrase, PlainText

from search.query import (
    NOTHING,
    Clause,
    LanguageQuery,
    ParsedQuery,
    Prefix,
    database_query,
    parse,
    prefix_alternatives,
)
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

    def test_one_language_becomes_its_words_and_the_word_being_typed(self):
        query = database_query(LanguageQuery("piani strategici", ("it",)))
        assert isinstance(query, And)
        words, typed = query.subqueries
        assert isinstance(words, PlainText)
        assert (words.query_string, words.operator) == ("pian", "and")
        assert isinstance(typed, Or)
        assert isinstance(typed.subqueries[0], Prefix)
        assert typed.subqueries[0].query_string == "strategici"
        assert {part.query_string for part in typed.subqueries[1:]} >= {"strateg"}

    def test_all_languages_or_their_stemmings(self):
        query = database_query(LanguageQuery("strategies", ("it", "en")))
        assert isinstance(query, Or)
        asked = {part.query_string for branch in query.subqueries for part in branch.subqueries}
        assert {stems("strategies", "it")[0], stems("strategies", "en")[0]} <= asked

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
        # "come" is the word being typed too, so it also marks the words it begins.
        assert LanguageQuery("come", ("it", "en")).terms == {"en": ("come", "come*")}

    def test_plain_strings_from_the_admin_are_normalised_too(self):
        query = database_query(PlainText("Qualità turismo"))
        words = {branch.subqueries[0].query_string for branch in query.subqueries}
        assert words == {"qual", "qualita"}

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


class TestQueryLanguage:
    def test_words_are_one_group_and_the_last_is_a_prefix(self):
        assert parse("Piani strategici") == ParsedQuery(
            ((Clause("piani"), Clause("strategici", prefix=True)),)
        )

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                '"piano strategico" turismo',
                ((Clause("piano strategico", phrase=True), Clause("turismo", prefix=True)),),
            ),
            ('il "piano strategico', ((Clause("il"), Clause("piano strategico", phrase=True)),)),
            ('"piano"', ((Clause("piano"),),)),
            ("turismo OR energia", ((Clause("turismo"),), (Clause("energia", prefix=True),))),
            (
                "piano turismo OR energia",
                ((Clause("piano"), Clause("turismo")), (Clause("energia", prefix=True),)),
            ),
            ("piano OR OR turismo OR", ((Clause("piano"),), (Clause("turismo"),))),
            (
                "turismo or energia",
                ((Clause("turismo"), Clause("or"), Clause("energia", prefix=True)),),
            ),
            (
                "agroalimentare AND NEAR ict",
                ((Clause("agroalimentare"), Clause("ict", prefix=True)),),
            ),
            ("co-operation", ((Clause("co operation", phrase=True),),)),
            ("energia 2012", ((Clause("energia"), Clause("2012")),)),
            ("ab", ((Clause("ab"),),)),
        ],
    )
    def test_phrases_or_and_operators(self, text, expected):
        assert parse(text).groups == expected

    @pytest.mark.parametrize(
        ("text", "excluded"),
        [
            ("turismo -energia", (Clause("energia"),)),
            ('turismo -"piano strategico"', (Clause("piano strategico", phrase=True),)),
            ("turismo NOT energia", (Clause("energia"),)),
            ("turismo - energia", ()),
        ],
    )
    def test_exclusions(self, text, excluded):
        assert parse(text).excluded == excluded
        assert parse(text).groups[0][0] == Clause("turismo")

    @pytest.mark.parametrize(
        "text",
        ['"', '""', "-", "--", "OR", "NOT", '-"', "((( ]]]", ":*^~", "\x00", "OR OR -", "AND"],
    )
    def test_syntax_alone_is_no_query_and_no_error(self, text):
        assert parse(text).groups == ()
        assert LanguageQuery(text, ("it", "en")).is_empty

    def test_each_clause_keeps_the_piece_as_typed(self):
        parsed = parse('"Ricerca e  sviluppo" -Qualità l\'energia')
        assert [clause.typed for clause in parsed.clauses] == ["Ricerca e sviluppo", "l'energia"]
        assert parsed.excluded[0].typed == "Qualità"
        assert parsed.clauses[1] == Clause("energia", prefix=True)  # typed is not compared

    def test_only_exclusions_match_nothing(self):
        query = LanguageQuery("-turismo", ("it",))
        assert query.is_empty
        assert database_query(query) is NOTHING

    def test_the_budget_counts_words_in_phrases_too(self):
        text = '"' + " ".join(f"parola{n}" for n in range(20)) + '" altro'
        parsed = parse(text)
        assert len(parsed.groups[0][0].text.split()) == 16
        assert len(parsed.clauses) == 1

    def test_an_excluded_word_is_excluded_in_every_language_asked(self):
        query = database_query(LanguageQuery("turismo -strategies", ("it", "en")))
        assert isinstance(query, And)
        excluded = query.subqueries[1].subquery
        assert {part.query_string for part in excluded.subqueries} == {
            stems("strategies", "it")[0],
            stems("strategies", "en")[0],
        }

    def test_a_stop_word_being_typed_is_no_prefix_in_its_language(self):
        assert LanguageQuery("turismo della", ("it",)).terms == {"it": ("turism",)}

    def test_a_word_being_typed_also_tries_the_stems_it_may_end_in(self):
        assert "sustain" in prefix_alternatives("sustainab", "en").exact
        assert "destin" in prefix_alternatives("destinazio", "it").exact
        assert "efficien" in prefix_alternatives("efficienz", "it").beginnings
        assert prefix_alternatives("ict", "en") == ((), ())


def test_the_word_being_typed_is_highlighted_in_the_words_it_begins():
    query = LanguageQuery("settore agroalim", ("it",))
    marked = highlight(
        "Il settore agroalimentare e l'agroindustria.",
        {"it": frozenset(query.terms["it"])},
    )
    assert marked == "Il <mark>settore</mark> <mark>agroalimentare</mark> e l&#x27;agroindustria."
