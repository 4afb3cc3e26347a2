# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools import SQL


class ExpoSelectionOrderMixin(models.AbstractModel):
    """Groups and sorts some selection fields in the order of their selection (a
    value tier from strategic to risk, a lifecycle stage from cultivation to
    disappearance) instead of the alphabetical order of their stored values, in
    pivots, graphs, grouped lists and sorted columns."""

    _name = "expo.selection.order.mixin"
    _description = "Exhibition Selections in Their Own Order"

    @api.model
    def _expo_ordered_selections(self):
        """Names of the selection fields ordered as their selection; extend it."""
        return set()

    @api.model
    def _expo_selection_position(self, fname, sql):
        values = self._fields[fname].get_values(self.env)
        return SQL("array_position(%s::varchar[], (%s)::varchar)", values, sql)

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        ordered = self._expo_ordered_selections()
        terms = {
            spec: self._expo_selection_position(spec, sql) if spec in ordered else sql
            for spec, sql in groupby_terms.items()
        }
        return super()._read_group_orderby(order, terms, query)

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        if field_name in self._expo_ordered_selections():
            position = self._expo_selection_position(
                field_name, self._field_to_sql(alias, field_name, query)
            )
            return SQL("%s %s %s", position, direction, nulls)
        return super()._order_field_to_sql(alias, field_name, direction, nulls, query)
