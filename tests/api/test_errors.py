"""What the APIs answer when they refuse a request: exact messages, statuses and bodies.

Every message names the parameter, says what it accepts and how to fix the request; none
carries an internal name, an exception's text or a Python repr. docs/api.md lists them.
"""

import pytest
from django.test import Client

from tests.signin import bearer

pytestmark = pytest.mark.django_db

MAX_ID = 2**63 - 1
NOT_VISIBLE = "(it does not exist or is not visible to you)."
PAGE_TYPES = (
    "groups.PartnerIndexPage, groups.PartnerPage, groups.ThematicGroupIndexPage, "
    "groups.ThematicGroupPage, groups.WorkspacePage, home.HomePage, home.PressReleaseIndexPage, "
    "home.PressReleasePage, knowledge.KnowledgeIndexPage, knowledge.StrategicPlanPage, "
    "wagtailcore.Page"
)
PAGE_FIELDS = (
    "id, title, slug, show_in_menus, seo_title, search_description, first_published_at, alias_of"
)
V2_PAGE_PARAMETERS = (
    "ancestor_of, child_of, descendant_of, fields, limit, locale, offset, order, search, "
    "search_operator, translation_of, type"
)
FIELDS_RULE = (
    "fields must be a comma-separated list of field names, e.g. fields=date,tags (* first for "
    "every field, _ first for none, -name to leave one out, relation(sub,fields) for a "
    "relation's own fields)"
)


def message(response, status: int) -> str:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert "no-store" in response["Cache-Control"].split(", ")
    return response.json()["message"]


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


# API v2 ----------------------------------------------------------------------------------

