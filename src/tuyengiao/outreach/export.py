"""Excel export of channels' monthly figures: numbers as numbers, Vietnamese headers."""

from django.http import HttpResponse

from tuyengiao.core.xlsx import workbook_bytes

from .models import ChannelStat

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = [("Kênh", 30), ("Nền tảng", 18), ("Đơn vị", 30), ("Năm", 8), ("Tháng", 8)]
HEADERS += [("Bài viết", 12), ("Lượt tương tác", 16)]


def stats_response(channels, year: int) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Số liệu {year}"
    sheet.append([title for title, _ in HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width) in enumerate(HEADERS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    stats = (
        ChannelStat.objects.filter(channel__in=channels, year=year)
        .select_related("channel__unit")
        .order_by("channel__sort_name", "month")
    )
    for s in stats:
        channel = s.channel
        sheet.append(
            [
                channel.name,
                channel.get_platform_display(),
                channel.unit.name,
                s.year,
                s.month,
                s.posts,
                s.interactions,
            ]
        )
    for row in sheet.iter_rows(min_row=2, min_col=6, max_col=7):
        for cell in row:
            cell.number_format = "#,##0"
    sheet.freeze_panes = "A2"
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="kenh-thong-tin-{year}.xlsx"'
    return response
