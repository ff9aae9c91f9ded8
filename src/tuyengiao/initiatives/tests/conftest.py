import pytest

from tuyengiao.core.actors import SYSTEM
from tuyengiao.initiatives import services
from tuyengiao.orgs.models import OrgUnit


def make(name, unit_code, start_year=2021, end_year=None):
    return services.create_initiative(
        actor=SYSTEM,
        name=name,
        unit=OrgUnit.objects.get(code=unit_code),
        start_year=start_year,
        end_year=end_year,
        description="",
    )


@pytest.fixture
def ben_nghe_initiative(db):
    initiative = make("Dân vận khéo phường Bến Nghé", "DU-BEN-NGHE", 2021, 2023)
    services.assess(initiative, actor=SYSTEM, year=2022, status="in_progress", text="Đang làm.")
    return initiative


@pytest.fixture
def ben_thanh_initiative(db):
    return make("Tuyến phố văn minh Bến Thành", "DU-BEN-THANH")