V2_REFUSALS = [
    ({"limit": "abc"}, "limit must be a whole number from 0 to 100 (got 'abc')."),
    ({"limit": "101"}, "limit must be a whole number from 0 to 100 (got '101')."),
    ({"offset": "-5"}, "offset must be a whole number from 0 to 1000000000 (got '-5')."),
    (
        {"type": "home.Nothing"},
        "type must be one or more page types separated by commas, from "
        f"{PAGE_TYPES} (got 'home.Nothing').",
    ),
    (
        {"type": "knowledge.ProjectDocument"},
        "type must be one or more page types separated by commas, from "
        f"{PAGE_TYPES} (got 'knowledge.ProjectDocument').",
    ),
    ({"fields": "title,,"}, f"{FIELDS_RULE} (got 'title,,')."),
    ({"fields": "*,title"}, f"{FIELDS_RULE} (got '*,title')."),
    (
        {"fields": "nonexistent"},
        "fields: wagtailcore.Page has no field nonexistent; its fields are id, title, type, "
        "detail_url, html_url, slug, show_in_menus, seo_title, search_description, "
        "first_published_at, alias_of, locale.",
    ),
    (
        {"fields": "title(x)"},
        "fields: title is not a relation, so it takes no fields of its own in brackets; "
        "ask for title alone.",
    ),
    (
        {"order": "nonexistent"},
        "order: wagtailcore.Page cannot be ordered by 'nonexistent'. Order it by "
        f"{PAGE_FIELDS} (-name for descending), or random.",
    ),
    (
        {"order": "date"},
        "order: wagtailcore.Page cannot be ordered by 'date'. Order it by "
        f"{PAGE_FIELDS} (-name for descending), or random. date is a field of "
        "home.PressReleasePage: add type=home.PressReleasePage to use it.",
    ),
    (
        {"order": "random,title"},
        "order=random cannot be combined with other fields (got 'random,title').",
    ),
    (
        {"order": "random", "offset": "1"},
        "order=random cannot be combined with offset: random order has no stable pages and "
        "no relevance; leave out offset or order.",
    ),
    (
        {"order": "random", "search": "gruppi"},
        "order=random cannot be combined with search: random order has no stable pages and "
        "no relevance; leave out search or order.",
    ),
    (
        {"order": "slug", "search": "gruppi"},
        "order=slug cannot be combined with search: while searching, wagtailcore.Page can be "
        "ordered by id, title, show_in_menus, first_published_at; or leave out order to sort "
        "by relevance.",
    ),
    ({"locale": "xx"}, "locale must be one of en, it (got 'xx')."),
    (
        {"child_of": "abc"},
        f"child_of must be a page id (a whole number from 1 to {MAX_ID}) or root (got 'abc').",
    ),
    ({"child_of": "999999"}, f"child_of: no page with id 999999 {NOT_VISIBLE}"),
    (
        {"ancestor_of": "root"},
        f"ancestor_of must be a page id (a whole number from 1 to {MAX_ID}) (got 'root').",
    ),
    ({"ancestor_of": "999999"}, f"ancestor_of: no page with id 999999 {NOT_VISIBLE}"),
    ({"descendant_of": "999999"}, f"descendant_of: no page with id 999999 {NOT_VISIBLE}"),
    ({"translation_of": "999999"}, f"translation_of: no page with id 999999 {NOT_VISIBLE}"),
    (
        {"sector": "ict"},
        f"Unknown query parameter: sector. /api/v2/pages/ accepts {V2_PAGE_PARAMETERS}, the "
        f"fields of wagtailcore.Page ({PAGE_FIELDS}). sector is a field of "
        "groups.ThematicGroupPage: add type=groups.ThematicGroupPage to use it.",
    ),
    (
        {"format": "xml"},
        f"Unknown query parameter: format. /api/v2/pages/ accepts {V2_PAGE_PARAMETERS}, the "
        f"fields of wagtailcore.Page ({PAGE_FIELDS}).",
    ),
    (
        {"type": "groups.ThematicGroupPage", "sector": "gardening"},
        "sector must be one of agri_food, energy_environment, ict, life_sciences, tourism "
        "(got 'gardening').",
    ),
    (
        {"type": "groups.PartnerPage", "country": "it"},
        "country must be a two-letter ISO 3166-1 country code in capitals, e.g. DE (got 'it').",
    ),
    (
        {"type": "home.PressReleasePage", "date": "16/01/2012"},
        "date must be a date written YYYY-MM-DD, e.g. 2012-01-16 (got '16/01/2012').",
    ),
    (
        {"first_published_at": "yesterday"},
        "first_published_at must be a date and time in ISO 8601, e.g. "
        "2012-01-16T10:00:00+01:00 (got 'yesterday').",
    ),
    (
        {"show_in_menus": "maybe"},
        "show_in_menus must be true or false (or 1 or 0) (got 'maybe').",
    ),
    (
        {"type": "knowledge.StrategicPlanPage", "group": "abc"},
        f"group must be a whole number from 1 to {MAX_ID} (got 'abc').",
    ),
    (
        {"search_operator": "xor", "search": "g"},
        "search_operator must be one of and, or (got 'xor').",
    ),
    (
        {"search": "x" * 201},
        f"search must be at most 200 characters long (got '{'x' * 60}… (201 characters)').",
    ),
    (
        {"title": "nul\x00"},
        "Parameter title contains a NUL (0x00) character; remove it "
        "(query parameters may not contain NUL characters).",
    ),
]


@pytest.mark.parametrize(
    ("params", "expected"),
    V2_REFUSALS,
    ids=lambda value: (
        "&".join(f"{k}={v[:20]!r}" for k, v in value.items()) if isinstance(value, dict) else ""
    ),
)
def test_v2_page_refusals(client, site_tree, params, expected):
    assert message(client.get("/api/v2/pages/", params), 400) == expected


def test_v2_repeated_parameter(client, site_tree):
    response = client.get("/api/v2/pages/?type=home.HomePage&type=home.PressReleasePage")
    assert message(response, 400) == "type may be given only once (got 2 values)."


