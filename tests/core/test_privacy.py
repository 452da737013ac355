"""The privacy selectors: who sees which pages and documents."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import BaseViewRestriction, Collection, Page

from cms.core.privacy import (
    page_is_visible,
    request_scope,
    visible_collections,
    visible_documents,
    visible_pages,
)
from cms.groups.models import PartnerPage
from cms.home.models import PressReleasePage
from cms.knowledge.models import ProjectDocument
from tests.factories import (
    CollectionFactory,
    CollectionViewRestrictionFactory,
    GroupFactory,
    PageViewRestrictionFactory,
    PartnerPageFactory,
    PressReleasePageFactory,
    ProjectDocumentFactory,
    SuperUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    """The visitors the rules tell apart, keyed by who they are."""
    partners = GroupFactory(name="Partner di progetto")
    return {
        "anonymous": None,
        "anonymous_user": AnonymousUser(),
        "outsider": UserFactory(username="esterno"),
        "member": UserFactory(username="socio", groups=[partners]),
        "superuser": SuperUserFactory(username="admin"),
        "group": partners,
    }


def _titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


@pytest.fixture
def pages(site_tree, people):
    """A public partner and a press release restricted to the partners' group."""
    public = PartnerPageFactory(title="Stuttgart Region Economic Development Corporation")
    restricted = PressReleasePageFactory(title="Verbale riservato del comitato")
    PageViewRestrictionFactory(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS, groups=[people["group"]]
    )
    return {"public": public, "restricted": restricted}


def _both(pages):
    return Page.objects.filter(pk__in=[page.pk for page in pages.values()])


class TestPageRestrictions:
    """Page view restrictions apply to the restricted page and its whole subtree."""

    @pytest.mark.parametrize("who", ["anonymous", "anonymous_user", "outsider"])
    def test_group_restricted_page_is_hidden_from(self, pages, people, who):
        visible = visible_pages(PressReleasePage.objects.all(), user=people[who])
        assert "Verbale riservato del comitato" not in _titles(visible)
        assert not page_is_visible(pages["restricted"], user=people[who])
        assert page_is_visible(pages["public"], user=people[who])

    @pytest.mark.parametrize("who", ["member", "superuser"])
    def test_group_restricted_page_is_shown_to(self, pages, people, who):
        visible = visible_pages(PressReleasePage.objects.all(), user=people[who])
        assert _titles(visible) == {"Verbale riservato del comitato"}
        assert page_is_visible(pages["restricted"], user=people[who])

    def test_restriction_on_an_ancestor_hides_the_subtree(self, site_tree, people):
        partner = PartnerPageFactory(title="Upper Austrian Chamber of Commerce")
        PageViewRestrictionFactory(
            page=site_tree.partner_index,
            restriction_type=BaseViewRestriction.GROUPS,
            groups=[people["group"]],
        )
        assert not page_is_visible(partner, user=people["outsider"])
        assert not page_is_visible(site_tree.partner_index, user=None)
        assert page_is_visible(partner, user=people["member"])
        # Siblings of the restricted index are untouched.
        assert page_is_visible(site_tree.press_index, user=None)
        assert page_is_visible(site_tree.home, user=None)

    def test_login_restriction_admits_any_logged_in_user(self, site_tree, people):
        partner = PartnerPageFactory(title="BSC Business Support Centre")
        PageViewRestrictionFactory(page=partner, restriction_type=BaseViewRestriction.LOGIN)
        assert not page_is_visible(partner, user=None)
        assert not page_is_visible(partner, user=people["anonymous_user"])
        for who in ("outsider", "member", "superuser"):
            assert page_is_visible(partner, user=people[who]), who

    def test_drafts_are_never_visible(self, site_tree, people):
        draft = PartnerPageFactory(title="Bozza di profilo", live=False)
        for who in ("anonymous", "member", "superuser"):
            assert not page_is_visible(draft, user=people[who]), who
        assert "Bozza di profilo" not in _titles(
            visible_pages(PartnerPage.objects.all(), user=people["superuser"])
        )

    def test_restriction_with_several_groups_admits_a_member_of_any(self, site_tree, people):
        other = GroupFactory(name="Coordinatori")
        coordinator = UserFactory(username="coordinatore", groups=[other])
        release = PressReleasePageFactory(title="Nota per i coordinatori")
        PageViewRestrictionFactory(
            page=release,
            restriction_type=BaseViewRestriction.GROUPS,
            groups=[people["group"], other],
        )
        assert page_is_visible(release, user=coordinator)
        assert page_is_visible(release, user=people["member"])
        assert not page_is_visible(release, user=people["outsider"])


