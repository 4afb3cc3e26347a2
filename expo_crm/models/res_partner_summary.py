# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import models
from odoo.tools import SQL

from ..rules.value import COST_FIELDS, RelationshipSummary, partner_summary
from ..tools import only_changed_values, write_computed_values
from .res_partner import EXPO_RATING_FIELDS


class ResPartner(models.Model):
    """The partner's summary of its relationships (stage, economic value,
    relationship profit) in each company, as the refresh writes it."""

    _inherit = "res.partner"

    def _expo_refresh_summary(self):
        """Write these partners' lifecycle stage, economic value and relationship
        profit in each company, from that company's relationships
        (``rules.value.partner_summary``), where they changed.

        A partner is summarized in the companies of its relationships and in the
        companies it belongs to (its own, or every company for a partner shared
        by all), so that a prospect holding exhibition roles shows in
        cultivation and its ratings count in every company that sees it."""
        if not self.env.su:
            self.sudo()._expo_refresh_summary()
            return
        # only this column: reading the field would fetch every partner column
        self.fetch(["commercial_partner_id"])
        partners = self.commercial_partner_id
        if not partners:
            return
        # plain rows: a refresh summarizes thousands of partners
        self.flush_model(["company_id", "expo_role_ids", *EXPO_RATING_FIELDS])
        rows = self.env.execute_query(
            SQL(
                "SELECT id, company_id, %s FROM res_partner WHERE id IN %s",
                SQL(", ").join(map(SQL.identifier, EXPO_RATING_FIELDS)),
                tuple(partners.ids),
            )
        )
        relationships = partners._expo_read_relationship_summaries()
        with_roles = partners._expo_with_role_ids()
        companies = self.env["res.company"].search([])
        rules = {company.id: company._expo_value_rules() for company in companies}
        values_by_company = defaultdict(dict)
        for partner_id, company_id, *ratings in rows:
            rating_points = sum(int(rating or 0) for rating in ratings)
            by_company = relationships.get(partner_id, {})
            summarized = set(by_company) | (
                {company_id} if company_id else set(companies.ids)
            )
            for summary_company_id in summarized:
                facts = by_company.get(summary_company_id, [])
                summary = partner_summary(
                    rules[summary_company_id],
                    rating_points,
                    facts,
                    not facts and partner_id in with_roles,
                )
                values_by_company[summary_company_id][partner_id] = {
                    f"expo_{key}": summary_value
                    for key, summary_value in summary.items()
                }
        for company_id, values_by_id in values_by_company.items():
            company_partners = self.with_company(company_id)
            write_computed_values(
                company_partners, only_changed_values(company_partners, values_by_id)
            )

    def _expo_with_role_ids(self):
        """Ids of these partners holding an exhibition role (archived roles left
        out, as reading ``expo_role_ids`` does), in one query: records with
        their roles would cost more than the summaries."""
        field = self._fields["expo_role_ids"]
        self.flush_model(["expo_role_ids"])
        roles = self.env["expo.role"]._search([])
        return {
            partner_id
            for [partner_id] in self.env.execute_query(
                SQL(
                    "SELECT DISTINCT %s FROM %s WHERE %s IN %s AND %s IN %s",
                    SQL.identifier(field.column1),
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    tuple(self.ids),
                    SQL.identifier(field.column2),
                    roles.subselect(),
                )
            )
        }

    def _expo_read_relationship_summaries(self):
        """{partner id: {company id: [RelationshipSummary]}} of these partners'
        relationships, in one query."""
        self.env["expo.relationship"].flush_model(
            ["partner_id", "company_id", "lifecycle_stage", "economic_value"]
            + ["last_event_id", *COST_FIELDS]
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
                tuple(self.ids),
            )
        )
        by_partner = defaultdict(lambda: defaultdict(list))
        for partner_id, company_id, *facts in rows:
            by_partner[partner_id][company_id].append(RelationshipSummary(*facts))
        return by_partner
