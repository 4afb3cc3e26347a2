# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import bisect
import json
from collections import defaultdict
from datetime import timedelta
from itertools import groupby
from types import SimpleNamespace

from odoo import api, fields, models
from odoo.tools import SQL, float_compare, float_is_zero

from odoo.addons.expo_crm.rules import nps as nps_rules
from odoo.addons.expo_crm.rules.history import TAKEN_PART_STATES
from odoo.addons.expo_crm.tools import (
    only_changed_values,
    plain_currency,
    write_computed_values,
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
# company settings the segments of one customer read
CUSTOMER_RULE_FIELDS = (
    "expo_seg_risk_profit_limit",
    "expo_seg_strategic_min_editions",
    "expo_seg_repeat_min_editions",
    "expo_seg_profitable_min",
    "expo_seg_attitude_min_satisfaction",
    "expo_seg_attitude_min_nps",
    "expo_seg_secure_min_satisfaction",
    "expo_seg_satisfied_min_satisfaction",
    "expo_seg_dissatisfied_max_satisfaction",
    "expo_seg_churn_drop_pct",
)
FEEDBACK_FIELDS = [
    "partner_id",
    "feedback_date",
    "satisfaction_index",
    "nps_score",
    "nps_category",
    "intent_rebook",
    "intent_recommend",
]


def _compare(value1, value2, rounding):
    """``float_compare`` at ``rounding``, without rounding values further apart
    than rounding could bring together (rounding moves each by half of it)."""
    delta = value1 - value2
    if abs(delta) > 2 * rounding:
        return 1 if delta > 0 else -1
    return float_compare(value1, value2, precision_rounding=rounding)


class ExpoSegmentEngine(models.AbstractModel):
    """Computes the segments of a company's customers from their participation
    history: population-wide rankings (RFM quintiles, Pareto classes) come from
    grouped queries over all participations, then only the requested partners are
    written. A batch of the scheduled run and a single-partner recompute therefore
    give the same result."""

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
                    self._participation_domain(company), ["partner_id"]
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
        partners = partners.with_env(self.env).commercial_partner_id
        if thresholds is None:
            thresholds = self._last_thresholds(company) or self._thresholds(company)
        population = self._population(company, partners, thresholds)
        in_population = partners.filtered(lambda p: p.id in population["partners"])
        details = self._partner_details(company, in_population, population)
        now = fields.Datetime.now()
        rules = self._customer_rules(company)
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
        self._write_series_segments(rules, partners, population)

    @api.model
    def _customer_rules(self, company):
        """The company's settings the segments of one customer read, as plain
        attributes of the same names: read once per batch rather than for each
        customer and relationship."""
        return SimpleNamespace(
            id=company.id,
            currency_id=plain_currency(company.currency_id),
            **{fname: company[fname] for fname in CUSTOMER_RULE_FIELDS},
        )

    @api.model
    def _segmented_roles(self, company):
        """Roles of the population: the configured ones, or all downstream roles."""
        return company.expo_seg_role_ids or self.env["expo.role"].with_context(
            active_test=False
        ).search([("side", "=", "downstream")])

    @api.model
    def _participation_domain(self, company):
        """Participations of the population: taken part, in a past edition of a
        series, in a segmented role."""
        roles = self._segmented_roles(company)
        return [
            ("company_id", "=", company.id),
            ("state", "in", TAKEN_PART_STATES),
            ("series_id", "!=", False),
            ("event_date_begin", "<=", fields.Datetime.now()),
            ("role_id", "in", roles.ids),
        ]

    @api.model
    def _past_editions(self, company):
        """Past editions of the company's series: {series id: [editions]} oldest
        first."""
        editions = self.env["event.event"].search_fetch(
            [
                ("expo_series_id.company_id", "=", company.id),
                ("date_begin", "<=", fields.Datetime.now()),
            ],
            ["expo_series_id", "date_begin"],
            order="date_begin, id",
        )
        by_series = defaultdict(list)
        for edition in editions:
            by_series[edition.expo_series_id.id].append(edition)
        return by_series

    @api.model
    def _figures(self, company, partners=None):
        """RFM figures of the population, or of ``partners`` only, and the
        economic values Pareto classes are drawn from, with grouped queries.

        Returns ``(per_series, per_partner)``: {(partner id, series id): figures}
        and {partner id: figures}, figures being recency, frequency, monetary
        and value."""
        editions = self._past_editions(company)
        window_ids = [
            edition.id
            for series in editions.values()
            for edition in series[-company.expo_seg_rfm_window :]
        ]
        dates = {
            series_id: [edition.date_begin for edition in series]
            for series_id, series in editions.items()
        }
        domain = self._participation_domain(company)
        relationship_domain = [("company_id", "=", company.id)]
        if partners is not None:
            domain += [("partner_id", "in", partners.ids)]
            relationship_domain += [("partner_id", "in", partners.ids)]
        Participation = self.env["expo.participation"]
        per_series = {}
        for partner_id, series_id, last_date in self._partner_series_rows(
            Participation, domain, ("MAX(%s)", "event_date_begin")
        ):
            series_dates = dates.get(series_id, [])
            per_series[partner_id, series_id] = {
                "recency": len(series_dates)
                - bisect.bisect_right(series_dates, last_date),
                "frequency": 0,
                "monetary": 0.0,
                "value": 0.0,
            }
        for partner_id, series_id, count, amount in self._partner_series_rows(
            Participation,
            domain + [("event_id", "in", window_ids)],
            ("COUNT(DISTINCT %s)", "event_id"),
            ("COALESCE(SUM(%s), 0)", "amount_invoiced"),
        ):
            per_series[partner_id, series_id].update(frequency=count, monetary=amount)
        for partner_id, series_id, value in self._partner_series_rows(
            self.env["expo.relationship"],
            relationship_domain,
            ("COALESCE(SUM(%s), 0)", "economic_value"),
        ):
            if (partner_id, series_id) in per_series:
                per_series[partner_id, series_id]["value"] = value
        per_partner = {}
        for (partner_id, _series_id), figures in per_series.items():
            total = per_partner.setdefault(
                partner_id,
                {"recency": figures["recency"], "frequency": 0, "monetary": 0.0},
            )
            total["recency"] = min(total["recency"], figures["recency"])
            total["frequency"] += figures["frequency"]
            total["monetary"] += figures["monetary"]
        for partner in (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search_fetch([("id", "in", list(per_partner))], ["expo_economic_value"])
        ):
            per_partner[partner.id]["value"] = partner.expo_economic_value
        return per_series, per_partner

    @api.model
    def _partner_series_rows(self, model, domain, *aggregates):
        """Rows (partner id, series id, *aggregates) of ``model`` records matching
        ``domain``, grouped by partner and series: ``_read_group`` without
        building records for the group keys, which counts at a whole population.

        :param aggregates: (SQL template with one ``%s``, field name) pairs
        """
        query = model._search(domain)
        keys = [
            model._field_to_sql(query.table, fname, query)
            for fname in ("partner_id", "series_id")
        ]
        query.groupby = SQL(", ").join(keys)
        return self.env.execute_query(
            query.select(
                *keys,
                *(
                    SQL(template, model._field_to_sql(query.table, fname, query))
                    for template, fname in aggregates
                ),
            )
        )

    @api.model
    def _thresholds(self, company):
        """Quintile boundaries and Pareto cut-offs of the company's whole
        population, for the partners and for each series: all a batch needs to
        score its partners as if ranked among everyone.

        Returns {"partners": bounds, "series": {series id (str): bounds}}, bounds
        being {figure name: [lowest value scoring 2..5 (highest for recency)],
        "pareto": [lowest value of class A, of class B] or False}."""
        per_series, per_partner = self.with_company(company)._figures(company)
        by_series = defaultdict(dict)
        for (partner_id, series_id), figures in per_series.items():
            by_series[series_id][partner_id] = figures
        return {
            "partners": self._bounds(company, per_partner),
            "series": {
                str(series_id): self._bounds(company, series_figures)
                for series_id, series_figures in by_series.items()
            },
        }

    @api.model
    def _bounds(self, company, figures_by_key):
        bounds = {}
        for name in ("recency", "frequency", "monetary"):
            bounds[name] = self._quintile_bounds(
                [figures[name] for figures in figures_by_key.values()],
                higher_is_better=name != "recency",
            )
        values = {key: figures["value"] for key, figures in figures_by_key.items()}
        classes = self._pareto_classes(
            values, company.expo_seg_pareto_a_pct, company.expo_seg_pareto_b_pct
        )
        lowest = {}
        for key, pareto in classes.items():
            lowest[pareto] = min(values[key], lowest.get(pareto, values[key]))
        bounds["pareto"] = classes and [
            min(
                (value for pareto, value in lowest.items() if pareto <= level),
                default=None,
            )
            for level in ("a", "b")
        ]
        return bounds

    @api.model
    def _quintile_bounds(self, values, higher_is_better=True):
        """[lowest value scoring 2, 3, 4, 5] by ``_quintile_scores`` (the highest
        when lower is better; None for a score no value reaches), from the
        distinct values in order rather than a score per customer."""
        ordered = sorted(values)
        count = len(ordered)
        bounds = [None] * 4
        start = 0
        while start < count:
            value = ordered[start]
            end = bisect.bisect_right(ordered, value, start)
            below, equal = start, end - start
            if not higher_is_better:
                below = count - below - equal
            score = min(5, (2 * below + equal) * 5 // (2 * count) + 1)
            for level in range(2, score + 1):
                bound = bounds[level - 2]
                if (
                    bound is None
                    or (higher_is_better and value < bound)
                    or (not higher_is_better and value > bound)
                ):
                    bounds[level - 2] = value
            start = end
        return bounds

    @api.model
    def _population(self, company, partners, thresholds):
        """Figures, RFM scores and Pareto classes of ``partners``, scored with
        the population's ``thresholds``.

        Returns a dict with ``series`` {(partner id, series id): figures} and
        ``partners`` {partner id: figures} (figures: recency, frequency,
        monetary, scores, cell, pareto)."""
        per_series, per_partner = self._figures(company, partners)
        for figures in per_partner.values():
            self._score(figures, thresholds["partners"])
        for (_partner_id, series_id), figures in per_series.items():
            self._score(figures, thresholds["series"].get(str(series_id)))
        return {"series": per_series, "partners": per_partner}

    @api.model
    def _score(self, figures, bounds):
        """Add the RFM scores, cell and Pareto class of ``figures`` from the
        population's ``bounds`` (a figure unknown to them scores 3, like a
        population of one)."""
        scores = {}
        for name in ("recency", "frequency", "monetary"):
            limits = bounds[name] if bounds else [None] * 4
            if name == "recency":
                passed = [
                    limit is not None and figures[name] <= limit for limit in limits
                ]
            else:
                passed = [
                    limit is not None and figures[name] >= limit for limit in limits
                ]
            scores[name] = 1 + sum(passed) if bounds else 3
        figures.update(
            recency_score=scores["recency"],
            frequency_score=scores["frequency"],
            monetary_score=scores["monetary"],
            cell=f"{scores['recency']}{scores['frequency']}{scores['monetary']}",
            pareto=self._pareto_of(figures["value"], bounds and bounds["pareto"]),
        )

    @api.model
    def _pareto_of(self, value, cutoffs):
        if not cutoffs:
            return False
        a_min, b_min = cutoffs
        if value > 0 and a_min is not None and value >= a_min:
            return "a"
        if value > 0 and b_min is not None and value >= b_min:
            return "b"
        return "c"

    @api.model
    def _quintile_scores(self, values, higher_is_better=True):
        """Score each key 1-5 by the mid-rank percentile of its value among all
        values: equal values share a score, and a single customer or a population
        of equal values scores 3, the middle."""
        ordered = sorted(values.values())
        count = len(ordered)
        scores = {}
        for key, value in values.items():
            below = bisect.bisect_left(ordered, value)
            equal = bisect.bisect_right(ordered, value) - below
            if not higher_is_better:
                below = count - below - equal
            scores[key] = min(5, (2 * below + equal) * 5 // (2 * count) + 1)
        return scores

    @api.model
    def _pareto_classes(self, values, a_pct, b_pct):
        """Pareto class of each key: walking customers from the most valuable
        down, a customer is A while the value before it is below ``a_pct`` % of
        the total (so A is the smallest set reaching ``a_pct`` %), B while below
        ``b_pct`` %, C after. Equal values share the class of the first of them;
        customers without positive value are C. Empty when there is no value."""
        positive = sorted(
            ((value, key) for key, value in values.items() if value > 0),
            key=lambda item: -item[0],
        )
        total = sum(value for value, _key in positive)
        if float_is_zero(total, precision_digits=2):
            return {}
        classes = dict.fromkeys(values, "c")
        cumulative = 0.0
        for value, group in groupby(positive, key=lambda item: item[0]):
            keys = [key for _value, key in group]
            before = cumulative * 100
            if _compare(before, a_pct * total, 0.01) < 0:
                pareto = "a"
            elif _compare(before, b_pct * total, 0.01) < 0:
                pareto = "b"
            else:
                pareto = "c"
            classes.update(dict.fromkeys(keys, pareto))
            cumulative += value * len(keys)
        return classes

    # ------------------------------------------------------------------
    # per-partner details (only for the partners being written)
    # ------------------------------------------------------------------
    @api.model
    def _partner_details(self, company, partners, population):
        return {
            "feedback": self._latest_feedback(company, partners),
            "drops": self._drops(company, partners),
            "booked": self._booked_next(company, partners),
            "not_rebooked": self._not_rebooked(company, partners, population),
            "overdue": self._overdue(company, partners),
        }

    @api.model
    def _latest_feedback(self, company, partners):
        """{partner id: feedback dict} of each partner's latest participation
        with any feedback (satisfaction, NPS or intents), in one query."""
        Participation = self.env["expo.participation"]
        Participation.flush_model(
            [*FEEDBACK_FIELDS, "company_id", "role_id", "event_date_begin"]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (partner_id)
                       partner_id, feedback_date, satisfaction_index, nps_score,
                       nps_category, intent_rebook, intent_recommend
                  FROM expo_participation
                 WHERE company_id = %(company)s
                   AND partner_id IN %(partners)s
                   AND role_id IN %(roles)s
                   AND (feedback_date IS NOT NULL OR nps_score IS NOT NULL
                        OR intent_rebook IS NOT NULL OR intent_recommend IS NOT NULL)
                 ORDER BY partner_id, event_date_begin DESC, id DESC
                """,
                company=company.id,
                partners=tuple(partners.ids) or (None,),
                roles=tuple(self._segmented_roles(company).ids) or (None,),
            )
        )
        return {
            partner_id: {
                "satisfaction": (satisfaction or 0.0) if feedback_date else None,
                "nps": int(nps_score) if nps_score else None,
                "nps_category": nps_category or False,
                "intent_rebook": intent_rebook or False,
                "intent_recommend": intent_recommend or False,
            }
            for (
                partner_id,
                feedback_date,
                satisfaction,
                nps_score,
                nps_category,
                intent_rebook,
                intent_recommend,
            ) in rows
        }

    @api.model
    def _drops(self, company, partners):
        """{partner id: [(series id, space drop %, spend drop %)]} between the
        last two editions each partner took part in, per series."""
        self.env["expo.participation"].flush_model(
            [
                "company_id",
                "partner_id",
                "series_id",
                "event_id",
                "event_date_begin",
                "state",
                "role_id",
                "space_sqm",
                "amount_invoiced",
            ]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner_id, series_id, event_id, MAX(event_date_begin),
                       COALESCE(SUM(space_sqm), 0), COALESCE(SUM(amount_invoiced), 0)
                  FROM expo_participation
                 WHERE company_id = %(company)s
                   AND partner_id IN %(partners)s
                   AND state IN %(states)s
                   AND series_id IS NOT NULL
                   AND event_date_begin <= %(now)s
                   AND role_id IN %(roles)s
                 GROUP BY partner_id, series_id, event_id
                """,
                company=company.id,
                partners=tuple(partners.ids) or (None,),
                states=TAKEN_PART_STATES,
                now=fields.Datetime.now(),
                roles=tuple(self._segmented_roles(company).ids) or (None,),
            )
        )
        history = defaultdict(list)
        for partner_id, series_id, event_id, date_begin, space, amount in rows:
            history[partner_id, series_id].append((date_begin, event_id, space, amount))
        drops = defaultdict(list)
        for (partner_id, series_id), editions in history.items():
            if len(editions) < 2:
                continue
            editions.sort()
            (*_before, previous, last) = editions
            drops[partner_id].append(
                (
                    series_id,
                    self._drop_pct(previous[2], last[2]),
                    self._drop_pct(previous[3], last[3]),
                )
            )
        return drops

    @api.model
    def _drop_pct(self, previous, last):
        if previous <= 0:
            return 0.0
        return max(0.0, (previous - last) * 100.0 / previous)

    @api.model
    def _upcoming_editions(self, company):
        """Next edition of each of the company's series: {series id: edition}."""
        editions = self.env["event.event"].search_fetch(
            [
                ("expo_series_id.company_id", "=", company.id),
                ("date_begin", ">", fields.Datetime.now()),
            ],
            ["expo_series_id", "date_begin"],
            order="date_begin desc, id desc",
        )
        return {edition.expo_series_id.id: edition for edition in editions}

    @api.model
    def _booked_next(self, company, partners):
        """{partner id: set of upcoming edition ids it has booked}."""
        booked = defaultdict(set)
        for partner, event in self.env["expo.participation"]._read_group(
            [
                ("company_id", "=", company.id),
                ("partner_id", "in", partners.ids),
                ("state", "in", TAKEN_PART_STATES),
                ("event_date_begin", ">", fields.Datetime.now()),
            ],
            ["partner_id", "event_id"],
        ):
            booked[partner.id].add(event.id)
        return booked

    @api.model
    def _not_rebooked(self, company, partners, population):
        """{partner id: [next editions]} starting within the configured days that
        a customer of the latest past edition has not booked (an opportunity won
        confirms the participation, which books it)."""
        limit = fields.Datetime.now() + timedelta(
            days=company.expo_seg_churn_rebook_days
        )
        upcoming = {
            series_id: edition
            for series_id, edition in self._upcoming_editions(company).items()
            if edition.date_begin <= limit
        }
        booked = self._booked_next(company, partners)
        partner_ids = set(partners.ids)
        missing = defaultdict(list)
        for (partner_id, series_id), figures in population["series"].items():
            edition = upcoming.get(series_id)
            if (
                edition
                and partner_id in partner_ids
                and figures["recency"] == 0
                and edition.id not in booked[partner_id]
            ):
                missing[partner_id].append(edition)
        return missing

    @api.model
    def _overdue(self, company, partners):
        """{partner id: amount due} of customer invoices overdue by more than the
        configured days."""
        limit = fields.Date.context_today(self) - timedelta(
            days=company.expo_seg_churn_overdue_days
        )
        return {
            partner.id: amount
            for partner, amount in self.env["account.move"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("commercial_partner_id", "in", partners.ids),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", limit),
                ],
                ["commercial_partner_id"],
                ["amount_residual_signed:sum"],
            )
        }

    # ------------------------------------------------------------------
    # rules
    # ------------------------------------------------------------------
    @api.model
    def _partner_values(self, company, partner, population, details):
        figures = population["partners"][partner.id]
        feedback = details["feedback"].get(partner.id)
        repeat = self._repeat_patronage(
            company, figures["frequency"], bool(details["booked"].get(partner.id))
        )
        profit = partner.expo_relationship_profit
        reasons = self._churn_reasons(company, partner, feedback, details)
        return {
            **self._rfm_pareto_values(company, figures, prefix="expo_"),
            "expo_value_tier": self._value_tier(
                company,
                figures["pareto"],
                figures["frequency"],
                partner.expo_lifecycle_stage,
                profit,
            ),
            "expo_loyalty_segment": self._loyalty_segment(company, feedback, repeat),
            "expo_profit_loyalty_segment": self._profit_loyalty_segment(
                company, repeat, profit
            ),
            "expo_satisfaction_segment": self._satisfaction_segment(company, feedback),
            "expo_churn_risk": bool(reasons),
            "expo_churn_reason_data": json.dumps(reasons) if reasons else False,
        }

    @api.model
    def _rfm_pareto_values(self, company, figures, prefix=""):
        """RFM figures, scores and cell and the Pareto class as field values; partner
        fields carry the ``expo_`` prefix, relationship fields none."""
        values = {
            "rfm_recency": figures["recency"],
            "rfm_frequency": figures["frequency"],
            "rfm_monetary": company.currency_id.round(figures["monetary"]),
            "rfm_recency_score": str(figures["recency_score"]),
            "rfm_frequency_score": str(figures["frequency_score"]),
            "rfm_monetary_score": str(figures["monetary_score"]),
            "rfm_cell": figures["cell"],
            "pareto_class": figures["pareto"],
        }
        return {prefix + fname: value for fname, value in values.items()}

    @api.model
    def _value_tier(self, company, pareto, frequency, lifecycle, profit):
        """DOMAIN §8 tiers; unknown without a Pareto class (no economic value)."""
        if not pareto:
            return False
        rounding = company.currency_id.rounding
        if _compare(profit, company.expo_seg_risk_profit_limit, rounding) < 0:
            return "risk"
        if (
            pareto == "a"
            and frequency >= company.expo_seg_strategic_min_editions
            and lifecycle not in ("weakening", "disappearance")
        ):
            return "strategic"
        if pareto in ("a", "b") and lifecycle != "disappearance":
            return "key"
        return "transactional"

    @api.model
    def _repeat_patronage(self, company, frequency, booked_next):
        return frequency >= company.expo_seg_repeat_min_editions or booked_next

    @api.model
    def _attitude(self, company, feedback):
        """True when every known signal of the latest feedback is favourable,
        False when one is not, None when nothing is known."""
        if not feedback:
            return None
        signals = []
        if feedback["satisfaction"] is not None:
            signals.append(
                feedback["satisfaction"] >= company.expo_seg_attitude_min_satisfaction
            )
        if feedback["nps"] is not None:
            signals.append(feedback["nps"] >= company.expo_seg_attitude_min_nps)
        signals.extend(
            feedback[intent] != "no"
            for intent in ("intent_rebook", "intent_recommend")
            if feedback[intent]
        )
        return all(signals) if signals else None

    @api.model
    def _loyalty_segment(self, company, feedback, repeat):
        """Dick & Basu: relative attitude x repeat patronage."""
        attitude = self._attitude(company, feedback)
        if attitude is None:
            return False
        return {
            (True, True): "loyal",
            (True, False): "latent",
            (False, True): "spurious",
            (False, False): "none",
        }[(attitude, repeat)]

    @api.model
    def _profit_loyalty_segment(self, company, repeat, profit):
        """Reinartz & Kumar: loyalty (repeat patronage) x profitability."""
        profitable = (
            _compare(
                profit, company.expo_seg_profitable_min, company.currency_id.rounding
            )
            > 0
        )
        return {
            (True, True): "true_friend",
            (False, True): "butterfly",
            (True, False): "barnacle",
            (False, False): "stranger",
        }[(repeat, profitable)]

    @api.model
    def _satisfaction_segment(self, company, feedback):
        """Brandt: satisfaction, intent to recommend (or NPS) and to rebook; all
        three must be known."""
        if not feedback or feedback["satisfaction"] is None:
            return False
        rebook = feedback["intent_rebook"]
        recommend = feedback["intent_recommend"] or nps_rules.recommend_intent(
            feedback["nps_category"]
        )
        if not rebook or not recommend:
            return False
        satisfaction = feedback["satisfaction"]
        if satisfaction < company.expo_seg_dissatisfied_max_satisfaction or (
            rebook == "no" and recommend != "yes"
        ):
            return "dissatisfied"
        if rebook == "yes":
            if (
                satisfaction >= company.expo_seg_secure_min_satisfaction
                and recommend == "yes"
            ):
                return "secure"
            if (
                satisfaction >= company.expo_seg_satisfied_min_satisfaction
                and recommend != "no"
            ):
                return "satisfied"
        return "vulnerable"

    @api.model
    def _churn_reasons(self, company, partner, feedback, details):
        """The partner's churn reasons as [code, parameters] (CHURN_REASONS)."""
        reasons = []
        if partner.expo_lifecycle_stage == "weakening":
            reasons.append(["weakening", {}])
        if feedback and feedback["nps_category"] == "detractor":
            reasons.append(["detractor", {}])
        threshold = company.expo_seg_churn_drop_pct
        for series_id, space_drop, spend_drop in details["drops"].get(partner.id, []):
            if space_drop >= threshold:
                reasons.append(
                    ["space_cut", {"drop": round(space_drop), "series": series_id}]
                )
            if spend_drop >= threshold:
                reasons.append(
                    ["spend_cut", {"drop": round(spend_drop), "series": series_id}]
                )
        for edition in details["not_rebooked"].get(partner.id, []):
            reasons.append(
                [
                    "not_rebooked",
                    {
                        "edition": edition.id,
                        "date": fields.Date.to_string(edition.date_begin.date()),
                    },
                ]
            )
        if partner.id in details["overdue"]:
            reasons.append(
                [
                    "overdue",
                    {
                        "amount": details["overdue"][partner.id],
                        "currency": company.currency_id.id,
                    },
                ]
            )
        return reasons

    # ------------------------------------------------------------------
    # per series
    # ------------------------------------------------------------------
    @api.model
    def _write_series_segments(self, company, partners, population):
        """Write the per-series segments on the partners' relationships; a
        relationship outside the population (no past participation) is emptied."""
        Relationship = self.env["expo.relationship"]
        if not partners:
            return
        fnames = ["partner_id", "series_id", "lifecycle_stage", "relationship_profit"]
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
            figures = population["series"].get((partner_id, series_id))
            if not figures:
                values_by_id[relationship_id] = empty
                continue
            values_by_id[relationship_id] = {
                **self._rfm_pareto_values(company, figures),
                "value_tier": self._value_tier(
                    company,
                    figures["pareto"],
                    figures["frequency"],
                    stage,
                    profit or 0.0,
                ),
            }
        write_computed_values(
            Relationship, only_changed_values(Relationship, values_by_id)
        )
