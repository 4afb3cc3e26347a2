# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
import zipfile
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ExpoSurveyCommon


@tagged("post_install", "-at_install")
class TestSurveyCampaign(ExpoSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p_gallery = cls._participate(
            cls.gallery,
            cls.edition_2025,
            state="attended",
            contact_id=cls.gallery_contact.id,
        )
        cls.p_studio = cls._participate(cls.studio, cls.edition_2025, state="attended")
        cls.p_cancelled = cls._participate(
            cls.env["res.partner"].create(
                {"name": "Gone Gallery", "is_company": True, "email": "g@example.com"}
            ),
            cls.edition_2025,
            state="cancelled",
        )
        cls.p_visitor = cls._participate(
            cls.collector, cls.edition_2025, cls.role_visitor, state="attended"
        )
        cls.campaign = cls.env["expo.survey.campaign"].create(
            {
                "name": "Exhibitors 2025",
                "event_id": cls.edition_2025.id,
                "survey_id": cls.survey.id,
                "role_ids": [(6, 0, cls.role_exhibitor.ids)],
                "participation_scope": "attended",
                "reminder_delay": 7,
                "reminder_max": 1,
            }
        )

    def _mails(self, answers):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", answers.partner_id.ids)]
        )

    def test_send_invites_each_matching_participation_once(self):
        self.campaign.action_send()
        answers = self.campaign.user_input_ids
        self.assertEqual(answers.expo_participation_id, self.p_gallery | self.p_studio)
        self.assertEqual(self.campaign.state, "running")
        # the contact of the participation answers for its company
        self.assertEqual(
            answers.filtered(
                lambda answer: answer.expo_participation_id == self.p_gallery
            ).partner_id,
            self.gallery_contact,
        )
        mails = self._mails(answers)
        self.assertEqual(len(mails), 2)
        for answer in answers:
            mail = mails.filtered(lambda m, a=answer: a.partner_id in m.recipient_ids)
            self.assertIn(answer.access_token, mail.body_html, "personal link")
        # sending again never duplicates an invitation nor its mail
        self.campaign.action_send()
        self.assertEqual(self.campaign.user_input_ids, answers)
        self.assertEqual(len(self._mails(answers)), 2)
        # a newcomer is invited alone
        newcomer = self.env["res.partner"].create(
            {"name": "Late Gallery", "is_company": True, "email": "late@example.com"}
        )
        p_late = self._participate(newcomer, self.edition_2025, state="attended")
        self.campaign.action_send()
        self.assertEqual(self.campaign.invitation_count, 3)
        self.assertEqual(len(self._mails(self.campaign.user_input_ids)), 3)
        self.assertIn(p_late, self.campaign.user_input_ids.expo_participation_id)

    def test_customer_answers_when_its_contact_has_no_email(self):
        self.gallery_contact.email = False
        self.campaign.action_send()
        answer = self.campaign.user_input_ids.filtered(
            lambda answer: answer.expo_participation_id == self.p_gallery
        )
        self.assertEqual(answer.partner_id, self.gallery)
        self.assertEqual(len(self._mails(answer)), 1)

    def test_invitation_without_email_is_kept_and_reported(self):
        p_collector = self._participate(
            self.collector, self.edition_2025, state="attended"
        )
        self.campaign.action_send()
        answer = self.campaign.user_input_ids.filtered(
            lambda answer: answer.expo_participation_id == p_collector
        )
        self.assertTrue(answer, "the personal link exists, to be shared by hand")
        self.assertFalse(answer.expo_invitation_date)
        self.assertFalse(self._mails(answer))
        self.assertIn("not mailed: Wang Collector", self.campaign.message_ids[:1].body)

    def test_second_campaign_same_survey_does_not_reinvite(self):
        self.campaign.action_send()
        twin = self.campaign.copy({"name": "Exhibitors 2025 again"})
        twin.action_send()
        self.assertFalse(twin.user_input_ids)
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("expo_participation_id", "=", self.p_gallery.id)]
            ),
            1,
        )

    def test_reminders_only_to_those_who_have_not_answered(self):
        self.campaign.action_send()
        answers = self.campaign.user_input_ids
        answered = answers.filtered(
            lambda answer: answer.expo_participation_id == self.p_gallery
        )
        pending = answers - answered
        self._answer(self.p_gallery, nps=9, answer=answered)
        self.assertEqual(self.campaign.response_rate, 50.0)
        sent_before = self.env["mail.mail"].search_count([])
        # not due yet
        self.env["expo.survey.campaign"]._cron_send_campaigns()
        self.assertEqual(self.env["mail.mail"].search_count([]), sent_before)
        # a week later
        answers.write(
            {"expo_invitation_date": fields.Datetime.now() - timedelta(days=8)}
        )
        self.env["expo.survey.campaign"]._cron_send_campaigns()
        self.assertEqual(self.env["mail.mail"].search_count([]), sent_before + 1)
        reminder = self.env["mail.mail"].search([], order="id desc", limit=1)
        self.assertEqual(reminder.recipient_ids, pending.partner_id)
        self.assertIn("Reminder", reminder.subject)
        self.assertEqual(pending.expo_reminder_count, 1)
        self.assertEqual(answered.expo_reminder_count, 0)
        # at most one reminder
        pending.expo_invitation_date = fields.Datetime.now() - timedelta(days=8)
        self.env["expo.survey.campaign"]._cron_send_campaigns()
        self.assertEqual(self.env["mail.mail"].search_count([]), sent_before + 1)

    def test_cron_sends_due_campaigns_only(self):
        self.campaign.send_date = fields.Datetime.now() - timedelta(hours=1)
        self.campaign.action_schedule()
        later = self.campaign.copy(
            {"name": "Visitors", "role_ids": [(6, 0, self.role_visitor.ids)]}
        )
        later.send_date = fields.Datetime.now() + timedelta(days=2)
        later.action_schedule()
        self.env["expo.survey.campaign"]._cron_send_campaigns()
        self.assertEqual(self.campaign.state, "running")
        self.assertEqual(self.campaign.invitation_count, 2)
        self.assertEqual(later.state, "scheduled")
        self.assertFalse(later.user_input_ids)

    def test_schedule_needs_a_date_and_closed_sends_nothing(self):
        with self.assertRaises(UserError):
            self.campaign.action_schedule()
        self.campaign.action_send()
        self.campaign.action_close()
        with self.assertRaises(UserError):
            self.campaign.action_send()

    def test_campaign_nps_and_xlsx(self):
        self.assertEqual(self.campaign.nps_answer_count, 0)
        self.campaign.action_send()
        answers = self.campaign.user_input_ids
        for answer, score in zip(answers, (10, 3), strict=True):
            self._answer(answer.expo_participation_id, nps=score, answer=answer)
        self.assertEqual(self.campaign.nps_answer_count, 2)
        self.assertEqual(self.campaign.nps, 0.0)
        content, report_type = self.env["ir.actions.report"]._render_xlsx(
            "expo_crm_survey.campaign_results_xlsx", self.campaign.ids, {}
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"), "an xlsx (zip) workbook")

    def test_cron_goes_on_when_a_campaign_cannot_be_sent(self):
        archived = self.env["survey.survey"].create(
            {"title": "Old survey", "expo_audience": "customer", "access_mode": "token"}
        )
        broken = self.campaign.copy({"name": "Broken", "survey_id": archived.id})
        archived.active = False
        for campaign in broken | self.campaign:
            campaign.send_date = fields.Datetime.now() - timedelta(hours=1)
            campaign.action_schedule()
        self.env["expo.survey.campaign"]._cron_send_campaigns()
        self.assertEqual(broken.state, "scheduled")
        self.assertIn("could not be sent", broken.message_ids[:1].body)
        self.assertEqual(self.campaign.state, "running")
        self.assertEqual(self.campaign.invitation_count, 2)

    def test_exhibition_user_runs_campaigns_without_survey_rights(self):
        """Marketing staff hold Exhibitions: User: they create, send, remind and
        close campaigns without survey rights; deleting one is for managers."""
        self.assertFalse(self.salesperson.has_group("expo_crm.group_expo_manager"))
        self.assertFalse(self.salesperson.has_group("survey.group_survey_user"))
        env = self.env(user=self.salesperson)
        campaign = env["expo.survey.campaign"].create(
            {
                "name": "Exhibitors 2025, by marketing",
                "event_id": self.edition_2025.id,
                "survey_id": self.survey.id,
                "role_ids": [(6, 0, self.role_exhibitor.ids)],
            }
        )
        campaign.action_send()
        self.assertEqual(campaign.invitation_count, 2)
        self.assertEqual(campaign.response_rate, 0.0)
        campaign.action_send_reminders()
        campaign.action_close()
        self.assertEqual(campaign.state, "closed")
        with self.assertRaises(AccessError):
            campaign.unlink()

    def test_personal_link_to_copy(self):
        """Each invitation, and its participation until it is answered, give the
        invitee's personal link, for customers reached by phone or chat."""
        self.campaign.action_send()
        answer = self.campaign.user_input_ids.filtered(
            lambda answer: answer.expo_participation_id == self.p_studio
        )
        url = answer.expo_answer_url
        self.assertTrue(url.startswith(answer.get_base_url()))
        self.assertIn(f"/survey/start/{self.survey.access_token}", url)
        self.assertIn(f"answer_token={answer.access_token}", url)
        self.assertEqual(self.p_studio.expo_survey_url, url)
        self.assertEqual(self.p_studio.with_user(self.salesperson).expo_survey_url, url)
        self.assertFalse(self.p_visitor.expo_survey_url, "not invited")
        answer.state = "done"
        self.p_studio.invalidate_recordset(["expo_survey_url"])
        self.assertFalse(self.p_studio.expo_survey_url, "answered: nothing to send")

    def test_edition_opens_its_campaigns(self):
        self.assertEqual(self.edition_2025.expo_survey_campaign_count, 1)
        action = self.edition_2025.action_expo_view_survey_campaigns()
        self.assertEqual(
            self.env["expo.survey.campaign"].search(action["domain"]), self.campaign
        )
        self.assertEqual(action["context"]["default_event_id"], self.edition_2025.id)

    def _xlsx_sheet(self, number):
        content, _report_type = self.env["ir.actions.report"]._render_xlsx(
            "expo_crm_survey.campaign_results_xlsx", self.campaign.ids, {}
        )
        with zipfile.ZipFile(io.BytesIO(content)) as workbook:
            names = re.findall(
                r'<sheet name="([^"]+)"', workbook.read("xl/workbook.xml").decode()
            )
            return names, workbook.read(f"xl/worksheets/sheet{number}.xml").decode()

    def test_xlsx_leaves_nps_empty_without_answers(self):
        self.campaign.action_send()
        names, summary = self._xlsx_sheet(1)
        self.assertEqual(names, ["Summary", "5S", "Invitations"])
        # the NPS cell (G2) holds no value; the invited count (D2) holds 2
        self.assertRegex(summary, r'<c r="D2"[^>]*><v>2</v>')
        self.assertNotRegex(summary, r'<c r="G2"[^>]*><v>')
        _names, invitations = self._xlsx_sheet(3)
        self.assertIn('r="A3"', invitations, "one row per invitation")

    def test_invitation_in_the_respondent_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["expo_crm_survey"], ["zh_CN"], overwrite=True
        )
        self.gallery_contact.lang = "zh_CN"
        self.campaign.action_send()
        answer = self.campaign.user_input_ids.filtered(
            lambda answer: answer.partner_id == self.gallery_contact
        )
        mail = self._mails(answer)
        self.assertIn("您的体验如何", mail.subject)
        self.assertIn("填写调查", mail.body_html)
