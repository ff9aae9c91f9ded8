"""A second click on "Lưu" while the first request is on its way sends nothing: a double
click created two initiatives (two training classes, two conferences, two commendations),
and the year-end report then counted them twice."""

import time

import pytest
from playwright.sync_api import expect

from tuyengiao.initiatives import services
from tuyengiao.initiatives.models import Initiative

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NAME = "Mô hình «Dân vận khéo» — thử bấm hai lần"


def test_a_second_click_on_save_does_not_create_the_record_twice(
    login, page, demo_live_server, monkeypatch
):
    login("chuyenvien")
    page.goto(f"{demo_live_server.url}/initiatives/new/")
    page.get_by_label("Tên mô hình").fill(NAME)
    page.get_by_label("Đơn vị").select_option(index=1)
    page.get_by_label("Năm bắt đầu").fill("2023")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    # The server answers slowly, as on a district office's line.
    create = services.create_initiative

    def slow_create(**kwargs):
        time.sleep(1)
        return create(**kwargs)

    monkeypatch.setattr(services, "create_initiative", slow_create)
    # Two clicks 150 ms apart: the first request is on its way when the second click comes.
    page.locator("main form button[type=submit]").evaluate(
        "button => { button.click(); setTimeout(() => button.click(), 150); }"
    )

    expect(page.get_by_role("heading", name=NAME)).to_be_visible()
    page.wait_for_timeout(1500)  # a second request, if one was sent, has been answered
    assert Initiative.objects.filter(name=NAME).count() == 1
    assert len(posts) == 1
