# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL, create_index
from odoo.tools.translate import LazyTranslate

from ..rules.value import COST_FIELDS, relationship_profit
from ..tools import check_computed_not_written, render_reasons
from .expo_relationship_refresh import REFRESHED_FIELDS
from .res_partner import LIFECYCLE_STAGES

_lt = LazyTranslate(__name__)

# Why a customer is at its stage: the refresh stores [code, parameters] pairs (the
# lifecycle rules' reasons) and each reader sees the sentences in its own language,
# with the series and editions named in that language too.
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
    # the refresh creates relationships in bulk: no create override reacts
    _expo_bulk_creatable = True

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
            relationship.relationship_profit = relationship_profit(
                relationship.economic_value,
                [relationship[fname] for fname in COST_FIELDS],
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

    @api.model
    def _expo_bulk_fields(self):
        """Results the refresh writes in bulk (its tracked ones go through
        ``write``): ``write`` below only refuses them from people."""
        return set(REFRESHED_FIELDS) | {"date_stage"}

    @api.model_create_multi
    def create(self, vals_list):
        check_computed_not_written(self, vals_list, self._expo_computed_fields())
        return super().create(vals_list)

    def write(self, vals):
        check_computed_not_written(self, [vals], self._expo_computed_fields())
        result = super().write(vals)
        if any(fname in vals for fname in COST_FIELDS):
            self.partner_id._expo_refresh_summary()
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
        """Recompute the relationships of these partners' commercial entities with
        every series they took part in (history, lifecycle stage, value, priority
        points) and their summaries (``expo.relationship.refresh``)."""
        self.env["expo.relationship.refresh"]._refresh_for_partners(partners)

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
        cultivation). Read as plain ids: records of the whole population would
        cost more than the run's first batches."""
        sources = [
            (self.env["expo.participation"].sudo(), [], "partner_id"),
            (self.sudo(), [], "partner_id"),
            (
                self.env["res.partner"].sudo().with_context(active_test=False),
                [("expo_role_ids", "!=", False)],
                "commercial_partner_id",
            ),
        ]
        ids = set()
        for model, domain, fname in sources:
            query = model._search(domain)
            column = model._field_to_sql(query.table, fname, query)
            ids.update(
                partner_id
                for [partner_id] in self.env.execute_query(
                    query.select(SQL("DISTINCT %s", column))
                )
                if partner_id
            )
        return sorted(ids)

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
