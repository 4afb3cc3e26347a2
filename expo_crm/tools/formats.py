# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import formatLang


def format_area(env, area):
    """An area in m² as ``env``'s language writes numbers, without decimals when
    it is whole (36, 13.5)."""
    return formatLang(env, area, digits=0 if float(area).is_integer() else 2)
