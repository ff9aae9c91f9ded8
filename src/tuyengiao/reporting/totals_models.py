"""The kept totals (issue 17): one row per (form, period, unit, status, approval level,
field) holding the sum, count and maximum of the counted reports of the unit's whole
subtree; the row with no field holds the counters (how many reports, how many first sent
on time), and the row with status "assigned" counts the units expected to report.

Kept in step by reporting/totals.py in the transaction of every verb that changes a
submission, an assignment or a unit's validity; `tuyengiao totals rebuild --check`
recomputes them from the values."""

from __future__ import annotations

from django.db import models


class Total(models.Model):
    form = models.ForeignKey("reporting.Form", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("reporting.Period", on_delete=models.CASCADE, related_name="+")
    # The subtree's top: every report of a unit valid on the period's last day below it.
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16)  # submitted, approved, or "assigned"
    level = models.PositiveSmallIntegerField(default=0)  # approval levels passed
    field = models.ForeignKey(
        "reporting.Field", null=True, on_delete=models.CASCADE, related_name="+"
    )
    total = models.DecimalField(max_digits=28, decimal_places=4, null=True)
    # Field rows: numbers that are not empty; counter rows: reports (or expected units).
    count = models.PositiveIntegerField(default=0)
    maximum = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    on_time = models.PositiveIntegerField(default=0)  # counter rows: first sent by the deadline

    class Meta:
        indexes = [models.Index(fields=["form", "period", "unit"], name="reporting_total_unit")]

    def __str__(self):
        return f"{self.form_id}/{self.period_id}/{self.unit_id}/{self.status}/{self.field_id}"
