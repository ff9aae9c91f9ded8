from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class TrainingConfig(AppConfig):
    name = "tuyengiao.training"
    label = "training"
    verbose_name = pgettext_lazy("app", "Training")  # the admin's heading
