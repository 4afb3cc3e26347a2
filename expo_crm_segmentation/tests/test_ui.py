# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import new_test_user, tagged

from odoo.addons.expo_crm.tests.common import ExpoHttpCase

from .common import SegmentationCommon


@tagged("post_install", "-at_install", "expo_browser")
class TestSegmentationUi(ExpoHttpCase, SegmentationCommon):
    """In the browser, a marketing user reads the value tier dashboard and drills
    into a tier.

    ========  ====================  =====  ======  =============  =============
    who       editions (invoiced)   value  profit  stage          tier
    ========  ====================  =====  ======  =============  =============
    Alpha     2023-2025 (1000 each)  3000    5000  trust          strategic
    Beta      2024, 2025 (500 each)  1000       0  weakening      key
    Epsilon   2024, 2025 (500 each)  1000       0  weakening      key
    Gamma     2023 (200)              200     100  disappearance  transactional
    Delta     2025 (100)              100     -50  confirmation   risk
    ========  ====================  =====  ======  =============  =============

    A customer of another company, segmented there, stays out of this company's
    dashboard.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketing_user = new_test_user(
            cls.env,
            login="tour_seg_marketing",
            groups="expo_crm.group_expo_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        customers = {
            name: cls._customer(f"Tour {name} Gallery")
            for name in ("Alpha", "Beta", "Epsilon", "Gamma", "Delta")
        }
        cls.alpha = customers["Alpha"]
        cls.beta = customers["Beta"]
        cls.epsilon = customers["Epsilon"]
        cls.gamma = customers["Gamma"]
        cls.delta = customers["Delta"]
        for edition in cls.editions:
            cls._take_part(cls.alpha, edition, amount_invoiced=1000)
        for partner in cls.beta | cls.epsilon:
            cls._take_part(partner, cls.edition_2024, amount_invoiced=500)
            cls._take_part(partner, cls.edition_2025, amount_invoiced=500)
        cls._take_part(cls.gamma, cls.edition_2023, amount_invoiced=200)
        cls._take_part(cls.delta, cls.edition_2025, amount_invoiced=100)
        cls._set_summaries(
            {
                cls.alpha: (3000, 5000, "trust"),
                cls.beta: (1000, 0, "weakening"),
                cls.epsilon: (1000, 0, "weakening"),
                cls.gamma: (200, 100, "disappearance"),
                cls.delta: (100, -50, "confirmation"),
            }
        )
        cls.customers = cls.alpha | cls.beta | cls.epsilon | cls.gamma | cls.delta
        # a key customer of another company, segmented by that company's run
        cls.other_company = cls.env["res.company"].create({"name": "Other Tour Fair"})
        cls.foreign = cls._customer("Tour Foreign Gallery")
        cls.foreign.with_company(cls.other_company).write(
            {
                "expo_value_tier": "key",
                "expo_pareto_class": "a",
                "expo_seg_date": datetime.now(),
            }
        )

    def test_value_tier_dashboard(self):
        # the segments, computed as the scheduled run does
        self._run_to_end(full=True)
        self.assertEqual(
            self.customers.mapped("expo_value_tier"),
            ["strategic", "key", "key", "transactional", "risk"],
        )
        # its segments are the other company's own
        self.assertFalse(self.foreign.expo_value_tier)
        self.assertEqual(
            self.foreign.with_company(self.other_company).expo_value_tier, "key"
        )

        self.start_tour(
            "/odoo", "expo_crm_segmentation_dashboard_tour", login="tour_seg_marketing"
        )

        # what the user read is what the company's customers are
        Partner = self.env["res.partner"].with_user(self.marketing_user)
        tiers = dict(
            Partner._read_group(
                [("expo_seg_date", "!=", False)], ["expo_value_tier"], ["__count"]
            )
        )
        self.assertEqual(
            tiers, {"strategic": 1, "key": 2, "transactional": 1, "risk": 1}
        )
        key_customers = Partner.search(
            [("expo_seg_date", "!=", False), ("expo_value_tier", "=", "key")]
        )
        self.assertEqual(key_customers, self.beta | self.epsilon)
