"""Every term Odoo exports for our addons has a Chinese and a Spanish translation that
keeps the placeholders and markup of its source.

The terms are the ones Odoo's exporter collects from the database the tests run on
(fields, selections, views, menus, data and demo records, mail templates, survey
questions, reports, Python ``_()`` and JS ``_t``); the translations are read from each
addon's ``i18n/zh_CN.po`` and ``i18n/es.po`` as Odoo loads them. After changing code or
data, ``./setup/expo pot`` brings the .pot and .po files up to date; the empty msgstr it
leaves are what this test reports."""

import re
import tempfile
from collections import Counter
from pathlib import Path

import polib

from odoo.tests.common import TransactionCase
from odoo.tools.translate import PoFileReader, TranslationModuleReader

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("expo_crm", "expo_crm_segmentation", "expo_crm_survey")
LANGS = ("zh_CN", "es")

# %(name)s, %s, %d, %%
PRINTF = re.compile(r"%(?:\([A-Za-z_]\w*\))?[-#0+]*\d*(?:\.\d+)?[sdfrx%]")
# {{ object.name }} (inline templates)
INLINE = re.compile(r"\{\{.*?\}\}", re.S)
# {name} (str.format, JS templates)
BRACES = re.compile(r"\{[A-Za-z_][\w.]*\}")
# <tag ...> and </tag>
TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>")
# QWeb attributes (t-out, t-esc, t-if, t-att-href, t-attf-class, ...)
QWEB_ATTR = re.compile(r"\b(t-[\w-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


def placeholders(text):
    """The placeholders and markup a translation must keep, as a multiset."""
    found = Counter()
    for match in INLINE.finditer(text):
        found["inline " + re.sub(r"\s+", "", match.group())] += 1
    rest = INLINE.sub("", text)
    found.update("printf " + m for m in PRINTF.findall(rest))
    found.update("format " + m for m in BRACES.findall(rest))
    for closing, tag, attrs in TAG.findall(rest):
        found[f"tag <{closing}{tag.lower()}>"] += 1
        for name, value in QWEB_ATTR.findall(attrs):
            value = " ".join(value[1:-1].split())
            found[f"attribute {name}={value}"] += 1
    return found


def exported_terms(cr, addon):
    """The source terms Odoo's exporter collects for ``addon``."""
    terms = {}
    for (
        _module,
        ttype,
        name,
        res_id,
        source,
        _value,
        _comments,
    ) in TranslationModuleReader(cr, modules=[addon]):
        terms.setdefault(source, f"{ttype}:{name}:{res_id}")
    return terms


def po_translations(po_path):
    """msgid -> msgstr of a .po file, read as Odoo reads it when loading a language."""
    return {entry["src"]: entry["value"] for entry in PoFileReader(str(po_path))}


def translation_problems(terms, translations):
    """Terms without a translation, and translations that lose or add placeholders."""
    missing, mismatched = [], []
    for source, where in sorted(terms.items()):
        translation = translations.get(source)
        if not translation:
            missing.append(f"{where}\n    msgid {source!r}")
            continue
        expected, got = placeholders(source), placeholders(translation)
        if expected != got:
            lost = ", ".join(sorted((expected - got).elements())) or "-"
            added = ", ".join(sorted((got - expected).elements())) or "-"
            mismatched.append(
                f"{where}\n    msgid  {source!r}\n    msgstr {translation!r}\n"
                f"    lost: {lost}; added: {added}"
            )
    return missing, mismatched


def problems_report(addon, lang, missing, mismatched):
    lines = []
    if missing:
        lines.append(
            f"{addon}/i18n/{lang}.po: {len(missing)} terms without translation:"
        )
        lines += ["  " + item for item in missing]
    if mismatched:
        lines.append(
            f"{addon}/i18n/{lang}.po: {len(mismatched)} translations whose "
            "placeholders or markup differ from the source:"
        )
        lines += ["  " + item for item in mismatched]
    return "\n".join(lines)


class TestTranslations(TransactionCase):
    # Odoo names these for test classes of addons; this one lives outside them
    test_tags = {"standard", "at_install", "expo_i18n"}
    test_module = "expo_i18n"
    test_class = "TestTranslations"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.terms = {addon: exported_terms(cls.env.cr, addon) for addon in ADDONS}

    def test_every_term_translated_with_its_placeholders(self):
        reports = []
        for addon in ADDONS:
            self.assertTrue(self.terms[addon], f"no term exported for {addon}")
            for lang in LANGS:
                po_path = ROOT / addon / "i18n" / f"{lang}.po"
                self.assertTrue(po_path.exists(), f"{po_path} is missing")
                missing, mismatched = translation_problems(
                    self.terms[addon], po_translations(po_path)
                )
                if missing or mismatched:
                    reports.append(problems_report(addon, lang, missing, mismatched))
        if reports:
            self.fail(
                "\n\n".join(reports)
                + "\n\nRun ./setup/expo pot, then fill the empty msgstr of these files."
            )

    def test_a_missing_or_broken_translation_is_reported(self):
        """The check above fails on a .po file with an empty msgstr or a msgstr that
        drops a placeholder."""
        terms = self.terms["expo_crm"]
        po = polib.pofile(str(ROOT / "expo_crm" / "i18n" / "zh_CN.po"))
        translated = [e.msgid for e in po if e.msgstr and e.msgid in terms]
        with_printf = next(source for source in translated if PRINTF.search(source))
        plain = next(source for source in translated if not placeholders(source))
        po.find(plain).msgstr = ""
        po.find(with_printf).msgstr = PRINTF.sub("", po.find(with_printf).msgstr)
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        po_path = Path(tmp.name) / "expo_crm" / "i18n" / "zh_CN.po"
        po_path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(po_path))
        # the problems the shipped file may have, so that only the breakage counts
        missing_before, mismatched_before = translation_problems(
            terms, po_translations(ROOT / "expo_crm" / "i18n" / "zh_CN.po")
        )

        missing, mismatched = translation_problems(terms, po_translations(po_path))

        new_missing = set(missing) - set(missing_before)
        new_mismatched = set(mismatched) - set(mismatched_before)
        self.assertEqual(len(new_missing), 1)
        self.assertIn(repr(plain), new_missing.pop())
        self.assertEqual(len(new_mismatched), 1)
        mismatch = new_mismatched.pop()
        self.assertIn(repr(with_printf), mismatch)
        self.assertIn("lost: printf %", mismatch)

    def test_placeholders_of_mail_markup(self):
        source = (
            'Dear <t t-out="object.name"/>, your booth <strong>%(booth)s</strong> '
            "for {{ object.event_id.name }} is {state}."
        )
        same = (
            '尊敬的<t t-out="object.name"/>：贵方在{{object.event_id.name}}的展位'
            "<strong>%(booth)s</strong>状态为{state}。"
        )
        self.assertEqual(placeholders(source), placeholders(same))
        for broken in (
            same.replace('t-out="object.name"', 't-out="object.email"'),
            same.replace("<strong>", "<b>"),
            same.replace("{{object.event_id.name}}", "{{ object.name }}"),
            same.replace("{state}", "{status}"),
            same.replace("%(booth)s", "%(stand)s"),
        ):
            self.assertNotEqual(placeholders(source), placeholders(broken), broken)
