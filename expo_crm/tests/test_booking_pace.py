# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common import ExpoFloorCommon


@tagged("post_install", "-at_install")
class TestBookingPace(ExpoFloorCommon):
    def _pace(self, domain):
        self.env.flush_all()
        return self.env["expo.booking.pace.report"].search(domain)

    def test_space_and_revenue_by_days_before_opening(self):
        opening = self.edition_next.date_begin.date()
        self.a5.write({"partner_id": self.studio.id, "state": "unavailable"})
        studio = self.a5.expo_participation_ids
        studio.date_signed = opening - timedelta(days=30)
        order = self._sell(
            self.newcomer,
            [
                (
                    self.product_booth,
                    2 * 9 * 300.0,
                    {
                        "event_id": self.edition_next.id,
                        "event_booth_category_id": self.booth_category.id,
                        "event_booth_pending_ids": [
                            Command.set((self.a1 | self.a2).ids)
                        ],
                    },
                )
            ],
        )
        newcomer = self.a1.expo_participation_ids
        newcomer.date_signed = opening - timedelta(days=8)
        rows = self._pace([("event_id", "=", self.edition_next.id)])
        by_partner = {row.partner_id: row for row in rows}
        self.assertEqual(set(by_partner), {self.studio, self.newcomer})
        row = by_partner[self.newcomer]
        self.assertEqual(row.days_to_opening, -8)
        self.assertEqual(row.weeks_to_opening, -2)
        self.assertEqual(row.space_sqm, 18.0)
        self.assertEqual(row.hall_id, self.hall_1)
        self.assertEqual(row.role_id, self.role_exhibitor)
        # revenue contracted: the confirmed order lines, before any invoice
        self.assertEqual(row.amount_contracted, order.amount_untaxed)
        self.assertEqual(row.amount_contracted, 2 * 9 * 300.0)
        self.assertEqual(by_partner[self.studio].weeks_to_opening, -5)
        self.assertEqual(by_partner[self.studio].amount_contracted, 0.0)
        self.assertEqual(row.edition_rank, 1)

    def test_history_compared_with_the_previous_edition(self):
        # history without orders: the invoiced amount stands for the contract
        past = self._participate(
            self.collector,
            self.edition_2025,
            state="attended",
            space_sqm=12,
            date_signed=self.edition_2025.date_begin.date() - timedelta(days=100),
        )
        self.env.cr.execute(
            "UPDATE expo_participation SET amount_invoiced = 4000 WHERE id = %s",
            [past.id],
        )
        cancelled = self._participate(
            self.newcomer,
            self.edition_2025,
            state="cancelled",
            date_signed="2025-01-01",
        )
        action = self.edition_next.action_expo_booking_pace()
        rows = self._pace(action["domain"])
        self.assertIn(past.id, rows.participation_id.ids)
        self.assertNotIn(cancelled.id, rows.participation_id.ids)
        row = rows.filtered(lambda r: r.participation_id == past)
        self.assertEqual((row.days_to_opening, row.amount_contracted), (-100, 4000.0))
        self.assertEqual(row.edition_rank, 2)
        self.assertFalse(self._pace([("event_id", "=", self.edition_2023.id)]))
        groups = self.env["expo.booking.pace.report"]._read_group(
            action["domain"], ["event_id"], ["space_sqm:sum"]
        )
        self.assertEqual(dict(groups)[self.edition_2025], 12.0)
