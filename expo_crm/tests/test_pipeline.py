# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ExpoCrmCommon


@tagged("post_install", "-at_install")
class TestPipeline(ExpoCrmCommon):
    """The Exhibition Sales pipeline keeps to its own stages; Odoo's other teams keep
    the stages they share."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env.ref("expo_crm.crm_team_exhibition_sales")
        cls.other_team = cls.env["crm.team"].create({"name": "Corporate Sales"})
        cls.team_stages = cls.env["crm.stage"].search([("team_id", "=", cls.team.id)])
        cls.shared_stages = cls.env["crm.stage"].search([("team_id", "=", False)])
        cls.booked = cls.env.ref("expo_crm.crm_stage_exhibition_booked")
        cls.negotiation = cls.env.ref("expo_crm.crm_stage_exhibition_negotiation")
        cls.Lead = cls.env["crm.lead"]

    def _lead(self, team, **values):
        return self.Lead.create(
            {
                "name": f"{team.name} opportunity",
                "type": "opportunity",
                "team_id": team.id,
                "partner_id": self.gallery.id,
                **values,
            }
        )

    def _pipeline_columns(self, team):
        groups = self.Lead.with_context(default_team_id=team.id).web_read_group(
            [("id", "=", 0)], ["stage_id"], ["stage_id"]
        )["groups"]
        return self.env["crm.stage"].browse([group["stage_id"][0] for group in groups])

    def test_team_pipeline_shows_its_stages_only(self):
        self.assertTrue(self.shared_stages, "Odoo's shared stages exist")
        self.assertEqual(self._pipeline_columns(self.team), self.team_stages)
        other_columns = self._pipeline_columns(self.other_team)
        self.assertEqual(other_columns, self.shared_stages, "the others keep theirs")
        self.assertFalse(other_columns & self.team_stages)

    def test_stage_holding_opportunities_still_shows(self):
        """An opportunity moved to a shared stage before keeps its column."""
        shared = self.shared_stages.filtered(lambda stage: not stage.is_won)[:1]
        lead = self._lead(self.team, stage_id=shared.id)
        groups = self.Lead.with_context(default_team_id=self.team.id).web_read_group(
            [("id", "=", lead.id)], ["stage_id"], ["stage_id"]
        )["groups"]
        self.assertIn(shared.id, [group["stage_id"][0] for group in groups])

    def test_won_lands_in_the_team_won_stage(self):
        for stage in (self.team_stages[0], self.negotiation):
            lead = self._lead(self.team, stage_id=stage.id)
            lead.action_set_won()
            self.assertEqual(lead.stage_id, self.booked, f"won from {stage.name}")
            self.assertEqual(lead.probability, 100)

    def test_won_of_several_teams_at_once(self):
        """Each opportunity goes to the won stage of its own team."""
        exhibition = self._lead(self.team)
        other = self._lead(self.other_team)
        (exhibition | other).action_set_won()
        self.assertEqual(exhibition.stage_id, self.booked)
        self.assertTrue(other.stage_id.is_won)
        self.assertFalse(other.stage_id.team_id, "Odoo's shared won stage")

    def test_team_without_own_stages_keeps_odoo_behaviour(self):
        lead = self._lead(self.other_team)
        self.assertFalse(lead.stage_id.team_id)
        lead.action_set_won()
        self.assertEqual(
            lead.stage_id, self.shared_stages.filtered("is_won")[:1], "shared won"
        )

    def test_opportunities_start_in_the_team_first_stage(self):
        self.assertEqual(self._lead(self.team).stage_id, self.team_stages[0])


@tagged("post_install", "-at_install")
class TestOpportunitySpace(ExpoCrmCommon):
    """The requested booth category is one of the edition's, and the space at its
    price per m² is the expected revenue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["event.booth.category"]
        cls.corner = Category.create(
            {"name": "Corner 18 m²", "expo_area_sqm": 18.0, "price": 6300.0}
        )
        cls.unsold = Category.create(
            {"name": "Island", "expo_area_sqm": 100.0, "price": 0.0}
        )
        cls.env["event.booth"].create(
            {
                "name": "C1",
                "event_id": cls.edition_2025.id,
                "booth_category_id": cls.corner.id,
            }
        )

    def test_expected_revenue_from_space_and_category(self):
        with Form(
            self.env["crm.lead"].with_context(default_type="opportunity")
        ) as lead:
            lead.name = "Gallery Lumen corner"
            lead.expo_event_id = self.edition_2025
            self.assertEqual(lead.expo_event_booth_category_ids[:], self.corner)
            lead.expo_booth_category_id = self.corner
            lead.expo_space_requested = 36.0
            self.assertEqual(lead.expected_revenue, 36.0 * 6300.0 / 18.0)
            lead.expected_revenue = 11000.0
        self.assertEqual(lead.record.expected_revenue, 11000.0, "typed over, kept")

    def test_category_of_another_edition_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "offers no booth"):
            self.env["crm.lead"].create(
                {
                    "name": "Island",
                    "expo_event_id": self.edition_2025.id,
                    "expo_booth_category_id": self.unsold.id,
                }
            )

    def test_price_per_sqm(self):
        self.assertEqual(self.corner._expo_price_per_sqm(), 350.0)
        self.assertEqual(self.unsold._expo_price_per_sqm(), 0.0, "no price")
        no_size = self.corner.copy({"name": "Any size", "expo_area_sqm": 0.0})
        self.assertEqual(no_size._expo_price_per_sqm(), 0.0, "no size")
        priced = self.corner.copy({"name": "Priced", "expo_price_per_sqm": 400.0})
        self.assertEqual(priced._expo_price_per_sqm(), 400.0, "its own price per m²")
        self.assertEqual(
            self.env["event.booth.category"]._expo_price_per_sqm(), 0.0, "none"
        )
