# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import functools
import json
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import lifecycle, priority_points, value
from ..rules.history import (
    PARTICIPATION_FIELDS,
    TAKEN_PART_STATES,
    Edition,
    EditionFacts,
    taken_editions,
    timeline,
)
from ..tools import create_computed_records, write_computed_values
from ..tools.tracking import log_tracked_changes

# relationship fields the refresh writes (the rest is entered by people)
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


@functools.lru_cache(maxsize=100_000)
def _decoded_json(text):
    """The value of a JSON text, decoded once per distinct text for the
    process: the refresh only compares these values, it never changes them."""
    return json.loads(text)


class ExpoRelationshipRefresh(models.AbstractModel):
    """Recomputes customers' relationships with the series from their
    participations: reads the history of a batch of customers with one grouped
    query, applies the rules (``expo_crm.rules``) on plain values and writes only
    what changed, then the customers' summaries."""

    _name = "expo.relationship.refresh"
    _description = "Exhibition Relationship Refresh"

    @api.model
    def _refresh_for_partners(self, partners):
        """Refresh the relationships of these partners' commercial entities with
        every series they took part in, and their summaries. Runs as superuser:
        relationships are computed records, users only read them."""
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
        series = self.env["expo.series"].browse(
            sorted({series_id for _partner, series_id in history.keys() | current})
        )
        editions = self._get_series_editions(series)
        rules = {record.id: record._expo_refresh_rules() for record in series}
        now = fields.Datetime.now()
        timelines = {
            series_id: timeline(editions[series_id], now) for series_id in series.ids
        }
        Relationship = self.env["expo.relationship"]
        to_create, changes = [], []
        for key in sorted(history.keys() | current.keys()):
            partner_id, series_id = key
            values = self._refreshed_values(
                rules[series_id], series_id, timelines[series_id], history.get(key, {})
            )
            if key not in current:
                to_create.append(
                    {"partner_id": partner_id, "series_id": series_id, **values}
                )
                continue
            relationship_id, old_values = current[key]
            changed = {
                fname: new for fname, new in values.items() if old_values[fname] != new
            }
            if changed:
                relationship = Relationship.browse(relationship_id)
                changes.append((relationship, changed, old_values))
        stage_changes = self._apply(to_create, changes, now)
        self._post_stage_changes_on_partners(stage_changes)
        if to_create or any(
            {"priority_points", "priority_ranked"} & changed.keys()
            for _r, changed, _o in changes
        ):
            # the points of some moved the ranks of others
            Relationship.invalidate_model(["priority_rank"])
        partners._expo_refresh_summary()

    @api.model
    def _refreshed_values(self, rules, series_id, line, facts):
        """Values of REFRESHED_FIELDS for one customer in one series, from the
        rules of the series and its company (``expo.series._expo_refresh_rules``)
        and the customer's ``facts`` ({edition id: EditionFacts}) on the series'
        timeline ``line``."""
        taken = taken_editions(line, facts)
        stage = lifecycle.stage(rules["lifecycle"], series_id, line, facts)
        return {
            "first_event_id": taken[0].id if taken else False,
            "last_event_id": taken[-1].id if taken else False,
            "editions_attended": len(taken),
            "current_streak": lifecycle.streak(line, facts),
            "lifecycle_stage": stage.stage,
            "stage_reason_data": stage.reasons,
            "won_back": stage.won_back,
            "priority_ranked": priority_points.ranked(facts),
            "priority_points": priority_points.points(rules["points"], line, facts),
            "economic_value": value.economic_value(rules["value"], line, facts),
        }

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------

    @api.model
    def _read_refreshed_values(self, partners):
        """{(partner id, series id): (relationship id, {field: value})} of the
        partners' relationships, REFRESHED_FIELDS valued as ``_refreshed_values``
        gives them, in one query."""
        Relationship = self.env["expo.relationship"]
        Relationship.flush_model(["partner_id", "series_id", *REFRESHED_FIELDS])
        # reasons read as text and decoded once per distinct text
        # (``_decoded_json``): relationships share few distinct reasons, and
        # decoding each costs more than the query
        json_fields = {
            fname
            for fname in REFRESHED_FIELDS
            if Relationship._fields[fname].type == "json"
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
        json_positions = [
            position
            for position, fname in enumerate(REFRESHED_FIELDS)
            if fname in json_fields
        ]
        current = {}
        for relationship_id, partner_id, series_id, *values in rows:
            for position in json_positions:
                if values[position] is not None:
                    values[position] = _decoded_json(values[position])
            if None in values:
                values = [False if value is None else value for value in values]
            current[partner_id, series_id] = (
                relationship_id,
                dict(zip(REFRESHED_FIELDS, values, strict=True)),
            )
        return current

    @api.model
    def _read_participation_history(self, partners):
        """{(partner id, series id): {edition id: EditionFacts}} of these partners,
        from one grouped query over their participations (PARTICIPATION_FIELDS of
        the rules' history). Money counts whatever the state (cancellation fees,
        refunds); the rest only for participations taken part in, and what earns
        priority points only in the series' ranked roles. Sums come as float8:
        the driver reads those natively, where each numeric is parsed in
        Python."""
        self.env["expo.series"].flush_model(["ranked_role_ids"])
        self.env["expo.participation"].flush_model(PARTICIPATION_FIELDS)
        taken = SQL("p.state IN %s", TAKEN_PART_STATES)
        ranked = SQL("%s AND ranked.role_id IS NOT NULL", taken)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.partner_id, p.series_id, p.event_id,
                       BOOL_OR(%(taken)s),
                       COALESCE(SUM(p.space_sqm) FILTER (WHERE %(taken)s), 0)::float8,
                       COALESCE(SUM(p.amount_invoiced), 0)::float8,
                       COALESCE(
                           SUM(p.amount_sponsorship) FILTER (WHERE %(ranked)s), 0
                       )::float8,
                       MIN(p.date_signed) FILTER (WHERE %(ranked)s),
                       COALESCE(
                           BOOL_OR(p.nps_category = 'detractor')
                               FILTER (WHERE %(taken)s),
                           FALSE
                       ),
                       COALESCE(BOOL_OR(%(ranked)s), FALSE),
                       COALESCE(SUM(p.space_sqm) FILTER (WHERE %(ranked)s), 0)::float8
                  FROM expo_participation p
                  LEFT JOIN expo_series_ranked_role_rel ranked
                         ON ranked.series_id = p.series_id
                        AND ranked.role_id = p.role_id
                 WHERE p.partner_id IN %(partners)s
                   AND p.series_id IS NOT NULL
                 GROUP BY p.partner_id, p.series_id, p.event_id
                """,
                taken=taken,
                ranked=ranked,
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
        editions_by_series = {series_id: [] for series_id in series.ids}
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

    # ------------------------------------------------------------------
    # Writing
    # ------------------------------------------------------------------

    @api.model
    def _apply(self, to_create, changes, now):
        """Create relationships and write the changed values of existing ones.

        :param to_create: values of the relationships to create
        :param changes: [(relationship, changed values, old values)]
        :return: [(relationship, old stage)] for the stage changes of existing
            relationships

        A new relationship starts at its stage without a note: the customer's
        chatter logs how its relationships change, not every first stage. Changes
        of a tracked field (stage, won back) go through ``write``, one per distinct
        set of values, and are logged in the relationship's chatter as tracking
        logs them (``log_tracked_changes``); the other changes (reason, history,
        value, points) are written in bulk.
        """
        Relationship = self.env["expo.relationship"]
        self._create(to_create, now)
        tracked = Relationship._track_get_fields()
        stage_changes, to_write, to_bulk_write, to_log = [], [], {}, []
        for relationship, changed, old_values in changes:
            if "lifecycle_stage" in changed:
                stage_changes.append((relationship, old_values["lifecycle_stage"]))
                changed["date_stage"] = now
            tracked_changes = {
                fname: changed.pop(fname) for fname in tracked.intersection(changed)
            }
            if tracked_changes:
                old = {fname: old_values[fname] for fname in tracked_changes}
                if "date_stage" in changed:
                    tracked_changes["date_stage"] = changed.pop("date_stage")
                to_write.append((relationship, tracked_changes))
                to_log.append((relationship, old))
            if changed:
                to_bulk_write[relationship.id] = changed
        write_computed_values(Relationship, to_bulk_write)
        self._write_grouped(Relationship.with_context(tracking_disable=True), to_write)
        log_tracked_changes(to_log)
        return stage_changes

    @api.model
    def _create(self, to_create, now):
        """Create relationships from their refreshed values, in bulk: the first
        refresh of an organizer's history creates one per customer and series,
        hundreds of thousands, where ``create`` would spend most of its time
        computing defaults and related fields one record at a time. The stored
        related and computed fields are given here (company of the series,
        salesperson of the customer, profit of a relationship without costs)."""
        Relationship = self.env["expo.relationship"]
        if not to_create:
            return Relationship
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
            Relationship,
            [
                {
                    **vals,
                    "date_stage": now,
                    "company_id": companies[vals["series_id"]],
                    "user_id": salespeople[vals["partner_id"]],
                    "relationship_profit": value.relationship_profit(
                        vals["economic_value"], ()
                    ),
                }
                for vals in to_create
            ],
        )

    @api.model
    def _write_grouped(self, model, changes):
        """Write [(records, values)] with one write per distinct set of values, in
        the environment of ``model``."""
        groups = defaultdict(list)
        for records, values in changes:
            # repr: values may hold lists (Json fields)
            groups[repr(sorted(values.items()))].append((records, values))
        for grouped in groups.values():
            records = model.union(*(records for records, _values in grouped))
            records.write(grouped[0][1])

    @api.model
    def _post_stage_changes_on_partners(self, stage_changes):
        """Log each stage change, with its reason, on the customer's chatter."""
        if not stage_changes:
            return
        Relationship = self.env["expo.relationship"]
        stage_names = dict(
            Relationship._fields["lifecycle_stage"]._description_selection(self.env)
        )
        # one recordset: the reasons of all are then read together
        relationships = Relationship.union(*(rel for rel, _old in stage_changes))
        old_stages = {relationship.id: old for relationship, old in stage_changes}
        lines_by_partner = defaultdict(list)
        for relationship in relationships:
            lines_by_partner[relationship.partner_id].append(
                self.env._(
                    "%(series)s: %(old)s → %(new)s. %(reason)s",
                    series=relationship.series_id.name,
                    old=stage_names.get(old_stages[relationship.id], self.env._("New")),
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
