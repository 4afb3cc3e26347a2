# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The spreadsheet formats shared by every export, without a database."""

from odoo.tests import BaseCase

from ..tools.xlsx import CELL_FORMATS, workbook_formats


class PropertiesWorkbook:
    """Stands in for an xlsxwriter workbook: a format is its properties."""

    def add_format(self, properties):
        return dict(properties)


class TestXlsxFormats(BaseCase):
    def test_money_shows_the_currency_format(self):
        formats = workbook_formats(PropertiesWorkbook(), "¥#,##0.00")
        self.assertEqual(formats["money"], {"num_format": "¥#,##0.00"})
        self.assertEqual(
            formats["total_money"], {"num_format": "¥#,##0.00", "bold": True, "top": 2}
        )

    def test_every_format_has_its_total(self):
        formats = workbook_formats(PropertiesWorkbook())
        for name in (*CELL_FORMATS, "money"):
            self.assertTrue(formats[f"total_{name}"]["bold"], name)
        self.assertEqual(formats["total"], {"bold": True, "top": 2})
        self.assertEqual(formats["percent"], {"num_format": "0.0%"})
