import pytest

from tuyengiao.core.actors import SYSTEM
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.outreach import services
from tuyengiao.outreach.models import Channel


def make_channel(code, unit_code, name):
    return services.create_channel(
        actor=SYSTEM,
        code=code,
        name=name,
        platform="facebook",
        unit=OrgUnit.objects.get(code=unit_code),
        url="",
        note="",
    )


@pytest.fixture
def ben_nghe_channel(db):
    channel = make_channel("ben-nghe", "DU-BEN-NGHE", "Trang Đảng ủy phường Bến Nghé")
    services.save_months(channel, {(2023, 1): (10, 1000), (2023, 2): (5, 500)}, actor=SYSTEM)
    return channel


@pytest.fixture
def ben_thanh_channel(db):
    return make_channel("ben-thanh", "DU-BEN-THANH", "Trang Đảng ủy phường Bến Thành")


@pytest.fixture
def cot_co(db):
    return Channel.objects.get(code="cot-co-thu-ngu")
