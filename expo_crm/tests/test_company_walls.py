# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import new_test_user

from .common import ExpoRelationshipCommon


class TestCompanyWalls(ExpoRelationshipCommon):
    """Two companies of one group sharing customers: each books, sees and counts
    its own exhibitions only, in its own currency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.company
        cls.eur = cls.env.ref("base.EUR")
        cls.eur.active = True
        cls.company_b = cls.env["res.company"].create(
            {"name": "Fair Company B", "currency_id": cls.eur.id}
        )
        cls.series_b = cls.env["expo.series"].create(
            {"name": "B Design Show", "code": "BDS", "company_id": cls.company_b.id}
        )
        cls.edition_b = cls.env["event.event"].create(
            {
                "name": "B Design Show 2025",
                "expo_series_id": cls.series_b.id,
                "company_id": cls.company_b.id,
                "date_begin": datetime(2025, 9, 1, 9, 0),
                "date_end": datetime(2025, 9, 3, 18, 0),
            }
        )
        cls.user_b = new_test_user(
            cls.env,
            login="expo_user_b",
            groups="expo_crm.group_expo_user",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )
        # the gallery is shared by both companies (no company of its own)
        cls._take_part(cls.gallery, cls.edition_2024, amount_invoiced=1000)
        cls._take_part(cls.gallery, cls.edition_2025, amount_invoiced=1000)
        cls._take_part(cls.gallery, cls.edition_b, amount_invoiced=5000)

    def test_participation_takes_its_editions_company(self):
        participation = self._participate(self.collector, self.edition_b)
        self.assertEqual(participation.company_id, self.company_b)

    def test_user_of_b_cannot_book_on_an_edition_of_a(self):
        Participation = self.env["expo.participation"].with_user(self.user_b)
        values = {
            "partner_id": self.collector.id,
            "event_id": self.edition_2025.id,
            "role_id": self.role_exhibitor.id,
        }
        with self.assertRaises(UserError):  # an access error is one too
            Participation.create(values)
        # not even by naming its own company over RPC
        with self.assertRaises(UserError):  # an access error is one too
            Participation.create({**values, "company_id": self.company_b.id})
        self.assertEqual(self._relationship().economic_value, 2000)

    def test_company_checks_on_leads_and_editions(self):
        with self.assertRaises(UserError):
            self.env["crm.lead"].create(
                {
                    "name": "B sells A's fair",
                    "type": "opportunity",
                    "company_id": self.company_b.id,
                    "expo_event_id": self.edition_2025.id,
                }
            )
        with self.assertRaises(UserError):
            self.edition_2025.expo_series_id = self.series_b
        with self.assertRaises(UserError):
            self.env["event.event"].create(
                {
                    "name": "Unowned edition",
                    "company_id": False,
                    "expo_series_id": self.series.id,
                    "date_begin": datetime(2026, 5, 10, 9, 0),
                    "date_end": datetime(2026, 5, 12, 18, 0),
                }
            )

    def test_rebooking_an_edition_of_another_company(self):
        wizard = (
            self.env["expo.rebooking.wizard"]
            .with_user(self.user_b)
            .with_context(allowed_company_ids=self.company_b.ids)
            .create({"event_id": self.edition_2024.id})
        )
        with self.assertRaises(UserError):  # an access error is one too
            wizard.action_create_opportunities()

    def test_partner_figures_are_each_companys_own(self):
        """A's 2,000 in A's currency, B's 5,000 in euros: never summed."""
        gallery_a = self.gallery.with_company(self.company_a)
        gallery_b = self.gallery.with_company(self.company_b)
        self.assertEqual(gallery_a.expo_economic_value, 2000)
        self.assertEqual(gallery_a.expo_currency_id, self.company_a.currency_id)
        self.assertEqual(gallery_a.expo_lifecycle_stage, "trust")
        self.assertEqual(gallery_b.expo_economic_value, 5000)
        self.assertEqual(gallery_b.expo_currency_id, self.eur)
        self.assertEqual(gallery_b.expo_lifecycle_stage, "confirmation")
        # each company searches and groups by its own figures
        Partner = self.env["res.partner"]
        self.assertIn(
            self.gallery,
            Partner.with_company(self.company_b).search(
                [("expo_economic_value", ">", 4000)]
            ),
        )
        self.assertNotIn(
            self.gallery,
            Partner.with_company(self.company_a).search(
                [("expo_economic_value", ">", 4000)]
            ),
        )

    def test_a_companys_stage_does_not_follow_the_others(self):
        """B's edition is the gallery's most recent, yet A keeps its own stage."""
        self.assertGreater(self.edition_b.date_begin, self.edition_2025.date_begin)
        self.assertEqual(
            self.gallery.with_company(self.company_a).expo_lifecycle_stage, "trust"
        )

    def test_user_of_b_sees_only_b(self):
        Relationship = self.env["expo.relationship"].with_user(self.user_b)
        self.assertEqual(
            Relationship.search([("partner_id", "=", self.gallery.id)]).series_id,
            self.series_b,
        )
        self.assertEqual(
            self.gallery.with_user(self.user_b).expo_economic_value,
            5000,
            "the figures of the user's company",
        )

    def test_moving_an_edition_to_another_series_refreshes_at_once(self):
        other = self.env["expo.series"].create({"name": "Sister Fair", "code": "SIS"})
        self.edition_2025.expo_series_id = other
        self.assertEqual(self._relationship().editions_attended, 1)
        self.assertEqual(self._relationship(series=other).editions_attended, 1)

    def test_deleting_an_edition_refreshes_at_once(self):
        self.assertEqual(self._relationship().economic_value, 2000)
        self.edition_2025.unlink()
        self.assertEqual(self._relationship().economic_value, 1000)
        self.assertEqual(self._relationship().editions_attended, 1)
        self.assertEqual(
            self.gallery.with_company(self.company_a).expo_economic_value, 1000
        )

    def test_contract_schedules_stay_in_their_company(self):
        """A series, an edition, a quotation take a schedule of their company
        only; a user of company B sees the schedules of B only."""
        schedule_a = self.env["expo.contract.schedule"].create({"name": "A terms"})
        schedule_b = self.env["expo.contract.schedule"].create(
            {"name": "B terms", "company_id": self.company_b.id}
        )
        with self.assertRaises(UserError):
            self.series_b.contract_schedule_id = schedule_a
        with self.assertRaises(UserError):
            self.edition_b.expo_contract_schedule_id = schedule_a
        self.series_b.contract_schedule_id = schedule_b
        self.assertEqual(self.edition_b.expo_contract_schedule_id, schedule_b)
        visible = self.env["expo.contract.schedule"].with_user(self.user_b).search([])
        self.assertIn(schedule_b, visible)
        self.assertNotIn(schedule_a, visible)
