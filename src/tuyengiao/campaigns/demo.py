"""The seed's 2022 study campaign on the reporting demo's form HT-NQ, period 2022.

The seed: "học tập, quán triệt Kết luận, Quy định của Hội nghị lần thứ tư, lần thứ năm,
kết quả Hội nghị Trung ương 6 khóa XIII … 51/51 tổ chức cơ sở đảng … 6.513/6.970/8.021
đảng viên, đạt tỷ lệ 93,44% và 4.608 quần chúng". The figures are the reporting demo's;
the campaign's code and dates are illustrative.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import Form, Period

from . import services
from .models import StudyCampaign

CODE = "HT-TW456-2022"
NAME = (
    "Học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4, 5 và kết quả "
    "Hội nghị Trung ương 6 khóa XIII"
)
DOCUMENTS = ["21-KL/TW", "37-QĐ/TW", "21-NQ/TW", "69-QĐ/TW", "29-NQ/TW"]


@transaction.atomic
def load(*, actor=None):
    if StudyCampaign.objects.filter(code=CODE).exists():
        return
    User = get_user_model()
    actor = actor or User.objects.filter(username="chuyenvien").first()
    district = OrgUnit.objects.get(code="QU-Q1")
    services.create_campaign(
        actor=actor,
        code=CODE,
        name=NAME,
        organising_unit=district,
        target_unit=district,
        starts_on=dt.date(2022, 3, 8),
        ends_on=dt.date(2022, 12, 31),
        form=Form.objects.get(code="HT-NQ"),
        period=Period.objects.get(code="2022"),
        documents=list(Document.objects.filter(number_text__in=DOCUMENTS, issuing_unit=None)),
        illustrative=True,
    )
