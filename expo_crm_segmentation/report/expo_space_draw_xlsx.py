# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models

from odoo.addons.expo_crm.tools.xlsx import workbook_formats


class ExpoSpaceDrawXlsx(models.AbstractModel):
    """The published order and outcome of space draws: one sheet per draw with
    every applicant in order, what it got and why, and its waiting list."""

    _name = "report.expo_crm_segmentation.space_draw_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Space Draw Order and Outcome (XLSX)"

    def _columns(self):
        """(header, width, value of a line) of the order sheet."""
        states = dict(
            self.env["expo.space.draw.line"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        return [
            (_("No."), 6, lambda line: line.sequence),
            (
                _("Exhibitor"),
                32,
                lambda line: line.partner_id.display_name or line.lead_id.name,
            ),
            (_("Priority Points"), 10, lambda line: line.priority_points),
            (_("Signed On"), 12, lambda line: line.date_signed or ""),
            (_("Outcome"), 16, lambda line: states.get(line.state, "")),
            (_("Booths"), 16, lambda line: ", ".join(line.booth_ids.mapped("name"))),
            (
                _("Halls"),
                16,
                lambda line: ", ".join(line.booth_ids.expo_hall_id.mapped("name")),
            ),
            (_("Area (m²)"), 10, lambda line: line.area_sqm),
            (_("Choice Met"), 8, lambda line: line.preference_rank or ""),
            (_("Why"), 80, lambda line: line.reason or ""),
        ]

    def generate_xlsx_report(self, workbook, data, draws):
        formats = workbook_formats(
            workbook, self._report_xlsx_currency_format(self.env.company.currency_id)
        )
        for number, draw in enumerate(draws, start=1):
            suffix = f" {number}" if len(draws) > 1 else ""
            self._write_sheet(
                workbook,
                formats,
                draw,
                draw.line_ids,
                _("Order and Outcome") + suffix,
            )
            waiting = draw.line_ids.filtered(lambda line: line.state == "waiting")
            if waiting:
                self._write_sheet(
                    workbook, formats, draw, waiting, _("Waiting List") + suffix
                )

    def _write_sheet(self, workbook, formats, draw, lines, sheet_name):
        sheet = workbook.add_worksheet(sheet_name[:31])
        sheet.write(0, 0, draw.display_name, formats["title"])
        sheet.write(
            1,
            0,
            _(
                "%(edition)s: %(applicants)s applicants, %(served)s served, "
                "%(waiting)s waiting",
                edition=draw.event_id.display_name,
                applicants=draw.applicant_count,
                served=draw.served_count,
                waiting=draw.waiting_count,
            ),
        )
        columns = self._columns()
        for col, (header, width, _value) in enumerate(columns):
            sheet.write(3, col, header, formats["header"])
            sheet.set_column(col, col, width)
        sheet.freeze_panes(4, 2)
        for row, line in enumerate(lines, start=4):
            for col, (_header, _width, value) in enumerate(columns):
                cell = value(line)
                if col == 3 and cell:
                    sheet.write_datetime(row, col, cell, formats["date"])
                else:
                    sheet.write(row, col, cell, formats["wrap"] if col == 9 else None)
