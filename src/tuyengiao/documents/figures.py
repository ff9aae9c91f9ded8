"""Year-end report figures of the document register."""

from django.urls import reverse

from tuyengiao.core.figures import Figure, number

from . import services


def year_figures(unit, year: int) -> list[Figure]:
    count = services.issued_count(unit, year)
    url = f"{reverse('documents:list')}?issuing_unit={unit.code}&year={year}"
    return [
        number(
            "documents.issued",
            f"Số văn bản {unit.name} ban hành",
            count,
            section="documents",
            source={
                "what": "Số văn bản trong sổ văn bản có đơn vị ban hành là "
                f"{unit.name} và ngày ban hành trong năm {year} (mọi loại, mọi độ mật)",
                "units": f"{unit.code} (chỉ văn bản của chính đơn vị, không gồm đơn vị cấp dưới)",
                "period": str(year),
                "url": url,
            },
        )
    ]
