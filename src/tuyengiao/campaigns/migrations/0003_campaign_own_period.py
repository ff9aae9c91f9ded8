"""Every campaign becomes its own collection (ADR 0007): a campaign that reported into a
calendar period gets a period of type "campaign" whose code is its own, and the form's
assignments and submissions of that calendar period move with it. When two campaigns
shared one calendar period, the earliest keeps the submissions (they were entered for
it first); the others keep the same units, with nothing reported yet."""

from django.db import migrations


def forward(apps, schema_editor):
    Campaign = apps.get_model("campaigns", "StudyCampaign")
    Period = apps.get_model("reporting", "Period")
    Assignment = apps.get_model("reporting", "Assignment")
    Submission = apps.get_model("reporting", "Submission")
    moved = {}
    for campaign in Campaign.objects.select_related("period").order_by("starts_on", "code"):
        old = campaign.period
        if old.type == "campaign":
            continue
        start = min(campaign.starts_on, old.end)
        own, _ = Period.objects.get_or_create(
            code=campaign.code,
            defaults={"type": "campaign", "start": start, "end": old.end,
                      "name": campaign.name[:255]},
        )
        key = (campaign.form_id, old.pk)
        if key not in moved:
            Assignment.objects.filter(form_id=campaign.form_id, period=old).update(period=own)
            Submission.objects.filter(form_id=campaign.form_id, period=old).update(period=own)
            moved[key] = own
        else:
            Assignment.objects.bulk_create(
                [
                    Assignment(form_id=a.form_id, unit_id=a.unit_id, period=own,
                               deadline=a.deadline)
                    for a in Assignment.objects.filter(form_id=campaign.form_id, period=moved[key])
                ]
            )
        campaign.period = own
        campaign.save(update_fields=["period"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_sort_name_text"),
        ("reporting", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
