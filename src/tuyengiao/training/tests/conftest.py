import datetime as dt

import pytest

from tuyengiao.core.actors import SYSTEM
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.training import services
from tuyengiao.training.models import TrainingKind


def class_data(**overrides):
    data = dict(
        kind=TrainingKind.objects.get(code="nhan-thuc-ve-dang"),
        name="Lớp nhận thức về Đảng phường",
        unit=OrgUnit.objects.get(code="DU-BEN-NGHE"),
        start_date=dt.date(2023, 3, 1),
        end_date=dt.date(2023, 3, 3),
        place="Hội trường phường",
        target_group="Quần chúng ưu tú",
        planned=40,
        attended=38,
        completed=37,
        excellent=10,
        good=20,
        passed=7,
        failed=0,
    )
    data.update(overrides)
    return data


@pytest.fixture
def ben_nghe_class(db):
    return services.create_class(actor=SYSTEM, **class_data(name="Lớp nhận thức về Đảng Bến Nghé"))


@pytest.fixture
def ben_thanh_class(db):
    return services.create_class(
        actor=SYSTEM,
        **class_data(
            name="Lớp nhận thức về Đảng Bến Thành", unit=OrgUnit.objects.get(code="DU-BEN-THANH")
        ),
    )
