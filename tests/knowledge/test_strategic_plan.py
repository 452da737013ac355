"""The rules of a strategic plan: what it enforces on save, and which plan is a thematic
group's current one, on the group's page and in the APIs alike."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import APIToken, BaseViewRestriction

from cms.knowledge.models import PlanStatus, StrategicPlanPage
from cms.knowledge.selectors import strategic_plan_for_group
from tests import html
from tests.factories import (
    GroupFactory,
    PageViewRestrictionFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
    ThematicGroupPageFactory,
    UserFactory,
    docx_file,
    pdf_file,
    publish_translation,
)
from tests.signin import bearer

pytestmark = pytest.mark.django_db


class TestStrategicPlanClean:
    """An adopted plan records its date; the attached plan is a PDF."""

    def test_draft_plan_without_dates_is_valid(self, site_tree):
        StrategicPlanPageFactory(status=PlanStatus.DRAFT, adopted_on=None).full_clean()

    def test_adopted_plan_needs_its_adoption_date(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.status = PlanStatus.ADOPTED
        plan.adopted_on = None
        with pytest.raises(ValidationError) as excinfo:
            plan.full_clean()
        assert "adopted_on" in excinfo.value.message_dict

    def test_adopted_plan_with_date_is_valid(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.status = PlanStatus.ADOPTED
        plan.adopted_on = datetime.date(2012, 11, 30)
        plan.full_clean()

    def test_non_pdf_attachment_is_refused(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.attachment = ProjectDocumentFactory(file=docx_file("piano.docx"))
        with pytest.raises(ValidationError) as excinfo:
            plan.full_clean()
        assert "attachment" in excinfo.value.message_dict

    def test_pdf_attachment_is_accepted_whatever_the_case_of_its_extension(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.attachment = ProjectDocumentFactory(file=pdf_file("PIANO.PDF"))
        plan.full_clean()

    def test_refused_plan_is_not_saved(self, site_tree):
        plan = StrategicPlanPageFactory(title="Piano ICT")
        plan.status = PlanStatus.ADOPTED
        plan.adopted_on = None
        with pytest.raises(ValidationError):
            plan.save()
        plan.refresh_from_db()
        assert plan.status == PlanStatus.DRAFT


INSTANT = timezone.make_aware(datetime.datetime(2013, 2, 1, 9, 30))


def published_at(plan, instant) -> None:
    StrategicPlanPage.objects.filter(pk=plan.pk).update(last_published_at=instant)


def api_plan_id(client, group, version: str = "v2", **headers) -> int | None:
    """The id of the plan the API names for `group`, through v2 or v3."""
    address = {"v2": f"/api/v2/pages/{group.pk}/", "v3": f"/api/v3/pages/{group.pk}/"}[version]
    response = client.get(address, **headers)
    assert response.status_code == 200, response.content
    plan = response.json()["plan"]
    return plan and plan["id"]


def page_plan(client, group):
    """The plan the group's page shows."""
    response = client.get(group.url)
    assert response.status_code == 200
    plan = response.context["strategic_plan"]
    if plan is not None:
        assert plan.url in html.hrefs(response)
    return plan


@pytest.fixture
def group(site_tree):
    return ThematicGroupPageFactory(title="Turismo", sector="tourism")


