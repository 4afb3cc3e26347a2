# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models

from odoo.addons.expo_crm.tools.xlsx import workbook_formats


class ExpoSurveyCampaignXlsx(models.AbstractModel):
    """Campaign results: response, NPS, 5S gaps and every invitation."""

    _name = "report.expo_crm_survey.campaign_results_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Exhibition Survey Campaign Results (XLSX)"

    def generate_xlsx_report(self, workbook, data, campaigns):
        formats = workbook_formats(workbook)
        bold, number = formats["header"], formats["decimal"]
        self._write_summary(
            workbook.add_worksheet(_("Summary")), campaigns, bold, number
        )
        self._write_dimensions(workbook.add_worksheet(_("5S")), campaigns, bold, number)
        self._write_invitations(
            workbook.add_worksheet(_("Invitations")), campaigns, bold, number
        )

    def _write_row(self, sheet, row, values, cell_format=None):
        for col, value in enumerate(values):
            if isinstance(value, float):
                sheet.write_number(row, col, value, cell_format)
            elif value is None or value is False:
                sheet.write_blank(row, col, None)
            else:
                sheet.write(row, col, value)

    def _write_summary(self, sheet, campaigns, bold, number):
        headers = [
            _("Campaign"),
            _("Edition"),
            _("Survey"),
            _("Invited"),
            _("Answered"),
            _("Response Rate (%)"),
            _("NPS"),
        ]
        self._write_row(sheet, 0, headers)
        sheet.set_row(0, None, bold)
        for row, campaign in enumerate(campaigns, start=1):
            self._write_row(
                sheet,
                row,
                [
                    campaign.name,
                    campaign.event_id.name,
                    campaign.survey_id.title,
                    campaign.invitation_count,
                    campaign.answered_count,
                    campaign.response_rate,
                    # undefined without answers: an empty cell, not 0
                    campaign.nps if campaign.nps_answer_count else None,
                ],
                number,
            )
        sheet.set_column(0, 2, 30)

    def _write_dimensions(self, sheet, campaigns, bold, number):
        labels = dict(
            self.env["expo.survey.dimension.report"]
            ._fields["dimension"]
            ._description_selection(self.env)
        )
        groups = self.env["expo.survey.dimension.report"]._read_group(
            [("user_input_id.expo_campaign_id", "in", campaigns.ids)],
            ["dimension"],
            ["expectation:avg", "experience:avg", "gap:avg"],
        )
        self._write_row(
            sheet, 0, [_("Dimension"), _("Expectation"), _("Experience"), _("Gap")]
        )
        sheet.set_row(0, None, bold)
        for row, (dimension, expectation, experience, gap) in enumerate(
            groups, start=1
        ):
            self._write_row(
                sheet,
                row,
                [labels.get(dimension), expectation, experience, gap],
                number,
            )
        sheet.set_column(0, 0, 20)

    def _write_invitations(self, sheet, campaigns, bold, number):
        headers = [
            _("Campaign"),
            _("Customer"),
            _("Role"),
            _("Status"),
            _("NPS Score"),
            _("NPS Category"),
            _("Satisfaction Index"),
        ]
        self._write_row(sheet, 0, headers)
        sheet.set_row(0, None, bold)
        UserInput = self.env["survey.user_input"]
        states = dict(UserInput._fields["state"]._description_selection(self.env))
        categories = dict(
            UserInput._fields["expo_nps_category"]._description_selection(self.env)
        )
        answers = campaigns.user_input_ids
        for row, answer in enumerate(answers, start=1):
            participation = answer.expo_participation_id
            self._write_row(
                sheet,
                row,
                [
                    answer.expo_campaign_id.name,
                    participation.partner_id.name,
                    participation.role_id.name,
                    states.get(answer.state),
                    int(answer.expo_nps_score) if answer.expo_nps_score else None,
                    categories.get(answer.expo_nps_category),
                    answer.expo_satisfaction_index
                    if answer.expo_has_satisfaction_index
                    else None,
                ],
                number,
            )
        sheet.set_column(0, 3, 25)