class TestCollectionRestrictions:
    """Collection view restrictions apply to the collection's documents and its descendants'."""

    @pytest.fixture
    def documents(self, db, people):
        private = CollectionFactory(name="Riservato")
        nested = CollectionFactory(name="Verbali interni", parent=private)
        public = CollectionFactory(name="Pubblicazioni")
        CollectionViewRestrictionFactory(
            collection=private,
            restriction_type=BaseViewRestriction.GROUPS,
            groups=[people["group"]],
        )
        return {
            "public": ProjectDocumentFactory(title="Rapporto pubblico", collection=public),
            "root": ProjectDocumentFactory(title="Comunicato in PDF"),
            "private": ProjectDocumentFactory(title="Bilancio riservato", collection=private),
            "nested": ProjectDocumentFactory(title="Verbale interno", collection=nested),
        }

    @pytest.mark.parametrize("who", ["anonymous", "anonymous_user", "outsider"])
    def test_restricted_documents_are_hidden_from(self, documents, people, who):
        visible = visible_documents(ProjectDocument.objects.all(), user=people[who])
        assert _titles(visible) == {"Rapporto pubblico", "Comunicato in PDF"}
        names = set(visible_collections(user=people[who]).values_list("name", flat=True))
        assert "Riservato" not in names
        assert "Verbali interni" not in names
        assert {"Pubblicazioni", "Root"} <= names

    @pytest.mark.parametrize("who", ["member", "superuser"])
    def test_restricted_documents_are_shown_to(self, documents, people, who):
        visible = visible_documents(ProjectDocument.objects.all(), user=people[who])
        assert _titles(visible) == {
            "Rapporto pubblico",
            "Comunicato in PDF",
            "Bilancio riservato",
            "Verbale interno",
        }
        assert visible_collections(user=people[who]).count() == Collection.objects.count()

    def test_login_restricted_collection_admits_any_logged_in_user(self, db, people):
        collection = CollectionFactory(name="Area partner")
        CollectionViewRestrictionFactory(
            collection=collection, restriction_type=BaseViewRestriction.LOGIN
        )
        ProjectDocumentFactory(title="Presentazione per i partner", collection=collection)
        everything = ProjectDocument.objects.all()
        assert not visible_documents(everything, user=None).exists()
        for who in ("outsider", "member", "superuser"):
            assert visible_documents(everything, user=people[who]).count() == 1, who

    def test_selector_keeps_the_callers_narrowing(self, documents, people):
        narrowed = ProjectDocument.objects.filter(title__startswith="Verbale")
        assert not visible_documents(narrowed, user=None).exists()
        assert _titles(visible_documents(narrowed, user=people["member"])) == {"Verbale interno"}


class TestServedPages:
    """The public site applies the same rule the selectors do."""

    def test_restricted_partner_is_neither_served_nor_listed_to_outsiders(
        self, client, site_tree, people
    ):
        partner = PartnerPageFactory(title="Partner con profilo riservato")
        PageViewRestrictionFactory(
            page=partner, restriction_type=BaseViewRestriction.GROUPS, groups=[people["group"]]
        )
        assert client.get(partner.url).status_code == 302
        listing = client.get(site_tree.partner_index.url)
        assert "Partner con profilo riservato" not in listing.content.decode()
        client.force_login(people["outsider"])
        assert client.get(partner.url).status_code == 302
        client.force_login(people["member"])
        assert client.get(partner.url).status_code == 200

    def test_restricted_document_is_not_served_to_outsiders(self, client, db, people):
        private = CollectionFactory(name="Riservato")
        CollectionViewRestrictionFactory(
            collection=private,
            restriction_type=BaseViewRestriction.GROUPS,
            groups=[people["group"]],
        )
        document = ProjectDocumentFactory(title="Bilancio riservato", collection=private)
        assert client.get(document.url).status_code == 302
        client.force_login(people["outsider"])
        assert client.get(document.url).status_code == 404
        client.force_login(people["member"])
        response = client.get(document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_inactive_member_counts_as_anonymous(site_tree):
    """A deactivated partner account loses access on every channel that asks the privacy rule."""
    from django.contrib.auth.models import Group, User
    from wagtail.models import PageViewRestriction

    group = Group.objects.create(name="Inactive members")
    release = PressReleasePageFactory(title="Members only release")
    restriction = PageViewRestriction.objects.create(
        page=release, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    member = User.objects.create_user("former", password="x", is_active=False)
    member.groups.add(group)
    releases = PressReleasePage.objects.filter(pk=release.pk)
    assert not visible_pages(releases, user=member).exists()
    member.is_active = True
    assert visible_pages(releases, user=member).exists()


class TestRequestScope:
    """Within a request the restrictions are read once, and a change is seen at once."""

    def test_restrictions_are_read_once_per_scope(self, pages, people, django_assert_num_queries):
        member = people["member"]
        with request_scope():
            _titles(visible_pages(_both(pages), user=member))
            # Restrictions, their groups and the member's groups come from the scope now:
            # only the listing itself is queried.
            with django_assert_num_queries(1):
                _titles(visible_pages(_both(pages), user=member))
        # Outside a scope, every call reads them again.
        with django_assert_num_queries(4):
            _titles(visible_pages(_both(pages), user=member))

    def test_a_restriction_changed_within_the_scope_applies_at_once(self, pages):
        public, restricted = pages["public"].title, pages["restricted"].title
        with request_scope():
            assert _titles(visible_pages(_both(pages))) == {public}
            PageViewRestrictionFactory(
                page=pages["public"], restriction_type=BaseViewRestriction.LOGIN
            )
            assert _titles(visible_pages(_both(pages))) == set()
            pages["restricted"].view_restrictions.all().delete()
            assert _titles(visible_pages(_both(pages))) == {restricted}

    def test_joining_a_group_within_the_scope_applies_at_once(self, pages, people):
        outsider, restricted = people["outsider"], pages["restricted"].title
        with request_scope():
            assert restricted not in _titles(visible_pages(_both(pages), user=outsider))
            outsider.groups.add(people["group"])
            assert restricted in _titles(visible_pages(_both(pages), user=outsider))

    def test_each_request_has_its_own_scope(self, client, pages, people):
        restricted = pages["restricted"].title
        client.force_login(people["outsider"])
        search = {"q": "verbale comitato"}
        assert restricted not in client.get("/it/search/", search).content.decode()
        people["outsider"].groups.add(people["group"])
        assert restricted in client.get("/it/search/", search).content.decode()
