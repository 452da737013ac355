"""Hypothesis over API v2 query parameters: whatever a client sends, never a 5xx."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.api.v2 import UNFORESEEN_REFUSAL

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v2/pages/", "/api/v2/documents/", "/api/v2/images/", "/api/v2/pages/find/"]
NAMES = [
    "limit",
    "offset",
    "type",
    "fields",
    "order",
    "search",
    "search_operator",
    "locale",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "tags",
    "sector",
    "country",
    "kind",
    "status",
    "date",
    "title",
    "id",
    "slug",
    "show_in_menus",
    "first_published_at",
    "group",
    "thematic_group",
    "language",
    "created_at",
    "width",
    "html_url",
    "body",
    "related_groups",
    "_",
]
TYPES = [
    "home.PressReleasePage",
    "groups.PartnerPage",
    "groups.ThematicGroupPage",
    "knowledge.StrategicPlanPage",
    "wagtailcore.Page",
    "home.PressReleasePage,groups.PartnerPage",
]
TOKENS = [
    "*",
    "_",
    "-title",
    "date",
    "random",
    "root",
    "it",
    "en",
    "IT",
    "ict",
    "adopted",
    "true",
    "2012-01-16",
    "body(id)",
    "*,-body",
    "tags,translations",
]
numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)
# Characters str.isdigit() accepts but int() refuses, and digits int() reads from other scripts.
odd_digits = st.text(alphabet="0123456789²³¹٣৪-+ _", min_size=1, max_size=6)
values = st.one_of(numbers, odd_digits, st.sampled_from(TOKENS + TYPES), st.text(max_size=30))
names = st.one_of(st.sampled_from(NAMES), st.sampled_from(NAMES), st.text(max_size=8))
# Half the queries name a valid page type, so that field filters reach the database.
params = st.builds(
    lambda typed, other: {**other, **typed},
    st.fixed_dictionaries({}, optional={"type": st.sampled_from(TYPES)}),
    st.dictionaries(names, values, max_size=4),
)


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(endpoint=st.sampled_from(ENDPOINTS), query=params)
def test_no_query_makes_the_api_fail(client, catalogue, endpoint, query):
    response = client.get(endpoint, query)
    assert response.status_code < 500, (endpoint, query, response.content[:300])
    if response.status_code >= 400:
        # Every refusal is foreseen and worded for the client, never Wagtail's own.
        assert response.json()["message"] != UNFORESEEN_REFUSAL, (endpoint, query)


@settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    endpoint=st.sampled_from(["pages", "documents", "images"]),
    object_id=st.one_of(numbers, odd_digits, st.text(max_size=12)),
    query=params,
)
def test_no_detail_request_makes_the_api_fail(client, catalogue, endpoint, object_id, query):
    response = client.get(f"/api/v2/{endpoint}/{object_id}/", query)
    assert response.status_code < 500, (endpoint, object_id, query, response.content[:300])
    if response.status_code >= 400:
        assert response.json()["message"] != UNFORESEEN_REFUSAL, (endpoint, object_id, query)
