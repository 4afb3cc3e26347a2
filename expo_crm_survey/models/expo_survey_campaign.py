# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.expo_crm.rules import nps as nps_rules

_logger = logging.getLogger(__name__)

# participation states each target scope invites
TARGET_STATES = {
    "attended": ("attended",),
    "taken_part": ("confirmed", "attended"),
    "all": ("planned", "confirmed", "attended"),
}


class ExpoSurveyCampaign(models.Model):
    """Sends one survey to the participants of an edition, then reminds them."""

    _name = "expo.survey.campaign"
    _description = "Exhibition Survey Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "send_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("scheduled", "Scheduled"),
            ("running", "Sent"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user
    )

    # whom to ask
    event_id = fields.Many2one(
        "event.event",
        string="Edition",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
        check_company=True,
    )
    series_id = fields.Many2one(
        related="event_id.expo_series_id", store=True, string="Series"
    )
    role_ids = fields.Many2many(
        "expo.role",
        string="Roles",
        help="Roles of the participations to ask; empty asks every role.",
    )
    participation_scope = fields.Selection(
        [
            ("attended", "Attended"),
            ("taken_part", "Confirmed or Attended"),
            ("all", "Planned, Confirmed or Attended"),
        ],
        string="Participation States",
        required=True,
        default="attended",
        help="States of the participations to ask. Cancelled and no-show "
        "participations are never asked.",
    )

    # what and when
    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        tracking=True,
        domain="[('expo_audience', '=', 'customer')]",
    )
    send_date = fields.Datetime(
        "Send On",
        tracking=True,
        help="When the scheduled campaign sends its invitations.",
    )
    reminder_delay = fields.Integer(
        "Remind After (Days)",
        default=7,
        help="Days after the invitation (or the last reminder) before reminding "
        "those who have not answered; 0 sends no reminder.",
    )
    reminder_max = fields.Integer(
        "Reminders",
        default=1,
        help="How many reminders at most each respondent receives.",
    )
    deadline = fields.Datetime(help="Invitations cannot be answered after it.")
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Invitation Template",
        required=True,
        domain="[('model', '=', 'survey.user_input')]",
        default=lambda self: self.env.ref(
            "expo_crm_survey.mail_template_expo_survey_invite", raise_if_not_found=False
        ),
    )
    reminder_template_id = fields.Many2one(
        "mail.template",
        string="Reminder Template",
        required=True,
        domain="[('model', '=', 'survey.user_input')]",
        default=lambda self: self.env.ref(
            "expo_crm_survey.mail_template_expo_survey_reminder",
            raise_if_not_found=False,
        ),
    )

    # invitations and response
    user_input_ids = fields.One2many(
        "survey.user_input", "expo_campaign_id", string="Invitations"
    )
    invitation_count = fields.Integer("Invited", compute="_compute_response")
    answered_count = fields.Integer("Answered", compute="_compute_response")
    response_rate = fields.Float(
        "Response Rate (%)",
        digits=(5, 1),
        compute="_compute_response",
        aggregator="avg",
        help="Completed answers over invitations sent.",
    )
    nps = fields.Float(
        "NPS",
        digits=(4, 1),
        compute="_compute_response",
        help="% promoters - % detractors among the answers; undefined without "
        "answers.",
    )
    nps_answer_count = fields.Integer("NPS Answers", compute="_compute_response")

    _sql_constraints = [
        (
            "reminder_positive",
            "CHECK(reminder_delay >= 0 AND reminder_max >= 0)",
            "Reminder delay and count cannot be negative.",
        ),
        (
            "reminder_bounds",
            "CHECK(reminder_delay <= 365 AND reminder_max <= 20)",
            "Reminders are sent at most 365 days apart, 20 at most.",
        ),
    ]

    @api.depends("user_input_ids.state", "user_input_ids.expo_nps_category")
    def _compute_response(self):
        groups = self.env["survey.user_input"]._read_group(
            [("expo_campaign_id", "in", self.ids)],
            ["expo_campaign_id", "state", "expo_nps_category"],
            ["__count"],
        )
        stats = {}
        for campaign, state, category, count in groups:
            campaign_stats = stats.setdefault(campaign, {"total": 0, "done": 0})
            campaign_stats["total"] += count
            if state == "done":
                campaign_stats["done"] += count
                if category:
                    campaign_stats[category] = campaign_stats.get(category, 0) + count
        for campaign in self:
            campaign_stats = stats.get(campaign, {"total": 0, "done": 0})
            campaign.invitation_count = campaign_stats["total"]
            campaign.answered_count = campaign_stats["done"]
            campaign.response_rate = (
                100.0 * campaign_stats["done"] / campaign_stats["total"]
                if campaign_stats["total"]
                else 0.0
            )
            counts = [
                campaign_stats.get(c, 0) for c in ("promoter", "passive", "detractor")
            ]
            nps = nps_rules.net_promoter_score(*counts)
            campaign.nps_answer_count = sum(counts)
            campaign.nps = nps or 0.0

    @api.constrains("survey_id")
    def _check_survey_one_attempt(self):
        for campaign in self:
            survey = campaign.survey_id
            if not (survey.is_attempts_limited and survey.attempts_limit == 1):
                raise ValidationError(
                    _(
                        "%(survey)s can be answered several times per invitation: a "
                        "campaign counts one answer per participation. Limit its "
                        "attempts to 1 (survey options) before using it.",
                        survey=survey.title,
                    )
                )

    @api.constrains("event_id", "company_id")
    def _check_event_series(self):
        for campaign in self:
            if not campaign.event_id.expo_series_id:
                raise ValidationError(
                    _(
                        "%(edition)s belongs to no exhibition series: campaigns ask "
                        "the participants of a series' edition.",
                        edition=campaign.event_id.name,
                    )
                )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_schedule(self):
        for campaign in self:
            if not campaign.send_date:
                raise UserError(
                    _("Set the date to send %(campaign)s on.", campaign=campaign.name)
                )
        self.write({"state": "scheduled"})

    def action_send(self):
        """Invite the participations not invited yet and mail them their link."""
        self.check_access("write")
        for campaign in self:
            if campaign.state == "closed":
                raise UserError(_("%(campaign)s is closed.", campaign=campaign.name))
            campaign._send_invitations()
        return True

    def action_send_reminders(self):
        self.check_access("write")
        for campaign in self:
            campaign._send_reminders(force=True)
        return True

    def action_close(self):
        """Close the campaigns and their invitations: an invitation not answered
        yet can no longer be answered (its deadline is now)."""
        self.write({"state": "closed"})
        self.user_input_ids.filtered(
            lambda answer: answer.state != "done"
        ).sudo().write({"deadline": fields.Datetime.now()})

    def action_reset_draft(self):
        """Back to draft; reopened invitations take the campaign's deadline again."""
        closed = self.filtered(lambda campaign: campaign.state == "closed")
        self.write({"state": "draft"})
        for campaign in closed:
            campaign.user_input_ids.filtered(
                lambda answer: answer.state != "done"
            ).sudo().write({"deadline": campaign.deadline})

    def action_view_invitations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm_survey.expo_survey_input_action"
        )
        action["domain"] = [("expo_campaign_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_view_results(self):
        self.ensure_one()
        return self.survey_id.action_result_survey()

    # ------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------

    def _get_target_participations(self):
        self.ensure_one()
        domain = [
            ("event_id", "=", self.event_id.id),
            ("company_id", "=", self.company_id.id),
            ("state", "in", TARGET_STATES[self.participation_scope]),
        ]
        if self.role_ids:
            domain.append(("role_id", "in", self.role_ids.ids))
        return self.env["expo.participation"].search(domain)

    def _send_invitations(self):
        self.ensure_one()
        participations = self._get_target_participations()
        UserInput = self.env["survey.user_input"].sudo()
        invited = UserInput.search(
            [
                ("survey_id", "=", self.survey_id.id),
                ("expo_participation_id", "in", participations.ids),
                ("test_entry", "=", False),
            ]
        ).expo_participation_id
        answers = UserInput
        survey = self.survey_id.sudo()
        for participation in participations - invited:
            answers |= survey._create_answer(
                partner=self._get_respondent(participation),
                check_attempts=False,
                deadline=self.deadline,
                expo_participation_id=participation.id,
                expo_campaign_id=self.id,
            )
        mailed = self._mail(answers, self.mail_template_id)
        self.write(
            {"state": "running", "send_date": self.send_date or fields.Datetime.now()}
        )
        self._post_log(
            _(
                "Invitations sent: %(new)s new, %(mailed)s mailed, %(already)s already "
                "invited.",
                new=len(answers),
                mailed=len(mailed),
                already=len(invited),
            ),
            answers - mailed,
        )
        return answers

    @api.model
    def _get_respondent(self, participation):
        """The participation's contact answers for its customer when it can be
        mailed; the customer itself otherwise."""
        contact = participation.contact_id
        return contact if contact.email else participation.partner_id

    def _get_reminder_candidates(self, force=False):
        """Invitations not answered whose last mail is older than the delay."""
        self.ensure_one()
        if not self.reminder_max and not force:
            return self.env["survey.user_input"]
        domain = [
            ("expo_campaign_id", "=", self.id),
            ("state", "!=", "done"),
            ("test_entry", "=", False),
        ]
        if not force:
            limit_date = fields.Datetime.now() - timedelta(days=self.reminder_delay)
            domain += [
                ("expo_invitation_date", "<=", limit_date),
                ("expo_reminder_count", "<", self.reminder_max),
            ]
        return self.env["survey.user_input"].sudo().search(domain)

    def _send_reminders(self, force=False):
        self.ensure_one()
        answers = self._get_reminder_candidates(force=force)
        if not answers:
            return answers
        mailed = self._mail(answers, self.reminder_template_id)
        for answer in mailed:
            answer.expo_reminder_count += 1
        self._post_log(
            _("Reminders sent: %(count)s.", count=len(mailed)), answers - mailed
        )
        return mailed

    def _mail(self, answers, template):
        """Mail each answer its personal link; returns the answers mailed."""
        mailable = answers.filtered(
            lambda answer: answer.partner_id.email or answer.email
        )
        if mailable:
            template.sudo().send_mail_batch(
                mailable.ids, email_layout_xmlid="mail.mail_notification_light"
            )
            mailable.write({"expo_invitation_date": fields.Datetime.now()})
        return mailable

    def _post_log(self, message, unmailed):
        body = Markup("<p>%s</p>") % message
        if unmailed:
            body += Markup("<p>%s</p>") % _(
                "Without an email address, not mailed: %(names)s",
                names=", ".join(unmailed.mapped("nickname")),
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------

    @api.model
    def _cron_send_campaigns(self):
        """Send the scheduled campaigns that are due, then the due reminders.

        A campaign that cannot be sent (e.g. its survey was archived) is noted in
        its chatter and left scheduled; the others go on.
        """
        due = self.search(
            [("state", "=", "scheduled"), ("send_date", "<=", fields.Datetime.now())]
        )
        for campaign in due:
            campaign._run_safely(campaign._send_invitations)
        running = self.search([("state", "=", "running"), ("reminder_delay", ">", 0)])
        for campaign in running:
            campaign._run_safely(campaign._send_reminders)

    def _run_safely(self, method):
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                method()
        except UserError as error:
            _logger.warning("Survey campaign %s not sent: %s", self.id, error)
            self.message_post(
                body=_(
                    "The campaign could not be sent: %(error)s", error=error.args[0]
                ),
                subtype_xmlid="mail.mt_note",
            )
