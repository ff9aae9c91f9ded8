import pytest

from tuyengiao.meetings import demo
from tuyengiao.meetings.models import Conference, Task


@pytest.fixture
def conference(db):
    """The 10/2/2023 conference of the seed, loaded by the demo."""
    return Conference.objects.get(date=demo.DATE, title=demo.TITLE)


@pytest.fixture
def ben_nghe_task(conference):
    """The Hồ Chí Minh cultural-space task of Bến Nghé: in progress, due 30/09/2023."""
    return Task.objects.get(unit__code="DU-BEN-NGHE", title__contains="không gian văn hóa")


@pytest.fixture
def ben_thanh_task(conference):
    return Task.objects.get(unit__code="DU-BEN-THANH")
