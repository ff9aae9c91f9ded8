import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.core.testing import assert_hidden_from, status_of
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.outreach import services
from tuyengiao.outreach.models import Channel

pytestmark = pytest.mark.django_db


def grid(year=2023, **months):
    data = {}
    for month in range(1, 13):
        posts, interactions = months.get(f"m{month}", ("", ""))
        data[f"posts_{month}"] = posts
        data[f"interactions_{month}"] = interactions
    return data


def test_sibling_ward_reporter_gets_404_on_every_url_and_endpoint_of_a_ben_nghe_channel(
    client, outsider, ben_nghe_channel
):
    pk = ben_nghe_channel.pk
    for url in [
        reverse("outreach:detail", args=[pk]),
        reverse("outreach:edit", args=[pk]),
        reverse("outreach:months", args=[pk, 2023]),
        reverse("outreach:import", args=[pk]),
        f"/api/outreach/channels/{pk}/",
        f"/api/outreach/channels/{pk}/years/2023/",
    ]:
        assert_hidden_from(client, outsider, url)
    assert_hidden_from(
        client, outsider, reverse("outreach:months", args=[pk, 2023]), "post", **grid(m3=(1, 1))
    )
    client.force_login(outsider)
    assert client.get("/api/outreach/stats/", {"channel": "ben-nghe"}).json()["results"] == []
    assert "Bến Nghé" not in client.get(reverse("outreach:list")).content.decode()


def test_ward_reporter_sees_the_own_channel_but_cannot_enter_figures(
    client, reporter, ben_nghe_channel
):
    client.force_login(reporter)
    page = client.get(reverse("outreach:list"), {"year": 2023}).content.decode()
    assert "Trang Đảng ủy phường Bến Nghé" in page and "Cột cờ Thủ Ngữ" not in page
    assert client.get(reverse("outreach:detail", args=[ben_nghe_channel.pk])).status_code == 200
    assert (
        status_of(client, reporter, reverse("outreach:months", args=[ben_nghe_channel.pk, 2023]))
        == 403
    )
    assert status_of(client, reporter, reverse("outreach:create")) == 403


def test_anonymous_users_are_sent_to_login(client):
    assert client.get(reverse("outreach:list")).status_code == 302


def test_channel_page_shows_totals_chart_and_the_no_tracking_note(client, viewer, cot_co):
    client.force_login(viewer)
    page = client.get(reverse("outreach:detail", args=[cot_co.pk]), {"year": 2022}).content.decode()
    assert "4.690" in page and "17.096.939" in page
    assert "<svg" in page and "T12" in page
    assert "không theo dõi tài khoản, bình luận hay nội dung của người khác" in page


def test_specialist_enters_a_month_grid(client, specialist, ben_nghe_channel):
    client.force_login(specialist)
    url = reverse("outreach:months", args=[ben_nghe_channel.pk, 2023])
    response = client.post(url, grid(m1=(10, 1000), m2=(5, 500), m3=(7, 7000)))
    assert response.status_code == 302
    assert services.channel_year(ben_nghe_channel, 2023)["interactions"] == 8500


def test_a_half_filled_month_is_refused_and_nothing_saved(client, specialist, ben_nghe_channel):
    client.force_login(specialist)
    url = reverse("outreach:months", args=[ben_nghe_channel.pk, 2023])
    page = client.post(url, grid(m1=(10, 1000), m3=(7, ""), m4=(-2, 3))).content.decode()
    assert "Tháng 3/2023: nhập cả số bài viết và số lượt tương tác, hoặc để trống cả hai." in page
    assert "Chưa lưu dữ liệu nào" in page
    assert services.channel_year(ben_nghe_channel, 2023)["posts"] == 15


def test_csv_upload_with_bad_rows_lists_them_and_saves_nothing(
    client, specialist, ben_nghe_channel
):
    client.force_login(specialist)
    upload = SimpleUploadedFile(
        "export.csv", b"date,posts,interactions\n2023-05-01,1,1\n2023-05-02,abc,1\n", "text/csv"
    )
    page = client.post(reverse("outreach:import", args=[ben_nghe_channel.pk]), {"file": upload})
    text = page.content.decode()
    assert "Dòng 3, cột posts: «abc» không phải số nguyên không âm." in text
    assert not ben_nghe_channel.stats.filter(month=5).exists()


def test_csv_upload_saves_the_months_and_returns_to_the_channel(
    client, specialist, ben_nghe_channel
):
    client.force_login(specialist)
    upload = SimpleUploadedFile("export.csv", b"month;posts;interactions\n2023-05;12;3.400\n")
    response = client.post(reverse("outreach:import", args=[ben_nghe_channel.pk]), {"file": upload})
    assert response.status_code == 302 and response.url.endswith("?year=2023")
    assert ben_nghe_channel.stats.get(month=5).interactions == 3400


