"""Partner accounts: invitations, the set-password link, sign-in pages in both languages, and
the settings that keep files from being opened where they should not."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from cms.groups.models import PartnerAccount
from cms.groups.services.invitations import partner_invite
from tests.factories import CollectionFactory, ProjectDocumentFactory, UserFactory
from tests.signin import signed_in

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/(?:it|en)/account/reset/[^\s]+/)")


def _invite(groups, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return partner_invite(
            email="lucia.bianchi@example.org",
            partner=groups.ptp,
            first_name="Lucia",
            last_name="Bianchi",
            base_url="http://cordata.example.org/",
            **extra,
        )


class TestInvitation:
    def test_an_invitation_creates_the_account_and_sends_a_link(
        self, groups, client, django_capture_on_commit_callbacks
    ):
        account = _invite(groups, django_capture_on_commit_callbacks, language="en")
        user = account.user
        assert account.partner == groups.ptp
        assert not user.has_usable_password()
        assert groups.agri_workspace.members_group in user.groups.all()
        assert groups.energy_workspace.members_group not in user.groups.all()

        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["lucia.bianchi@example.org"]
        assert "Parco Tecnologico Padano" in message.body
        path = LINK.search(message.body).group(1)
        assert path.startswith("/en/account/reset/")

        # The link leads to the set-password form; the password then signs them in.
        form = client.get(path, follow=True)
        assert form.status_code == 200
        assert "no-store" in form["Cache-Control"]
        response = client.post(
            form.redirect_chain[-1][0],
            {"new_password1": "Zafferano-di-Lodi-2012", "new_password2": "Zafferano-di-Lodi-2012"},
        )
        assert response.status_code == 302
        client.logout()
        assert signed_in(client, username=user.username, password="Zafferano-di-Lodi-2012")
        assert client.get(groups.agri_workspace.url).status_code == 200
        assert client.get(groups.energy_workspace.url).status_code == 403

    def test_an_address_is_invited_once(self, groups, django_capture_on_commit_callbacks):
        _invite(groups, django_capture_on_commit_callbacks)
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            _invite(groups, django_capture_on_commit_callbacks)
        assert PartnerAccount.objects.count() == 1

    def test_moving_or_deleting_an_account_moves_the_person(self, groups, people):
        account = people.member.partner_account
        account.partner = groups.wrs
        account.save()
        people.member.refresh_from_db()
        assert groups.energy_workspace.members_group in people.member.groups.all()
        assert groups.agri_workspace.members_group not in people.member.groups.all()
        account.delete()
        assert not people.member.groups.exists()

    def test_editors_invite_from_the_admin(
        self, groups, client, django_capture_on_commit_callbacks
    ):
        from django.contrib.auth.models import Group

        editor = UserFactory(username="redattrice", groups=[Group.objects.get(name="Editors")])
        client.force_login(editor)
        add_url = reverse("partner_accounts:add")
        assert client.get(add_url).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                add_url,
                {
                    "email": "jan.novak@example.org",
                    "first_name": "Jan",
                    "last_name": "Novák",
                    "partner": groups.wrs.pk,
                    "language": "it",
                },
            )
        assert response.status_code == 302, response.content[:2000]
        account = PartnerAccount.objects.get(user__email="jan.novak@example.org")
        assert account.invited_by == editor
        assert "/it/account/reset/" in mail.outbox[0].body
        assert client.get(reverse("partner_accounts:index")).status_code == 200

    def test_editors_move_an_account_to_another_partner(self, groups, people, client):
        from django.contrib.auth.models import Group

        editor = UserFactory(username="redattrice", groups=[Group.objects.get(name="Editors")])
        client.force_login(editor)
        account = people.member.partner_account
        url = reverse("partner_accounts:edit", args=[account.pk])
        form = client.get(url)
        assert form.status_code == 200
        # Only the source-language partners are offered.
        assert list(form.context["form"].fields["partner"].queryset) == sorted(
            [groups.ptp, groups.wrs], key=lambda partner: partner.title
        )
        assert client.post(url, {"partner": groups.wrs.pk}).status_code == 302
        assert groups.energy_workspace.members_group in people.member.groups.all()
        assert groups.agri_workspace.members_group not in people.member.groups.all()

    def test_partners_themselves_cannot_invite(self, client, people):
        client.force_login(people.member)
        assert client.get(reverse("partner_accounts:add")).status_code in {302, 403}


class TestSignInPages:
    @pytest.mark.parametrize("language", ["it", "en"])
    @pytest.mark.parametrize(
        "name",
        ["account_login", "password_reset", "password_reset_done", "password_reset_complete"],
    )
    def test_pages_render_in_both_languages(self, client, site_tree, language, name):
        from django.utils import translation

        with translation.override(language):
            url = reverse(name)
        assert url.startswith(f"/{language}/account/")
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert 'class="site-header"' in html  # the site's own layout
        assert "no-store" in response["Cache-Control"]

    def test_sign_in_and_out(self, client, groups, people):
        login_url = reverse("account_login")
        response = client.post(
            login_url,
            {
                "username": "socio",
                "password": "cordata-test-password",
                "next": groups.agri_workspace.url,
            },
        )
        assert response.status_code == 302
        assert response["Location"] == groups.agri_workspace.url
        account = client.get(reverse("account_home"))
        assert groups.agri_workspace.title in account.content.decode()
        assert groups.energy_workspace.title not in account.content.decode()
        out = client.post(reverse("account_logout"))
        assert out.status_code == 200
        # Signed out, the workspace sends them to sign in again.
        again = client.get(groups.agri_workspace.url)
        assert again.status_code == 302
        assert again["Location"] == f"/it/account/login/?next={groups.agri_workspace.url}"

    def test_next_must_stay_on_the_site(self, client, people):
        response = client.post(
            reverse("account_login"),
            {
                "username": "socio",
                "password": "cordata-test-password",
                "next": "https://evil.example/",
            },
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("account_home")

    def test_invited_partners_can_ask_for_a_new_link(
        self, client, groups, django_capture_on_commit_callbacks
    ):
        _invite(groups, django_capture_on_commit_callbacks)
        mail.outbox.clear()
        response = client.post(reverse("password_reset"), {"email": "lucia.bianchi@example.org"})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        assert LINK.search(mail.outbox[0].body)

    def test_the_account_page_needs_a_sign_in(self, client, site_tree):
        response = client.get(reverse("account_home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))

    def test_the_header_offers_sign_in(self, client, site_tree):
        html = client.get("/it/").content.decode()
        assert reverse("account_login") in html


class TestNoSharedPasswords:
    """Only "signed in" and "these groups" restrict: the admin offers no shared password, and
    a password restriction is refused however it is attempted."""

    @pytest.fixture
    def admin_client(self, client, db):
        client.force_login(UserFactory(username="amministratore", is_superuser=True))
        return client

    @staticmethod
    def _form_html(response) -> str:
        assert response.status_code == 200
        return response.json()["html"]

    def test_the_page_privacy_form_offers_no_password(self, admin_client, groups):
        url = reverse("wagtailadmin_pages:set_privacy", args=[groups.agri.pk])
        html = self._form_html(admin_client.get(url))
        assert 'value="login"' in html and 'value="groups"' in html
        assert 'value="password"' not in html
        assert 'name="password"' not in html

    def test_the_collection_privacy_form_offers_no_password(self, admin_client, groups):
        collection = groups.agri_workspace.collection
        url = reverse("wagtailadmin_collections:set_privacy", args=[collection.pk])
        html = self._form_html(admin_client.get(url))
        assert 'value="login"' in html and 'value="groups"' in html
        assert 'value="password"' not in html
        assert 'name="password"' not in html

    def test_a_password_restriction_posted_to_the_page_form_is_refused(self, admin_client, groups):
        url = reverse("wagtailadmin_pages:set_privacy", args=[groups.agri.pk])
        response = admin_client.post(url, {"restriction_type": "password", "password": "s3greto"})
        assert response.status_code == 200
        assert response.json()["step"] != "set_privacy_done"
        assert not PageViewRestriction.objects.filter(restriction_type="password").exists()

    def test_a_password_restriction_posted_to_the_collection_form_is_refused(
        self, admin_client, groups
    ):
        collection = groups.agri_workspace.collection
        url = reverse("wagtailadmin_collections:set_privacy", args=[collection.pk])
        response = admin_client.post(url, {"restriction_type": "password", "password": "s3greto"})
        assert response.status_code == 200
        assert response.json()["step"] != "set_privacy_done"
        assert not CollectionViewRestriction.objects.filter(restriction_type="password").exists()
        # The workspace's own groups restriction is untouched.
        assert CollectionViewRestriction.objects.filter(
            collection=collection, restriction_type="groups"
        ).exists()

    @pytest.mark.parametrize("model", [PageViewRestriction, CollectionViewRestriction])
    def test_no_code_path_can_store_a_password_restriction(self, groups, model):
        target = (
            {"page": groups.energy}
            if model is PageViewRestriction
            else {"collection": CollectionFactory(name="Archivio")}
        )
        with pytest.raises(ValidationError):
            model.objects.create(restriction_type="password", password="s3greto", **target)
        assert not model.objects.filter(restriction_type="password").exists()


class TestFileSettings:
    def test_settings(self):
        assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
        assert settings.WAGTAILDOCS_EXTENSIONS == ["pdf", "docx", "odt", "xlsx", "pptx", "txt"]
        assert settings.CORDATA_UPLOAD_MAX_BYTES > 0

    @pytest.mark.parametrize(
        ("name", "content"),
        [("pagina.html", b"<script>alert(1)</script>"), ("logo.svg", b"<svg onload='x'/>")],
    )
    def test_html_and_svg_download_as_attachments(self, client, db, name, content):
        # Such files cannot be uploaded any more; one that predates the allow-list is harmless.
        document = ProjectDocumentFactory(
            title="File importato",
            file=ContentFile(content, name=name),
            collection=CollectionFactory(),
        )
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'none'" in response["Content-Security-Policy"]

    def test_public_documents_stay_cacheable(self, client, documents):
        response = client.get(documents.public.url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", "")
