# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import functools
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, create_index
from odoo.tools.translate import LazyTranslate

from ..tools import (
    check_computed_not_written,
    create_computed_records,
    only_changed_values,
    plain_currency,
    render_reasons,
    write_computed_values,
)
from .expo_participation import TAKEN_PART_STATES
from .res_partner import EXPO_RATING_FIELDS, LIFECYCLE_STAGES

_lt = LazyTranslate(__name__)

# relationship fields written by the refresh (the rest is entered by people)
REFRESHED_FIELDS = (
    "first_event_id",
    "last_event_id",
    "editions_attended",
    "current_streak",
    "lifecycle_stage",
    "stage_reason_data",
    "won_back",
    "priority_ranked",
    "priority_points",
    "economic_value",
)
COST_FIELDS = ("initial_cost", "maintenance_cost", "termination_cost")
# settings the lifecycle rules read
SERIES_RULE_FIELDS = (
    "points_per_edition",
    "points_per_sqm",
    "points_sponsorship_unit",
    "points_per_sponsorship_unit",
    "points_early_signing_days",
    "points_early_signing_bonus",
    "points_expiry_editions",
)
COMPANY_RULE_FIELDS = (
    "expo_trust_min_editions",
    "expo_disappearance_missed_editions",
    "expo_weakening_drop_percent",
    "expo_weakening_on_detractor",
    "expo_value_window_editions",
)


@dataclass(frozen=True, eq=False, slots=True)
class Edition:
    """An edition of a series as the lifecycle rules read it: plain values, one
    instance per edition and refresh, compared by identity."""

    id: int
    name: str
    date_begin: datetime


# Why a customer is at its stage: the refresh stores [code, parameters] pairs and each
# reader sees the sentences in its own language, with the series and editions named in
# that language too.
STAGE_REASONS = {
    "no_participation": _lt("No confirmed participation in %(series)s yet."),
    "absent": _lt("Absent from the last %(count)s editions since %(edition)s."),
    "trust": _lt("Took part in %(count)s editions of %(series)s, the latest included."),
    "confirmation": _lt(
        "Took part in %(count)s edition(s) since %(edition)s; trust takes "
        "%(needed)s, the latest edition included."
    ),
    "won_back": _lt("Won back in %(edition)s after it was lost."),
    "skipped": _lt("Skipped the latest edition, %(edition)s."),
    "space_cut": _lt(
        "Cut its space by %(percent)s %% in %(edition)s compared with %(previous)s."
    ),
    "spend_cut": _lt(
        "Cut its spend by %(percent)s %% in %(edition)s compared with %(previous)s."
    ),
    "detractor": _lt("Answered as a detractor (NPS 0 to 6) after %(edition)s."),
}


@dataclass
class EditionFacts:
    """What a customer did in one edition of a series (all its roles together;
    sponsorship and signing date of the series' ranked roles only, the ones that
    earn priority points)."""

    taken_part: bool = False
    space_sqm: float = 0.0
    amount_invoiced: float = 0.0
    amount_sponsorship: float = 0.0
    date_signed: object = None
    detractor: bool = False
    # took part in a ranked role, and the space it took in those roles
    ranked: bool = False
    ranked_space_sqm: float = 0.0


@dataclass(frozen=True, slots=True)
class SummaryFacts:
    """What a partner's summary reads of one of its relationships."""

    id: int
    lifecycle_stage: str
    economic_value: float
    costs: float
    last_date: datetime


