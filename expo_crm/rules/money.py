"""Amounts rounded the way a currency rounds them.

>>> Currency(0.01).round(2.675)
2.68
>>> Currency(1.0).round(-2.5)
-3.0
>>> Currency(0.05).round(1.03)
1.05
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency as the rules read it: the step its amounts are rounded to."""

    rounding: float = 0.01

    def round(self, amount):
        """``amount`` rounded half away from zero to the currency's step, as the
        amount is written in decimal (2.675 is 2.68, not the 2.67 of its binary
        float)."""
        step = Decimal(repr(self.rounding))
        units = (Decimal(repr(float(amount))) / step).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
        return float(units * step)
