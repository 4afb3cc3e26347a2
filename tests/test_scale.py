"""Smoke test of the scale generator and benchmark: size S generated into the test
database inside the test's transaction (rolled back), every benchmark step run on it,
and the addons' figures checked against the hand-written SQL. Timings are printed by
the benchmark, never asserted."""

from scale import benchmark, generator

from odoo.tests.common import TransactionCase


class TestScaleSmoke(TransactionCase):
    # Odoo names these for test classes of addons; this one lives outside them
    test_tags = {"standard", "at_install", "expo_scale"}
    test_module = "expo_scale"
    test_class = "TestScaleSmoke"
    test_sequence = 0

    def _fingerprint(self):
        self.env.cr.execute(
            """
            SELECT count(*), sum(amount_invoiced), count(DISTINCT partner_id),
                   count(*) FILTER (WHERE nps_category = 'promoter')
              FROM expo_participation p
              JOIN res_partner rp ON rp.id = p.partner_id
             WHERE rp.name LIKE 'Scale %%'
            """
        )
        return self.env.cr.fetchone()

    def test_generate_s_and_benchmark(self):
        # the same seed gives the same organizer
        self.env.cr.execute("SAVEPOINT scale_first")
        generator.generate(self.env, "S", seed=11)
        first = self._fingerprint()
        self.env.cr.execute("ROLLBACK TO SAVEPOINT scale_first")
        self.env.invalidate_all()
        summary = generator.generate(self.env, "S", seed=11)
        self.assertEqual(self._fingerprint(), first)
        counts = summary["counts"]
        self.assertGreaterEqual(counts["res_partner"], 2000)
        # about four participations and one or two answers per customer
        self.assertGreater(counts["expo_participation"], 6000)
        self.assertGreater(counts["survey_user_input"], 1000)

        self._assert_rows_the_orm_accepts()
        self.assertEqual(summary["amount_mismatches"], 0)
        self.assertGreater(counts["invoice_lines"], 0)
        self._assert_amounts_from_invoices()

        # each step raises FigureMismatch when the addons and SQL disagree
        # the command vacuums what the full runs rewrote, once, before the others
        settled = []
        report = benchmark.run(self.env, settle=lambda: settled.append(True))
        self.assertEqual(settled, [True])
        self.assertIn("expo_relationship", report["vacuumed_after_full_runs"]["tables"])
        results = {result["key"]: result for result in report["results"]}
        self.assertEqual(
            set(results),
            {
                "full",
                "full_again",
                "segment_list",
                "relationship_list",
                "retention",
                "nps",
                "incremental",
                "rebooking",
                "draw",
            },
        )
        self.assertGreater(results["full"]["figures_checked"], counts["res_partner"])
        # the write baseline stores every relationship's figures and the segmented
        # partners' RFM, then is rolled back
        written = results["full"]["sql_write_rows"]
        self.assertEqual(
            written["expo_relationship"],
            self.env["expo.relationship"].search_count([]),
        )
        self.assertGreater(written["res_partner"], 0)
        self.assertEqual(
            results["full_again"]["figures_checked"], results["full"]["figures_checked"]
        )
        # trust takes one more edition: some trusted customers are only confirmed
        self.assertGreater(results["full_again"]["stages_changed"], 0)
        self.assertEqual(results["segment_list"]["rows"], 80)
        self.assertEqual(results["relationship_list"]["rows"], 80)
        self.assertGreater(results["retention"]["participants"], 0)
        self.env.cr.execute(
            "SELECT count(*) FROM survey_user_input"
            " WHERE state = 'done' AND expo_participation_id IS NOT NULL"
        )
        self.assertEqual(results["nps"]["answers"], self.env.cr.fetchone()[0])
        incremental = results["incremental"]
        self.assertGreater(incremental["partners_recomputed"], 0)
        # every relationship of the changed customers, more than the changes
        self.assertGreater(
            incremental["relationships_refreshed"],
            incremental["participations_changed"] // 2,
        )
        self.assertLessEqual(
            incremental["stage_changes"], incremental["relationships_refreshed"]
        )
        rebooking = results["rebooking"]
        self.assertEqual(
            rebooking["opportunities"] + sum(rebooking["skipped"].values()),
            rebooking["participants"],
        )
        self.assertGreater(rebooking["skipped"]["role"], 0, "visitors, suppliers")
        self.assertGreater(rebooking["opportunities"], 0)
        draw = results["draw"]
        # more applicants than booths: some are served, the others wait
        self.assertGreater(draw["served"], 0)
        self.assertGreater(draw["waiting"], 0)
        self.assertEqual(draw["served"] + draw["waiting"], draw["applicants"])
        self.assertGreaterEqual(draw["booths_held"], draw["served"])
        self.assertLessEqual(draw["booths_held"], draw["booths"])
        self.assertGreater(draw["figures_checked"], draw["applicants"])
        # the step rolled back its floor: nothing of it is left
        self.assertFalse(
            self.env["expo.space.draw"].search(
                [("event_id.name", "=like", "Scale Fair %")]
            )
        )

    def _assert_amounts_from_invoices(self):
        """The participations invoiced through the ORM hold what their posted
        invoices and credit notes say, and what was paid of each (a deposit paid
        beside a balance still open counts as paid)."""
        self.env.cr.execute(
            """
            SELECT p.id, COALESCE(p.amount_invoiced, 0), COALESCE(p.amount_paid, 0),
                   -SUM(aml.balance),
                   -SUM(aml.balance * CASE
                       WHEN m.payment_state IN ('paid', 'in_payment', 'reversed')
                       THEN 1
                       WHEN m.amount_total_signed = 0 THEN 0
                       ELSE 1 - m.amount_residual_signed / m.amount_total_signed
                   END)
              FROM expo_participation p
              JOIN expo_participation_sale_line_rel rel ON rel.participation_id = p.id
              JOIN sale_order_line_invoice_rel inv
                   ON inv.order_line_id = rel.line_id
              JOIN account_move_line aml ON aml.id = inv.invoice_line_id
              JOIN account_move m ON m.id = aml.move_id
             WHERE m.state = 'posted'
          GROUP BY p.id
            """
        )
        rows = self.env.cr.fetchall()
        self.assertTrue(rows)
        for _pid, invoiced, paid, balance, balance_paid in rows:
            self.assertAlmostEqual(float(invoiced), float(balance), places=2)
            self.assertAlmostEqual(float(paid), float(balance_paid), delta=0.01)

    def _assert_rows_the_orm_accepts(self):
        """The bulk-inserted rows pass the models' constraints and match what the
        ORM computes for their stored related and computed fields."""
        participations = self.env["expo.participation"].search(
            [("partner_id.name", "=like", "Scale %")]
        )
        participations._validate_fields(participations._fields)
        computed = ["series_id", "event_date_begin", "side", "nps_category"]
        stored = participations.read(computed)
        self.env.invalidate_all()
        participations = participations.with_context(prefetch_fields=False)
        for fname in computed:
            self.env.add_to_compute(participations._fields[fname], participations)
        participations._recompute_recordset()
        self.assertEqual(participations.read(computed), stored)
        answers = self.env["survey.user_input"].search(
            [("expo_participation_id", "in", participations.ids)]
        )
        answers._validate_fields(answers._fields)
        self.assertTrue(answers)
        self.assertFalse(
            answers.filtered(
                lambda answer: answer.expo_nps_category
                != answer.expo_participation_id.nps_category
            )
        )
        self.assertFalse(
            participations.filtered(
                lambda p: p.currency_id.compare_amounts(
                    p.amount_invoiced,
                    p.amount_booth
                    + p.amount_sponsorship
                    + p.amount_service
                    + p.amount_advertising,
                )
            ),
            "invoiced amounts are the sum of the amounts by kind",
        )
