"""Two study campaigns on the reporting demo's form HT-NQ, each its own collection (ADR 0007).

The seed's 2022 campaign: "học tập, quán triệt Kết luận, Quy định của Hội nghị lần thứ tư,
lần thứ năm, kết quả Hội nghị Trung ương 6 khóa XIII … 51/51 tổ chức cơ sở đảng …
6.513/6.970/8.021 đảng viên, đạt tỷ lệ 93,44% và 4.608 quần chúng". Its per-unit figures
are the reporting demo's spread; the campaign's code and dates are illustrative.

A second, illustrative campaign of 2023 is still open, so that the list shows two
campaigns side by side with their own counts (and Bến Nghé has it to fill in).
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from tuyengiao.core.actors import SYSTEM, is_system
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import demo as reporting_demo
from tuyengiao.reporting.models import Form

from . import services
from .models import StudyCampaign

CODE = "HT-TW456-2022"
NAME = (
    "Học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4, 5 và kết quả "
    "Hội nghị Trung ương 6 khóa XIII"
)
DOCUMENTS = ["21-KL/TW", "37-QĐ/TW", "21-NQ/TW", "69-QĐ/TW", "29-NQ/TW"]

CODE_2023 = "HT-CD-2023"
NAME_2023 = (
    "Học tập chuyên đề 2023: học tập và làm theo tư tưởng, đạo đức, phong cách "
    "Hồ Chí Minh (Kết luận số 01-KL/TW)"
)
DOCUMENTS_2023 = ["01-KL/TW"]
TOTALS_2023 = {
    "members_total": 8146,
    "members_required": 7101,
    "members_attended": 5388,
    "non_members_attended": 3512,
}
# Still open: Bến Nghé and twelve others have not started; one report was returned.
NOT_STARTED_2023 = {"DU-BEN-NGHE", "DU-CO-GIANG", "DU-PHAM-NGU-LAO"} | {
    f"CS-Q1-{n:03d}" for n in (3, 6, 9, 12, 18, 22, 27, 31, 35, 39)
}
DRAFT_2023 = {"DU-BEN-THANH", "CS-Q1-014", "CS-Q1-030"}
SUBMITTED_2023 = {"DU-DA-KAO", "CS-Q1-001", "CS-Q1-008", "CS-Q1-016", "CS-Q1-024"}
RETURNED_2023 = {"CS-Q1-020": "Số quần chúng tham gia chưa khớp với biên bản học tập."}
# Waiting for approval with a figure that jumped: the board's "Cảnh báo" column shows it.
JUMPS_2023 = {"DU-DA-KAO": {"non_members_attended": 2.5}}
LATE_2023 = {"DU-DA-KAO": 4, "CS-Q1-016": 9, "CS-Q1-033": 2}  # days after the deadline


def _documents(numbers):
    return list(Document.objects.filter(number_text__in=numbers, issuing_unit=None))


@transaction.atomic
def load(*, actor):
    User = get_user_model()
    if is_system(actor):  # the demo's story: the district's specialist did it
        actor = User.objects.filter(username="chuyenvien").first()
    district = OrgUnit.objects.get(code="QU-Q1")
    form = Form.objects.get(code="HT-NQ")
    if not StudyCampaign.objects.filter(code=CODE).exists():
        campaign, _ = services.create_campaign(
            actor=actor,
            code=CODE,
            name=NAME,
            organising_unit=district,
            target_unit=district,
            starts_on=dt.date(2022, 3, 8),
            ends_on=dt.date(2022, 12, 31),
            form=form,
            documents=_documents(DOCUMENTS),
            illustrative=True,
        )
        reporting_demo.fill_approved(form, district, campaign.period, actor=SYSTEM)
    if not StudyCampaign.objects.filter(code=CODE_2023).exists():
        campaign, _ = services.create_campaign(
            actor=actor,
            code=CODE_2023,
            name=NAME_2023,
            organising_unit=district,
            target_unit=district,
            starts_on=dt.date(2023, 4, 3),
            ends_on=dt.date(2023, 12, 31),
            form=form,
            documents=_documents(DOCUMENTS_2023),
            illustrative=True,
        )
        # The 2022 spread's shape: each unit's figures move a little, as they do.
        reporting_demo.fill_mixed(
            form,
            district,
            campaign.period,
            totals=TOTALS_2023,
            seed=2022,
            not_started=NOT_STARTED_2023,
            drafts=DRAFT_2023,
            submitted=SUBMITTED_2023,
            returned=RETURNED_2023,
            late=LATE_2023,
            jumps=JUMPS_2023,
            actor=SYSTEM,
        )
