"""Where each page type may be created: the tree below the home page."""

import pytest
from wagtail.models import Page

from cms.groups.models import (
    PartnerIndexPage,
    PartnerPage,
    ThematicGroupIndexPage,
    ThematicGroupPage,
    WorkspacePage,
)
from cms.home.models import HomePage, PressReleaseIndexPage, PressReleasePage
from cms.knowledge.models import KnowledgeIndexPage, StrategicPlanPage
from tests.factories import (
    HomePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PressReleasePageFactory,
    StrategicPlanPageFactory,
    ThematicGroupPageFactory,
)

pytestmark = pytest.mark.django_db

INDEXES = [PressReleaseIndexPage, PartnerIndexPage, ThematicGroupIndexPage, KnowledgeIndexPage]

# The one parent type each page type belongs under.
PARENT_OF = {
    PressReleasePage: PressReleaseIndexPage,
    PartnerPage: PartnerIndexPage,
    ThematicGroupPage: ThematicGroupIndexPage,
    StrategicPlanPage: KnowledgeIndexPage,
    **dict.fromkeys(INDEXES, HomePage),
}
ALL_TYPES = [
    HomePage,
    *INDEXES,
    PressReleasePage,
    PartnerPage,
    ThematicGroupPage,
    StrategicPlanPage,
]


@pytest.fixture
def tree(site_tree):
    """One page of every type, keyed by model, plus the tree root under `Page`."""
    return {
        Page: Page.get_first_root_node(),
        HomePage: site_tree.home,
        PressReleaseIndexPage: site_tree.press_index,
        PartnerIndexPage: site_tree.partner_index,
        ThematicGroupIndexPage: site_tree.group_index,
        KnowledgeIndexPage: site_tree.knowledge_index,
        PressReleasePage: PressReleasePageFactory(),
        PartnerPage: PartnerPageFactory(),
        ThematicGroupPage: ThematicGroupPageFactory(),
        StrategicPlanPage: StrategicPlanPageFactory(),
    }


@pytest.mark.parametrize("model", list(PARENT_OF), ids=lambda m: m.__name__)
def test_page_type_exists_only_under_its_parent_type(tree, model):
    for parent_model, parent in tree.items():
        expected = parent_model is PARENT_OF[model]
        assert model.can_exist_under(parent) is expected, (model, parent_model)


@pytest.mark.parametrize(
    "model", [PressReleasePage, PartnerPage, ThematicGroupPage, StrategicPlanPage]
)
def test_detail_pages_can_be_created_under_their_index_only(tree, model):
    for parent_model, parent in tree.items():
        expected = parent_model is PARENT_OF[model]
        assert model.can_create_at(parent) is expected, (model, parent_model)


def test_detail_pages_take_no_children():
    for model in (PressReleasePage, PartnerPage, StrategicPlanPage, WorkspacePage):
        assert model.allowed_subpage_models() == []


def test_a_thematic_group_holds_only_its_workspace(db):
    """A group page's one child is its private workspace (created when the group is published)."""
    assert ThematicGroupPage.allowed_subpage_models() == [WorkspacePage]
    assert WorkspacePage.parent_page_types == ["groups.ThematicGroupPage"]
    assert WorkspacePage.max_count_per_parent == 1


def test_allowed_subpage_models():
    assert set(HomePage.allowed_subpage_models()) == set(INDEXES)
    assert PressReleaseIndexPage.allowed_subpage_models() == [PressReleasePage]
    assert PartnerIndexPage.allowed_subpage_models() == [PartnerPage]
    assert ThematicGroupIndexPage.allowed_subpage_models() == [ThematicGroupPage]
    assert KnowledgeIndexPage.allowed_subpage_models() == [StrategicPlanPage]
    assert HomePage in Page.allowed_subpage_models()
    for model in ALL_TYPES:
        if model is not HomePage:
            assert model not in Page.allowed_subpage_models()


def test_indexes_exist_once_per_home(db):
    home = HomePageFactory()
    for model in INDEXES:
        assert model.can_create_at(home), model
    PartnerIndexPageFactory(parent=home)
    assert not PartnerIndexPage.can_create_at(home)
    assert PartnerIndexPage.can_exist_under(home)
    # The limit is per index type, not for the home as a whole.
    for model in (PressReleaseIndexPage, ThematicGroupIndexPage, KnowledgeIndexPage):
        assert model.can_create_at(home), model


def test_indexes_cannot_be_created_elsewhere(tree):
    for model in INDEXES:
        for parent_model, parent in tree.items():
            if parent_model is not HomePage:
                assert not model.can_create_at(parent), (model, parent_model)


def test_second_home_page_is_refused(db):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    HomePageFactory()
    assert not HomePage.can_create_at(root)
    assert HomePage.can_exist_under(root)


def test_home_page_only_under_the_root(tree):
    for parent_model, parent in tree.items():
        if parent_model is not Page:
            assert not HomePage.can_create_at(parent), parent_model
            assert not HomePage.can_exist_under(parent), parent_model
