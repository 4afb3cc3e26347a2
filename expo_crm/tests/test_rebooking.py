# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import ExpoCrmCommon


@tagged("post_install", "-at_install")
class TestRebooking(ExpoCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.edition_2026 = cls.env["event.event"].create(
            {
                "name": "Test Art Fair 2026",
                "expo_series_id": cls.series.id,
                "date_begin": datetime(2026, 5, 10, 9, 0),
                "date_end": datetime(2026, 5, 13, 18, 0),
            }
        )
        cls.salesman = cls.env["res.users"].create(
            {
                "name": "Zhou Sales",
                "login": "zhou.sales",
                "groups_id": [(6, 0, [cls.env.ref("expo_crm.group_expo_user").id])],
            }
        )
        cls.gallery.user_id = cls.salesman
        Partner = cls.env["res.partner"]
        cls.studio, cls.museum, cls.bank = Partner.create(
            [
                {"name": name, "is_company": True}
                for name in ("Studio Mo", "City Museum", "Silk Bank")
            ]
        )
        # the gallery is loyal: three editions, large booths
        for edition in cls.editions:
            cls._participate(cls.gallery, edition, state="attended", space_sqm=60.0)
        cls.gallery_2025 = cls.gallery.expo_participation_ids.filtered(
            lambda p: p.event_id == cls.edition_2025
        )
        cls.gallery_2025.sudo().write({"amount_invoiced": 12345.67})
        cls.studio_2025 = cls._participate(
            cls.studio, cls.edition_2025, state="confirmed", space_sqm=9.0
        )
        cls.bank_2025 = cls._participate(
            cls.bank, cls.edition_2025, cls.role_sponsor, state="attended"
        )
        cls.museum_2025 = cls._participate(
            cls.museum, cls.edition_2025, state="cancelled"
        )
        cls.collector_2025 = cls._participate(
            cls.collector, cls.edition_2025, cls.role_visitor, state="attended"
        )
        cls.builder = Partner.create({"name": "Stand Builders", "is_company": True})
        cls.builder_2025 = cls._participate(
            cls.builder, cls.edition_2025, cls.role_builder, state="attended"
        )

    def _run(self, event=None, **values):
        wizard = (
            self.env["expo.rebooking.wizard"]
            .with_context(
                active_model="event.event", active_id=(event or self.edition_2025).id
            )
            .create(values)
        )
        return wizard, wizard.action_create_opportunities()

    def _rebooking_leads(self):
        return self.env["crm.lead"].search(
            [
                ("expo_event_id", "=", self.edition_2026.id),
                ("expo_is_rebooking", "=", True),
            ]
        )

    def test_creates_next_edition_opportunities(self):
        wizard, action = self._run()
        self.assertEqual(wizard.next_event_id, self.edition_2026)
        self.assertEqual(wizard.role_ids, self.role_exhibitor | self.role_sponsor)
        leads = self._rebooking_leads()
        # confirmed or attended exhibitors and sponsors; no visitor, no supplier,
        # no cancelled participation
        self.assertEqual(leads.partner_id, self.gallery | self.studio | self.bank)
        # the wizard shows what it did
        self.assertEqual(
            (action["res_model"], action["res_id"], action["target"]),
            (wizard._name, wizard.id, "new"),
        )
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.created_lead_ids, leads)
        self.assertEqual(wizard.create_count, 3)
        self.assertEqual(
            wizard.result_summary,
            "3 opportunities created for Test Art Fair 2026, each with a call "
            "activity for its salesperson.",
        )
        self.assertEqual(
            wizard.skipped_role_ids, self.collector_2025 | self.builder_2025
        )
        opened = wizard.action_view_opportunities()
        self.assertEqual(
            self.env["crm.lead"].search(opened["domain"]), leads, "opens them"
        )
        lead = leads.filtered(lambda lead: lead.partner_id == self.gallery)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.expected_revenue, 12345.67)
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(
            lead.team_id, self.env.ref("expo_crm.crm_team_exhibition_sales")
        )
        self.assertEqual(lead.expo_role_id, self.role_exhibitor)
        self.assertEqual(lead.expo_previous_participation_id, self.gallery_2025)
        activity = lead.activity_ids
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_call")
        )
        self.assertEqual(activity.user_id, self.salesman)
        bank_lead = leads.filtered(lambda lead: lead.partner_id == self.bank)
        self.assertEqual(bank_lead.expo_role_id, self.role_sponsor)

    def test_counts_before_and_after(self):
        """Before the click the wizard counts what it will create and skip, and
        why; after it, the same figures and records."""
        self._participate(self.gallery, self.edition_2026, state="planned")
        self.env["crm.lead"].create(
            {
                "name": "Studio 2026",
                "type": "opportunity",
                "partner_id": self.studio.id,
                "expo_event_id": self.edition_2026.id,
            }
        )
        wizard = (
            self.env["expo.rebooking.wizard"]
            .with_context(active_model="event.event", active_id=self.edition_2025.id)
            .create({})
        )
        counts = {
            fname: wizard[fname]
            for fname in (
                "create_count",
                "skip_booked_count",
                "skip_open_count",
                "skip_lost_count",
                "skip_role_count",
            )
        }
        self.assertEqual(
            counts,
            {
                "create_count": 1,
                "skip_booked_count": 1,
                "skip_open_count": 1,
                "skip_lost_count": 0,
                "skip_role_count": 2,
            },
        )
        wizard.action_create_opportunities()
        self.assertEqual(self._rebooking_leads().partner_id, self.bank)
        self.assertEqual(wizard.skipped_booked_ids, self.gallery_2025)
        self.assertEqual(wizard.skipped_open_ids, self.studio_2025)
        self.assertEqual(
            {fname: wizard[fname] for fname in counts}, counts, "kept after the run"
        )

    def test_counts_in_the_form(self):
        """The counts follow what is chosen in the form, before anything is saved."""
        form = Form(
            self.env["expo.rebooking.wizard"].with_context(
                active_model="event.event", active_id=self.edition_2025.id
            )
        )
        self.assertEqual((form.create_count, form.skip_role_count), (3, 2))
        form.role_ids.remove(self.role_sponsor.id)
        self.assertEqual((form.create_count, form.skip_role_count), (2, 3))
        form.event_id = self.edition_2026
        self.assertFalse(form.next_event_id)
        self.assertEqual(form.create_count, 0)

    def test_rebooked_roles_are_the_series_ranked_roles(self):
        """A series that ranks its booth builders rebooks them too; roles it does
        not rank are skipped even when asked for."""
        self.series.ranked_role_ids |= self.role_builder
        wizard, _action = self._run(
            role_ids=[(6, 0, (self.role_exhibitor | self.role_visitor).ids)]
        )
        self.assertEqual(self._rebooking_leads().partner_id, self.gallery | self.studio)
        self.assertEqual(
            wizard.skipped_role_ids,
            self.bank_2025 | self.collector_2025 | self.builder_2025,
        )
        wizard, _action = self._run()
        self.assertEqual(wizard.role_ids, self.series.ranked_role_ids)
        self.assertEqual(wizard.created_lead_ids.partner_id, self.bank | self.builder)

    def test_rebooking_carries_space_and_booth_category(self):
        """The opportunity asks for the space and the booth category of the
        previous participation, when the next edition offers that category."""
        Category = self.env["event.booth.category"]
        corner, island = Category.create(
            [{"name": "Corner", "expo_area_sqm": 18.0}, {"name": "Island"}]
        )
        Booth = self.env["event.booth"]
        booths = Booth.create(
            [
                {"name": name, "event_id": event.id, "booth_category_id": category.id}
                for name, event, category in (
                    ("G1", self.edition_2025, corner),
                    ("S1", self.edition_2025, island),
                    ("N1", self.edition_2026, corner),
                )
            ]
        )
        self.gallery_2025.booth_ids = booths[0]
        self.gallery_2025.space_sqm = 60.0
        self.studio_2025.booth_ids = booths[1]
        self._run()
        leads = {lead.partner_id: lead for lead in self._rebooking_leads()}
        self.assertEqual(leads[self.gallery].expo_space_requested, 60.0)
        self.assertEqual(leads[self.gallery].expo_booth_category_id, corner)
        self.assertEqual(leads[self.studio].expo_space_requested, 9.0)
        self.assertFalse(
            leads[self.studio].expo_booth_category_id, "not offered in 2026"
        )

    def test_priority_from_rank(self):
        # three customers of two editions rank between the gallery and the studio
        regulars = self.env["res.partner"].create(
            [{"name": f"Regular {index}", "is_company": True} for index in range(3)]
        )
        for regular in regulars:
            for edition in (self.edition_2024, self.edition_2025):
                self._participate(regular, edition, state="attended", space_sqm=20.0)
        self._run()
        relationships = self.env["expo.relationship"].search(
            [("series_id", "=", self.series.id)]
        )
        rank = {rel.partner_id: rel.priority_rank for rel in relationships}
        self.assertEqual(rank[self.gallery], 1)
        self.assertGreater(
            rank[self.studio], max(rank[regular] for regular in regulars)
        )
        self.assertFalse(rank[self.builder], "a supplier has no rank")
        self.assertFalse(rank[self.collector], "nor a visitor")
        ranked = relationships.filtered("priority_ranked")
        self.assertEqual(
            (relationships - ranked).partner_id,
            self.builder | self.collector | self.museum,
            "nor a customer that never took part",
        )
        leads = self._rebooking_leads()
        for lead in leads:
            quartile = 4 * (rank[lead.partner_id] - 1) // len(ranked)
            self.assertEqual(lead.priority, str(3 - quartile))
        priority = {lead.partner_id: lead.priority for lead in leads}
        self.assertEqual(
            priority[self.gallery], "3", "the top quartile gets three stars"
        )
        self.assertLess(priority[self.studio], priority[self.gallery])

    def test_rerun_creates_no_duplicates(self):
        self._run()
        leads = self._rebooking_leads()
        wizard = (
            self.env["expo.rebooking.wizard"]
            .with_context(active_model="event.event", active_id=self.edition_2025.id)
            .create({})
        )
        self.assertEqual(wizard.create_count, 0, "counted before the click")
        self.assertEqual(wizard.skip_open_count, 3)
        wizard.action_create_opportunities()
        self.assertEqual(self._rebooking_leads(), leads)
        self.assertFalse(wizard.created_lead_ids)
        self.assertIn(
            "No opportunity created for Test Art Fair 2026", wizard.result_summary
        )
        self.assertEqual(wizard.skipped_open_ids.partner_id, leads.partner_id)

    def test_skips_booked_and_lost_on_purpose(self):
        self._participate(self.gallery, self.edition_2026, state="planned")
        lost_reason = self.env["crm.lost.reason"].create({"name": "Budget cut"})
        lost = self.env["crm.lead"].create(
            {
                "name": "Studio 2026",
                "type": "opportunity",
                "partner_id": self.studio.id,
                "expo_event_id": self.edition_2026.id,
            }
        )
        lost.action_set_lost(lost_reason_id=lost_reason.id)
        archived = self.env["crm.lead"].create(
            {
                "name": "Bank 2026",
                "type": "opportunity",
                "partner_id": self.bank.id,
                "expo_event_id": self.edition_2026.id,
                "expo_role_id": self.role_sponsor.id,
            }
        )
        archived.action_archive()
        wizard, _action = self._run()
        # lost without a reason is not lost on purpose
        self.assertEqual(self._rebooking_leads().partner_id, self.bank)
        self.assertEqual(wizard.skipped_booked_ids, self.gallery_2025)
        self.assertEqual(wizard.skipped_lost_ids, self.studio_2025)
        # an open opportunity beside the lost one: in the pipeline, not lost
        open_lead = self.env["crm.lead"].create(
            {
                "name": "Studio 2026 after all",
                "type": "opportunity",
                "partner_id": self.studio.id,
                "expo_event_id": self.edition_2026.id,
            }
        )
        wizard, _action = self._run()
        self.assertEqual(wizard.skipped_open_ids, self.studio_2025 | self.bank_2025)
        self.assertTrue(open_lead.active)

    def test_selected_participations(self):
        wizard = (
            self.env["expo.rebooking.wizard"]
            .with_context(
                active_model="expo.participation",
                active_ids=(self.studio_2025 | self.collector_2025).ids,
            )
            .create({})
        )
        self.assertEqual(wizard.event_id, self.edition_2025)
        self.assertEqual(wizard.create_count, 1)
        self.assertEqual(wizard.skip_role_count, 1, "the selected visitor")
        wizard.action_create_opportunities()
        self.assertEqual(self._rebooking_leads().partner_id, self.studio)

    def test_no_next_edition(self):
        with self.assertRaises(UserError):
            self._run(event=self.edition_2026)
