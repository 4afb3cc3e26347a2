# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import tagged

from ..models.expo_segment_engine import RELATIONSHIP_SEGMENT_FIELDS
from ..models.res_partner import SEGMENT_FIELDS
from .common import SegmentationCommon


@tagged("post_install", "-at_install")
class TestBatchRuns(SegmentationCommon):
    """Scheduled runs in batches, incremental runs, and the single-partner
    recompute giving the same result."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chart()
        cls.company.expo_seg_batch_size = 2
        cls.customers = cls.env["res.partner"]
        amounts = [900, 450, 450, 120, 80, 0, 2000]
        for index, amount in enumerate(amounts):
            customer = cls._customer(f"Batch Customer {index}")
            editions = cls.editions[index % 3 :]
            for edition in editions:
                cls._take_part(
                    customer,
                    edition,
                    amount_invoiced=amount,
                    space_sqm=10 + index,
                    feedback_date="2025-06-01" if index % 2 else False,
                    satisfaction_index=40 + 8 * index,
                    intent_rebook="yes" if index % 3 else "no",
                )
            cls.customers |= customer
        for customer, value in zip(cls.customers, amounts, strict=True):
            customer.expo_economic_value = value * 3

    def _segments(self, partners):
        values = {
            partner.id: {fname: partner[fname] for fname in SEGMENT_FIELDS}
            for partner in partners
        }
        relationships = self.env["expo.relationship"].search(
            [("partner_id", "in", partners.ids)]
        )
        for relationship in relationships:
            values[relationship.partner_id.id][relationship.series_id.id] = {
                fname: relationship[fname] for fname in RELATIONSHIP_SEGMENT_FIELDS
            }
        return values

    def _clear(self, partners):
        partners.write(dict.fromkeys(SEGMENT_FIELDS, False))
        self.env["expo.relationship"].search(
            [("partner_id", "in", partners.ids)]
        ).write(dict.fromkeys(RELATIONSHIP_SEGMENT_FIELDS, False))

    def test_batch_run_equals_single_partner_recompute(self):
        batches = self._run_to_end(full=True)
        self.assertEqual(batches, [(2, 5), (2, 3), (2, 1), (1, 0)])
        run = self._last_run()
        self.assertRecordValues(
            run,
            [
                {
                    "state": "done",
                    "full": True,
                    "total_count": 7,
                    "done_count": 7,
                    "batch_count": 4,
                    "retry_count": 0,
                    "failure_count": 0,
                }
            ],
        )
        self.assertFalse(
            run.search(run._domain("segmentation", self.company, "running"))
        )
        by_batch = self._segments(self.customers)
        self.assertEqual(len({v["expo_rfm_cell"] for v in by_batch.values()}), 7)
        self.assertTrue(all(v["expo_value_tier"] for v in by_batch.values()))
        self._clear(self.customers)
        for customer in self.customers:
            customer.action_expo_recompute_segments()
            self.assertEqual(
                self._segments(customer)[customer.id], by_batch[customer.id]
            )

    def _age_data(self):
        """Pretend everything was last touched two days ago, before the last
        run started (today, before this transaction's writes)."""
        self.env.flush_all()
        two_days_ago = datetime.now() - timedelta(days=2)
        for table in ("expo_participation", "account_move"):
            self.env.cr.execute(
                f"UPDATE {table} SET write_date = %s WHERE company_id = %s",
                (two_days_ago, self.company.id),
            )
        self.env.invalidate_all()
        self._last_run().date_start = self.env.cr.now() - timedelta(seconds=1)

    def test_incremental_run_after_an_invoice(self):
        self._run_to_end(full=True)
        self._age_data()
        since = self._last_run().date_start
        self.assertFalse(self.engine._target_partner_ids(self.company, False, since))
        late, other = self.customers[1], self.customers[2]
        before = self._segments(self.customers - late)
        self.assertFalse(late.expo_churn_risk)
        self._invoice(late, 700, due_days_ago=45)
        self.assertEqual(
            self.engine._target_partner_ids(self.company, False, since),
            late.ids,
        )
        self.assertEqual(self._run_to_end(), [(1, 0)])
        self.assertTrue(late.expo_churn_risk)
        self.assertIn("Overdue invoices", late.expo_churn_reasons)
        self.assertEqual(self._segments(self.customers - late), before)
        self.assertFalse(other.expo_churn_risk)

    def test_incremental_run_ranks_against_the_whole_population(self):
        """Raising one customer's spend recomputes only it, against everyone."""
        self._run_to_end(full=True)
        self._age_data()
        smallest = self.customers[5]
        self.assertEqual(smallest.expo_rfm_monetary_score, "1")
        smallest.expo_participation_ids.write({"amount_invoiced": 7000})
        self.assertEqual(self._run_to_end(), [(1, 0)])
        self.assertEqual(smallest.expo_rfm_monetary_score, "5")
        # the others keep their scores until a full run
        self.assertEqual(self.customers[6].expo_rfm_monetary_score, "5")
        self._run_to_end(full=True)
        self.assertEqual(self.customers[6].expo_rfm_monetary_score, "4")

    def test_first_run_of_the_day_is_full(self):
        self.assertEqual(self._run_to_end(), [(2, 5), (2, 3), (2, 1), (1, 0)])
        self.assertEqual(self._last_run(full=True), self._last_run())
        self._age_data()
        # later the same day: only what changed since
        self.customers[0].expo_participation_ids[:1].amount_invoiced = 950
        self.assertEqual(self._run_to_end(), [(1, 0)])
        self.assertFalse(self._last_run().full)
        # the next day: everyone again, time having moved recency and deadlines
        self._last_run(full=True).date_start = datetime.now() - timedelta(days=1)
        self.assertEqual(len(self._run_to_end()), 4)
        self.assertEqual(self._last_run(full=True), self._last_run())

    def test_incremental_run_scores_against_the_last_full_run(self):
        """Between full runs the boundaries stay: a customer whose spend becomes
        another's gets that customer's score, whatever its change did to the
        population (redrawn, the boundaries would score the two apart)."""
        self._run_to_end(full=True)
        boundaries = self.engine._last_thresholds(self.company)
        self._age_data()
        # customer 1 spent 2 x 450; customer 3 now spends the same over 3 editions
        model, changed = self.customers[1], self.customers[3]
        changed.expo_participation_ids.write({"amount_invoiced": 300})
        self.assertEqual(self._run_to_end(), [(1, 0)])
        self.assertEqual(self.engine._last_thresholds(self.company), boundaries)
        self.assertEqual(self._last_run().thresholds, boundaries)
        self.assertEqual(changed.expo_rfm_monetary, model.expo_rfm_monetary)
        self.assertEqual(model.expo_rfm_monetary_score, "4")
        self.assertEqual(changed.expo_rfm_monetary_score, "4")
        # the single-partner recompute scores against the same boundaries
        self._clear(changed)
        changed.action_expo_recompute_segments()
        self.assertEqual(changed.expo_rfm_monetary_score, "4")
        # a full run redraws them: the two now share the lower score
        self._run_to_end(full=True)
        self.assertEqual(model.expo_rfm_monetary_score, "3")
        self.assertEqual(changed.expo_rfm_monetary_score, "3")

    def test_incremental_run_after_invoicing_a_sale(self):
        """A sale order for an edition, invoiced: the participation's amounts
        follow the posted invoice and the next incremental run picks it up."""
        self._run_to_end(full=True)
        self._age_data()
        customer = self.customers[5]
        self.assertEqual(customer.expo_rfm_monetary, 0)
        product = self.env["product.product"].create(
            {
                "name": "Stand Services",
                "type": "service",
                "invoice_policy": "order",
                "expo_amount_kind": "service",
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": self.company.id,
                "expo_event_id": self.edition_2025.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 8000, "tax_id": False}
                    )
                ],
            }
        )
        order.action_confirm()
        order._create_invoices().action_post()
        participation = customer.expo_participation_ids.filtered(
            lambda p: p.event_id == self.edition_2025
        )
        self.assertEqual(participation.amount_invoiced, 8000)
        since = self._last_run().date_start
        self.assertEqual(
            self.engine._target_partner_ids(self.company, False, since), customer.ids
        )
        self.assertEqual(self._run_to_end(), [(1, 0)])
        self.assertEqual(customer.expo_rfm_monetary, 8000)
        self.assertEqual(customer.expo_rfm_monetary_score, "5")

    def test_recompute_buttons_schedule_the_job(self):
        cron = self.env.ref("expo_crm_segmentation.ir_cron_expo_segment_recompute")
        settings = self.env["res.config.settings"].create({})
        settings.action_expo_seg_recompute_full()
        Run = self.env["expo.batch.run"]
        requested = Run.search(Run._domain("segmentation", self.company, "requested"))
        self.assertTrue(requested.full)
        self.assertTrue(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        )
        # asking again keeps one request
        settings.action_expo_seg_recompute()
        self.assertEqual(
            Run.search(Run._domain("segmentation", self.company, "requested")),
            requested,
        )
        self.engine._cron_recompute()
        self.assertRecordValues(
            requested,
            [{"state": "running", "full": True, "cursor": self.customers[1].id}],
        )
        self.assertEqual(settings.expo_seg_run_start, requested.date_start)
