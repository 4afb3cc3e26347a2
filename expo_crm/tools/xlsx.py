# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The cell formats every Expo CRM spreadsheet uses, in one place."""

# name: xlsxwriter properties; each also exists as ``total_<name>``, bold on a
# top border, for the total row
CELL_FORMATS = {
    "title": {"bold": True, "font_size": 14},
    "header": {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True},
    "text": {},
    "wrap": {"text_wrap": True, "valign": "top"},
    "number": {"num_format": "#,##0.00"},
    "decimal": {"num_format": "0.0"},
    "percent": {"num_format": "0.0%"},
    "date": {"num_format": "yyyy-mm-dd"},
}
TOTAL = {"bold": True, "top": 2}


def workbook_formats(workbook, money_format="#,##0.00"):
    """The formats of ``workbook`` by name; ``money`` shows amounts as
    ``money_format`` says (a report gives ``report_xlsx``'s format of the
    company currency, symbol included)."""
    properties = {**CELL_FORMATS, "money": {"num_format": money_format}}
    formats = {}
    for name, values in properties.items():
        formats[name] = workbook.add_format(values)
        formats[f"total_{name}"] = workbook.add_format({**values, **TOTAL})
    formats["total"] = formats["total_text"]
    return formats
