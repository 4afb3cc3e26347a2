"""Export the addons' translation templates and merge them into their translations.

    python setup/i18n.py -c ODOO_CONF -d DB [--lang zh_CN --lang es] ADDON...

For each addon, on database DB (the addons installed with their demo data):
- write ``ADDON/i18n/ADDON.pot`` with Odoo's own exporter (``trans_export``), so the
  template holds what Odoo extracts: fields, selections, views, menus, actions, data and
  demo records, mail templates, survey questions, reports, Python ``_()`` and JS ``_t``;
- update ``ADDON/i18n/LANG.po`` like ``msgmerge --no-fuzzy-matching``: every msgid of
  the template keeps its translation, new msgids come in untranslated, msgids gone from
  the template are dropped; comments and references follow the template.
Files are written by polib as Odoo writes them, so exports and merges diff cleanly.
"""

import argparse
import io
import sys
import warnings
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LANGS = ("zh_CN", "es")
PLURAL_FORMS = {"zh_CN": "nplurals=1; plural=0;", "es": "nplurals=2; plural=(n != 1);"}


def export_pot(env, addon):
    """Return the translation template of ``addon`` as Odoo exports it."""
    from odoo.tools.translate import trans_export

    buffer = io.BytesIO()
    trans_export(False, [addon], buffer, "po", env.cr)
    return polib.pofile(buffer.getvalue().decode())


def merge_po(pot, po_path, lang):
    """Merge template ``pot`` into the .po file at ``po_path``; return counts."""
    old = polib.pofile(str(po_path)) if po_path.exists() else None
    kept = {(e.msgctxt, e.msgid): e for e in (old or []) if not e.obsolete and e.msgstr}
    new = polib.POFile()
    new.header = pot.header
    new.metadata = dict(pot.metadata)
    if old is not None:
        new.metadata.update(
            (key, value)
            for key, value in old.metadata.items()
            if key not in ("POT-Creation-Date", "Project-Id-Version")
        )
    new.metadata["Language"] = lang
    if not new.metadata.get("Plural-Forms") and lang in PLURAL_FORMS:
        new.metadata["Plural-Forms"] = PLURAL_FORMS[lang]
    counts = {"translated": 0, "untranslated": 0, "new": 0, "removed": 0}
    template_keys = set()
    for entry in pot:
        key = (entry.msgctxt, entry.msgid)
        template_keys.add(key)
        previous = kept.get(key)
        merged = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=previous.msgstr if previous else "",
            comment=entry.comment,
            tcomment=previous.tcomment if previous else entry.tcomment,
            occurrences=list(entry.occurrences),
            flags=list(entry.flags),
        )
        new.append(merged)
        counts["translated" if merged.msgstr else "untranslated"] += 1
        if old is not None and old.find(entry.msgid, msgctxt=entry.msgctxt) is None:
            counts["new"] += 1
    if old is not None:
        counts["removed"] = sum(
            1
            for e in old
            if not e.obsolete and (e.msgctxt, e.msgid) not in template_keys
        )
    new.save(str(po_path))
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo configuration file")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument(
        "--lang", action="append", help="languages to merge (zh_CN, es)"
    )
    parser.add_argument("addons", nargs="+")
    args = parser.parse_args(argv)

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    odoo.netsvc.init_logger()
    # babel's extractors import pkg_resources, which warns on recent setuptools
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    langs = args.lang or DEFAULT_LANGS
    untranslated = 0
    with Registry(args.database).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        for addon in args.addons:
            i18n = ROOT / addon / "i18n"
            i18n.mkdir(exist_ok=True)
            pot = export_pot(env, addon)
            pot.save(str(i18n / f"{addon}.pot"))
            print(f"{addon}: {len(pot)} terms in i18n/{addon}.pot")
            for lang in langs:
                counts = merge_po(pot, i18n / f"{lang}.po", lang)
                untranslated += counts["untranslated"]
                print(
                    f"  {lang}.po: {counts['translated']} translated, "
                    f"{counts['untranslated']} untranslated "
                    f"({counts['new']} new, {counts['removed']} removed)"
                )
        cr.rollback()
    if untranslated:
        print(f"{untranslated} msgstr to fill in (empty msgstr in the .po files above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
