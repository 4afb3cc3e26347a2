# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib.util
import json

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from ..models.res_partner import VALUE_TIERS
from ..rules.value_tier import TIER_ORDER
from .common import SegmentationCommon


@tagged("post_install", "-at_install")
class TestSegmentFields(SegmentationCommon):
    """The segments computed on the partner and the settings' constraints, through
    the ORM (the rules themselves are tested in ``test_rules``)."""

    def test_knox_diamond(self):
        partner = self._customer("Knox Gallery")
        self.assertFalse(partner.expo_knox_segment)
        partner.write({"expo_involvement": "high", "expo_competing_show_count": 0})
        self.assertEqual(partner.expo_knox_segment, "loyal")
        partner.expo_competing_show_count = 3
        self.assertEqual(partner.expo_knox_segment, "multi_brand")
        partner.expo_involvement = "low"
        self.assertEqual(partner.expo_knox_segment, "switcher")
        partner.expo_competing_show_count = 1
        self.assertEqual(partner.expo_knox_segment, "habitual")
        self.company.expo_seg_knox_many_shows = 1
        self.assertEqual(partner.expo_knox_segment, "switcher")
        partner.expo_involvement = False
        self.assertFalse(partner.expo_knox_segment)
        with self.assertRaises(ValidationError):
            partner.expo_competing_show_count = -1

    def test_value_strategy_shown(self):
        partner = self._customer("Strategy Gallery")
        self.assertFalse(partner.expo_value_strategy)
        partner.expo_value_tier = "risk"
        self.assertEqual(partner.expo_value_strategy, "Refuse service, end contact")
        self.assertEqual(partner.expo_value_resources, "With great care")
        partner.expo_value_tier = "key"
        self.assertEqual(
            partner.expo_value_strategy, "Long-term, stable, learning relationship"
        )
        self.assertEqual(partner.expo_value_resources, "More")

    def test_settings_constraints(self):
        with self.assertRaises(ValidationError):
            self.company.expo_seg_pareto_a_pct = 96
        with self.assertRaises(ValidationError):
            self.company.expo_seg_satisfied_min_satisfaction = 90
        with self.assertRaises(ValidationError):
            self.company.expo_seg_rfm_window = 0
        with self.assertRaises(ValidationError):
            self.company.expo_seg_churn_drop_pct = 0

    def test_rules_read_the_company_settings(self):
        self.company.write(
            {"expo_seg_risk_profit_limit": 500, "expo_seg_knox_many_shows": 3}
        )
        rules = self.company._expo_segmentation_rules()
        self.assertEqual(rules.risk_profit_limit, 500)
        self.assertEqual(rules.knox_many_shows, 3)
        self.assertEqual(rules.pareto_a_pct, self.company.expo_seg_pareto_a_pct)
        self.assertEqual(rules.currency.rounding, self.company.currency_id.rounding)
        self.assertEqual(rules.currency_id, self.company.currency_id.id)

    def test_upgrade_renames_the_drop_of_stored_cuts(self):
        """Reasons stored before 18.0.1.2.0 named a cut's drop ``drop``."""
        partner = self._customer("Old Reasons Gallery")
        old = [["weakening", {}], ["space_cut", {"drop": 40, "series": 1}]]
        partner.expo_churn_reason_data = json.dumps(old)
        self.env.flush_all()
        path = file_path(
            "expo_crm_segmentation/migrations/18.0.1.2.0/post-migration.py"
        )
        spec = importlib.util.spec_from_file_location("post_migration", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.1.0")
        partner.invalidate_recordset()
        self.assertEqual(
            json.loads(partner.expo_churn_reason_data),
            [["weakening", {}], ["space_cut", {"percent": 40, "series": 1}]],
        )

    def test_every_value_tier_has_a_rank(self):
        self.assertEqual(set(TIER_ORDER), {tier for tier, _label in VALUE_TIERS})
