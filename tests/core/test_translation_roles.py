"""Roles: Editors write the Italian pages, Translators the English ones."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission

from cms.core.services import translation_roles_ensure
from tests.factories import PressReleasePageFactory, publish
from tests.translating import member_of, translate


@pytest.fixture
def roles(english_tree):
    changed = translation_roles_ensure(
        source_home=english_tree.it.home, translated_homes=[english_tree.en.home]
    )
    assert changed
    italian = publish(PressReleasePageFactory(parent=english_tree.it.press_index, title="Ruoli"))
    english = translate(italian)
    return {
        "italian": italian,
        "english": english,
        "editor": member_of("Editors"),
        "translator": member_of("Translators"),
    }


def _can(user, page):
    return page.permissions_for_user(user)


def test_translators_cannot_touch_italian_pages(roles):
    italian = _can(roles["translator"], roles["italian"])
    assert not italian.can_publish() and not italian.can_edit()
    english = _can(roles["translator"], roles["english"])
    assert english.can_edit() and english.can_publish()


def test_editors_edit_italian_pages_and_publish_nothing(roles):
    italian = _can(roles["editor"], roles["italian"])
    assert italian.can_edit() and not italian.can_publish()
    english = _can(roles["editor"], roles["english"])
    assert not english.can_edit() and not english.can_publish()


def test_the_admin_refuses_a_translator_on_an_italian_page(roles, client):
    client.force_login(roles["translator"])
    url = reverse("wagtailadmin_pages:edit", args=[roles["italian"].pk])
    response = client.post(url, {"action-publish": "action-publish", "title": "Cambiato"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    roles["italian"].refresh_from_db()
    assert roles["italian"].title == "Ruoli"
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[roles["english"].pk])).status_code
        == 200
    )


def test_groups_have_admin_access_and_only_translators_submit_translations(db):
    editors = Group.objects.get(name="Editors")
    translators = Group.objects.get(name="Translators")
    codenames = set(translators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation"} <= codenames
    assert "access_admin" in set(editors.permissions.values_list("codename", flat=True))
    assert not editors.permissions.filter(codename="submit_translation").exists()


def test_roles_are_idempotent_and_replace_the_root_permissions(roles, english_tree):
    assert not translation_roles_ensure(
        source_home=english_tree.it.home, translated_homes=[english_tree.en.home]
    )
    editors = GroupPagePermission.objects.filter(group__name="Editors")
    assert set(editors.values_list("page_id", flat=True)) == {english_tree.it.home.pk}
