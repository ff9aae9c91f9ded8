from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "tuyengiao.training"
    label = "training"
