"""Fixtures for the API tests: a small but complete catalogue, its audiences and their tokens."""

import datetime
from types import SimpleNamespace

import pytest
import wagtail_factories
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import Client
from wagtail.models import APIToken, BaseViewRestriction

from tests.api.helpers import release_body, token_for
from tests.factories import (
    CollectionFactory,
    CollectionViewRestrictionFactory,
    GroupFactory,
    PageViewRestrictionFactory,
    PartnerPageFactory,
    PressReleaseDocumentFactory,
    PressReleaseGroupFactory,
    PressReleasePageFactory,
    PressReleasePartnerFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    UserFactory,
    publish_translation,
)


@pytest.fixture
def people(db):
    """Who asks: a member of the partners' auth group, an outsider, and their tokens."""
    group = GroupFactory(name="Partner di progetto")
    member = UserFactory(username="socio", groups=[group])
    outsider = UserFactory(username="esterno")
    revoked_token, revoked = APIToken.create_token(user=member, name="vecchio token")
    revoked_token.revoke()
    return SimpleNamespace(
        group=group,
        member=member,
        outsider=outsider,
        member_token=token_for(member),
        outsider_token=token_for(outsider),
        revoked_token=revoked,
    )


@pytest.fixture
def catalogue(site_tree, people):
    """One of each kind of content, public and private, with an English translation."""
    image = wagtail_factories.ImageFactory(title="Logo Regione", description="Logo della Regione")
    private_collection = CollectionFactory(name="Riservata ai partner")
    CollectionViewRestrictionFactory(
        collection=private_collection,
        restriction_type=BaseViewRestriction.GROUPS,
        groups=[people.group],
    )
    # A child of the restricted collection: the restriction reaches it too.
    private_subcollection = CollectionFactory(name="Verbali", parent=private_collection)
    private_image = wagtail_factories.ImageFactory(
        title="Foto riservata", collection=private_collection
    )

    lead = PartnerPageFactory(
        title="Regione Lombardia", short_name="RL", logo=image, country="IT", city="Milano"
    )
    stuttgart = PartnerPageFactory(
        title="Wirtschaftsförderung Region Stuttgart",
        short_name="WRS",
        country="DE",
        region="Baden-Württemberg",
        city="Stoccarda",
        kind="cluster_manager",
    )
    energy = ThematicGroupPageFactory(
        title="Energia e ambiente",
        sector="energy_environment",
        objectives=f'<p>Guidato da <a linktype="page" id="{lead.pk}">RL</a>.</p>',
    )
    ThematicGroupMembershipFactory(page=energy, partner=lead, role="coordinator")
    ThematicGroupMembershipFactory(page=energy, partner=stuttgart, role="member")
    ict = ThematicGroupPageFactory(title="ICT", sector="ict")

    public_doc = ProjectDocumentFactory(
        title="Programma del forum", thematic_group=energy, kind="presentation"
    )
    public_doc.tags.add("forum")
    private_doc = ProjectDocumentFactory(
        title="Verbale interno", collection=private_subcollection, kind="minutes"
    )
    plan_pdf = ProjectDocumentFactory(title="Piano energia (PDF)", kind="plan")
    plan = StrategicPlanPageFactory(
        title="Piano strategico energia",
        group=energy,
        status="adopted",
        adopted_on=datetime.date(2013, 5, 20),
        attachment=plan_pdf,
    )
    plan.sections[1].value["owner"] = lead
    plan.save_revision().publish()

    release = PressReleasePageFactory(
        title="Avviati i gruppi tematici",
        date=datetime.date(2012, 1, 16),
        listing_image=image,
        tags=["cluster", "energia"],
        body=release_body(
            partner=lead, public_doc=public_doc, private_doc=private_doc, image=image
        ),
    )
    PressReleaseGroupFactory(page=release, group=energy)
    PressReleasePartnerFactory(page=release, partner=lead)
    PressReleaseDocumentFactory(page=release, document=public_doc)
    PressReleaseDocumentFactory(page=release, document=private_doc)
    older = PressReleasePageFactory(title="Firmato il partenariato", date=datetime.date(2011, 9, 1))
    restricted = PressReleasePageFactory(
        title="Riunione riservata del comitato", date=datetime.date(2012, 2, 1)
    )
    PageViewRestrictionFactory(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS, groups=[people.group]
    )
    draft = PressReleasePageFactory(title="Bozza non pubblicata", live=False)
    release_en = publish_translation(release, title="Thematic groups launched")

    return SimpleNamespace(
        tree=site_tree,
        image=image,
        private_image=private_image,
        private_collection=private_collection,
        lead=lead,
        stuttgart=stuttgart,
        energy=energy,
        ict=ict,
        plan=plan,
        plan_pdf=plan_pdf,
        public_doc=public_doc,
        private_doc=private_doc,
        release=release,
        release_en=release_en,
        older=older,
        restricted=restricted,
        draft=draft,
    )


@pytest.fixture
def client():
    return Client()


def _keep_connection_open() -> None:
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)


class ConnectionKeepingWSGIHandler(WSGIHandler):
    """The project's WSGI application, keeping the test's database connection open.

    Django closes connections when a request starts and finishes; inside a test that is the
    connection holding the test's transaction (on PostgreSQL the next query fails). Django's
    test client disconnects the same handler around its own requests and reconnects it
    afterwards, so each call here disconnects it again.
    """

    def __call__(self, environ, start_response):
        _keep_connection_open()
        return super().__call__(environ, start_response)


@pytest.fixture
def keep_test_connection():
    """Leaves Django's connection-closing handler disconnected for the test, then restores it."""
    _keep_connection_open()
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def wsgi_app(keep_test_connection):
    """The project as a WSGI application, for tools that speak WSGI (schemathesis, werkzeug)."""
    return ConnectionKeepingWSGIHandler()