@pytest.mark.parametrize(
    ("url", "params", "status", "expected"),
    [
        (
            "/api/v2/documents/",
            {"kind": "poster"},
            400,
            "kind must be one of deliverable, minutes, other, plan, presentation, report "
            "(got 'poster').",
        ),
        (
            "/api/v2/documents/",
            {"created_at": "yesterday"},
            400,
            "created_at must be a date and time in ISO 8601, e.g. 2012-01-16T10:00:00+01:00 "
            "(got 'yesterday').",
        ),
        (
            "/api/v2/documents/",
            {"order": "file_size", "search": "piano"},
            400,
            "order=file_size cannot be combined with search: while searching, "
            "knowledge.ProjectDocument can be ordered by id, title, language, kind, "
            "thematic_group, created_at; or leave out order to sort by relevance.",
        ),
        (
            "/api/v2/images/",
            {"width": "wide"},
            400,
            f"width must be a whole number from -{MAX_ID} to {MAX_ID} (got 'wide').",
        ),
        (
            "/api/v2/images/",
            {"order": "colour"},
            400,
            "order: wagtailimages.Image cannot be ordered by 'colour'. Order it by id, title, "
            "width, height (-name for descending), or random.",
        ),
        (
            "/api/v2/pages/find/",
            {},
            400,
            "find needs html_path or id, e.g. /api/v2/pages/find/?id=8 (it redirects to the "
            "object's detail URL).",
        ),
        (
            "/api/v2/documents/find/",
            {},
            400,
            "find needs id, e.g. /api/v2/documents/find/?id=8 (it redirects to the object's "
            "detail URL).",
        ),
        (
            "/api/v2/pages/find/",
            {"id": "abc"},
            400,
            f"id must be an id, a whole number from 1 to {MAX_ID} (got 'abc').",
        ),
        ("/api/v2/pages/find/", {"id": "999999"}, 404, f"No page with id 999999 {NOT_VISIBLE}"),
        (
            "/api/v2/pages/find/",
            {"html_path": "/nope/"},
            404,
            f"No page with html_path '/nope/' {NOT_VISIBLE}",
        ),
        ("/api/v2/pages/999999/", {}, 404, f"No page with id 999999 {NOT_VISIBLE}"),
        (f"/api/v2/pages/{2**70}/", {}, 404, f"No page with id {2**70} {NOT_VISIBLE}"),
        ("/api/v2/documents/999999/", {}, 404, f"No document with id 999999 {NOT_VISIBLE}"),
        ("/api/v2/images/999999/", {}, 404, f"No image with id 999999 {NOT_VISIBLE}"),
        (
            "/api/v2/pages/abc/",
            {},
            404,
            "No API route at /api/v2/pages/abc/: /api/v2/pages/ takes an id, a whole number "
            "(e.g. /api/v2/pages/8/).",
        ),
        (
            "/api/v2/nothing/",
            {},
            404,
            "No API route at /api/v2/nothing/. The routes under /api/v2/ are /api/v2/pages/, "
            "/api/v2/documents/, /api/v2/images/, /api/v2/search/.",
        ),
        ("/api/v9/", {}, 404, "No API at /api/v9/. The APIs are /api/v2/ and /api/v3/."),
    ],
)
def test_v2_other_refusals(client, site_tree, url, params, status, expected):
    assert message(client.get(url, params), status) == expected


MANY_TAGS = [f"t{number}" for number in range(40)]


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        (
            "/api/v2/documents/",
            {"tags": ",".join(MANY_TAGS)},
            "tags must be at most 10 tags, separated by commas (got ",
        ),
        (
            "/api/v3/documents/",
            {"tags": MANY_TAGS},
            "tags must be at most 10 values, each text of at most 100 characters (repeat the "
            "parameter for more: tags=a&tags=b) (got '40 values').",
        ),
        (
            "/api/v3/pages/",
            {"type": "home.PressReleasePage", "tags": MANY_TAGS},
            "tags must be at most 10 values, each text of at most 100 characters (repeat the "
            "parameter for more: tags=a&tags=b) (got '40 values').",
        ),
    ],
)
def test_too_many_tags_are_refused_not_a_500(client, site_tree, url, params, expected):
    # Each tag is a join: forty made SQLite refuse the query ("at most 64 tables in a join").
    assert message(client.get(url, params), 400).startswith(expected)


