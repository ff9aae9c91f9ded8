"""The page «Cột cờ Thủ Ngữ» of Quận ủy Quận 1 and its 2022 figures. The seed gives the
year's totals (4.690 posts, 17.096.939 interactions); the monthly split is illustrative."""

from django.db import transaction

from tuyengiao.orgs.models import OrgUnit

from . import services
from .choices import Platform
from .models import Channel

YEAR = 2022
POSTS_TOTAL = 4690
INTERACTIONS_TOTAL = 17_096_939
# Relative weight of each month (Tết in February, campaigns in May and September).
POST_WEIGHTS = [36, 31, 40, 39, 43, 38, 39, 41, 44, 40, 39, 39]
INTERACTION_WEIGHTS = [72, 58, 83, 80, 95, 79, 81, 88, 97, 86, 80, 83]


def split(total: int, weights: list[int]) -> list[int]:
    """Shares of `total` proportional to `weights`, summing exactly to `total`."""
    shares = [total * w // sum(weights) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


@transaction.atomic
def load(*, actor):
    district = OrgUnit.objects.get(code="QU-Q1")
    channel = Channel.objects.filter(code="cot-co-thu-ngu").first()
    if channel is None:
        channel = services.create_channel(
            actor=actor,
            code="cot-co-thu-ngu",
            name="Cột cờ Thủ Ngữ",
            platform=Platform.FACEBOOK,
            unit=district,
            url="",
            note="Trang thông tin chính thức của Quận ủy Quận 1 (dữ liệu minh họa: chia theo "
            "tháng là giả định, tổng năm 2022 theo bài báo).",
        )
    if channel.stats.filter(year=YEAR).exists():
        return
    posts = split(POSTS_TOTAL, POST_WEIGHTS)
    interactions = split(INTERACTIONS_TOTAL, INTERACTION_WEIGHTS)
    months = {(YEAR, m): (posts[m - 1], interactions[m - 1]) for m in range(1, 13)}
    services.save_months(channel, months, actor=actor, source="demo")
