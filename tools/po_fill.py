"""Fill a .po catalog from a Python mapping of translations.

    python tools/po_fill.py src/tuyengiao/APP/locale/vi/LC_MESSAGES/django.po MAPPING.py

MAPPING.py defines T = {msgid: msgstr}. Prints the msgids still missing a translation.
"""

import runpy
import sys

import polib


def main(po_path: str, mapping_path: str) -> None:
    po = polib.pofile(po_path)
    translations = runpy.run_path(mapping_path)["T"]
    missing = []
    for entry in po:
        if entry.msgid in translations:
            value = translations[entry.msgid]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value if isinstance(value, str) else value[0]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif not entry.translated():
            missing.append(entry.msgid)
    po.metadata_is_fuzzy = False
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Language"] = "vi"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    print("missing:", missing)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
