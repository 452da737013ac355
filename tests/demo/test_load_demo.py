"""The `load_demo` command: the Clusters Cord content, loaded once per module, safe to repeat."""

import io
import re
from collections import Counter

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as odf_load
from pypdf import PdfReader
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from cms.groups.models import (
    MembershipRole,
    PartnerPage,
    ProjectRole,
    Sector,
    ThematicGroupIndexPage,
    ThematicGroupMembership,
    ThematicGroupPage,
    WorkspacePage,
)
from cms.home.models import HomePage, PressReleasePage
from cms.knowledge.models import PlanStatus, ProjectDocument, StrategicPlanPage
from cms.knowledge.selectors import strategic_plan_for_group
from tests import html
from tests.demo_loading import DEMO_PASSWORD, demo_loaded
from tests.signin import ADMIN_LOGIN, signed_in

# The ten project partners as the seed press release lists them, with their countries.
SEED_PARTNERS = {
    "Regional Development Agency of Usti Region": "CZ",
    "Centre for research, innovation and regional development": "CZ",
    "Regional Development Agency Bielsko-Biala": "PL",
    "ARLEG S.A. Regional Development Agency": "PL",
    "Business Support Centre": "SI",
    "Regional Development Agency of Piestany": "SK",
    "Mid-Pannon Regional Development Company": "HU",
    "Stuttgart Region Economic Development Corporation": "DE",
    "Upper Austrian Chamber of Commerce": "AT",
    "Milano Metropoli Agenzia di Sviluppo": "IT",
}


