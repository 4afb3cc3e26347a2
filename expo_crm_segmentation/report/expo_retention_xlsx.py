# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dataclasses import dataclass

from odoo import _, models

from odoo.addons.expo_crm.tools.xlsx import workbook_formats


@dataclass(frozen=True)
class Percent:
    """A percentage (0 to 100) to write in a percent cell."""

    value: float


class ExpoRetentionXlsx(models.AbstractModel):
    """Retention report of an edition: a summary sheet, then one sheet per role
    listing its customers (new, returning, won back, lost or not rebooked yet)
    with totals."""

    _name = "report.expo_crm_segmentation.retention_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Exhibition Retention Report (XLSX)"

    def _formats(self, workbook):
        return workbook_formats(
            workbook, self._report_xlsx_currency_format(self.env.company.currency_id)
        )

    def _status(self, row):
        return dict(row._fields["status"]._description_selection(self.env))[row.status]

    def _figures(self, rows):
        """Totals and rates of a set of retention rows of one edition: the
        retention rate once it is held, the rebooking rate before."""
        participants = sum(rows.mapped("participant_count"))
        previous = len(
            rows.filtered(
                lambda r: r.returning_count or r.lost_count or r.not_rebooked_count
            )
        )
        returning = sum(rows.mapped("returning_count"))
        held = all(rows.mapped("held"))
        share = 100.0 * returning / previous if previous else None
        return {
            "participants": participants,
            "new": sum(rows.mapped("new_count")),
            "new_rate": 100.0 * sum(rows.mapped("new_count")) / participants
            if participants
            else None,
            "returning": returning,
            "won_back": sum(rows.mapped("won_back_count")),
            "lost": sum(rows.mapped("lost_count")),
            "not_rebooked": sum(rows.mapped("not_rebooked_count")),
            "retention": share if held else None,
            "rebooking": None if held else share,
            "space": sum(rows.mapped("space_sqm")),
            "space_paid": sum(rows.mapped("space_sqm_paid")),
            "space_unpaid": sum(rows.mapped("space_sqm_unpaid")),
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
        """(header, figure) of the summary columns after the role; the figures
        ending in "rate" and "change" are percentages."""
        return [
            (_("Participants"), "participants"),
            (_("New"), "new"),
            (_("New Rate"), "new_rate"),
            (_("Returning"), "returning"),
            (_("Won Back"), "won_back"),
            (_("Lost"), "lost"),
            (_("Not Yet Rebooked"), "not_rebooked"),
            (_("Retention Rate"), "retention_rate"),
            (_("Rebooking Rate"), "rebooking_rate"),
            (_("Net m² Contracted"), "space"),
            (_("Net m² Paid"), "space_paid"),
            (_("Net m² Unpaid"), "space_unpaid"),
            (_("Net m² Previous Edition"), "space_previous"),
            (_("Invoiced"), "amount"),
            (_("Invoiced Previous"), "amount_previous"),
            (_("Invoiced Change"), "amount_change"),
        ]

    def _summary_values(self, label, figures):
        figures = dict(
            figures,
            retention_rate=figures["retention"],
            rebooking_rate=figures["rebooking"],
            amount_change=100.0
            * (figures["amount"] - figures["amount_previous"])
            / figures["amount_previous"]
            if figures["amount_previous"]
            else None,
        )
        return [label] + [
            Percent(figures[key])
            if key.endswith(("rate", "change")) and figures[key] is not None
            else figures[key]
            for _header, key in self._summary_headers()
        ]

    def _write_summary(self, workbook, formats, edition, rows):
        sheet = workbook.add_worksheet(_("Summary"))
        sheet.write(
            0,
            0,
            _("Retention: %(edition)s", edition=edition.display_name),
            formats["title"],
        )
        headers = [_("Role")] + [header for header, _key in self._summary_headers()]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, formats["header"])
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, len(headers) - 1, 13)
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
        prefix = "total_" if total else ""
        for col, value in enumerate(values):
            if value is None:
                value = ""
            if isinstance(value, Percent):
                # a percentage as spreadsheets hold them: a fraction shown as 83.3 %
                value, fmt = round(value.value / 100.0, 4), formats[f"{prefix}percent"]
            elif isinstance(value, float):
                fmt = formats[f"{prefix}number"]
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
            _("Net m² Contracted"),
            _("Net m² Paid"),
            _("Net m² Previous Edition"),
            _("Invoiced"),
            _("Invoiced Previous"),
            _("Invoiced Change"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, len(headers) - 1, 14)
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
                line.space_sqm_paid,
                line.space_sqm_previous,
                line.amount_invoiced,
                line.amount_invoiced_previous,
                line.amount_invoiced_change,
            ]
            self._write_values(sheet, row, values, formats)
        figures = self._figures(rows)
        total = [
            _(
                "Total: %(count)s participants, %(lost)s lost, %(pending)s not "
                "rebooked yet",
                count=figures["participants"],
                lost=figures["lost"],
                pending=figures["not_rebooked"],
            ),
            "",
            "",
            "",
            figures["space"],
            figures["space_paid"],
            figures["space_previous"],
            figures["amount"],
            figures["amount_previous"],
            figures["amount"] - figures["amount_previous"],
        ]
        self._write_values(sheet, len(rows) + 1, total, formats, total=True)