class ExpoRelationship(models.Model):
    """A customer's relationship with one series, across its editions."""

    _name = "expo.relationship"
    _description = "Exhibition Customer Relationship"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "expo.number.check.mixin",
        "expo.selection.order.mixin",
    ]
    _order = "series_id, priority_points desc, id"
    # typed in a Relationship field: the customer or the series
    _rec_names_search = ["partner_id", "series_id"]
    _mail_post_access = "read"

    # who and which show
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    series_id = fields.Many2one(
        "expo.series",
        string="Series",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="series_id.company_id", store=True, index=True, string="Company"
    )
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    user_id = fields.Many2one(
        related="partner_id.user_id", store=True, string="Salesperson"
    )

    # participation history
    first_event_id = fields.Many2one(
        "event.event", string="First Edition", readonly=True
    )
    last_event_id = fields.Many2one("event.event", string="Last Edition", readonly=True)
    editions_attended = fields.Integer(
        readonly=True,
        help="Editions of the series the customer took part in (confirmed or "
        "attended), upcoming ones included.",
    )
    current_streak = fields.Integer(
        readonly=True,
        help="Consecutive editions the customer took part in, counted back from the "
        "latest edition that has started.",
    )

    # lifecycle
    lifecycle_stage = fields.Selection(
        LIFECYCLE_STAGES,
        required=True,
        default="cultivation",
        readonly=True,
        index=True,
        tracking=True,
        group_expand=True,
    )
    stage_reason = fields.Char(
        "Reason",
        compute="_compute_stage_reason",
        help="Why the customer is at this stage.",
    )
    stage_reason_data = fields.Json(
        readonly=True,
        copy=False,
        help="The reasons of the stage as codes and parameters, shown as sentences "
        "in the reader's language by Reason.",
    )
    date_stage = fields.Datetime("Stage Since", readonly=True)
    won_back = fields.Boolean(
        readonly=True,
        tracking=True,
        help="The customer was lost (absent long enough to disappear) and took part "
        "again; stays set until it disappears again.",
    )

    # priority points for rebooking and booth choice
    priority_ranked = fields.Boolean(
        "Ranked",
        readonly=True,
        help="The customer took part in the series in one of its ranked roles "
        "(exhibitor and sponsor unless the series says otherwise): only ranked "
        "customers earn priority points and a rank.",
    )
    priority_points = fields.Float(
        readonly=True,
        digits=(16, 2),
        help="Points computed with the rules of the series, in its ranked roles: "
        "editions taken part, space of the latest edition, sponsorship spend, "
        "early signing.",
    )
    priority_rank = fields.Integer(
        compute="_compute_priority_rank",
        help="Position among the series' ranked customers by priority points, 1 "
        "being the highest; customers with equal points share a position. Empty "
        "for customers of other roles (suppliers, visitors).",
    )

    # value and cost
    economic_value = fields.Monetary(
        readonly=True,
        help="Amounts invoiced over the configured window of latest editions.",
    )
    initial_cost = fields.Monetary(
        tracking=True, help="What acquiring the customer cost (cultivation)."
    )
    maintenance_cost = fields.Monetary(
        tracking=True,
        help="What keeping the customer costs (confirmation, trust, weakening).",
    )
    termination_cost = fields.Monetary(
        tracking=True,
        help="What limiting the harm of losing the customer costs (disappearance).",
    )
    relationship_profit = fields.Monetary(
        "Series Profit",
        compute="_compute_relationship_profit",
        store=True,
        help="Economic value in this series minus its initial, maintenance and "
        "termination costs (the customer's ratings count in its relationship "
        "profit, across series).",
    )
    participation_ids = fields.One2many(
        "expo.participation",
        compute="_compute_participation_ids",
        string="Participations",
    )

    _sql_constraints = [
        (
            "partner_series_uniq",
            "unique(partner_id, series_id)",
            "A customer has one relationship per series.",
        ),
        (
            "costs_positive",
            "CHECK(COALESCE(initial_cost, 0) >= 0 "
            "AND COALESCE(maintenance_cost, 0) >= 0 "
            "AND COALESCE(termination_cost, 0) >= 0)",
            "Relationship costs cannot be negative.",
        ),
    ]

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {"lifecycle_stage"}

    def init(self):
        # ranks and the default order read the series by points
        create_index(
            self.env.cr,
            "expo_relationship_series_points_index",
            self._table,
            ["series_id", "priority_points DESC"],
        )

    @api.depends("series_id", "priority_points", "priority_ranked")
    def _compute_priority_rank(self):
        """Ranks are counted when read, with one window over the series concerned:
        stored, they would be rewritten for most of a series whenever one
        customer's points change. The refresh invalidates them when points
        change."""
        stored = self.filtered("id")
        ranks = {}
        if stored:
            self.flush_model(["series_id", "priority_points", "priority_ranked"])
            ranks = dict(
                self.env.execute_query(
                    SQL(
                        """
                        SELECT id, rank
                          FROM (
                                SELECT id, RANK() OVER (
                                           PARTITION BY series_id
                                           ORDER BY priority_points DESC
                                       ) AS rank
                                  FROM expo_relationship
                                 WHERE series_id IN %s AND priority_ranked
                               ) AS ranked
                         WHERE id IN %s
                        """,
                        tuple(stored.series_id.ids),
                        tuple(stored.ids),
                    )
                )
            )
        for relationship in self:
            relationship.priority_rank = ranks.get(relationship.id, 0)

    @api.depends("stage_reason_data")
    @api.depends_context("lang")
    def _compute_stage_reason(self):
        sentences = render_reasons(
            self.env,
            {relationship: relationship.stage_reason_data for relationship in self},
            STAGE_REASONS,
        )
        for relationship in self:
            relationship.stage_reason = " ".join(sentences[relationship]) or False

    @api.depends("economic_value", *COST_FIELDS)
    def _compute_relationship_profit(self):
        for relationship in self:
            relationship.relationship_profit = relationship.economic_value - sum(
                relationship[fname] for fname in COST_FIELDS
            )

    def _compute_participation_ids(self):
        participations = self.env["expo.participation"].search(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("series_id", "in", self.series_id.ids),
            ]
        )
        for relationship in self:
            relationship.participation_ids = participations.filtered(
                lambda p, rel=relationship: p.partner_id == rel.partner_id
                and p.series_id == rel.series_id
            )

    @api.depends("partner_id", "series_id")
    def _compute_display_name(self):
        for relationship in self:
            relationship.display_name = " / ".join(
                name
                for name in (relationship.partner_id.name, relationship.series_id.name)
                if name
            )

    @api.model
    def _expo_computed_fields(self):
        """Fields the refresh computes: only its costs are typed by people."""
        return {
            *REFRESHED_FIELDS,
            "partner_id",
            "series_id",
            "company_id",
            "user_id",
            "date_stage",
            "relationship_profit",
        }

    @api.model_create_multi
    def create(self, vals_list):
        check_computed_not_written(self, vals_list, self._expo_computed_fields())
        return super().create(vals_list)

    def write(self, vals):
        check_computed_not_written(self, [vals], self._expo_computed_fields())
        result = super().write(vals)
        if any(fname in vals for fname in COST_FIELDS):
            self._refresh_partner_summary(self.partner_id)
        return result

    def action_view_participations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_participation_action"
        )
        action["domain"] = [
            ("partner_id", "=", self.partner_id.id),
            ("series_id", "=", self.series_id.id),
        ]
        action["context"] = {"default_partner_id": self.partner_id.id}
        return action

    # ------------------------------------------------------------------
    # Refresh from participations
    # ------------------------------------------------------------------

    @api.model
    def _refresh_for_partners(self, partners):
        """Recompute the relationships of these commercial partners with every series
        they took part in (history, lifecycle stage, value, priority points) and
        the partners' summary fields.

        Reads all participations of all given partners in one grouped query and
        writes only the values that changed. Runs as superuser: relationships are
        computed records, users only read them.
        """
        if not self.env.su:
            self.sudo()._refresh_for_partners(partners)
            return
        # only this column: reading the field would fetch every partner column
        partners.fetch(["commercial_partner_id"])
        partners = partners.commercial_partner_id
        if not partners:
            return
        history = self._read_participation_history(partners)
        current = self._read_refreshed_values(partners)
        all_series = self.env["expo.series"].browse(
            sorted(
                {
                    series_id
                    for _partner_id, series_id in history.keys() | current.keys()
                }
            )
        )
        editions_by_series = self._get_series_editions(all_series)
        rules_by_series = {
            series.id: self._series_rules(series) for series in all_series
        }
        now = fields.Datetime.now()

        to_create, changes = [], []
        for key in sorted(history.keys() | current.keys()):
            partner_id, series_id = key
            values = self._compute_refreshed_values(
                rules_by_series[series_id],
                editions_by_series[series_id],
                history.get(key, {}),
                now,
            )
            if key not in current:
                to_create.append(
                    {"partner_id": partner_id, "series_id": series_id, **values}
                )
                continue
            relationship_id, old_values = current[key]
            changed = {
                fname: value
                for fname, value in values.items()
                if old_values[fname] != value
            }
            if changed:
                changes.append((self.browse(relationship_id), changed, old_values))

        stage_changes = self._apply_refreshed_values(to_create, changes, now)
        self._post_stage_changes_on_partners(stage_changes)
        if to_create or any(
            "priority_points" in changed or "priority_ranked" in changed
            for _r, changed, _o in changes
        ):
            # the points of some moved the ranks of others
            self.invalidate_model(["priority_rank"])
        self._refresh_partner_summary(partners)

    @api.model
    def _read_refreshed_values(self, partners):
        """{(partner id, series id): (relationship id, {field: value})} of the
        partners' relationships, REFRESHED_FIELDS valued as
        ``_compute_refreshed_values`` gives them, in one query."""
        self.flush_model(["partner_id", "series_id", *REFRESHED_FIELDS])
        # reasons read as text and decoded once per distinct text: relationships
        # share few distinct reasons, and decoding each costs more than the query
        json_fields = {
            fname for fname in REFRESHED_FIELDS if self._fields[fname].type == "json"
        }
        columns = [
            SQL("%s::text", SQL.identifier(fname))
            if fname in json_fields
            else SQL.identifier(fname)
            for fname in REFRESHED_FIELDS
        ]
        rows = self.env.execute_query(
            SQL(
                "SELECT id, partner_id, series_id, %s FROM expo_relationship "
                "WHERE partner_id IN %s",
                SQL(", ").join(columns),
                tuple(partners.ids),
            )
        )
        decode = functools.cache(json.loads)
        return {
            (partner_id, series_id): (
                relationship_id,
                {
                    fname: False
                    if value is None
                    else decode(value)
                    if fname in json_fields
                    else value
                    for fname, value in zip(REFRESHED_FIELDS, values, strict=True)
                },
            )
            for relationship_id, partner_id, series_id, *values in rows
        }

    @api.model
    def _read_participation_history(self, partners):
        """{(partner id, series id): {edition id: EditionFacts}} for these
        partners, from one grouped query over their participations."""
        self.env["expo.series"].flush_model(["ranked_role_ids"])
        Participation = self.env["expo.participation"]
        Participation.flush_model(
            [
                "partner_id",
                "series_id",
                "event_id",
                "state",
                "space_sqm",
                "amount_invoiced",
                "amount_sponsorship",
                "date_signed",
                "nps_category",
            ]
        )
        # money is money whatever the state (cancellation fees, refunds); the
        # rest only counts for participations taken part in, and what earns
        # priority points only in the series' ranked roles
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.partner_id, p.series_id, p.event_id,
                       BOOL_OR(p.state IN %(taken)s),
                       COALESCE(
                           SUM(p.space_sqm) FILTER (WHERE p.state IN %(taken)s), 0
                       ),
                       COALESCE(SUM(p.amount_invoiced), 0),
                       COALESCE(
                           SUM(p.amount_sponsorship) FILTER (
                               WHERE p.state IN %(taken)s AND ranked.role_id IS NOT NULL
                           ),
                           0
                       ),
                       MIN(p.date_signed) FILTER (
                           WHERE p.state IN %(taken)s AND ranked.role_id IS NOT NULL
                       ),
                       COALESCE(
                           BOOL_OR(p.nps_category = 'detractor')
                               FILTER (WHERE p.state IN %(taken)s),
                           FALSE
                       ),
                       COALESCE(
                           BOOL_OR(p.state IN %(taken)s AND ranked.role_id IS NOT NULL),
                           FALSE
                       ),
                       COALESCE(
                           SUM(p.space_sqm) FILTER (
                               WHERE p.state IN %(taken)s AND ranked.role_id IS NOT NULL
                           ),
                           0
                       )
                  FROM expo_participation p
                  LEFT JOIN expo_series_ranked_role_rel ranked
                         ON ranked.series_id = p.series_id
                        AND ranked.role_id = p.role_id
                 WHERE p.partner_id IN %(partners)s
                   AND p.series_id IS NOT NULL
                 GROUP BY p.partner_id, p.series_id, p.event_id
                """,
                taken=TAKEN_PART_STATES,
                partners=tuple(partners.ids),
            )
        )
        history = defaultdict(dict)
        for partner_id, series_id, event_id, *facts in rows:
            history[partner_id, series_id][event_id] = EditionFacts(*facts)
        return history

    @api.model
    def _get_series_editions(self, series):
        """{series id: [Edition, oldest first]} with one query."""
        editions_by_series = defaultdict(list)
        editions = self.env["event.event"].search_fetch(
            [("expo_series_id", "in", series.ids)],
            ["expo_series_id", "date_begin", "name"],
            order="date_begin, id",
        )
        for edition in editions:
            editions_by_series[edition.expo_series_id.id].append(
                Edition(edition.id, edition.name, edition.date_begin)
            )
        return editions_by_series

    @api.model
    def _series_rules(self, series):
        """The settings of ``series`` and its company the rules read, as plain
        attributes of the same names: read once per refresh rather than for
        each of its relationships."""
        company = series.company_id
        return SimpleNamespace(
            id=series.id,
            name=series.name,
            **{fname: series[fname] for fname in SERIES_RULE_FIELDS},
            company_id=SimpleNamespace(
                currency_id=plain_currency(company.currency_id),
                **{fname: company[fname] for fname in COMPANY_RULE_FIELDS},
            ),
        )

    # ------------------------------------------------------------------
    # The rules, on one relationship's history
    # ------------------------------------------------------------------

    @api.model
    def _compute_refreshed_values(self, series, editions, facts_by_edition, now):
        """Values of REFRESHED_FIELDS for one customer in one series.

        :param series: the series, or its ``_series_rules``
        :param editions: all editions of the series (``Edition``), oldest first
        :param facts_by_edition: {edition id: EditionFacts}
        :param now: the moment that decides which editions have started
        """
        company = series.company_id
        started = [edition for edition in editions if edition.date_begin <= now]
        latest = started[-1] if started else False
        taken = [
            edition
            for edition in editions
            if edition.id in facts_by_edition
            and facts_by_edition[edition.id].taken_part
        ]
        stage, reasons, won_back = self._compute_stage(
            company, series, started, latest, taken, facts_by_edition
        )
        return {
            "first_event_id": taken[0].id if taken else False,
            "last_event_id": taken[-1].id if taken else False,
            "editions_attended": len(taken),
            "current_streak": self._compute_streak(editions, latest, facts_by_edition),
            "lifecycle_stage": stage,
            "stage_reason_data": reasons,
            "won_back": won_back,
            "priority_ranked": any(facts.ranked for facts in facts_by_edition.values()),
            "priority_points": self._compute_priority_points(
                series, started, latest, facts_by_edition
            ),
            "economic_value": self._compute_economic_value(
                company, editions, started, facts_by_edition
            ),
        }

    @api.model
    def _compute_streak(self, editions, latest, facts_by_edition):
        """Consecutive editions taken part in, counted back from the latest edition
        that has started (or from the last edition when none has started yet)."""
        reference = latest or (editions[-1] if editions else False)
        if not reference:
            return 0
        streak = 0
        for edition in reversed(editions[: editions.index(reference) + 1]):
            if not facts_by_edition.get(edition.id, EditionFacts()).taken_part:
                break
            streak += 1
        return streak

    @api.model
    def _compute_stage(self, company, series, started, latest, taken, facts):
        """(stage, [[reason code, parameters]], won_back) by the company's
        lifecycle rules (STAGE_REASONS).

        Only editions that have started can be missed: an upcoming edition the
        customer has not booked (yet) is never counted as skipped.
        """
        if not taken:
            return ("cultivation", [["no_participation", {"series": series.id}]], False)
        lost_after = company.expo_disappearance_missed_editions
        last_taken = taken[-1]
        missed = [e for e in started if e.date_begin > last_taken.date_begin]
        if len(missed) >= lost_after:
            return (
                "disappearance",
                [["absent", {"count": len(missed), "edition": last_taken.id}]],
                False,
            )
        # the current run of participations starts after the last time it was lost
        run, won_back_in = self._current_run(started, taken, lost_after)
        reasons = []
        stage = "confirmation"
        trust_needed = company.expo_trust_min_editions
        if len(run) >= trust_needed and (not latest or latest in run):
            stage = "trust"
            reasons.append(["trust", {"count": len(run), "series": series.id}])
        else:
            reasons.append(
                [
                    "confirmation",
                    {"count": len(run), "needed": trust_needed, "edition": run[0].id},
                ]
            )
        weakening = self._weakening_reasons(company, latest, missed, taken, facts)
        if weakening:
            stage, reasons = "weakening", weakening
        if won_back_in:
            reasons.append(["won_back", {"edition": won_back_in.id}])
        return stage, reasons, bool(won_back_in)

    @api.model
    def _current_run(self, started, taken, lost_after):
        """(editions taken part in since the customer was last lost, the edition that
        won it back or False)."""
        run_start = 0
        for index in range(1, len(taken)):
            previous, current = taken[index - 1], taken[index]
            skipped = [
                edition
                for edition in started
                if previous.date_begin < edition.date_begin < current.date_begin
            ]
            if len(skipped) >= lost_after:
                run_start = index
        return taken[run_start:], taken[run_start] if run_start else False

    @api.model
    def _weakening_reasons(self, company, latest, missed, taken, facts):
        """Reasons ([code, parameters]) that make a confirmed or trusted customer
        weakening."""
        if missed:
            return [["skipped", {"edition": latest.id}]]
        past = [e for e in taken if latest and e.date_begin <= latest.date_begin]
        if not past:
            return []
        reasons = []
        current = past[-1]
        if len(past) >= 2:
            previous = past[-2]
            threshold = company.expo_weakening_drop_percent
            names = {"edition": current.id, "previous": previous.id}
            space_drop = self._drop_percent(
                facts[previous.id].space_sqm, facts[current.id].space_sqm
            )
            if space_drop >= threshold:
                reasons.append(["space_cut", {"percent": round(space_drop), **names}])
            spend_drop = self._drop_percent(
                facts[previous.id].amount_invoiced, facts[current.id].amount_invoiced
            )
            if spend_drop >= threshold:
                reasons.append(["spend_cut", {"percent": round(spend_drop), **names}])
        if company.expo_weakening_on_detractor and facts[current.id].detractor:
            reasons.append(["detractor", {"edition": current.id}])
        return reasons

    @api.model
    def _drop_percent(self, before, after):
        """How much lower ``after`` is than ``before``, in percent (0 when it did
        not drop or there was nothing before)."""
        if before <= 0 or after >= before:
            return 0.0
        return round((before - after) / before * 100, 6)

    @api.model
    def _compute_economic_value(self, company, editions, started, facts):
        """Amounts invoiced for the latest editions of the value window and for
        upcoming editions."""
        window = started[-company.expo_value_window_editions :] + [
            edition for edition in editions if edition not in started
        ]
        return company.currency_id.round(
            sum(
                facts[edition.id].amount_invoiced
                for edition in window
                if edition.id in facts
            )
        )

    @api.model
    def _compute_priority_points(self, series, started, latest, facts):
        """Points by the rules of the series, over its non-expired editions taken
        part in one of its ranked roles."""
        window = [
            edition
            for edition in started[-series.points_expiry_editions :]
            if edition.id in facts and facts[edition.id].ranked
        ]
        points = series.points_per_edition * len(window)
        if latest in window:
            points += series.points_per_sqm * facts[latest.id].ranked_space_sqm
        sponsorship = sum(facts[edition.id].amount_sponsorship for edition in window)
        points += (
            sponsorship / series.points_sponsorship_unit
        ) * series.points_per_sponsorship_unit
        early = [
            edition
            for edition in window
            if facts[edition.id].date_signed
            and (edition.date_begin.date() - facts[edition.id].date_signed).days
            >= series.points_early_signing_days
        ]
        points += series.points_early_signing_bonus * len(early)
        return round(points, 2)

    # ------------------------------------------------------------------
    # Writing the results
    # ------------------------------------------------------------------

    @api.model
    def _apply_refreshed_values(self, to_create, changes, now):
        """Create relationships and write the changed values of existing ones.

        :param to_create: values of the relationships to create
        :param changes: [(relationship, changed values, old values)]
        :return: [(relationship, old stage)] for the stage changes of existing
            relationships

        A new relationship starts at its stage without a note: the customer's
        chatter logs how its relationships change, not every first stage (the
        first refresh of an organizer's history would otherwise write one note per
        customer). Changes of a tracked field (stage, won back) go through
        ``write``, one per distinct set of values, and are logged in the
        relationship's chatter by ``_log_tracked_changes``; the other changes
        (reason, history, value, points) are written in bulk.
        """
        stage_changes = []
        self._create_refreshed(to_create, now)
        tracked = self._track_get_fields()
        to_write, to_bulk_write, to_log = [], {}, []
        for relationship, changed, old_values in changes:
            if "lifecycle_stage" in changed:
                stage_changes.append((relationship, old_values["lifecycle_stage"]))
                changed["date_stage"] = now
            tracked_changes = {
                fname: changed.pop(fname) for fname in tracked.intersection(changed)
            }
            if tracked_changes:
                if "date_stage" in changed:
                    tracked_changes["date_stage"] = changed.pop("date_stage")
                to_write.append((relationship, tracked_changes))
                to_log.append(
                    (
                        relationship,
                        {
                            fname: old_values[fname]
                            for fname in tracked_changes
                            if fname in tracked
                        },
                    )
                )
            if changed:
                to_bulk_write[relationship.id] = changed
        write_computed_values(self, to_bulk_write)
        self.with_context(tracking_disable=True)._write_grouped(to_write)
        self._log_tracked_changes(to_log)
        return stage_changes

    @api.model
    def _create_refreshed(self, to_create, now):
        """Create relationships from their refreshed values, in bulk: the first
        refresh of an organizer's history creates one per customer and series,
        hundreds of thousands, where ``create`` would spend most of its time
        computing defaults and related fields one record at a time. The stored
        related and computed fields are given here (company of the series,
        salesperson of the customer, profit of a relationship without costs)."""
        if not to_create:
            return self.browse()
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in to_create}
        )
        # only this column: reading the field would fetch every partner column
        partners.fetch(["user_id"])
        salespeople = {partner.id: partner.user_id.id for partner in partners}
        companies = {
            series.id: series.company_id.id
            for series in self.env["expo.series"].browse(
                {vals["series_id"] for vals in to_create}
            )
        }
        return create_computed_records(
            self,
            [
                {
                    **vals,
                    "date_stage": now,
                    "company_id": companies[vals["series_id"]],
                    "user_id": salespeople[vals["partner_id"]],
                    "relationship_profit": vals["economic_value"],
                }
                for vals in to_create
            ],
        )

    @api.model
    def _log_tracked_changes(self, changes):
        """Log tracked changes in the relationships' chatter as tracking does (a
        note with old and new values), with one batch of messages: tracking
        would post one message at a time at commit, which a refresh changing
        thousands of stages cannot afford.

        :param changes: [(relationship, {tracked field: old value})], the
            relationships holding the new values
        """
        if (
            not changes
            or self.env.context.get("tracking_disable")
            or self.env.context.get("mail_notrack")
        ):
            return
        relationships = self.union(*(relationship for relationship, _old in changes))
        messages = relationships._message_log_batch(bodies={})
        message_ids = {message.res_id: message.id for message in messages}
        fnames = set().union(*(old for _relationship, old in changes))
        infos = self.fields_get(
            list(fnames), ["string", "type", "selection", "currency_field"]
        )
        Tracking = self.env["mail.tracking.value"].sudo()
        Tracking.create(
            [
                dict(
                    Tracking._create_tracking_values(
                        old[fname],
                        relationship[fname],
                        fname,
                        infos[fname],
                        relationship,
                    ),
                    mail_message_id=message_ids[relationship.id],
                )
                for relationship, old in changes
                for fname in sorted(old)
            ]
        )

    @api.model
    def _write_grouped(self, changes):
        """Write [(records, values)] with one write per distinct set of values."""
        groups = defaultdict(list)
        for records, values in changes:
            # repr: values may hold lists (Json fields)
            groups[repr(sorted(values.items()))].append((records, values))
        for grouped in groups.values():
            # in the environment of self, whatever the one of the records
            records = self.union(*(records for records, _values in grouped))
            records.write(grouped[0][1])

    @api.model
    def _post_stage_changes_on_partners(self, stage_changes):
        """Log each stage change, with its reason, on the customer's chatter."""
        if not stage_changes:
            return
        stage_names = dict(
            self._fields["lifecycle_stage"]._description_selection(self.env)
        )
        # one recordset: the reasons of all are then read together
        relationships = self.union(*(relationship for relationship, _ in stage_changes))
        old_stages = {relationship.id: old for relationship, old in stage_changes}
        lines_by_partner = defaultdict(list)
        for relationship in relationships:
            old_stage = old_stages[relationship.id]
            lines_by_partner[relationship.partner_id].append(
                self.env._(
                    "%(series)s: %(old)s → %(new)s. %(reason)s",
                    series=relationship.series_id.name,
                    old=stage_names.get(old_stage, self.env._("New")),
                    new=stage_names[relationship.lifecycle_stage],
                    reason=relationship.stage_reason,
                )
            )
        partners = self.env["res.partner"].union(*lines_by_partner)
        partners._message_log_batch(
            bodies={
                partner.id: Markup("<p>%s</p>")
                % Markup("<br/>").join(
                    [self.env._("Exhibition lifecycle stage changed:"), *lines]
                )
                for partner, lines in lines_by_partner.items()
            }
        )

    @api.model
    def _refresh_partner_summary(self, partners):
        """Write the partners' lifecycle stage (of their most recently active
        relationship), economic value and relationship profit in each company,
        from that company's relationships, where they changed.

        A partner is summarized in the companies of its relationships and in the
        companies it belongs to (its own, or every company for a partner shared
        by all), so that a prospect holding exhibition roles shows in
        cultivation and its ratings count in every company that sees it."""
        if not self.env.su:
            self.sudo()._refresh_partner_summary(partners)
            return
        # only this column: reading the field would fetch every partner column
        partners.fetch(["commercial_partner_id"])
        partners = partners.commercial_partner_id
        if not partners:
            return
        Partner = self.env["res.partner"]
        # plain rows: a refresh summarizes thousands of partners
        Partner.flush_model(["company_id", "expo_role_ids", *EXPO_RATING_FIELDS])
        rows = self.env.execute_query(
            SQL(
                "SELECT id, company_id, %s FROM res_partner WHERE id IN %s",
                SQL(", ").join(map(SQL.identifier, EXPO_RATING_FIELDS)),
                tuple(partners.ids),
            )
        )
        relationships = self._read_summary_facts(partners)
        with_roles = set(
            Partner.browse([partner_id for partner_id, *_ in rows])
            .filtered("expo_role_ids")
            .ids
        )
        all_companies = self.env["res.company"].search([])
        settings = {
            company.id: SimpleNamespace(
                currency_id=plain_currency(company.currency_id),
                expo_rating_point_value=company.expo_rating_point_value,
            )
            for company in all_companies
        }
        values_by_company = defaultdict(dict)
        for partner_id, company_id, *ratings in rows:
            rating_points = sum(int(rating or 0) for rating in ratings)
            by_company = relationships.get(partner_id, {})
            companies = set(by_company) | (
                {company_id} if company_id else set(all_companies.ids)
            )
            for summary_company_id in companies:
                facts = by_company.get(summary_company_id, [])
                values_by_company[summary_company_id][partner_id] = (
                    self._partner_summary_values(
                        settings[summary_company_id],
                        rating_points,
                        facts,
                        not facts and partner_id in with_roles,
                    )
                )
        for company_id, values_by_id in values_by_company.items():
            company_partners = Partner.with_company(company_id)
            write_computed_values(
                company_partners, only_changed_values(company_partners, values_by_id)
            )

    @api.model
    def _read_summary_facts(self, partners):
        """{partner id: {company id: [SummaryFacts]}} of the partners'
        relationships, in one query."""
        self.flush_model(
            [
                "partner_id",
                "company_id",
                "lifecycle_stage",
                "economic_value",
                "last_event_id",
            ]
            + list(COST_FIELDS)
        )
        self.env["event.event"].flush_model(["date_begin"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT rel.partner_id, rel.company_id, rel.id, rel.lifecycle_stage,
                       COALESCE(rel.economic_value, 0),
                       COALESCE(rel.initial_cost, 0)
                       + COALESCE(rel.maintenance_cost, 0)
                       + COALESCE(rel.termination_cost, 0),
                       last_event.date_begin
                  FROM expo_relationship rel
                  LEFT JOIN event_event last_event
                         ON last_event.id = rel.last_event_id
                 WHERE rel.partner_id IN %s
                """,
                tuple(partners.ids),
            )
        )
        by_partner = defaultdict(lambda: defaultdict(list))
        for partner_id, company_id, *facts in rows:
            by_partner[partner_id][company_id].append(SummaryFacts(*facts))
        return by_partner

    @api.model
    def _partner_summary_values(self, company, rating_points, relationships, prospect):
        """The summary of one partner's relationships (``SummaryFacts``).

        :param company: the company summarized, or its currency and
            ``expo_rating_point_value`` as plain attributes
        :param rating_points: the sum of the partner's value ratings
        :param prospect: whether the partner holds exhibition roles without
            relationships in the company

        The stage is the one of the relationship whose last edition taken part in is
        the most recent (a relationship never taken part in comes last).
        """
        if not relationships:
            return {
                "expo_lifecycle_stage": "cultivation" if prospect else False,
                "expo_economic_value": 0.0,
                "expo_relationship_profit": 0.0,
            }
        most_recent = max(
            relationships,
            key=lambda rel: (rel.last_date or datetime.min, rel.id),
        )
        economic_value = sum(rel.economic_value for rel in relationships)
        costs = sum(rel.costs for rel in relationships)
        return {
            "expo_lifecycle_stage": most_recent.lifecycle_stage,
            "expo_economic_value": company.currency_id.round(economic_value),
            "expo_relationship_profit": company.currency_id.round(
                economic_value + rating_points * company.expo_rating_point_value - costs
            ),
        }

    # ------------------------------------------------------------------
    # Scheduled refresh
    # ------------------------------------------------------------------

    @api.model
    def _cron_refresh_relationships(self, batch_size=None):
        """Refresh the next batch of the current refresh run, whose customers
        are every partner with participations or relationships, and report the
        progress to the scheduler, which calls again while customers remain.
        Catches the stage changes that come with time (an edition starting) and
        new settings. Return (customers done, customers remaining)."""
        done, remaining = (
            self.env["expo.batch.run"]
            .sudo()
            ._run_next_batch(
                "relationship_refresh",
                None,
                batch_size or self.env.company.expo_refresh_batch_size,
                prepare=lambda run: {
                    "target_ids": self._refresh_target_ids(),
                    "full": True,
                },
                recompute=lambda run, partners: self._refresh_for_partners(partners),
            )
        )
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done, remaining

    @api.model
    def _refresh_target_ids(self):
        """Ids of every partner with participations or relationships, and of the
        prospects (partners holding exhibition roles, summarized in
        cultivation)."""
        participants = (
            self.env["expo.participation"].sudo()._read_group([], ["partner_id"])
        )
        related = self.sudo()._read_group([], ["partner_id"])
        prospects = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("expo_role_ids", "!=", False)])
        )
        return sorted(
            {partner.id for [partner] in participants + related}
            | set(prospects.commercial_partner_id.ids)
        )

    @api.model
    def _request_refresh(self):
        """Ask for a refresh of every relationship (new rules) and wake the
        scheduled refresh up."""
        self.env["expo.batch.run"].sudo()._request("relationship_refresh", full=True)
        cron = self.env.ref(
            "expo_crm.ir_cron_expo_relationship_refresh", raise_if_not_found=False
        )
        if cron:
            cron.sudo()._trigger()
