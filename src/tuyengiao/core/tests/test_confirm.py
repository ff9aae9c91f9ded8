"""Destructive and bulk actions ask on a page of their own when the dialog did not (core.confirm).

For every view that asks: a POST without `confirmed=1` (what a browser without JavaScript
sends) shows the confirmation page with the very sentence of the page's data-confirm dialog
and changes nothing; the page's «Xác nhận» form posts the same fields with `confirmed=1`,
which acts. A user who may not act gets 404, never the sentence."""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tuyengiao.accounts.models import Account
from tuyengiao.awards.models import Recipient
from tuyengiao.core import confirm
from tuyengiao.documents.models import Document, DocumentLink
from tuyengiao.meetings.models import Conference, Delegate
from tuyengiao.orgs.models import Membership
from tuyengiao.reporting.models import Submission

pytestmark = pytest.mark.django_db

BOARD = "/reporting/HT-NQ/2023/status/QU-Q1/"


def _user(username):
    return get_user_model().objects.get(username=username)


def delegate_case():
    conference = Conference.objects.filter(delegates__isnull=False).first()
    delegate = conference.delegates.first()
    url = reverse("meetings:remove_item", args=[conference.pk, "delegate", delegate.pk])
    done = lambda: not Delegate.objects.filter(pk=delegate.pk).exists()  # noqa: E731
    return "chuyenvien", conference.get_absolute_url(), url, done


def recipient_case():
    recipient = Recipient.objects.filter(unit__isnull=False).first()
    commendation = recipient.commendation
    url = reverse("awards:remove_recipient", args=[commendation.pk, recipient.pk])
    done = lambda: not Recipient.objects.filter(pk=recipient.pk).exists()  # noqa: E731
    return "chuyenvien", commendation.get_absolute_url(), url, done


def link_case():
    specialist = _user("chuyenvien")
    changeable = Document.objects.visible_to(specialist, "change")
    link = DocumentLink.objects.filter(source__in=changeable).first()
    url = reverse("documents:remove_link", args=[link.source_id, link.pk])
    done = lambda: not DocumentLink.objects.filter(pk=link.pk).exists()  # noqa: E731
    return "chuyenvien", reverse("documents:detail", args=[link.source_id]), url, done


def role_case():
    account = Account.objects.get(user__username="bennghe")
    membership = Membership.objects.get(user=account.user, role="reporter")
    url = reverse("accounts:role_remove", args=[account.pk, membership.pk])
    done = lambda: not Membership.objects.filter(pk=membership.pk).exists()  # noqa: E731
    return "quantri", reverse("accounts:detail", args=[account.pk]), url, done


def deactivate_case():
    account = Account.objects.get(user__username="bennghe")
    url = reverse("accounts:action", args=[account.pk, "deactivate"])
    done = lambda: not get_user_model().objects.get(pk=account.user_id).is_active  # noqa: E731
    return "quantri", reverse("accounts:detail", args=[account.pk]), url, done


def token_case():
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=_user("bennghe"))
    done = lambda: not Token.objects.filter(pk=token.pk).exists()  # noqa: E731
    return "bennghe", reverse("accounts:me"), reverse("accounts:token_revoke"), done


def approve_all_case():
    url = reverse("reporting:approve_all", args=["HT-NQ", "2023", "QU-Q1"])
    waiting = set(
        Submission.objects.filter(period__code="2023", status="submitted").values_list(
            "pk", flat=True
        )
    )
    assert waiting
    done = lambda: not Submission.objects.filter(pk__in=waiting, status="submitted").exists()  # noqa: E731
    return "lanhdao", BOARD, url, done


CASES = [
    delegate_case,
    recipient_case,
    link_case,
    role_case,
    deactivate_case,
    token_case,
    approve_all_case,
]


def _dialog_sentence(page: str, url: str) -> str:
    forms = re.findall(r'<form method="post" action="([^"]+)"[^>]*data-confirm="([^"]*)"', page)
    return next(html.unescape(sentence) for action, sentence in forms if action == url)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_without_the_field_the_server_asks_with_the_dialogs_sentence_and_changes_nothing(
    client, case
):
    username, page_url, url, done = case()
    client.force_login(_user(username))
    # given the sentence the page's dialog would show
    sentence = _dialog_sentence(client.get(page_url).content.decode(), url)
    # when the form is posted as a browser without JavaScript posts it
    response = client.post(url, {"reason": "x"}, HTTP_REFERER=f"http://testserver{page_url}")
    # then a Vietnamese page asks the same question, and nothing has changed
    assert response.status_code == 200
    answer = response.content.decode()
    assert 'data-testid="confirm-page"' in answer
    assert html.unescape(re.search(r'data-testid="confirm-sentence">([^<]*)<', answer)[1]) == (
        sentence
    )
    assert "Xác nhận thao tác" in answer and ">Xác nhận</button>" in answer
    assert f'href="{page_url}">Quay lại</a>' in answer
    assert f'action="{url}"' in answer and 'name="confirmed" value="1"' in answer
    assert 'name="reason" value="x"' in answer  # the fields posted come along
    assert not done()
    # and «Xác nhận» (the same POST with the field) does it
    response = client.post(url, {"reason": "x", confirm.FIELD: "1"})
    assert response.status_code == 302
    assert done()


def _views_by_name(patterns=None, namespace=""):
    from django.urls import URLPattern, URLResolver, get_resolver

    found = {}
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found.update(_views_by_name(pattern.url_patterns, inner))
        elif isinstance(pattern, URLPattern) and pattern.name:
            found[f"{namespace}{pattern.name}"] = pattern.callback
    return found


def test_every_form_that_asks_in_a_dialog_posts_to_a_view_that_asks_without_one():
    # Each template line with a data-confirm form (or the kit's shared «×» form, core/records/_remove.html) names its URL.
    from pathlib import Path

    src = Path(confirm.__file__).resolve().parents[1]
    names = set()
    for template in src.glob("*/templates/**/*.html"):
        for line in template.read_text(encoding="utf-8").splitlines():
            if 'data-confirm="' in line or "core/records/_remove.html" in line:
                names.update(re.findall(r"\{% url '([\w:-]+)'", line))
    views = _views_by_name()
    assert len(names) >= 7, names
    for name in names:
        assert getattr(views[name], "confirm_question", None), f"{name} does not ask"


@pytest.mark.parametrize(
    ("case", "username"),
    [
        (delegate_case, "benthanh"),
        (recipient_case, "benthanh"),
        (link_case, "benthanh"),
        (role_case, "benthanh"),
        (deactivate_case, "chuyenvien"),
        (approve_all_case, "bennghe"),
        (delegate_case, "theodoi"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_a_user_who_may_not_act_is_not_asked_and_nothing_changes(client, case, username):
    _, page_url, url, done = case()
    client.force_login(_user(username))
    response = client.post(url)
    assert response.status_code in (403, 404)
    assert "confirm-page" not in response.content.decode()
    assert client.post(url, {confirm.FIELD: "1"}).status_code in (403, 404)
    assert not done()


def test_back_never_leads_to_another_site(client):
    username, page_url, url, done = delegate_case()
    client.force_login(_user(username))
    answer = client.post(url, HTTP_REFERER="https://evil.example/").content.decode()
    assert 'href="/">Quay lại</a>' in answer
    assert "evil.example" not in answer


def test_a_button_of_a_shared_view_that_destroys_nothing_is_not_asked(client):
    account = Account.objects.get(user__username="bennghe")
    client.force_login(_user("quantri"))
    response = client.post(reverse("accounts:action", args=[account.pk, "unlock"]))
    assert response.status_code == 302
