# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models

from odoo.addons.expo_crm.tools.xlsx import workbook_formats


class ExpoSegmentXlsx(models.AbstractModel):
    """Segment list of the selected customers: one row each, a totals row, and a
    summary sheet by value tier."""

    _name = "report.expo_crm_segmentation.segment_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Exhibition Segment List (XLSX)"

    def _columns(self):
        """(header, partner field, width) of the segment list."""
        return [
            (_("Customer"), "display_name", 32),
            (_("Email"), "email", 28),
            (_("Phone"), "phone", 18),
            (_("Salesperson"), "user_id", 20),
            (_("Value Tier"), "expo_value_tier", 14),
            (_("Pareto Class"), "expo_pareto_class", 8),
            (_("RFM Cell"), "expo_rfm_cell", 8),
            (_("Loyalty (Dick & Basu)"), "expo_loyalty_segment", 16),
            (_("Profit Loyalty (Reinartz & Kumar)"), "expo_profit_loyalty_segment", 18),
            (_("Satisfaction (Brandt)"), "expo_satisfaction_segment", 16),
            (_("Knox Diamond"), "expo_knox_segment", 16),
            (_("Lifecycle Stage"), "expo_lifecycle_stage", 14),
            (_("Churn Risk"), "expo_churn_risk", 10),
            (_("Churn Reasons"), "expo_churn_reasons", 48),
            (_("Economic Value"), "expo_economic_value", 16),
        ]

    def _formats(self, workbook):
        return workbook_formats(
            workbook, self._report_xlsx_currency_format(self.env.company.currency_id)
        )

    def _cell_value(self, partner, field_name):
        field = partner._fields[field_name]
        value = partner[field_name]
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value) or _(
                "Unknown"
            )
        if field.type == "boolean":
            return _("Yes") if value else _("No")
        if field.type == "many2one":
            return value.display_name or ""
        return value or ("" if field.type in ("char", "text") else value)

    def generate_xlsx_report(self, workbook, data, partners):
        formats = self._formats(workbook)
        columns = self._columns()
        sheet = workbook.add_worksheet(_("Segments"))
        sheet.freeze_panes(1, 1)
        for col, (header, _field, width) in enumerate(columns):
            sheet.write(0, col, header, formats["header"])
            sheet.set_column(col, col, width)
        for row, partner in enumerate(partners, start=1):
            for col, (_header, field_name, _width) in enumerate(columns):
                fmt = formats["money"] if field_name == "expo_economic_value" else None
                sheet.write(row, col, self._cell_value(partner, field_name), fmt)
        total_row = len(partners) + 1
        sheet.write(
            total_row, 0, _("Total: %(count)s", count=len(partners)), formats["total"]
        )
        sheet.write(
            total_row,
            len(columns) - 1,
            sum(partners.mapped("expo_economic_value")),
            formats["total_money"],
        )
        self._write_tier_summary(workbook, formats, partners)

    def _write_tier_summary(self, workbook, formats, partners):
        sheet = workbook.add_worksheet(_("By Value Tier"))
        headers = [_("Value Tier"), _("Customers"), _("Economic Value")]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        sheet.set_column(0, 2, 18)
        tiers = partners._fields["expo_value_tier"]._description_selection(self.env)
        row = 0
        for row, (tier, label) in enumerate([*tiers, (False, _("Unknown"))], start=1):
            members = partners.filtered(lambda p, tier=tier: p.expo_value_tier == tier)
            sheet.write(row, 0, label)
            sheet.write(row, 1, len(members))
            sheet.write(
                row, 2, sum(members.mapped("expo_economic_value")), formats["money"]
            )
        sheet.write(row + 1, 0, _("Total"), formats["total"])
        sheet.write(row + 1, 1, len(partners), formats["total"])
        sheet.write(
            row + 1,
            2,
            sum(partners.mapped("expo_economic_value")),
            formats["total_money"],
        )
