"""Follow-up pages: status board, drill-down (with .xlsx export) and dashboard."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.safestring import mark_safe

from tuyengiao.core import xlsx
from tuyengiao.core.text import sort_key
from tuyengiao.orgs import access

from . import charts, outliers, pages, review
from .choices import NOT_STARTED, SubmissionStatus
from .rollup import children_breakdown, rollup

STATUS_ORDER = [NOT_STARTED, *SubmissionStatus.values]


@login_required
def status_board(request, form_code, period_code, unit_code):
    form, period = pages.form_and_period(form_code, period_code)
    unit = pages.visible_unit(request.user, unit_code)
    status_filter = request.GET.get("status") or None
    if status_filter not in (*STATUS_ORDER, pages.OVERDUE):
        status_filter = None
    all_rows = pages.status_rows(request.user, form, period, unit)
    counts = {key: 0 for key in STATUS_ORDER}
    for row in all_rows:
        counts[row["status"]] += 1
    if status_filter == pages.OVERDUE:
        rows = sorted((r for r in all_rows if r["overdue"]), key=lambda r: -r["days_late"])
    else:
        rows = [r for r in all_rows if not status_filter or r["status"] == status_filter]
    expected = len(all_rows)
    flags = outliers.board_flags(form, period, [r["submission"] for r in rows if r["submission"]])
    for row in rows:
        row["warnings"] = flags.get(row["unit"].pk, [])
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    for row in page:  # the review policy, for the rows shown
        row["may_approve"] = review.may_approve(request.user, row["submission"])
        row["may_return"] = review.may_return(request.user, row["submission"])
    context = {
        "form_obj": form,
        "period": period,
        "unit": unit,
        "page": page,
        "counts": counts,
        "expected": expected,
        "submitted": counts[SubmissionStatus.SUBMITTED] + counts[SubmissionStatus.APPROVED],
        "approved": counts[SubmissionStatus.APPROVED],
        "first_level": sum(
            1 for r in all_rows if r["submission"] and r["submission"].approved_level >= 1
        ),
        "overdue": sum(1 for r in all_rows if r["overdue"]),
        "on_time": sum(1 for r in all_rows if r["timely"] == "on_time"),
        "late": sum(1 for r in all_rows if r["timely"] == "late"),
        "status_filter": status_filter,
        "statuses": STATUS_ORDER,
        "may_approve_all": access.can(request.user, access.APPROVE, unit),
        "may_report": access.can(request.user, access.REPORT, unit),
    }
    return render(request, "reporting/status_board.html", context)


def _sorted(rows, key: str, descending: bool):
    if key.startswith("field:"):
        code = key.removeprefix("field:")
        value = lambda r: r.fields.get(code)  # noqa: E731
    elif key.startswith("indicator:"):
        code = key.removeprefix("indicator:")
        value = lambda r: r.indicators[code].value if code in r.indicators else None  # noqa: E731
    elif key == "completeness":
        value = lambda r: r.completeness.submitted / (r.completeness.expected or 1)  # noqa: E731
    else:
        return sorted(rows, key=lambda r: (r.unit.sort_name, r.unit.code), reverse=descending)
    present = [r for r in rows if value(r) is not None]
    missing = [r for r in rows if value(r) is None]  # units without figures stay at the end
    present.sort(key=lambda r: (value(r), sort_key(r.unit.name)), reverse=descending)
    return present + missing


def _drill_data(request, form_code, period_code, unit_code):
    form, period = pages.form_and_period(form_code, period_code)
    unit = pages.visible_unit(request.user, unit_code)
    include_submitted = request.GET.get("include") == "submitted"
    rows = children_breakdown(form, unit, period, include_submitted=include_submitted)
    sort = request.GET.get("sort") or "name"
    descending = request.GET.get("dir") == "desc"
    rows = _sorted(rows, sort, descending)
    total = rollup(form, unit, period, include_submitted=include_submitted)
    return form, period, unit, rows, total, sort, descending, include_submitted


@login_required
def drilldown(request, form_code, period_code, unit_code):
    form, period, unit, rows, total, sort, descending, include_submitted = _drill_data(
        request, form_code, period_code, unit_code
    )
    if request.GET.get("format") == "xlsx":
        book = drilldown_workbook(form, period, unit, rows, total)
        return xlsx.attachment(book, f"{form.code}_{period.code}_{unit.code}.xlsx")
    fields = [f for f in form.fields.all() if f.is_numeric and f.aggregation != "none"]
    indicators = list(form.indicators.all())
    ancestors = pages.visible_ancestors(request.user, unit)
    context = {
        "form_obj": form,
        "period": period,
        "unit": unit,
        "rows": rows,
        "total": total,
        "fields": fields,
        "indicators": indicators,
        "sort": sort,
        "descending": descending,
        "include_submitted": include_submitted,
        "ancestors": ancestors,
    }
    return render(request, "reporting/drilldown.html", context)


@login_required
def dashboard(request, form_code, period_code, unit_code):
    form, period = pages.form_and_period(form_code, period_code)
    unit = pages.visible_unit(request.user, unit_code)
    total = rollup(form, unit, period)
    indicators = list(form.indicators.all())
    rows = children_breakdown(form, unit, period)
    chart = None
    key = indicators[0] if indicators else None
    if key and len(rows) > 1:
        ordered = sorted(
            rows,
            key=lambda r: (
                r.indicators[key.code].value is None,
                -(r.indicators[key.code].value or 0),
            ),
        )
        svg = charts.rate_by_unit_chart(
            [(r.unit.display_name, r.indicators[key.code].value) for r in ordered],
            title=f"{key.name} — {period.name}",
            decimals=key.decimals,
            percent=key.is_percent,
        )
        # Our own matplotlib output (labels escaped by matplotlib), not user HTML.
        chart = mark_safe(svg.decode("utf-8").split("?>", 1)[-1])  # noqa: S308
    c = total.completeness
    context = {
        "form_obj": form,
        "period": period,
        "unit": unit,
        "total": total,
        "fields": [f for f in form.fields.all() if f.is_numeric and f.aggregation != "none"],
        "chart": chart,
        "key_indicator": key,
        "submitted_pct": c.submitted_pct,
        "approved_pct": c.approved_pct,
    }
    return render(request, "reporting/dashboard.html", context)


def drilldown_workbook(form, period, unit, rows, total):
    """The drill-down table as .xlsx (core.xlsx): numbers as numbers, rates with two decimals,
    the units' rows then «Tổng cộng» in bold."""
    fields = [f for f in form.fields.all() if f.is_numeric and f.aggregation != "none"]
    indicators = list(form.indicators.all())
    headers = [("Mã đơn vị", 16), ("Đơn vị", 48), *[(f.label, 18) for f in fields]]
    headers += [(i.name + (" (%)" if i.is_percent else ""), 18) for i in indicators]
    headers += [("Số đơn vị phải báo cáo", 18), ("Đã gửi", 18), ("Đã duyệt", 18)]

    def line(code, name, figures):
        done = figures.completeness
        return [
            code,
            name,
            *[_number(figures.fields.get(f.code)) for f in fields],
            *[_number(figures.indicators[i.code].value) for i in indicators],
            done.expected,
            done.submitted,
            done.approved,
        ]

    data = [line(row.unit.code, row.unit.name, row) for row in rows]
    data.append(line(unit.code, "Tổng cộng", total))
    first_rate = len(fields) + 3
    book = xlsx.workbook(
        "Tổng hợp",
        headers,
        data,
        wrap=False,
        title_lines=[f"{form.code} — {form.name}", f"{unit.name} · {period.name}"],
        freeze_columns=2,
        formats={c: xlsx.DECIMAL_FORMAT for c in range(first_rate, first_rate + len(indicators))},
    )
    from openpyxl.styles import Font

    sheet = book.active
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    return book


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
