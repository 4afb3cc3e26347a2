# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import format_list

from odoo.addons.expo_crm.models.expo_feedback_mixin import NPS_CATEGORIES, NPS_SCORES
from odoo.addons.expo_crm.rules import nps as nps_rules

from ..rules import satisfaction
from .survey_question import DIMENSIONS, PARTNER_MEASURES, QUALITY_MEASURES


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    # what the answer measures
    expo_participation_id = fields.Many2one(
        "expo.participation",
        string="Participation",
        index="btree_not_null",
        ondelete="set null",
        help="The participation (customer, edition, role) this answer measures.",
    )
    expo_campaign_id = fields.Many2one(
        "expo.survey.campaign",
        string="Survey Campaign",
        index="btree_not_null",
        ondelete="set null",
    )
    expo_event_id = fields.Many2one(
        related="expo_participation_id.event_id", string="Edition"
    )
    expo_role_id = fields.Many2one(related="expo_participation_id.role_id")

    # invitation and reminders
    expo_invitation_date = fields.Datetime("Last Mailed On", readonly=True, copy=False)
    expo_reminder_count = fields.Integer("Reminders Sent", readonly=True, copy=False)
    expo_answer_url = fields.Char(
        "Personal Link",
        compute="_compute_expo_answer_url",
        help="The invitee's own link to the survey, to send by phone, chat or any "
        "channel other than the invitation email.",
    )

    # results, set on completion
    expo_results_date = fields.Date("Results Applied On", readonly=True, copy=False)
    expo_nps_score = fields.Selection(
        NPS_SCORES, "NPS Score", readonly=True, copy=False
    )
    expo_nps_category = fields.Selection(
        NPS_CATEGORIES,
        "NPS Category",
        compute="_compute_expo_nps_category",
        store=True,
    )
    expo_has_satisfaction_index = fields.Boolean(
        "Satisfaction Index Known", readonly=True, copy=False
    )
    expo_satisfaction_index = fields.Float(
        "Satisfaction Index",
        digits=(5, 1),
        readonly=True,
        copy=False,
        help="0 (angry) to 100 (delighted); 50 means the experience met the "
        "expectation exactly.",
    )

    @api.depends("access_token", "survey_id.access_token")
    def _compute_expo_answer_url(self):
        for answer in self:
            answer.expo_answer_url = (
                answer.get_base_url() + answer.get_start_url()
                if answer.access_token and answer.survey_id
                else False
            )

    @api.depends("expo_nps_score")
    def _compute_expo_nps_category(self):
        for answer in self:
            answer.expo_nps_category = nps_rules.category(answer.expo_nps_score)

    # ------------------------------------------------------------
    # Reading the answers
    # ------------------------------------------------------------

    def _expo_read_results(self):
        """What this answer says, read through the questions' exhibition measures.

        Returns a dict: ``scores`` {measure: Rating} of scale questions,
        ``expectation`` / ``experience`` {dimension: Rating}, ``intents``
        {measure: yes/maybe/no}, ``services`` [(service, rating label, rating)] and
        ``comments`` [text].
        """
        self.ensure_one()
        results = {
            "scores": {},
            "expectation": {},
            "experience": {},
            "intents": {},
            "services": [],
            "comments": [],
        }
        lines = self.user_input_line_ids.filtered(
            lambda line: not line.skipped and line.question_id.expo_measure
        )
        for line in lines:
            question = line.question_id
            measure = question.expo_measure
            if line.answer_type in ("char_box", "text_box"):
                text = (line.value_char_box or line.value_text_box or "").strip()
                if text:
                    results["comments"].append(text)
            elif line.answer_type == "scale":
                value = line.value_scale
                results["scores"][measure] = satisfaction.Rating(
                    value, question._expo_normalized(value)
                )
            elif line.answer_type == "suggestion" and measure.startswith("intent_"):
                if line.suggested_answer_id.expo_intent:
                    results["intents"][measure] = line.suggested_answer_id.expo_intent
            elif line.answer_type == "suggestion" and measure == "services":
                column = line.suggested_answer_id
                if column.expo_rating:
                    results["services"].append(
                        (line.matrix_row_id.value, column.value, column.expo_rating)
                    )
            elif line.answer_type == "suggestion" and measure in (
                "expectation",
                "experience",
            ):
                dimension = line.matrix_row_id.expo_dimension
                rating = line.suggested_answer_id.expo_rating
                if dimension and rating:
                    results[measure][dimension] = satisfaction.Rating(
                        rating, question._expo_normalized(rating)
                    )
        return results

    # ------------------------------------------------------------
    # Completion
    # ------------------------------------------------------------

    def _mark_done(self):
        result = super()._mark_done()
        # results apply once: a promoter raises the recommendation value one step
        self.filtered(
            lambda answer: answer.expo_participation_id
            and not answer.test_entry
            and not answer.expo_results_date
            and answer.expo_campaign_id.state != "closed"
        ).sudo()._expo_apply_results()
        return result

    def _expo_apply_results(self):
        """Write this answer's results on its participation and partner, then ask
        the salesperson to follow up an unhappy customer."""
        for answer in self:
            results = answer._expo_read_results()
            gaps = satisfaction.gaps(
                results["expectation"],
                results["experience"],
                [dimension for dimension, _label in DIMENSIONS],
            )
            ratings = [
                results["scores"][measure].normalized
                for measure in PARTNER_MEASURES
                if measure in results["scores"]
                and results["scores"][measure].normalized is not None
            ]
            index = satisfaction.satisfaction_index(
                [gap.normalized_gap for gap in gaps.values()], ratings
            )
            nps = results["scores"].get("nps")
            nps = nps.value if nps else None
            answer.write(
                {
                    "expo_results_date": fields.Date.context_today(answer),
                    "expo_nps_score": str(nps) if nps is not None else False,
                    "expo_has_satisfaction_index": index is not None,
                    "expo_satisfaction_index": index or 0.0,
                }
            )
            answer.expo_participation_id.write(
                answer._expo_participation_values(results, gaps, index)
            )
            answer._expo_post_notes(results, gaps, index)
            answer._expo_follow_up(results, gaps)

    def _expo_participation_values(self, results, gaps, index):
        values = {}
        if index is not None:
            values.update(
                satisfaction_index=index,
                feedback_date=fields.Date.context_today(self),
            )
        nps = results["scores"].get("nps")
        if nps:
            values["nps_score"] = str(nps.value)
        values.update(results["intents"])
        for measure in QUALITY_MEASURES:
            rating = results["scores"].get(measure)
            normalized = rating.normalized if rating else None
            if normalized is not None:
                values[f"expo_{measure}"] = str(round(1 + 4 * normalized))
        for dimension, gap in gaps.items():
            values[f"expo_gap_{dimension}"] = gap.gap
        if results["comments"]:
            values["satisfaction_notes"] = "\n\n".join(results["comments"])
        return values

    # ------------------------------------------------------------
    # Partner note and follow-up
    # ------------------------------------------------------------

    def _expo_summary_lines(self, results, gaps, index):
        """Readable lines explaining the answer (for notes and activities): the
        index, the NPS, the given 5S gaps, the intent to rebook, the services rated
        and the comments."""
        self.ensure_one()
        lines = []
        if index is not None:
            lines.append(_("Satisfaction index: %(index)s / 100", index=index))
        nps = results["scores"].get("nps")
        if nps:
            category = dict(
                self._fields["expo_nps_category"]._description_selection(self.env)
            ).get(nps_rules.category(nps.value))
            lines.append(
                _("NPS: %(score)s (%(category)s)", score=nps.value, category=category)
            )
        dimension_labels = dict(
            self.env["survey.question.answer"]
            ._fields["expo_dimension"]
            ._description_selection(self.env)
        )
        for dimension, gap in gaps.items():
            lines.append(
                _(
                    "%(dimension)s: expected %(expectation)s, experienced "
                    "%(experience)s (gap %(gap)+d)",
                    dimension=dimension_labels[dimension],
                    expectation=gap.expectation,
                    experience=gap.experience,
                    gap=gap.gap,
                )
            )
        intent_labels = dict(
            self.env["expo.participation"]
            ._fields["intent_rebook"]
            ._description_selection(self.env)
        )
        if "intent_rebook" in results["intents"]:
            lines.append(
                _(
                    "Intends to rebook: %(intent)s",
                    intent=intent_labels[results["intents"]["intent_rebook"]],
                )
            )
        if results["services"]:
            lines.append(
                _(
                    "Services: %(services)s",
                    services=format_list(
                        self.env,
                        [
                            f"{service} ({rating})"
                            for service, rating, _r in results["services"]
                        ],
                    ),
                )
            )
        for text in results["comments"]:
            lines.append(_("Comment: %(text)s", text=text))
        return lines

    def _expo_html(self, title, lines):
        body = Markup("<p>%s</p>") % title
        if lines:
            body += Markup("<ul>%s</ul>") % Markup().join(
                Markup("<li>%s</li>") % line for line in lines
            )
        return body

    def _expo_post_notes(self, results, gaps, index):
        """The answer's detail (index, NPS, gaps, comments) goes to the
        participation's chatter, read by the users of its company only; the
        customer's chatter, read by every internal user, gets one line saying
        that it answered."""
        self.ensure_one()
        participation = self.expo_participation_id
        respondent = self.partner_id.name or self.email or _("A respondent")
        title = _(
            "%(respondent)s answered the survey %(survey)s about %(participation)s.",
            respondent=respondent,
            survey=self.survey_id.title,
            participation=participation.display_name,
        )
        author = self.env.ref("base.partner_root").id
        participation.message_post(
            body=self._expo_html(title, self._expo_summary_lines(results, gaps, index)),
            subtype_xmlid="mail.mt_note",
            author_id=author,
        )
        participation.partner_id.message_post(
            body=Markup("<p>%s</p>") % title,
            subtype_xmlid="mail.mt_note",
            author_id=author,
        )

    def _expo_follow_up(self, results, gaps):
        """Detractors and strongly negative gaps call for the salesperson;
        promoters become referral candidates."""
        self.ensure_one()
        participation = self.expo_participation_id
        company = participation.company_id
        nps = results["scores"].get("nps")
        category = nps_rules.category(nps.value if nps else False)
        negative = {
            dimension: gap
            for dimension, gap in gaps.items()
            if satisfaction.is_negative(gap, company.expo_survey_gap_threshold)
        }
        partner = participation.partner_id
        if category == "detractor" or negative:
            # on the participation: its detail is for its company's users only
            participation.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(self)
                + timedelta(days=company.expo_survey_activity_days),
                summary=_(
                    "Unhappy after %(edition)s: call back",
                    edition=participation.event_id.name,
                ),
                note=self._expo_html(
                    _(
                        "%(partner)s is unhappy with %(edition)s (%(survey)s):",
                        partner=partner.name,
                        edition=participation.event_id.name,
                        survey=self.survey_id.title,
                    ),
                    self._expo_summary_lines(results, negative, None),
                ),
                user_id=(partner.user_id or participation.user_id).id,
            )
        if category == "promoter":
            partner._expo_mark_referral_candidate()