@pytest.mark.parametrize("url", ["/api/v3/images/a%0Ab/", "/api/v2/pages/%0A/", "/api/v3/%0A"])
def test_a_path_with_a_line_break_is_a_json_404(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"].startswith("No API route at")


def test_v2_detail_refuses_a_bad_fields_list(client, catalogue):
    response = client.get(f"/api/v2/pages/{catalogue.lead.pk}/", {"fields": "colour"})
    assert message(response, 400).startswith(
        "fields: groups.PartnerPage has no field colour; its fields are id, title,"
    )


def test_v2_hidden_objects_are_refused_like_missing_ones(client, catalogue):
    response = client.get(f"/api/v2/pages/{catalogue.restricted.pk}/")
    assert message(response, 404) == f"No page with id {catalogue.restricted.pk} {NOT_VISIBLE}"
    response = client.get(f"/api/v2/documents/{catalogue.private_doc.pk}/")
    expected = f"No document with id {catalogue.private_doc.pk} {NOT_VISIBLE}"
    assert message(response, 404) == expected


class TestV2Combinations:
    """What Wagtail's v2 refuses to combine and Cordata's answers."""

    def test_search_with_tags(self, client, catalogue):
        params = {"type": "home.PressReleasePage", "tags": "energia", "search": "gruppi"}
        found = ids(client.get("/api/v2/pages/", params))
        assert sorted(found) == sorted([catalogue.release.pk, catalogue.release_en.pk])
        found = ids(client.get("/api/v2/documents/", {"tags": "forum", "search": "Programma"}))
        assert found == [catalogue.public_doc.pk]

    def test_search_with_a_field_that_is_not_indexed(self, client, catalogue):
        params = {"type": "groups.PartnerPage", "city": "Stoccarda", "search": "Stuttgart"}
        assert ids(client.get("/api/v2/pages/", params)) == [catalogue.stuttgart.pk]

    def test_search_ordered_by_an_indexed_field(self, client, catalogue):
        params = {"order": "title", "search": "Programma"}
        assert ids(client.get("/api/v2/documents/", params)) == [catalogue.public_doc.pk]

    def test_child_of_within_descendant_of(self, client, catalogue):
        tree = catalogue.tree
        params = {"child_of": tree.group_index.pk, "descendant_of": tree.home.pk}
        assert ids(client.get("/api/v2/pages/", params)) == [catalogue.energy.pk, catalogue.ict.pk]
        params = {"child_of": tree.group_index.pk, "descendant_of": tree.knowledge_index.pk}
        assert ids(client.get("/api/v2/pages/", params)) == []


# API v3 ----------------------------------------------------------------------------------

V3_PAGE_PARAMETERS = (
    "type, locale, child_of, descendant_of, translation_of, tags, sector, country, kind, "
    "status, order, search, search_operator, limit, offset"
)


def problem(response, status: int) -> dict:
    """The v3 body: `message` and the RFC 7807 members, `detail` repeating `message`."""
    message(response, status)
    body = response.json()
    assert body["type"] == "about:blank"
    assert body["status"] == status
    assert body["detail"] == body["message"]
    return body


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        ("/api/v3/pages/", {"limit": "abc"}, "limit must be an integer from 1 to 100 (got 'abc')."),
        ("/api/v3/pages/", {"limit": "101"}, "limit must be an integer from 1 to 100 (got '101')."),
        (
            "/api/v3/pages/",
            {"offset": "-1"},
            "offset must be an integer from 0 to 1000000000 (got '-1').",
        ),
        (
            "/api/v3/pages/",
            {"type": "home.Nothing"},
            f"type must be one of {PAGE_TYPES} (got 'home.Nothing').",
        ),
        ("/api/v3/pages/", {"locale": "xx"}, "locale must be one of it, en (got 'xx')."),
        (
            "/api/v3/pages/",
            {"order": "colour"},
            "order must be one of title, -title, date, -date, first_published_at, "
            "-first_published_at (got 'colour').",
        ),
        (
            "/api/v3/pages/",
            {"type": "groups.PartnerPage", "country": "Germany"},
            "country must be a two-letter ISO 3166-1 country code in capitals, e.g. DE "
            "(got 'Germany').",
        ),
        (
            "/api/v3/pages/",
            {"search": "x" * 201},
            f"search must be text of at most 200 characters (got '{'x' * 60}… (201 characters)').",
        ),
        (
            "/api/v3/pages/",
            {"tags": ["energia", "t" * 101]},
            "tags must be at most 10 values, each text of at most 100 characters (repeat the "
            "parameter for more: "
            f"tags=a&tags=b) (got '{'t' * 60}… (101 characters)').",
        ),
        (
            "/api/v3/documents/",
            {"kind": "poster"},
            "kind must be one of deliverable, minutes, presentation, plan, report, other "
            "(got 'poster').",
        ),
        (
            "/api/v3/documents/",
            {"thematic_group": "0"},
            f"thematic_group must be an integer from 1 to {MAX_ID} (got '0').",
        ),
        ("/api/v3/pages/0/", {}, f"page_id must be an integer from 1 to {MAX_ID} (got '0')."),
        (
            f"/api/v3/images/{2**63}/",
            {},
            f"image_id must be an integer from 1 to {MAX_ID} (got '{2**63}').",
        ),
    ],
)
def test_v3_invalid_values(client, site_tree, url, params, expected):
    body = problem(client.get(url, params), 400)
    assert body["message"] == expected
    [error] = body["errors"]
    assert error["message"] == expected
    in_path = url.rstrip("/").rsplit("/", 1)[-1].isdigit()
    assert error["location"] == ("path" if in_path else "query")


