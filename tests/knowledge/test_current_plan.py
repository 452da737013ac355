"""A thematic group's current strategic plan: one rule for its page and for the API."""

import datetime

import pytest
from django.utils import timezone

from cms.knowledge.models import StrategicPlanPage
from cms.knowledge.selectors import strategic_plan_for_group
from tests.factories import StrategicPlanPageFactory, ThematicGroupPageFactory

pytestmark = pytest.mark.django_db

INSTANT = timezone.make_aware(datetime.datetime(2013, 2, 1, 9, 30))


def api_plan_id(client, group) -> int | None:
    response = client.get(f"/api/v2/pages/{group.pk}/")
    assert response.status_code == 200, response.content
    plan = response.json()["plan"]
    return plan and plan["id"]


@pytest.fixture
def group(site_tree):
    return ThematicGroupPageFactory(title="Turismo", sector="tourism")


def test_the_latest_published_plan_is_the_current_one(client, group):
    older = StrategicPlanPageFactory(title="Piano turismo 2012", group=group)
    newer = StrategicPlanPageFactory(title="Piano turismo 2013", group=group)
    StrategicPlanPage.objects.filter(pk=older.pk).update(last_published_at=INSTANT)
    StrategicPlanPage.objects.filter(pk=newer.pk).update(
        last_published_at=INSTANT - datetime.timedelta(days=1)
    )
    # Published last, though created first.
    assert strategic_plan_for_group(group=group).pk == older.pk
    assert api_plan_id(client, group) == older.pk


def test_plans_published_at_the_same_instant_give_the_same_answer_everywhere(client, group):
    plans = [
        StrategicPlanPageFactory(title=f"Piano turismo, versione {n}", group=group)
        for n in range(3)
    ]
    StrategicPlanPage.objects.filter(pk__in=[plan.pk for plan in plans]).update(
        last_published_at=INSTANT
    )
    last_created = max(plan.pk for plan in plans)
    assert strategic_plan_for_group(group=group).pk == last_created
    assert api_plan_id(client, group) == last_created
    page = client.get(group.url)
    assert page.context["page"].strategic_plan.pk == last_created
