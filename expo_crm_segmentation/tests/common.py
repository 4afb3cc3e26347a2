# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import TransactionCase


class SegmentationCommon(TransactionCase):
    """A company of its own (so that no other data enters its population), a
    series with editions 2023, 2024 and 2025, and helpers to build customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Segmentation Test Fair"})
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                allowed_company_ids=[cls.company.id],
            )
        )
        cls.company = cls.company.with_env(cls.env)
        cls.engine = cls.env["expo.segment.engine"]
        cls.role_exhibitor = cls.env.ref("expo_crm.role_exhibitor")
        cls.role_visitor = cls.env.ref("expo_crm.role_visitor")
        cls.role_builder = cls.env.ref("expo_crm.role_booth_builder")
        cls.series = cls._create_series("Segmentation Art Fair", "SAF")
        cls.editions = cls._create_editions(cls.series, (2023, 2024, 2025))
        cls.edition_2023, cls.edition_2024, cls.edition_2025 = cls.editions

    @classmethod
    def _create_series(cls, name, code):
        return cls.env["expo.series"].create(
            {"name": name, "code": code, "company_id": cls.company.id}
        )

    @classmethod
    def _create_editions(cls, series, years):
        return cls.env["event.event"].create(
            [
                {
                    "name": f"{series.name} {year}",
                    "expo_series_id": series.id,
                    "company_id": cls.company.id,
                    "date_begin": datetime(year, 5, 10, 9, 0),
                    "date_end": datetime(year, 5, 13, 18, 0),
                }
                for year in years
            ]
        )

    @classmethod
    def _create_upcoming_edition(cls, series, days):
        start = datetime.now().replace(microsecond=0) + timedelta(days=days)
        return cls.env["event.event"].create(
            {
                "name": f"{series.name} Next",
                "expo_series_id": series.id,
                "company_id": cls.company.id,
                "date_begin": start,
                "date_end": start + timedelta(days=3),
            }
        )

    @classmethod
    def _customer(cls, name):
        return cls.env["res.partner"].create({"name": name, "is_company": True})

    @classmethod
    def _set_summaries(cls, values):
        """Write the values and stages the segmentation rules read, as expo_crm
        would compute them: {partner: (economic value, profit, lifecycle stage)}."""
        for partner, (value, profit, stage) in values.items():
            partner.write(
                {
                    "expo_economic_value": value,
                    "expo_relationship_profit": profit,
                    "expo_lifecycle_stage": stage,
                }
            )

    @classmethod
    def _take_part(cls, partner, event, role=None, state="attended", **values):
        return cls.env["expo.participation"].create(
            {
                "partner_id": partner.id,
                "event_id": event.id,
                "role_id": (role or cls.role_exhibitor).id,
                "company_id": cls.company.id,
                "state": state,
                **values,
            }
        )

    @classmethod
    def _load_chart(cls):
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company, install_demo=False
        )

    @classmethod
    def _invoice(cls, partner, amount, due_days_ago):
        """A posted customer invoice due ``due_days_ago`` days ago."""
        due = datetime.now().date() - timedelta(days=due_days_ago)
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "company_id": cls.company.id,
                "partner_id": partner.id,
                "invoice_date": due - timedelta(days=30),
                "invoice_date_due": due,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Booth", "quantity": 1, "price_unit": amount}
                    )
                ],
            }
        )
        invoice.invoice_line_ids.tax_ids = False
        invoice.action_post()
        return invoice

    def _last_run(self, full=None):
        """The company's last completed segmentation run."""
        return self.env["expo.batch.run"]._last_done(
            "segmentation", self.company, full=full
        )

    def _recompute(self, partners):
        self.engine._recompute_partners(self.company, partners)

    def _run_to_end(self, full=False):
        """Run the scheduled job's batches until none remains; return the
        (done, remaining) of each batch."""
        if full:
            self.engine._schedule_run(self.company, full=True)
        batches = []
        while True:
            batches.append(self.engine._run_batch(self.company))
            if not batches[-1][1]:
                return batches
