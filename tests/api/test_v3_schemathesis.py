"""Schemathesis against /api/v3/openapi.json with every check it has, anonymous and with a token.

Every built-in check runs: no 5xx, status codes, content types, response bodies and headers
as described, negative data refused, positive data accepted, unsupported methods, Allow
headers, missing headers, ignored authentication, and the stateful checks (use after free,
resource availability, object-level authorization), which find nothing to link in a read-only
API and pass. Bounded so that each operation stays well under a minute on a busy machine.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import ConnectionKeepingWSGIHandler

pytestmark = pytest.mark.django_db

# The page types having each field that a page list filters or orders by (docs/api.md).
FIELD_TYPES = {
    "sector": {"groups.ThematicGroupPage"},
    "country": {"groups.PartnerPage"},
    "kind": {"groups.PartnerPage"},
    "status": {"knowledge.StrategicPlanPage"},
    "tags": {"home.PressReleasePage"},
    "date": {"home.PressReleasePage"},
}

# Loaded at collection: describing the API needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", ConnectionKeepingWSGIHandler())


def documented_refusal(case) -> str | None:
    """The 400 a schema-valid page list gets for a filter or order its `type` cannot take.

    OpenAPI has no way to say that one query parameter depends on another's value, so these
    combinations are valid by the schema and refused by the API, with a message naming the
    type to add (docs/api.md, "API v3 errors").
    """
    if case.operation.label != "GET /api/v3/pages/":
        return None
    query = case.query or {}
    chosen = query.get("type")
    wanted = [(name, name) for name in ("sector", "country", "kind", "status", "tags")]
    wanted = [(name, field) for name, field in wanted if query.get(name)]
    if order := query.get("order"):
        wanted.append((f"order={order}", order.lstrip("-")))
    for parameter, field in wanted:
        types = FIELD_TYPES.get(field)
        if types and chosen not in types:
            return f"{parameter} needs a page type that has {field}: add type={min(types)} ("
    return None


def positive_data_acceptance_with_type_dependencies(ctx, response, case):
    """Schemathesis's positive-data check, where a field's page-type dependency is respected.

    For the combinations `documented_refusal` names, the documented 400 is asserted instead;
    every other schema-valid request must be accepted.
    """
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return positive_data_acceptance(ctx, response, case)  # it checks positive data only
    expected = documented_refusal(case)
    if expected is None:
        return positive_data_acceptance(ctx, response, case)
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith(expected), response.text
    return None


CHECKS = {
    "excluded_checks": [positive_data_acceptance],
    "additional_checks": [positive_data_acceptance_with_type_dependencies],
}


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_v3_conforms_to_its_openapi_description(case, catalogue, people, keep_test_connection):
    case.call_and_validate(**CHECKS)
    case.call_and_validate(headers={"Authorization": f"Bearer {people.member_token}"}, **CHECKS)
