"""Search records: what each page and document is filed under, kept in step with the live rows."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from cms.home.models import PressReleaseGroup
from cms.knowledge.models import ProjectDocument
from search.models import SearchRecord
from search.selectors import SearchFilters, search_records_for, site_search
from tests.factories import (
    PartnerPageFactory,
    PressReleaseGroupFactory,
    PressReleasePageFactory,
    PressReleasePartnerFactory,
    ProjectDocumentFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
)

pytestmark = pytest.mark.django_db

FIELDS = ("type", "language", "date", "group_ids", "partner_ids", "tag_ids")


def stored(obj) -> dict:
    key = "document" if isinstance(obj, ProjectDocument) else "page"
    record = SearchRecord.objects.get(**{key: obj})
    return {name: getattr(record, name) for name in FIELDS}


def live(obj) -> dict:
    key = "document_ids" if isinstance(obj, ProjectDocument) else "page_ids"
    (record,) = search_records_for(**{key: [obj.pk]})
    return {name: getattr(record, name) for name in FIELDS}


def ids(text: str) -> set[int]:
    return {int(pk) for pk in text.split()}


def facet_counts(outcome) -> dict[str, dict[str, int]]:
    return {
        name: {value.value: value.count for value in values}
        for name, values in outcome.facets.items()
    }


def search(text, **kwargs):
    return site_search(user=None, text=text, language="it", **kwargs)


class TestRecordsFollowTheContent:
    def test_every_page_and_document_has_a_record_equal_to_its_live_rows(self, corpus):
        pages = Page.objects.filter(depth__gt=1)
        documents = ProjectDocument.objects.all()
        assert SearchRecord.objects.count() == pages.count() + documents.count()
        for obj in [*(page.specific for page in pages), *documents]:
            assert stored(obj) == live(obj), obj

    def test_a_release_is_filed_under_its_groups_partners_tags_and_date(self, corpus):
        record = stored(corpus["release"])
        assert record["type"] == "home.PressReleasePage"
        assert record["language"] == "it"
        assert record["date"] == datetime.date(2012, 1, 16)
        assert ids(record["group_ids"]) == {corpus["tourism"].pk}
        assert ids(record["partner_ids"]) == {corpus["slovenia"].pk}
        assert len(ids(record["tag_ids"])) == 2

    def test_a_group_and_a_partner_are_filed_under_their_memberships(self, corpus):
        assert ids(stored(corpus["tourism"])["partner_ids"]) == {corpus["slovenia"].pk}
        assert ids(stored(corpus["slovenia"])["group_ids"]) == {corpus["tourism"].pk}
        newcomer = PartnerPageFactory(title="Agenzia di Pécs", country="HU")
        ThematicGroupMembershipFactory(page=corpus["tourism"], partner=newcomer)
        assert newcomer.pk in ids(stored(corpus["tourism"])["partner_ids"])
        assert ids(stored(newcomer)["group_ids"]) == {corpus["tourism"].pk}

    def test_a_document_is_filed_under_its_tags_once_they_are_added(self, corpus):
        document = ProjectDocumentFactory(title="Verbale")
        assert stored(document)["tag_ids"] == ""
        document.tags.add("energia")
        assert stored(document)["tag_ids"] != ""
        assert stored(document) == live(document)

    def test_a_removed_relation_drops_the_record_then_rewrites_it_after_commit(
        self, corpus, django_capture_on_commit_callbacks
    ):
        release = PressReleasePageFactory(title="Visita di studio")
        PressReleaseGroupFactory(page=release, group=corpus["tourism"])
        PressReleaseGroupFactory(page=release, group=corpus["energy"])
        with django_capture_on_commit_callbacks(execute=True):
            PressReleaseGroup.objects.filter(page=release, group=corpus["energy"]).delete()
            # Until the transaction ends, searches read this release's live rows.
            assert not SearchRecord.objects.filter(page=release).exists()
            outcome = search(
                "visita", filters=SearchFilters(group=(str(corpus["energy"].translation_key),))
            )
            assert outcome.total == 0
        assert ids(stored(release)["group_ids"]) == {corpus["tourism"].pk}

    def test_deleting_a_page_deletes_its_record(self, corpus, django_capture_on_commit_callbacks):
        release = PressReleasePageFactory(title="Comunicato da ritirare")
        PressReleasePartnerFactory(page=release, partner=corpus["germany"])
        with django_capture_on_commit_callbacks(execute=True):
            release.delete()
        assert not SearchRecord.objects.filter(page_id=release.pk).exists()

    def test_moving_a_membership_to_another_partner_rewrites_both_partners(self, corpus):
        membership = corpus["tourism"].memberships.get(partner=corpus["slovenia"])
        membership.partner = corpus["germany"]
        membership.save()
        assert ids(stored(corpus["slovenia"])["group_ids"]) == set()
        assert ids(stored(corpus["germany"])["group_ids"]) == {
            corpus["tourism"].pk,
            corpus["energy"].pk,
        }
        assert ids(stored(corpus["tourism"])["partner_ids"]) == {corpus["germany"].pk}

    def test_while_search_auto_update_is_off_records_are_dropped_not_left_stale(self, corpus):
        backends = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False}}
        release = corpus["release"]
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            group = ThematicGroupPageFactory(title="Scienze della vita")
            PressReleaseGroupFactory(page=release, group=corpus["energy"])
        assert not SearchRecord.objects.filter(page=group).exists()
        assert not SearchRecord.objects.filter(page=release).exists()
        # Searches read the release's live rows meanwhile.
        energy = SearchFilters(group=(str(corpus["energy"].translation_key),))
        assert search("qualità", filters=energy).total == 1

    def test_a_second_refresh_rewrites_the_record_in_place(self, corpus):
        from search.services import search_records_refresh

        before = SearchRecord.objects.get(page=corpus["release"]).pk
        search_records_refresh(page_ids=[corpus["release"].pk, corpus["release"].pk])
        search_records_refresh(page_ids=[corpus["release"].pk], document_ids=[999_999])
        assert SearchRecord.objects.get(page=corpus["release"]).pk == before
        assert stored(corpus["release"]) == live(corpus["release"])


class TestSearchReadsRecords:
    def test_facets_are_the_same_without_any_record(self, corpus):
        queries = [("turismo", SearchFilters()), ("valutazione", SearchFilters(year=(2013,)))]
        with_records = [facet_counts(search(text, filters=filters)) for text, filters in queries]
        SearchRecord.objects.all().delete()
        without = [facet_counts(search(text, filters=filters)) for text, filters in queries]
        assert without == with_records
        assert with_records[0]["country"] == {"SI": 2}

    def test_a_partners_new_country_counts_at_once_for_the_releases_naming_it(self, corpus):
        release_record = stored(corpus["release"])
        slovenia = corpus["slovenia"]
        slovenia.country = "AT"
        slovenia.save()
        outcome = search("qualità", filters=SearchFilters(type=("home.PressReleasePage",)))
        assert facet_counts(outcome)["country"] == {"AT": 1}
        # The release's record names the partner, not its country: it needed no rewrite.
        assert stored(corpus["release"]) == release_record

    def test_update_index_rewrites_every_record(self, corpus):
        expected = {
            (record.page_id, record.document_id): {name: getattr(record, name) for name in FIELDS}
            for record in SearchRecord.objects.all()
        }
        SearchRecord.objects.all().delete()
        call_command("update_index", verbosity=0)
        rebuilt = {
            (record.page_id, record.document_id): {name: getattr(record, name) for name in FIELDS}
            for record in SearchRecord.objects.all()
        }
        assert rebuilt == expected

    def test_the_hit_limit_keeps_the_best_matches_of_each_kind(self, corpus):
        unlimited = list(search("turismo").hits)
        # Equal scores: the backend keeps the newest object (highest pk) first.
        best = {
            kind: max(
                (hit for hit in unlimited if hit.kind == kind), key=lambda hit: (hit.score, hit.pk)
            )
            for kind in ("page", "document")
        }
        assert sum(hit.kind == "page" for hit in unlimited) > 1
        with override_settings(CORDATA_SEARCH_MAX_HITS=1):
            limited = list(search("turismo").hits)
        assert sorted((hit.kind, hit.pk) for hit in limited) == sorted(
            (hit.kind, hit.pk) for hit in best.values()
        )
