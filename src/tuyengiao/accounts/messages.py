"""Django's own messages that its Vietnamese catalog lacks, kept here so that
`make messages` extracts them into this app's catalog.

Django 5.2's MinimumLengthValidator says "…at least %d character(s)." while Django's
Vietnamese catalog still translates the older "%(min_length)d" text.
"""

from django.utils.translation import ngettext_lazy

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