def test_v3_several_invalid_values_are_listed(client, site_tree):
    body = problem(client.get("/api/v3/pages/", {"limit": "0", "locale": "xx"}), 400)
    assert {error["parameter"]: error["message"] for error in body["errors"]} == {
        "limit": "limit must be an integer from 1 to 100 (got '0').",
        "locale": "locale must be one of it, en (got 'xx').",
    }
    assert body["message"] == " ".join(error["message"] for error in body["errors"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"fields": "title"},
            f"Unknown query parameter: fields. /api/v3/pages/ accepts {V3_PAGE_PARAMETERS}.",
        ),
        (
            {"sector": "ict"},
            "sector needs a page type that has sector: add type=groups.ThematicGroupPage (no "
            "type was given; sector is a field of groups.ThematicGroupPage).",
        ),
        (
            {"type": "home.PressReleasePage", "country": "DE"},
            "country needs a page type that has country: add type=groups.PartnerPage "
            "(type=home.PressReleasePage has no country; country is a field of "
            "groups.PartnerPage).",
        ),
        (
            {"tags": "energia", "search": "gruppi"},
            "tags needs a page type that has tags: add type=home.PressReleasePage (no type was "
            "given; tags is a field of home.PressReleasePage).",
        ),
        (
            {"order": "-date"},
            "order=-date needs a page type that has date: add type=home.PressReleasePage (no "
            "type was given; date is a field of home.PressReleasePage).",
        ),
        (
            {"type": "home.HomePage", "order": "date", "search": "cordata"},
            "order=date needs a page type that has date: add type=home.PressReleasePage "
            "(type=home.HomePage has no date; date is a field of home.PressReleasePage).",
        ),
        ({"limit": ["1", "2"]}, "limit may be given only once (got 2 values)."),
    ],
)
def test_v3_page_list_refusals(client, site_tree, params, expected):
    body = problem(client.get("/api/v3/pages/", params), 400)
    assert body["message"] == expected
    assert "errors" not in body