class TestCurrentPlan:
    """One rule, `current_plan_ids`, for the plan a group shows, wherever it is shown."""

    def test_the_latest_published_plan_is_the_current_one(self, client, group):
        older = StrategicPlanPageFactory(title="Piano turismo 2012", group=group)
        newer = StrategicPlanPageFactory(title="Piano turismo 2013", group=group)
        published_at(older, INSTANT)
        published_at(newer, INSTANT - datetime.timedelta(days=1))
        # Published last, though created first.
        assert strategic_plan_for_group(group=group).pk == older.pk
        assert api_plan_id(client, group) == older.pk
        assert api_plan_id(client, group, "v3") == older.pk
        assert page_plan(client, group).pk == older.pk

    def test_plans_published_at_the_same_instant_give_the_same_answer_everywhere(
        self, client, group
    ):
        plans = [
            StrategicPlanPageFactory(title=f"Piano turismo, versione {n}", group=group)
            for n in range(3)
        ]
        for plan in plans:
            published_at(plan, INSTANT)
        last_created = max(plan.pk for plan in plans)
        assert strategic_plan_for_group(group=group).pk == last_created
        assert api_plan_id(client, group) == last_created
        assert page_plan(client, group).pk == last_created

    def test_a_plan_never_published_comes_after_the_published_ones(self, client, group):
        published = StrategicPlanPageFactory(title="Piano turismo", group=group)
        published_at(published, INSTANT)
        unstamped = StrategicPlanPageFactory(title="Piano turismo, importato", group=group)
        published_at(unstamped, None)
        # PostgreSQL puts NULL first in a descending order, SQLite last: the rule says last.
        assert strategic_plan_for_group(group=group).pk == published.pk
        assert api_plan_id(client, group) == published.pk

    def test_every_version_of_a_group_has_the_same_plan_in_its_own_language(self, client, group):
        first = StrategicPlanPageFactory(title="Piano turismo 2012", group=group)
        first_en = publish_translation(first, "en", title="Tourism plan 2012")
        second = StrategicPlanPageFactory(title="Piano turismo 2013", group=group)
        group_en = publish_translation(group, "en", title="Tourism")
        published_at(first, INSTANT - datetime.timedelta(days=2))
        published_at(second, INSTANT - datetime.timedelta(days=1))
        # The English text of the old plan came out last: it is still the old plan.
        published_at(first_en, INSTANT)

        for shown in (group, group_en):
            assert strategic_plan_for_group(group=shown).pk == second.pk
            assert api_plan_id(client, shown) == second.pk
            assert api_plan_id(client, shown, "v3") == second.pk
            assert page_plan(client, shown).pk == second.pk

        second_en = publish_translation(second, "en", title="Tourism plan 2013")
        published_at(second_en, INSTANT)
        assert strategic_plan_for_group(group=group).pk == second.pk
        assert strategic_plan_for_group(group=group_en).pk == second_en.pk
        assert api_plan_id(client, group) == second.pk
        assert api_plan_id(client, group_en) == second_en.pk
        assert api_plan_id(client, group_en, "v3") == second_en.pk
        assert page_plan(client, group_en).pk == second_en.pk

    def test_a_restricted_plan_is_current_only_for_those_who_may_see_it(self, client, group):
        public = StrategicPlanPageFactory(title="Piano turismo", group=group)
        restricted = StrategicPlanPageFactory(title="Piano turismo, bozza", group=group)
        published_at(public, INSTANT - datetime.timedelta(days=1))
        published_at(restricted, INSTANT)
        partners = GroupFactory(name="Partner di progetto")
        PageViewRestrictionFactory(
            page=restricted, restriction_type=BaseViewRestriction.GROUPS, groups=[partners]
        )
        member = UserFactory(username="socio", groups=[partners])
        token = APIToken.create_token(user=member, name="sito partner")[1]

        assert api_plan_id(client, group) == public.pk
        assert page_plan(client, group).pk == public.pk
        assert api_plan_id(client, group, **bearer(token)) == restricted.pk
        assert api_plan_id(client, group, "v3", **bearer(token)) == restricted.pk
        client.force_login(member)
        assert page_plan(client, group).pk == restricted.pk

    def test_a_newer_restricted_plan_shows_through_its_public_translation(self, client, group):
        older = StrategicPlanPageFactory(title="Piano turismo 2012", group=group)
        newer = StrategicPlanPageFactory(title="Piano turismo 2013", group=group)
        newer_en = publish_translation(newer, "en", title="Tourism plan 2013")
        group_en = publish_translation(group, "en", title="Tourism")
        published_at(older, INSTANT - datetime.timedelta(days=1))
        published_at(newer, INSTANT)
        partners = GroupFactory(name="Partner di progetto")
        # Only the Italian text is restricted: the English tree is public.
        PageViewRestrictionFactory(
            page=newer, restriction_type=BaseViewRestriction.GROUPS, groups=[partners]
        )
        assert api_plan_id(client, group) == older.pk
        assert page_plan(client, group).pk == older.pk
        assert api_plan_id(client, group_en) == newer_en.pk
        assert page_plan(client, group_en).pk == newer_en.pk

    def test_an_alias_of_a_plan_is_not_a_plan_of_its_own(self, client, group):
        plan = StrategicPlanPageFactory(title="Piano turismo", group=group)
        alias = plan.create_alias(update_slug="piano-turismo-copia")
        published_at(plan, INSTANT - datetime.timedelta(days=1))
        published_at(alias, INSTANT)
        assert strategic_plan_for_group(group=group).pk == plan.pk
        assert api_plan_id(client, group) == plan.pk

    def test_a_list_of_groups_in_both_languages_names_each_its_own_plan(self, client, site_tree):
        tourism = ThematicGroupPageFactory(title="Turismo", sector="tourism")
        ict = ThematicGroupPageFactory(title="ICT", sector="ict")
        agrifood = ThematicGroupPageFactory(title="Agroalimentare", sector="agri_food")
        tourism_plan = StrategicPlanPageFactory(title="Piano turismo", group=tourism)
        ict_plan = StrategicPlanPageFactory(title="Piano ICT", group=ict)
        tourism_en = publish_translation(tourism, "en", title="Tourism")
        ict_en = publish_translation(ict, "en", title="ICT")
        tourism_plan_en = publish_translation(tourism_plan, "en", title="Tourism plan")
        response = client.get(
            "/api/v2/pages/", {"type": "groups.ThematicGroupPage", "fields": "plan"}
        )
        assert response.status_code == 200, response.content
        plans = {
            item["id"]: item["plan"] and item["plan"]["id"] for item in response.json()["items"]
        }
        assert plans == {
            tourism.pk: tourism_plan.pk,
            ict.pk: ict_plan.pk,
            tourism_en.pk: tourism_plan_en.pk,
            # No English text of the ICT plan yet: the Italian one.
            ict_en.pk: ict_plan.pk,
            agrifood.pk: None,
        }
