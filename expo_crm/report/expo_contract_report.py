# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.expo_contract_mixin import CONTRACT_STATES


class ExpoContractReport(models.Model):
    """The money of each space contract as finance sees it: contracted,
    invoiced, paid, open, overdue and deposits pending, in the company currency,
    from the posted invoices and credit notes of the contract."""

    _name = "expo.contract.report"
    _description = "Contract Finance"
    _auto = False
    _rec_name = "order_id"
    _order = "event_id, partner_id, id"

    order_id = fields.Many2one("sale.order", string="Contract", readonly=True)
    event_id = fields.Many2one("event.event", string="Edition", readonly=True)
    series_id = fields.Many2one("expo.series", string="Series", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Exhibitor", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    contract_state = fields.Selection(
        CONTRACT_STATES, string="Contract Status", readonly=True
    )
    deposit_due = fields.Date(readonly=True)
    balance_due = fields.Date(readonly=True)
    amount_contracted = fields.Monetary(
        "Contracted",
        readonly=True,
        help="Untaxed contract value (after cancellations and reductions) in the "
        "company currency at the order's rate; 0 once released.",
    )
    amount_invoiced = fields.Monetary(
        "Invoiced",
        readonly=True,
        help="Untaxed amount of posted invoices minus credit notes, in the company "
        "currency at the invoice date: the participations' invoiced amount.",
    )
    amount_paid = fields.Monetary(
        "Paid", readonly=True, help="The paid share of the invoiced amount, untaxed."
    )
    amount_due = fields.Monetary(
        "Open Balance (Taxes In)",
        readonly=True,
        help="What the customer still owes, taxes in.",
    )
    amount_overdue = fields.Monetary(
        "Overdue (Taxes In)",
        readonly=True,
        help="Open invoices past their due date, taxes in.",
    )
    amount_deposit_pending = fields.Monetary(
        "Deposits Pending (Taxes In)",
        readonly=True,
        help="Open deposit invoices, taxes in.",
    )

    def _query(self):
        return SQL(
            """
            WITH order_moves AS (
                SELECT sol.order_id,
                       aml.move_id,
                       SUM(-aml.balance) AS untaxed,
                       BOOL_AND(COALESCE(sol.is_downpayment, FALSE)) AS is_deposit
                  FROM account_move_line aml
                  JOIN sale_order_line_invoice_rel rel ON rel.invoice_line_id = aml.id
                  JOIN sale_order_line sol ON sol.id = rel.order_line_id
                  JOIN account_move move ON move.id = aml.move_id
                 WHERE move.state = 'posted'
                   AND move.move_type IN ('out_invoice', 'out_refund')
                   AND aml.display_type = 'product'
              GROUP BY sol.order_id, aml.move_id
            )
            SELECT so.id AS id,
                   so.id AS order_id,
                   so.expo_event_id AS event_id,
                   ev.expo_series_id AS series_id,
                   so.partner_id AS partner_id,
                   so.user_id AS user_id,
                   so.company_id AS company_id,
                   company.currency_id AS currency_id,
                   so.expo_contract_state AS contract_state,
                   so.expo_deposit_due AS deposit_due,
                   so.expo_balance_due AS balance_due,
                   CASE WHEN so.state = 'cancel' THEN 0
                        ELSE so.amount_untaxed
                             / COALESCE(NULLIF(so.currency_rate, 0), 1)
                   END AS amount_contracted,
                   COALESCE(SUM(om.untaxed), 0) AS amount_invoiced,
                   COALESCE(SUM(om.untaxed * CASE
                       WHEN move.payment_state IN ('paid', 'in_payment', 'reversed')
                       THEN 1
                       WHEN move.amount_total_signed = 0 THEN 0
                       ELSE 1 - move.amount_residual_signed / move.amount_total_signed
                   END), 0) AS amount_paid,
                   COALESCE(SUM(move.amount_residual_signed), 0) AS amount_due,
                   COALESCE(SUM(move.amount_residual_signed) FILTER (
                       WHERE move.move_type = 'out_invoice'
                         AND move.invoice_date_due < CURRENT_DATE
                   ), 0) AS amount_overdue,
                   COALESCE(SUM(move.amount_residual_signed) FILTER (
                       WHERE om.is_deposit AND move.move_type = 'out_invoice'
                   ), 0) AS amount_deposit_pending
              FROM sale_order so
              JOIN res_company company ON company.id = so.company_id
              JOIN event_event ev ON ev.id = so.expo_event_id
         LEFT JOIN order_moves om ON om.order_id = so.id
         LEFT JOIN account_move move ON move.id = om.move_id
             WHERE so.expo_contract_schedule_id IS NOT NULL
               AND so.state IN ('sale', 'cancel')
          GROUP BY so.id, ev.expo_series_id, company.currency_id
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
