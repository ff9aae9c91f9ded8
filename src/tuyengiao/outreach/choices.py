from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    FACEBOOK = "facebook", _("Facebook page")
    WEBSITE = "website", _("Website")
    YOUTUBE = "youtube", _("YouTube channel")
    ZALO = "zalo", _("Zalo official account")
    TIKTOK = "tiktok", _("TikTok channel")
    OTHER = "other", _("Other")