@pytest.mark.parametrize("name", ["child_of", "descendant_of", "translation_of"])
def test_v3_an_anchor_page_that_is_not_visible_is_a_404(client, catalogue, name):
    for page_id in (999999, catalogue.restricted.pk):
        body = problem(client.get("/api/v3/pages/", {name: page_id}), 404)
        assert body["message"] == f"{name}: no page with id {page_id} {NOT_VISIBLE}"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v3/pages/999999/", f"No page with id 999999 {NOT_VISIBLE}"),
        ("/api/v3/documents/999999/", f"No document with id 999999 {NOT_VISIBLE}"),
        ("/api/v3/images/999999/", f"No image with id 999999 {NOT_VISIBLE}"),
        (
            "/api/v3/pages/abc/",
            "No API route at /api/v3/pages/abc/: /api/v3/pages/ takes an id, a whole number "
            "(e.g. /api/v3/pages/8/).",
        ),
        (
            "/api/v3/nope/",
            "No API route at /api/v3/nope/. The routes under /api/v3/ are /api/v3/pages/, "
            "/api/v3/documents/, /api/v3/images/, /api/v3/whoami/, /api/v3/openapi.json.",
        ),
    ],
)
def test_v3_not_found(client, site_tree, url, expected):
    assert problem(client.get(url), 404)["message"] == expected


def test_v3_hidden_objects_are_refused_like_missing_ones(client, catalogue):
    for url, noun, pk in [
        ("pages", "page", catalogue.restricted.pk),
        ("documents", "document", catalogue.private_doc.pk),
        ("images", "image", catalogue.private_image.pk),
    ]:
        body = problem(client.get(f"/api/v3/{url}/{pk}/"), 404)
        assert body["message"] == f"No {noun} with id {pk} {NOT_VISIBLE}"


def test_v3_description_switched_off(client, settings):
    settings.WAGTAILAPI_DOCS_ENABLED = False
    body = problem(client.get("/api/v3/openapi.json"), 404)
    assert body["message"] == "This site does not publish its API description."


class TestV3Combinations:
    def test_search_with_tags(self, client, catalogue):
        params = {"type": "home.PressReleasePage", "tags": "energia", "search": "gruppi"}
        found = ids(client.get("/api/v3/pages/", params))
        assert sorted(found) == sorted([catalogue.release.pk, catalogue.release_en.pk])
        found = ids(client.get("/api/v3/documents/", {"tags": "forum", "search": "Programma"}))
        assert found == [catalogue.public_doc.pk]

    def test_search_with_locale_and_field_filters(self, client, catalogue):
        found = ids(client.get("/api/v3/pages/", {"locale": "it", "search": "Stuttgart"}))
        assert found == [catalogue.stuttgart.pk]
        params = {"type": "groups.PartnerPage", "country": "DE", "search": "Stuttgart"}
        assert ids(client.get("/api/v3/pages/", params)) == [catalogue.stuttgart.pk]

    def test_search_in_order(self, client, catalogue):
        params = {"type": "home.PressReleasePage", "order": "-date", "search": "gruppi"}
        found = ids(client.get("/api/v3/pages/", params))
        assert found == [catalogue.release.pk, catalogue.release_en.pk, catalogue.older.pk]
        params = {"order": "title", "search": "Programma"}
        assert ids(client.get("/api/v3/documents/", params)) == [catalogue.public_doc.pk]
        params = {"order": "-created_at", "search": "Logo"}
        assert ids(client.get("/api/v3/images/", params)) == [catalogue.image.pk]

    def test_child_of_within_descendant_of(self, client, catalogue):
        tree = catalogue.tree
        params = {"child_of": tree.group_index.pk, "descendant_of": tree.home.pk}
        assert ids(client.get("/api/v3/pages/", params)) == [catalogue.energy.pk, catalogue.ict.pk]


