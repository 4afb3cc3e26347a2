# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.expo_crm.tools import only_changed_values, write_computed_values

from ..rules import (
    churn,
    loyalty,
    profit_loyalty,
    ranking,
    satisfaction,
    value_tier,
)
from .res_partner import SEGMENT_FIELDS

RELATIONSHIP_SEGMENT_FIELDS = (
    "rfm_recency",
    "rfm_frequency",
    "rfm_monetary",
    "rfm_recency_score",
    "rfm_frequency_score",
    "rfm_monetary_score",
    "rfm_cell",
    "pareto_class",
    "value_tier",
)
# what the segments of one customer read of it, as its rules declare
PARTNER_FIELDS = tuple(
    {
        fname: None
        for module in (value_tier, profit_loyalty, churn)
        for fname in module.PARTNER_FIELDS
    }
)


class ExpoSegmentEngine(models.AbstractModel):
    """Computes the segments of a company's customers from their participation
    history: population-wide rankings (RFM quintiles, Pareto classes) come from
    grouped queries over all participations (``expo.segment.reader``), then only
    the requested partners are written, the rules (``expo_crm_segmentation.rules``)
    applied on plain values. A batch of the scheduled run and a single-partner
    recompute therefore give the same result."""

    _name = "expo.segment.engine"
    _description = "Exhibition Segmentation Engine"

    # ------------------------------------------------------------------
    # scheduled runs
    # ------------------------------------------------------------------
    @api.model
    def _cron_recompute(self):
        """One batch per company and call; the cron runner calls again (and
        commits in between) while progress reports remaining partners."""
        done = remaining = 0
        for company in self.env["res.company"].search([]):
            company_done, company_remaining = self._run_batch(company)
            done += company_done
            remaining += company_remaining
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    @api.model
    def _schedule_run(self, company, full=False):
        """Ask for a run (full or incremental) and wake the scheduled job up."""
        self.env["expo.batch.run"].sudo()._request("segmentation", company, full=full)
        self.env.ref("expo_crm_segmentation.ir_cron_expo_segment_recompute")._trigger()

    @api.model
    def _run_batch(self, company):
        """Recompute the next batch of the company's current run (starting one
        when none is under way). Return (partners done, partners remaining)."""
        company = company.sudo()
        return (
            self.env["expo.batch.run"]
            .sudo()
            ._run_next_batch(
                "segmentation",
                company,
                company.expo_seg_batch_size,
                prepare=lambda run: self._prepare_run(company, run),
                recompute=lambda run, partners: self._recompute_partners(
                    company, partners, run.thresholds
                ),
            )
        )

    @api.model
    def _prepare_run(self, company, run):
        """What a starting run of ``company`` recomputes: the whole population
        against boundaries drawn now (full), or the partners whose data changed
        since the last run against the boundaries of the last full run."""
        Run = self.env["expo.batch.run"].sudo()
        full = run.full or self._next_run_is_full(company)
        since = Run._last_done("segmentation", company).date_start
        return {
            "full": full,
            "target_ids": self._target_partner_ids(company, full, since),
            "thresholds": self._thresholds(company)
            if full
            else self._last_thresholds(company),
        }

    @api.model
    def _last_thresholds(self, company):
        """Boundaries of the company's last completed full run (False when it
        has none)."""
        last_full = (
            self.env["expo.batch.run"]
            .sudo()
            ._last_done("segmentation", company, full=True)
        )
        return last_full.thresholds or False

    @api.model
    def _next_run_is_full(self, company):
        """Whether the run starting now recomputes the whole population and draws
        new boundaries: for the first run of each day, since time alone moves
        recency, booking deadlines and overdue invoices (and when a full run is
        asked for). The runs in between recompute the partners whose data
        changed, against the boundaries of the last full run, so that equal
        figures score alike whenever they were recomputed."""
        last_full = (
            self.env["expo.batch.run"]
            .sudo()
            ._last_done("segmentation", company, full=True)
        )
        return bool(
            not last_full
            or not last_full.thresholds
            or last_full.date_start.date() < fields.Datetime.now().date()
        )

    @api.model
    def _target_partner_ids(self, company, full, since):
        """Sorted ids of the partners a run recomputes: the whole population
        (and the partners segmented before) on a full run; otherwise those whose
        participations or customer invoices changed since the last run."""
        segmented = set(
            self.env["res.partner"]
            .with_company(company)
            .with_context(active_test=False)
            .search([("expo_seg_date", "!=", False)])
            .ids
        )
        if full or not since:
            population = {
                partner.id
                for [partner] in self.env["expo.participation"]._read_group(
                    self.env["expo.segment.reader"]._participation_domain(company),
                    ["partner_id"],
                )
            }
            return sorted(population | segmented)
        changed = {
            partner.id
            for [partner] in self.env["expo.participation"]._read_group(
                [("company_id", "=", company.id), ("write_date", ">", since)],
                ["partner_id"],
            )
        }
        invoiced = {
            partner.id
            for [partner] in self.env["account.move"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("write_date", ">", since),
                ],
                ["commercial_partner_id"],
            )
        }
        customers = {
            partner.id
            for [partner] in self.env["expo.participation"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("partner_id", "in", list(invoiced)),
                ],
                ["partner_id"],
            )
        }
        return sorted(changed | (invoiced & (customers | segmented)))

    # ------------------------------------------------------------------
    # recompute
    # ------------------------------------------------------------------
    @api.model
    def _recompute_partners(self, company, partners, thresholds=None):
        """Recompute and write the segments of ``partners`` in ``company``,
        ranked against the company's whole population through ``thresholds``
        (see ``_thresholds``): by default the boundaries of the last full run,
        drawn now when there are none. The segments are the company's own
        (company-dependent), read and written in its environment."""
        self = self.with_company(company)
        # only this column: reading the field would fetch every partner column
        partners = partners.with_env(self.env)
        partners.fetch(["commercial_partner_id"])
        partners = partners.commercial_partner_id
        if thresholds is None:
            thresholds = self._last_thresholds(company) or self._thresholds(company)
        rules = company._expo_segmentation_rules()
        population = self._population(company, rules, partners, thresholds)
        in_population = partners.filtered(lambda p: p.id in population["partners"])
        in_population.fetch(PARTNER_FIELDS)
        details = self._partner_details(company, rules, in_population, population)
        now = fields.Datetime.now()
        values_by_id = {
            partner.id: dict(
                self._partner_values(rules, partner, population, details),
                expo_seg_date=now,
            )
            for partner in in_population
        }
        Partner = self.env["res.partner"]
        changed = only_changed_values(Partner, values_by_id, keep=["expo_seg_date"])
        # outside the population: no segments, not segmented
        empty = dict(dict.fromkeys(SEGMENT_FIELDS, False), expo_seg_date=False)
        changed.update(
            only_changed_values(
                Partner,
                {partner.id: empty for partner in partners - in_population},
            )
        )
        write_computed_values(Partner, changed)
        self._write_series_segments(company, rules, partners, population)

    @api.model
    def _thresholds(self, company):
        """Quintile boundaries and Pareto cut-offs of the company's whole
        population, for the partners and for each series: all a batch needs to
        score its partners as if ranked among everyone.

        Returns {"partners": bounds, "series": {series id (str): bounds}}, bounds
        as ``rules.ranking.bounds`` draws them."""
        rules = company._expo_segmentation_rules()
        per_series, per_partner = (
            self.env["expo.segment.reader"]
            .with_company(company)
            ._figures(company, rules)
        )
        by_series = defaultdict(dict)
        for (partner_id, series_id), figures in per_series.items():
            by_series[series_id][partner_id] = figures
        return {
            "partners": ranking.bounds(rules, per_partner),
            "series": {
                str(series_id): ranking.bounds(rules, series_figures)
                for series_id, series_figures in by_series.items()
            },
        }

    @api.model
    def _population(self, company, rules, partners, thresholds):
        """``Ranking`` of ``partners``, scored with the population's
        ``thresholds``: a dict with ``series`` {(partner id, series id): Ranking}
        and ``partners`` {partner id: Ranking}."""
        per_series, per_partner = self.env["expo.segment.reader"]._figures(
            company, rules, partners
        )
        return {
            "series": {
                key: ranking.rank(figures, thresholds["series"].get(str(key[1])))
                for key, figures in per_series.items()
            },
            "partners": {
                partner_id: ranking.rank(figures, thresholds["partners"])
                for partner_id, figures in per_partner.items()
            },
        }

    @api.model
    def _partner_details(self, company, rules, partners, population):
        """What the segments of ``partners`` read besides their rankings: latest
        feedback, drops, upcoming editions booked or not, overdue amounts."""
        reader = self.env["expo.segment.reader"]
        limit = churn.rebook_limit(rules, fields.Datetime.now())
        upcoming = reader._upcoming_editions(company)
        booked = reader._booked_next(company, partners)
        recency = defaultdict(dict)
        for (partner_id, series_id), rank in population["series"].items():
            recency[partner_id][series_id] = rank.figures.recency
        return {
            "feedback": reader._latest_feedback(company, partners),
            "drops": reader._drops(company, partners),
            "booked": booked,
            "not_rebooked": {
                partner_id: churn.not_rebooked(
                    upcoming, limit, recency[partner_id], booked[partner_id]
                )
                for partner_id in partners.ids
            },
            "overdue": reader._overdue(company, rules, partners),
        }

    @api.model
    def _partner_values(self, rules, partner, population, details):
        """The segments of one customer, as partner field values."""
        rank = population["partners"][partner.id]
        feedback = details["feedback"].get(partner.id)
        frequency = rank.figures.frequency
        repeat = loyalty.repeat_patronage(
            rules, frequency, bool(details["booked"].get(partner.id))
        )
        profit = partner.expo_relationship_profit
        stage = partner.expo_lifecycle_stage
        reasons = churn.churn_reasons(
            rules,
            churn.ChurnFacts(
                lifecycle_stage=stage,
                feedback=feedback,
                drops=tuple(details["drops"].get(partner.id, ())),
                not_rebooked=tuple(details["not_rebooked"].get(partner.id, ())),
                overdue=details["overdue"].get(partner.id),
            ),
        )
        return {
            **self._rfm_pareto_values(rules, rank, prefix="expo_"),
            "expo_value_tier": value_tier.value_tier(
                rules, rank.pareto, frequency, stage, profit
            ),
            "expo_loyalty_segment": loyalty.loyalty_segment(rules, feedback, repeat),
            "expo_profit_loyalty_segment": profit_loyalty.profit_loyalty_segment(
                rules, repeat, profit
            ),
            "expo_satisfaction_segment": satisfaction.satisfaction_segment(
                rules, feedback
            ),
            "expo_churn_risk": bool(reasons),
            "expo_churn_reason_data": json.dumps(reasons) if reasons else False,
        }

    @api.model
    def _rfm_pareto_values(self, rules, rank, prefix=""):
        """RFM figures, scores and cell and the Pareto class of a ``Ranking`` as
        field values; partner fields carry the ``expo_`` prefix, relationship
        fields none."""
        figures = rank.figures
        values = {
            "rfm_recency": figures.recency,
            "rfm_frequency": figures.frequency,
            "rfm_monetary": rules.currency.round(figures.monetary),
            "rfm_recency_score": str(rank.recency_score),
            "rfm_frequency_score": str(rank.frequency_score),
            "rfm_monetary_score": str(rank.monetary_score),
            "rfm_cell": rank.cell,
            "pareto_class": rank.pareto,
        }
        return {prefix + fname: value for fname, value in values.items()}

    @api.model
    def _write_series_segments(self, company, rules, partners, population):
        """Write the per-series segments on the partners' relationships; a
        relationship outside the population (no past participation) is emptied."""
        Relationship = self.env["expo.relationship"]
        if not partners:
            return
        fnames = ["partner_id", "series_id", *value_tier.RELATIONSHIP_FIELDS]
        Relationship.flush_model(["company_id", *fnames])
        # plain rows: records would cost more than the segments themselves
        rows = self.env.execute_query(
            SQL(
                "SELECT id, %s FROM expo_relationship"
                " WHERE company_id = %s AND partner_id IN %s",
                SQL(", ").join(map(SQL.identifier, fnames)),
                company.id,
                tuple(partners.ids),
            )
        )
        empty = dict.fromkeys(RELATIONSHIP_SEGMENT_FIELDS, False)
        values_by_id = {}
        for relationship_id, partner_id, series_id, stage, profit in rows:
            rank = population["series"].get((partner_id, series_id))
            if not rank:
                values_by_id[relationship_id] = empty
                continue
            values_by_id[relationship_id] = {
                **self._rfm_pareto_values(rules, rank),
                "value_tier": value_tier.value_tier(
                    rules, rank.pareto, rank.figures.frequency, stage, profit or 0.0
                ),
            }
        write_computed_values(
            Relationship, only_changed_values(Relationship, values_by_id)
        )
