from django.db import models
from django.utils.translation import gettext_lazy as _


class Classification(models.TextChoices):
    """Độ mật. Above ORDINARY no file is stored and the title is shown to cleared users only."""

    ORDINARY = "ordinary", _("Ordinary")
    CONFIDENTIAL = "confidential", _("Confidential")
    SECRET = "secret", _("Secret")
    TOP_SECRET = "top_secret", _("Top secret")


class LinkKind(models.TextChoices):
    IMPLEMENTS = "implements", _("implements")
    GUIDES = "guides", _("guides")
    AMENDS = "amends", _("amends")
    REPLACES = "replaces", _("replaces")
    REVIEWS = "reviews", _("reviews")
