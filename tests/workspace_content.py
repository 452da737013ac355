"""Fixtures for the workspace tests: two thematic groups with their workspaces, the people the
privacy rule tells apart, their API tokens, and a private and a public document."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from wagtail.models import APIToken, Collection

from cms.groups.models import PartnerAccount, Sector, WorkspacePage
from cms.groups.selectors.workspaces import group_workspace
from tests.factories import (
    CollectionFactory,
    PartnerPageFactory,
    ProjectDocumentFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    UserFactory,
    pdf_file,
)

# Words no other fixture uses, so search results can be told apart.
PRIVATE_TITLE = "Verbale riservato sulla filiera dello zafferano"
PUBLIC_TITLE = "Rapporto pubblico sulla filiera dello zafferano"
PEOPLE = ("anonymous", "outsider", "member", "editor")


def bearer(token: str | None) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}


def publish(page):
    """Publish `page` as the admin does (a revision), so the publication signals fire."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


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


def _partner_user(username: str, partner):
    user = UserFactory(username=username, email=f"{username}@example.org")
    PartnerAccount.objects.create(user=user, partner=partner)
    user.refresh_from_db()
    return user


@pytest.fixture
def people(groups):
    """A partner in Agroalimentare (the member), one in Energia e Ambiente only (the outsider)
    and an editor; `tokens` holds each one's API token (None for the anonymous visitor)."""
    member = _partner_user("socio", groups.ptp)
    outsider = _partner_user("esterno", groups.wrs)
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
