"""usage: python fill_po.py PO_PATH MAPPING.py  (MAPPING.py defines T = {msgid: msgstr or [sing, plural]})"""
import sys, polib, runpy
po = polib.pofile(sys.argv[1]); T = runpy.run_path(sys.argv[2])["T"]
missing = []
for e in po:
    if e.msgid in T:
        v = T[e.msgid]
        if e.msgid_plural:
            e.msgstr_plural = {0: v if isinstance(v, str) else v[0]}
        else:
            e.msgstr = v
        if "fuzzy" in e.flags: e.flags.remove("fuzzy")
    elif not e.translated():
        missing.append(e.msgid)
po.metadata_is_fuzzy = False
po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
po.metadata["Language"] = "vi"
po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
po.save()
print("missing:", missing)
