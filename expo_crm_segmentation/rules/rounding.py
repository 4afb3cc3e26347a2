"""Amounts and shares compared at the step they are rounded to.

A rules package imports nothing from Odoo, expo_crm's rules included (Odoo serves
them as ``odoo.addons.expo_crm``): ``Step`` rounds as expo_crm's
``rules.money.Currency`` does, and a test checks that both agree."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True, slots=True)
class Step:
    """The step amounts are rounded to (a currency's rounding, a share's step)."""

    rounding: float = 0.01

    def round(self, amount):
        """``amount`` rounded half away from zero to the step, as it is written in
        decimal.

        >>> Step(0.01).round(2.675), Step(1.0).round(-2.5)
        (2.68, -3.0)
        """
        step = Decimal(repr(self.rounding))
        units = (Decimal(repr(float(amount))) / step).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
        return float(units * step)


def compare(value1, value2, step):
    """-1, 0 or 1 as ``value1`` is below, equal to or above ``value2`` once both
    are rounded to ``step`` (as Odoo's ``float_compare`` does); values further apart
    than rounding could bring together are not rounded at all.

    >>> compare(0.004, 0.0, 0.01), compare(0.006, 0.002, 0.01), compare(10, 7, 0.01)
    (0, 1, 1)
    >>> compare(-0.01, 0.0, 0.01)
    -1
    """
    delta = value1 - value2
    if abs(delta) > 2 * step:
        return 1 if delta > 0 else -1
    if value1 == value2:
        return 0
    currency = Step(step)
    rounded = currency.round(value1) - currency.round(value2)
    if currency.round(rounded) == 0:
        return 0
    return -1 if rounded < 0 else 1


def is_zero(value, step):
    """Whether ``value`` rounds to zero at ``step``.

    >>> is_zero(0.004, 0.01), is_zero(0.005, 0.01)
    (True, False)
    """
    return Step(step).round(value) == 0
