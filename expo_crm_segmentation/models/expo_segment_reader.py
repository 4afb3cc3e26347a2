# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import bisect
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.expo_crm.rules.history import TAKEN_PART_STATES

from ..rules import churn, feedback, rfm


class ExpoSegmentReader(models.AbstractModel):
    """Reads what the segmentation rules need of a company's customers, in batches:
    the population's RFM figures and economic values with grouped queries, and for
    the customers being written their latest feedback, drops, bookings and overdue
    invoices, as the facts of ``expo_crm_segmentation.rules``."""

    _name = "expo.segment.reader"
    _description = "Exhibition Segmentation Reader"

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
    def _figures(self, company, rules, partners=None):
        """RFM figures of the population, or of ``partners`` only, and the
        economic values Pareto classes are drawn from, with grouped queries.

        Returns ``(per_series, per_partner)``: {(partner id, series id): Figures}
        and {partner id: Figures}."""
        editions = self._past_editions(company)
        window_ids = [
            edition.id
            for series in editions.values()
            for edition in series[-rules.rfm_window :]
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
            Participation, domain, ("MAX(%s)", rfm.PARTICIPATION_FIELDS["recency"])
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
            domain + [(rfm.PARTICIPATION_FIELDS["frequency"], "in", window_ids)],
            ("COUNT(DISTINCT %s)", rfm.PARTICIPATION_FIELDS["frequency"]),
            ("COALESCE(SUM(%s), 0)", rfm.PARTICIPATION_FIELDS["monetary"]),
        ):
            per_series[partner_id, series_id].update(frequency=count, monetary=amount)
        for partner_id, series_id, value in self._partner_series_rows(
            self.env["expo.relationship"],
            relationship_domain,
            ("COALESCE(SUM(%s), 0)", rfm.RELATIONSHIP_VALUE_FIELD),
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
        # plain rows: records of the whole population would cost more than the
        # figures (the value is the company's own, as reading the field gives it)
        Partner = self.env["res.partner"].with_context(active_test=False)
        Partner.flush_model([rfm.PARTNER_VALUE_FIELD])
        query = Partner._search([("id", "in", list(per_partner))])
        for partner_id, value in self.env.execute_query(
            query.select(
                SQL.identifier(query.table, "id"),
                Partner._field_to_sql(query.table, rfm.PARTNER_VALUE_FIELD, query),
            )
        ):
            per_partner[partner_id]["value"] = value or 0.0
        return (
            {key: _figures(figures) for key, figures in per_series.items()},
            {key: _figures(figures) for key, figures in per_partner.items()},
        )

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
    def _latest_feedback(self, company, partners):
        """{partner id: Feedback} of each partner's latest participation with any
        feedback (satisfaction, NPS or intents), in one query."""
        Participation = self.env["expo.participation"]
        fnames = feedback.PARTICIPATION_FIELDS
        Participation.flush_model(
            [*fnames, "partner_id", "company_id", "role_id", "event_date_begin"]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (partner_id) partner_id, %(columns)s
                  FROM expo_participation
                 WHERE company_id = %(company)s
                   AND partner_id IN %(partners)s
                   AND role_id IN %(roles)s
                   AND (%(any_set)s)
                 ORDER BY partner_id, event_date_begin DESC, id DESC
                """,
                columns=SQL(", ").join(map(SQL.identifier, fnames)),
                any_set=SQL(" OR ").join(
                    SQL("%s IS NOT NULL", SQL.identifier(fname))
                    for fname in feedback.PRESENCE_FIELDS
                ),
                company=company.id,
                partners=tuple(partners.ids) or (None,),
                roles=tuple(self._segmented_roles(company).ids) or (None,),
            )
        )
        result = {}
        for partner_id, *values in rows:
            row = dict(zip(fnames, values, strict=True))
            result[partner_id] = feedback.Feedback(
                satisfaction=(row["satisfaction_index"] or 0.0)
                if row["feedback_date"]
                else None,
                nps=int(row["nps_score"]) if row["nps_score"] else None,
                nps_category=row["nps_category"] or False,
                intent_rebook=row["intent_rebook"] or False,
                intent_recommend=row["intent_recommend"] or False,
            )
        return result

    @api.model
    def _drops(self, company, partners):
        """{partner id: [Drop]}: how much each partner cut its space and spend
        between the last two editions it took part in, per series. PostgreSQL
        keeps only those two editions, of the series a partner took part in at
        least twice: most customers came once, and the rule reads no other."""
        self.env["expo.participation"].flush_model(
            [
                "company_id",
                "partner_id",
                "series_id",
                "event_id",
                "event_date_begin",
                "state",
                "role_id",
                *churn.DROP_FIELDS,
            ]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner_id, series_id, event_id, date_begin, %(totals)s
                  FROM (
                        SELECT partner_id, series_id, event_id,
                               MAX(event_date_begin) AS date_begin, %(sums)s,
                               ROW_NUMBER() OVER (
                                   PARTITION BY partner_id, series_id
                                   ORDER BY MAX(event_date_begin) DESC, event_id DESC
                               ) AS position,
                               COUNT(*) OVER (
                                   PARTITION BY partner_id, series_id
                               ) AS editions
                          FROM expo_participation
                         WHERE company_id = %(company)s
                           AND partner_id IN %(partners)s
                           AND state IN %(states)s
                           AND series_id IS NOT NULL
                           AND event_date_begin <= %(now)s
                           AND role_id IN %(roles)s
                         GROUP BY partner_id, series_id, event_id
                       ) AS per_edition
                 WHERE position <= 2 AND editions >= 2
                """,
                totals=SQL(", ").join(map(SQL.identifier, churn.DROP_FIELDS)),
                sums=SQL(", ").join(
                    SQL("COALESCE(SUM(%s), 0) AS %s", column, column)
                    for column in map(SQL.identifier, churn.DROP_FIELDS)
                ),
                company=company.id,
                partners=tuple(partners.ids) or (None,),
                states=TAKEN_PART_STATES,
                now=fields.Datetime.now(),
                roles=tuple(self._segmented_roles(company).ids) or (None,),
            )
        )
        history = defaultdict(list)
        for partner_id, series_id, event_id, date_begin, *totals in rows:
            # the totals in the order of DROP_FIELDS, which EditionTotals follows
            history[partner_id, series_id].append(
                churn.EditionTotals(date_begin, event_id, *totals)
            )
        drops = defaultdict(list)
        for (partner_id, series_id), editions in history.items():
            drop = churn.series_drop(series_id, editions)
            if drop:
                drops[partner_id].append(drop)
        return drops

    @api.model
    def _upcoming_editions(self, company):
        """Next edition of each of the company's series: {series id:
        UpcomingEdition}."""
        editions = self.env["event.event"].search_fetch(
            [
                ("expo_series_id.company_id", "=", company.id),
                ("date_begin", ">", fields.Datetime.now()),
            ],
            ["expo_series_id", "date_begin"],
            order="date_begin desc, id desc",
        )
        return {
            edition.expo_series_id.id: churn.UpcomingEdition(
                edition.id, edition.expo_series_id.id, edition.date_begin
            )
            for edition in editions
        }

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
    def _overdue(self, company, rules, partners):
        """{partner id: amount due} of customer invoices overdue long enough to
        flag a churn risk (``churn.overdue_limit``)."""
        limit = churn.overdue_limit(rules, fields.Date.context_today(self))
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


def _figures(values):
    """``rfm.Figures`` of a dict of its values, given by position: a run builds
    one per customer and series."""
    return rfm.Figures(
        values["recency"],
        values["frequency"],
        values["monetary"],
        values.get("value", 0.0),
    )
