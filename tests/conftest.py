"""Fixtures shared by the tests of several apps: an Italian site tree, per-test media storage and
an empty cache, the admin's superuser, and two thematic groups with their workspaces, people and
documents (what the privacy rule tells apart)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import APIToken, Collection, Site

from cms.groups.models import Sector, WorkspacePage
from cms.groups.selectors.workspaces import group_workspace
from tests.factories import (
    CollectionFactory,
    PartnerPageFactory,
    ProjectDocumentFactory,
    SuperUserFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    UserFactory,
    home_page,
    knowledge_index,
    partner_index,
    pdf_file,
    press_release_index,
    publish,
    thematic_group_index,
)
from tests.translating import in_english
from tests.workspace_content import PRIVATE_TITLE, PUBLIC_TITLE, partner_user


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Each test writes its uploads to its own directory, so file names never collide.
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _empty_cache():
    # Wagtail caches site root paths by page id; ids are reused after a rollback.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The default Site rooted at an Italian HomePage with its four indexes."""
    indexes = {
        "press_index": press_release_index(),
        "partner_index": partner_index(),
        "group_index": thematic_group_index(),
        "knowledge_index": knowledge_index(),
    }
    # Fetched after the indexes exist, so the home's child count is current.
    return SimpleNamespace(site=Site.objects.get(is_default_site=True), home=home_page(), **indexes)


@pytest.fixture
def admin_user(db):
    """A superuser with the admin in English, so messages read the same whatever the catalogues
    hold (in place of pytest-django's)."""
    return in_english(SuperUserFactory())


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


# Two thematic groups with their workspaces ------------------------------------------------------


@pytest.fixture
def groups(site_tree):
    """Agroalimentare (Parco Tecnologico Padano) and Energia e Ambiente (Stuttgart), published."""
    ptp = PartnerPageFactory(title="Parco Tecnologico Padano", short_name="PTP")
    wrs = PartnerPageFactory(
        title="Stuttgart Region Economic Development Corporation", short_name="WRS", country="DE"
    )
    agri = ThematicGroupPageFactory(title="Agroalimentare", slug="agroalimentare")
    ThematicGroupMembershipFactory(page=agri, partner=ptp)
    energy = ThematicGroupPageFactory(
        title="Energia e Ambiente", slug="energia-e-ambiente", sector=Sector.ENERGY_ENVIRONMENT
    )
    ThematicGroupMembershipFactory(page=energy, partner=wrs)
    publish(agri)
    publish(energy)
    return SimpleNamespace(
        agri=agri,
        energy=energy,
        ptp=ptp,
        wrs=wrs,
        agri_workspace=group_workspace(agri),
        energy_workspace=group_workspace(energy),
    )


@pytest.fixture
def people(groups):
    """A partner in Agroalimentare (the member), one in Energia e Ambiente only (the outsider)
    and an editor; `tokens` holds each one's API token (None for the anonymous visitor).

    tests/api and tests/core have casts of their own under this name."""
    member = partner_user("socio", groups.ptp)
    outsider = partner_user("esterno", groups.wrs)
    editor = UserFactory(username="redattore", groups=[Group.objects.get(name="Editors")])
    users = {"anonymous": None, "outsider": outsider, "member": member, "editor": editor}
    tokens = {
        who: (APIToken.create_token(user=user, name=f"sito di {who}")[1] if user else None)
        for who, user in users.items()
    }
    return SimpleNamespace(**users, users=users, tokens=tokens)


@pytest.fixture
def documents(groups):
    """A private working document of Agroalimentare and a public report of the same group."""
    workspace: WorkspacePage = groups.agri_workspace
    private = ProjectDocumentFactory(
        title=PRIVATE_TITLE,
        file=pdf_file(name="verbale-zafferano.pdf", text=PRIVATE_TITLE),
        collection=workspace.collection,
        thematic_group=groups.agri,
        kind="minutes",
    )
    public_collection = Collection.objects.filter(
        name="Documenti pubblici"
    ).first() or CollectionFactory(name="Documenti pubblici")
    public = ProjectDocumentFactory(
        title=PUBLIC_TITLE,
        file=pdf_file(name="rapporto-zafferano.pdf", text=PUBLIC_TITLE),
        collection=public_collection,
        thematic_group=groups.agri,
        kind="report",
    )
    return SimpleNamespace(private=private, public=public)


@pytest.fixture
def client_for(client, people):
    """`client_for(who)`: the test client signed in as `who` (or anonymous)."""

    def login(who: str):
        client.logout()
        user = people.users[who]
        if user is not None:
            client.force_login(user)
        return client

    return login