def snapshot() -> dict[str, object]:
    """Row counts of everything the demo writes."""
    # Per type in the source language; the English tree is counted as a whole.
    pages_per_type = Counter(
        f"{page.content_type.app_label}.{page.content_type.model}"
        for page in Page.objects.filter(locale__language_code="it").select_related("content_type")
    )
    return {
        "pages": dict(pages_per_type),
        "english pages": Page.objects.filter(locale__language_code="en").count(),
        "live pages": Page.objects.live().count(),
        "documents": ProjectDocument.objects.count(),
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": ThematicGroupMembership.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, what it wrote counted, rolled back at its end."""
    with demo_loaded(django_db_blocker) as output:
        yield {"counts": snapshot(), "output": output}


# Every test touches the database, so pytest-django keeps the module's tests together
# and the module-scoped load happens once.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


@pytest.fixture
def partners(db) -> list[PartnerPage]:
    return list(PartnerPage.objects.filter(locale__language_code="it"))


def _partner(partners, fragment: str) -> PartnerPage:
    matches = [p for p in partners if fragment in p.title]
    assert len(matches) == 1, (fragment, [p.title for p in partners])
    return matches[0]


def test_quiet_at_verbosity_zero(demo):
    assert demo["output"] == ""


def test_second_run_changes_nothing(db, demo):
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    assert snapshot() == demo["counts"]


def test_counts_are_plausible(db, demo):
    pages = demo["counts"]["pages"]
    assert pages["home.homepage"] == 1
    assert pages["groups.partnerpage"] == 11
    assert pages["groups.thematicgrouppage"] == 5
    assert pages["knowledge.strategicplanpage"] == 5
    assert pages["home.pressreleasepage"] >= 4
    for index in ("pressreleaseindexpage", "partnerindexpage", "thematicgroupindexpage"):
        assert sum(v for k, v in pages.items() if k.endswith(index)) == 1, index
    assert pages["knowledge.knowledgeindexpage"] == 1
    assert "wagtailcore.page" in pages  # the tree root
    # Every Italian page but the tree root has its English version.
    assert demo["counts"]["english pages"] == sum(pages.values()) - 1
    assert demo["counts"]["revisions"] >= demo["counts"]["live pages"] - 1


def test_site_is_rooted_at_the_italian_home(db, client):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "it"
    # Wagtail's welcome page is gone: the homes of the two languages are the only top pages.
    top = Page.objects.filter(depth=2)
    assert sorted(top.values_list("locale__language_code", flat=True)) == ["en", "it"]
    assert {page.specific_class for page in top} == {HomePage}
    assert client.get("/it/").status_code == 200


def test_ten_partners_in_eight_countries(partners):
    for fragment, country in SEED_PARTNERS.items():
        partner = _partner(partners, fragment)
        assert partner.country.code == country, fragment
        assert partner.project_role in {ProjectRole.LEAD_PARTNER, ProjectRole.PARTNER}
        assert partner.live
    project_partners = [p for p in partners if p.project_role != ProjectRole.ASSOCIATED]
    assert len(project_partners) == 10
    assert {p.country.code for p in project_partners} == {
        "IT",
        "DE",
        "HU",
        "SK",
        "CZ",
        "PL",
        "SI",
        "AT",
    }
    lead = _partner(partners, "Usti Region")
    assert lead.project_role == ProjectRole.LEAD_PARTNER
    ptp = _partner(partners, "Parco Tecnologico Padano")
    assert ptp.country.code == "IT"
    assert ptp.project_role == ProjectRole.ASSOCIATED


def test_five_groups_one_per_sector(db):
    groups = ThematicGroupPage.objects.filter(locale__language_code="it")
    assert sorted(groups.values_list("sector", flat=True)) == sorted(Sector.values)
    for group in groups:
        assert group.live
        assert group.coordinators, group.title
        assert group.activities, group.title


def test_milano_metropoli_coordinates_agri_food_with_ptp(db, partners):
    milano = _partner(partners, "Milano Metropoli")
    ptp = _partner(partners, "Parco Tecnologico Padano")
    agrifood = ThematicGroupPage.objects.get(sector=Sector.AGRI_FOOD, locale__language_code="it")
    assert agrifood.coordinators == [milano]
    assert agrifood.supporters == [ptp]
    assert ThematicGroupMembership.objects.get(page=agrifood, partner=ptp).role == (
        MembershipRole.SUPPORT
    )
    # Milano Metropoli also directs the exchange across all the groups.
    group_index = ThematicGroupIndexPage.objects.get(locale__language_code="it")
    assert group_index.coordinator.specific == milano
    assert agrifood in milano.thematic_groups


def test_one_draft_plan_per_group(db):
    plans = StrategicPlanPage.objects.filter(locale__language_code="it").select_related("group")
    assert plans.count() == 5
    assert {plan.status for plan in plans} == {PlanStatus.DRAFT}
    groups = ThematicGroupPage.objects.filter(locale__language_code="it")
    assert {plan.group_id for plan in plans} == set(groups.values_list("pk", flat=True))
    for group in groups:
        plan = strategic_plan_for_group(group=group)
        assert plan is not None and plan.group_id == group.pk, group.title
    for plan in plans:
        assert plan.sections, plan.title
        plan.full_clean()


def test_at_least_four_live_press_releases(db):
    releases = PressReleasePage.objects.live().filter(locale__language_code="it")
    assert releases.count() >= 4
    for release in releases:
        assert release.lead and release.body, release.title


def test_seed_release_reads_correctly(db, client):
    releases = PressReleasePage.objects.live().filter(locale__language_code="it")
    texts = {release.title: html.text(client.get(release.url)) for release in releases}
    seed = [
        title
        for title, text in texts.items()
        if "gruppi tematici" in text
        and "Parco Tecnologico Padano" in text
        and "Sesto San Giovanni" in text
        and "meta-cluster" in text
    ]
    assert seed, "no press release tells the seed's story"
    for title in seed:
        # The seed's "č stato" is a mis-encoded "è stato".
        assert "è stato" in texts[title], title
        assert "č" not in texts[title], title


def _extracted_text(document: ProjectDocument) -> str:
    name = document.file.name.lower()
    with document.file.open("rb") as handle:
        data = io.BytesIO(handle.read())
    if name.endswith(".pdf"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(data).pages)
    if name.endswith(".docx"):
        return "\n".join(paragraph.text for paragraph in docx.Document(data).paragraphs)
    if name.endswith(".odt"):
        opened = odf_load(data)
        nodes = [*opened.getElementsByType(odf_text.H), *opened.getElementsByType(odf_text.P)]
        return "\n".join(teletype.extractText(node) for node in nodes)
    raise AssertionError(f"unexpected document type: {name}")


def _words(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def test_documents_are_real_files_with_text(db):
    documents = list(ProjectDocument.objects.select_related("collection"))
    assert documents
    for document in documents:
        assert document.file.size > 0, document.title
        text = _words(_extracted_text(document))
        assert len(text) > 40, document.title
        # Every file opens on its own title.
        assert _words(document.title)[:30] in text, (document.title, text[:200])


def test_documents_are_filed_in_collections(db):
    root = Collection.get_first_root_node()
    documents = ProjectDocument.objects.select_related("collection")
    assert not documents.filter(collection=root).exists()
    names = set(documents.values_list("collection__name", flat=True))
    assert len(names) >= 2
    assert len({doc.file.name.rsplit(".", 1)[-1] for doc in documents}) == 3


def test_demo_password_sets_the_logins(db):
    users = {user.username: user for user in get_user_model().objects.all()}
    admin, editor = users["admin"], users["editor"]
    assert admin.is_superuser and admin.is_active
    assert not editor.is_superuser and editor.is_active
    for user in (admin, editor):
        assert user.check_password(DEMO_PASSWORD), user.username


def test_a_new_demo_password_replaces_the_old(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "un-altra-password-2013")
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    for username in ("admin", "editor"):
        user = get_user_model().objects.get(username=username)
        assert user.check_password("un-altra-password-2013"), username
        assert not user.check_password(DEMO_PASSWORD), username


def test_editor_can_log_in(db, client):
    assert signed_in(client, username="editor", password=DEMO_PASSWORD, path=ADMIN_LOGIN)
    assert client.get("/admin/").status_code == 200


def test_every_demo_page_renders(db, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) > 25
    for page in pages:
        url = page.url
        response = client.get(url)
        if isinstance(page, WorkspacePage):
            # Private: a visitor is sent to sign in first.
            assert response.status_code == 302, url
            assert "/account/login/?next=" in response["Location"]
        else:
            assert response.status_code == 200, (url, response.status_code)
