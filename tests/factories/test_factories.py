"""The factories build valid content where the page tree allows it."""

import pytest
from django.core.files.storage import default_storage
from wagtail.models import Collection, Locale, Site

from cms.groups.models import MembershipRole
from cms.home.models import HomePage
from tests.factories import (
    CollectionFactory,
    PartnerPageFactory,
    PressReleaseDocumentFactory,
    PressReleaseGroupFactory,
    PressReleasePageFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    docx_file,
)

pytestmark = pytest.mark.django_db


def test_site_tree_replaces_the_welcome_page(site_tree):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == site_tree.home
    assert site_tree.home.locale.language_code == "it"
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"it", "en"}
    assert HomePage.objects.count() == 1
    assert site_tree.home.get_children().count() == 4
    # Only the tree root and the home remain at the top.
    assert site_tree.home.get_parent().depth == 1
    assert site_tree.home.get_siblings().count() == 1
    assert site_tree.home.url == "/it/"


def test_every_page_factory_builds_a_valid_page_in_the_right_place(site_tree):
    partner = PartnerPageFactory(title="Milano Metropoli Agenzia di Sviluppo")
    group = ThematicGroupPageFactory(title="Agroalimentare")
    plan = StrategicPlanPageFactory(group=group)
    release = PressReleasePageFactory(tags=["agroalimentare"])
    membership = ThematicGroupMembershipFactory(
        page=group, partner=partner, role=MembershipRole.COORDINATOR
    )
    PressReleaseGroupFactory(page=release, group=group)
    attachment = PressReleaseDocumentFactory(page=release)

    expected_parents = {
        partner: site_tree.partner_index,
        group: site_tree.group_index,
        plan: site_tree.knowledge_index,
        release: site_tree.press_index,
    }
    for page, parent in expected_parents.items():
        assert page.get_parent().specific == parent
        assert page.locale.language_code == "it"
        assert page.live
        page.full_clean()

    assert [t.slug for t in release.tags.all()] == ["agroalimentare"]
    assert group.coordinators == [partner]
    assert list(membership.partner.thematic_groups) == [group]
    assert attachment.document.file.size > 0


def test_document_factory_stores_a_real_file_in_a_collection(site_tree):
    collection = CollectionFactory(name="Verbali")
    pdf = ProjectDocumentFactory(title="Rapporto di benchmarking")
    word = ProjectDocumentFactory(collection=collection, file=docx_file())

    assert collection.get_parent() == Collection.get_first_root_node()
    assert pdf.file.name.endswith(".pdf")
    assert word.file.name.endswith(".docx")
    for document in (pdf, word):
        assert default_storage.exists(document.file.name)
        with document.file.open("rb") as handle:
            assert handle.read(4) in {b"%PDF", b"PK\x03\x04"}
