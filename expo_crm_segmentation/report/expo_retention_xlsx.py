# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models


class ExpoRetentionXlsx(models.AbstractModel):
    """Retention report of an edition: a summary sheet, then one sheet per role
    listing its customers (new, returning, won back, lost) with totals."""

    _name = "report.expo_crm_segmentation.retention_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Exhibition Retention Report (XLSX)"

    def _formats(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "number": workbook.add_format({"num_format": "#,##0.00"}),
            "percent": workbook.add_format({"num_format": "0.0"}),
            "total": workbook.add_format({"bold": True, "top": 2}),
            "total_number": workbook.add_format(
                {"bold": True, "top": 2, "num_format": "#,##0.00"}
            ),
        }

    def _status(self, row):
        if row.lost_count:
            return _("Lost")
        if row.new_count:
            return _("New")
        if row.returning_count:
            return _("Returning")
        return _("Won Back")

    def _figures(self, rows):
        """Totals and rates of a set of retention rows."""
        previous = rows.filtered(lambda r: r.returning_count or r.lost_count)
        rebook_base = rows.filtered(
            lambda r: r.participant_count and r.event_id.expo_next_event_id
        )
        rebooked = rebook_base.filtered(lambda r: r.rebooking_rate)
        return {
            "participants": sum(rows.mapped("participant_count")),
            "new": sum(rows.mapped("new_count")),
            "returning": sum(rows.mapped("returning_count")),
            "won_back": sum(rows.mapped("won_back_count")),
            "lost": sum(rows.mapped("lost_count")),
            "retention": 100.0 * sum(rows.mapped("returning_count")) / len(previous)
            if previous
            else None,
            "rebooking": 100.0 * len(rebooked) / len(rebook_base)
            if rebook_base
            else None,
            "space": sum(rows.mapped("space_sqm")),
            "space_previous": sum(rows.mapped("space_sqm_previous")),
            "amount": sum(rows.mapped("amount_invoiced")),
            "amount_previous": sum(rows.mapped("amount_invoiced_previous")),
        }

    def generate_xlsx_report(self, workbook, data, editions):
        formats = self._formats(workbook)
        Report = self.env["expo.retention.report"]
        for edition in editions:
            rows = Report.search([("event_id", "=", edition.id)])
            self._write_summary(workbook, formats, edition, rows)
            for role in rows.role_id.sorted(lambda r: (r.sequence, r.id)):
                self._write_role(
                    workbook,
                    formats,
                    edition,
                    role,
                    rows.filtered(lambda r, role=role: r.role_id == role),
                )

    def _summary_headers(self):
        return [
            _("Role"),
            _("Participants"),
            _("New"),
            _("Returning"),
            _("Won Back"),
            _("Lost"),
            _("Retention Rate (%)"),
            _("Rebooking Rate (%)"),
            _("Space (m²)"),
            _("Space Previous (m²)"),
            _("Invoiced"),
            _("Invoiced Previous"),
            _("Invoiced Change (%)"),
        ]

    def _summary_values(self, label, figures):
        change = (
            100.0
            * (figures["amount"] - figures["amount_previous"])
            / figures["amount_previous"]
            if figures["amount_previous"]
            else None
        )
        return [
            label,
            figures["participants"],
            figures["new"],
            figures["returning"],
            figures["won_back"],
            figures["lost"],
            figures["retention"],
            figures["rebooking"],
            figures["space"],
            figures["space_previous"],
            figures["amount"],
            figures["amount_previous"],
            change,
        ]

    def _write_summary(self, workbook, formats, edition, rows):
        sheet = workbook.add_worksheet(_("Summary"))
        sheet.write(
            0,
            0,
            _("Retention: %(edition)s", edition=edition.display_name),
            formats["title"],
        )
        for col, header in enumerate(self._summary_headers()):
            sheet.write(2, col, header, formats["header"])
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 12, 13)
        row = 2
        for row, role in enumerate(
            rows.role_id.sorted(lambda r: (r.sequence, r.id)), start=3
        ):
            figures = self._figures(
                rows.filtered(lambda r, role=role: r.role_id == role)
            )
            self._write_values(
                sheet, row, self._summary_values(role.name, figures), formats
            )
        self._write_values(
            sheet,
            row + 1,
            self._summary_values(_("Total"), self._figures(rows)),
            formats,
            total=True,
        )

    def _write_values(self, sheet, row, values, formats, total=False):
        for col, value in enumerate(values):
            if value is None:
                value = ""
            if isinstance(value, float):
                fmt = formats["total_number" if total else "number"]
            else:
                fmt = formats["total"] if total else None
            sheet.write(row, col, value, fmt)

    def _write_role(self, workbook, formats, edition, role, rows):
        sheet = workbook.add_worksheet(role.name[:31])
        headers = [
            _("Customer"),
            _("Status"),
            _("Value Tier"),
            _("First Edition"),
            _("Space (m²)"),
            _("Space Previous (m²)"),
            _("Invoiced"),
            _("Invoiced Previous"),
            _("Invoiced Change"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, 8, 14)
        sheet.freeze_panes(1, 1)
        tiers = dict(rows._fields["value_tier"]._description_selection(self.env))
        for row, line in enumerate(
            rows.sorted(lambda r: r.partner_id.display_name), start=1
        ):
            values = [
                line.partner_id.display_name,
                self._status(line),
                tiers.get(line.value_tier) or _("Unknown"),
                line.first_event_id.display_name,
                line.space_sqm,
                line.space_sqm_previous,
                line.amount_invoiced,
                line.amount_invoiced_previous,
                line.amount_invoiced_change,
            ]
            self._write_values(sheet, row, values, formats)
        figures = self._figures(rows)
        total = [
            _(
                "Total: %(count)s participants, %(lost)s lost",
                count=figures["participants"],
                lost=figures["lost"],
            ),
            "",
            "",
            "",
            figures["space"],
            figures["space_previous"],
            figures["amount"],
            figures["amount_previous"],
            figures["amount"] - figures["amount_previous"],
        ]
        self._write_values(sheet, len(rows) + 1, total, formats, total=True)