def test_creating_a_channel_with_a_used_code_says_so(client, specialist):
    client.force_login(specialist)
    data = {
        "name": "Trùng mã",
        "code": "cot-co-thu-ngu",
        "platform": "website",
        "unit": OrgUnit.objects.get(code="QU-Q1").pk,
    }
    page = client.post(reverse("outreach:create"), data).content.decode()
    assert "Mã kênh «cot-co-thu-ngu» đã được dùng." in page
    assert Channel.objects.filter(name="Trùng mã").count() == 0


@pytest.mark.parametrize("query", ["cot co thu ngu", "CỘT CỜ", "Cot Co"])
def test_search_is_accent_insensitive(client, specialist, query):
    client.force_login(specialist)
    page = client.get(reverse("outreach:list"), {"q": query}).content.decode()
    assert "Cột cờ Thủ Ngữ" in page


def test_export_holds_the_twelve_months_as_numbers(client, specialist):
    client.force_login(specialist)
    response = client.get(reverse("outreach:list"), {"year": 2022, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 12
    assert sum(r[5] for r in rows) == 4690 and sum(r[6] for r in rows) == 17_096_939


def test_api_year_endpoint_gives_totals_and_months(client, specialist, cot_co):
    client.force_login(specialist)
    data = client.get(f"/api/outreach/channels/{cot_co.pk}/years/2022/").json()
    assert (data["posts"], data["interactions"], len(data["monthly"])) == (4690, 17_096_939, 12)


def test_an_oversized_upload_is_refused_without_saving(
    client, specialist, ben_nghe_channel, settings
):
    settings.MAX_UPLOAD_MB = 1
    client.force_login(specialist)
    body = b"date,posts,interactions\n" + b"2023-06-01,1,1\n" * 80_000
    upload = SimpleUploadedFile("big.csv", body, "text/csv")
    page = client.post(reverse("outreach:import", args=[ben_nghe_channel.pk]), {"file": upload})
    assert "vượt giới hạn 1 MB" in page.content.decode()
    assert not ben_nghe_channel.stats.filter(month=6).exists()


def test_the_month_grid_reads_12_500_as_twelve_thousand_five_hundred(
    client, specialist, ben_nghe_channel
):
    client.force_login(specialist)
    url = reverse("outreach:months", args=[ben_nghe_channel.pk, 2023])
    form = client.get(url).content.decode()
    assert 'type="number"' not in form and 'inputmode="numeric"' in form
    response = client.post(url, grid(m1=("1.250", "12.500"), m2=("5", "12 500")))
    assert response.status_code == 302
    year = services.channel_year(ben_nghe_channel, 2023)
    assert (year["posts"], year["interactions"]) == (1255, 25000)


def test_the_month_grid_names_the_cell_of_a_decimal(client, specialist, ben_nghe_channel):
    client.force_login(specialist)
    url = reverse("outreach:months", args=[ben_nghe_channel.pk, 2023])
    page = client.post(url, grid(m3=("1,250", "9"))).content.decode()
    assert "«Số bài viết tháng 3»: «1,250» — dấu phẩy ngăn phần thập phân" in page
    assert "hãy ghi 1.250 hoặc 1250" in page
    assert services.channel_year(ben_nghe_channel, 2023)["posts"] == 15


def test_a_code_with_spaces_or_accents_is_refused_in_vietnamese(client, specialist):
    client.force_login(specialist)
    data = {
        "name": "Kênh mới",
        "code": "cột cờ",
        "platform": "website",
        "unit": OrgUnit.objects.get(code="QU-Q1").pk,
    }
    page = client.post(reverse("outreach:create"), data).content.decode()
    assert "«Mã»: «cột cờ» — chỉ dùng chữ không dấu, chữ số, dấu gạch ngang" in page
    assert "slug" not in page
    assert not Channel.objects.filter(name="Kênh mới").exists()


def test_the_pages_export_link_gives_the_same_workbook_as_the_old_address(client, specialist):
    client.force_login(specialist)
    page = client.get(reverse("outreach:list"), {"year": 2022, "q": "cot co"}).content.decode()
    assert 'href="?year=2022&amp;q=cot+co&amp;export=xlsx"' in page
    new = client.get(reverse("outreach:list"), {"year": 2022, "q": "cot co", "export": "xlsx"})
    old = client.get(reverse("outreach:list"), {"year": 2022, "q": "cot co", "format": "xlsx"})
    sheets = [load_workbook(io.BytesIO(r.content)).active for r in (new, old)]
    rows = [list(s.iter_rows(values_only=True)) for s in sheets]
    assert rows[0] == rows[1] and len(rows[0]) == 13
    assert rows[0][1][3] == "2022"  # the year as written, not 2.022
    assert all(isinstance(n, int) for row in rows[0][1:] for n in row[4:])