class TestWhoAmI:
    def refusal(self, client, **headers) -> str:
        response = client.get("/api/v3/whoami/", **headers)
        assert response["WWW-Authenticate"] == "Bearer"
        return problem(response, 401)["message"]

    def test_without_a_token(self, client, db):
        assert (
            self.refusal(client) == "whoami needs an API token: send Authorization: Bearer <token>."
        )

    def test_with_another_scheme(self, client, db):
        assert self.refusal(client, HTTP_AUTHORIZATION="Basic c29jaW86eA==") == (
            "The Authorization header must read Bearer <token> (the Bearer scheme)."
        )

    @pytest.mark.parametrize("token", ["unknown", "revoked"])
    def test_with_a_bad_token(self, client, people, token):
        value = people.revoked_token if token == "revoked" else "wagtail_nonesuch"
        assert self.refusal(client, **bearer(value)) == (
            "The API token is not valid: it is unknown, revoked, or its user is inactive; "
            "ask the site's administrators for a new one."
        )


# Every API --------------------------------------------------------------------------------

READ_ONLY = "is not allowed: the API is read-only; use GET or HEAD."


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/documents/1/", "/api/v3/pages/", "/api/v2/search/"]
)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_answer_405_with_allow(client, people, url, method):
    response = getattr(client, method)(url, **bearer(people.member_token))
    assert message(response, 405) == f"{method.upper()} {READ_ONLY}"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert ("status" in response.json()) is url.startswith("/api/v3/")


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/search/"])
def test_writes_answer_405_not_a_csrf_failure(people, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.member)
    assert message(client.post(url), 405) == f"POST {READ_ONLY}"


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/search/"])
def test_options_lists_the_methods(client, url):
    response = client.options(url)
    assert response.status_code == 204
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_messages_do_not_follow_the_request_language(client, site_tree):
    response = client.get("/api/v2/pages/", {"limit": "x"}, HTTP_ACCEPT_LANGUAGE="it")
    assert message(response, 400) == "limit must be a whole number from 0 to 100 (got 'x')."


# The OpenAPI description -----------------------------------------------------------------

DECLARED = {
    ("get", "/api/v3/pages/"): {"200", "400", "404", "429", "503"},
    ("get", "/api/v3/pages/{page_id}/"): {"200", "400", "404", "429"},
    ("get", "/api/v3/documents/"): {"200", "400", "429", "503"},
    ("get", "/api/v3/documents/{document_id}/"): {"200", "400", "404", "429"},
    ("get", "/api/v3/images/"): {"200", "400", "429", "503"},
    ("get", "/api/v3/images/{image_id}/"): {"200", "400", "404", "429"},
    ("get", "/api/v3/whoami/"): {"200", "401", "429"},
}


def test_openapi_declares_every_error_each_operation_answers(client):
    spec = client.get("/api/v3/openapi.json").json()
    operations = {
        (method, path): operation
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }
    assert {key: set(operation["responses"]) for key, operation in operations.items()} == DECLARED
    error_schema = {"$ref": "#/components/schemas/ErrorSchema"}
    for operation in operations.values():
        for status, response in operation["responses"].items():
            if status == "200":
                continue
            assert response["content"]["application/json"]["schema"] == error_schema
            assert response["description"] != "Unknown Status Code"
        assert operation["responses"]["429"]["headers"]["Retry-After"]["required"] is True
    whoami = operations[("get", "/api/v3/whoami/")]
    assert whoami["responses"]["401"]["headers"]["WWW-Authenticate"]["required"] is True
    assert whoami["security"] == [{"BearerTokenAuth": []}]
    detail = spec["components"]["schemas"]["ErrorDetail"]
    assert set(detail["properties"]) == {"parameter", "location", "message"}
