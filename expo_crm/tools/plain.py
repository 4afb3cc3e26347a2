# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial
from types import SimpleNamespace

from odoo.tools import float_round


def plain_currency(currency):
    """``currency``'s id and rounding as plain attributes, and ``round`` as
    ``res.currency.round`` does it: for batch rules that round thousands of
    amounts without reading the record each time."""
    return SimpleNamespace(
        id=currency.id,
        rounding=currency.rounding,
        round=partial(float_round, precision_rounding=currency.rounding),
    )
