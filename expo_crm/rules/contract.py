"""The money side of a space contract: the deposit and balance of its payment
schedule, the cancellation tiers and what a cancellation or a reduction of the
space costs and leaves to invoice or to credit."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

# what is wrong with a list of cancellation tiers (the model words each one)
TIER_OVERLAP = "overlap"
TIER_UNORDERED = "unordered"
TIER_PERCENT = "percent"
TIER_DAYS = "days"
TIER_START = "start"
# what is wrong with a reduction
REDUCTION_NOTHING = "nothing"
REDUCTION_TOO_LARGE = "too_large"
REDUCTION_ALL = "all"


@dataclass(frozen=True, slots=True)
class Tier:
    """Cancelling (or giving space back) ``min_days`` days or more before the
    opening costs ``percent`` % of what is cancelled, up to the next tier."""

    min_days: int
    percent: float


@dataclass(frozen=True, slots=True)
class Settlement:
    """What a cancellation or reduction does to a contract, in its currency.

    ``released`` is the contract value given back, ``penalty`` what the customer
    still owes for it, ``contract_after`` the new contract value, ``to_invoice``
    what is left to invoice now (negative: to credit) when everything else of the
    contract was invoiced, and ``to_refund`` the money paid beyond the new
    contract value."""

    percent: float
    released: float
    penalty: float
    contract_after: float
    to_invoice: float
    to_refund: float


def round_amount(amount, rounding):
    """An amount rounded half up to a multiple of the currency's rounding."""
    step = Decimal(str(rounding))
    units = (Decimal(str(amount)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return float(units * step)


def tier_errors(tiers):
    """The problems of a list of tiers (codes), empty when it is a valid
    schedule."""
    errors = []
    if any(tier.min_days < 0 for tier in tiers):
        errors.append(TIER_DAYS)
    if any(not 0 <= tier.percent <= 100 for tier in tiers):
        errors.append(TIER_PERCENT)
    days = [tier.min_days for tier in tiers]
    if len(set(days)) != len(days):
        errors.append(TIER_OVERLAP)
    ordered = sorted(tiers, key=lambda tier: tier.min_days)
    if any(
        later.percent > earlier.percent
        for earlier, later in zip(ordered, ordered[1:], strict=False)
    ):
        # a cancellation closer to the opening never costs less
        errors.append(TIER_UNORDERED)
    if tiers and min(days) != 0:
        errors.append(TIER_START)
    return errors


def days_before_opening(opening, on):
    """Whole days from ``on`` to the opening day (negative once it has opened)."""
    return (opening - on).days


def penalty_percent(tiers, days_before):
    """The penalty rate of the tier that covers a change ``days_before`` the
    opening; 0 without tiers."""
    covering = [tier for tier in tiers if tier.min_days <= max(days_before, 0)]
    if not covering:
        return 0.0
    return max(covering, key=lambda tier: tier.min_days).percent


def deposit_amount(contract, percent, rounding):
    """The deposit due at signing: a share of the contract value."""
    return round_amount(contract * percent / 100.0, rounding)


def deposit_due_date(signed_on, due_days):
    """The day the deposit is due: some days after signing."""
    return signed_on + timedelta(days=due_days)


def balance_due_date(opening, days_before, signed_on=None):
    """The day the balance is due: some days before the opening, never before
    signing (a contract signed late pays its balance at once)."""
    due = opening - timedelta(days=days_before)
    return max(due, signed_on) if signed_on else due


def balance_invoice_date(balance_due, lead_days):
    """The day the balance invoice is issued: some days before it is due."""
    return balance_due - timedelta(days=lead_days)


def cancellation(contract, invoiced, paid, percent, rounding):
    """The settlement of cancelling the whole contract at a penalty rate."""
    penalty = round_amount(contract * percent / 100.0, rounding)
    return Settlement(
        percent=percent,
        released=round_amount(contract, rounding),
        penalty=penalty,
        contract_after=penalty,
        to_invoice=round_amount(penalty - invoiced, rounding),
        to_refund=round_amount(max(paid - penalty, 0.0), rounding),
    )


def reduction_error(space, given_back):
    """What is wrong with giving ``given_back`` m² of ``space`` back (a code),
    or None."""
    if given_back <= 0:
        return REDUCTION_NOTHING
    if given_back > space + 1e-6:
        return REDUCTION_TOO_LARGE
    if abs(given_back - space) <= 1e-6:
        return REDUCTION_ALL
    return None


def reduction(
    contract, space_amount, space, given_back, invoiced, paid, percent, rounding
):
    """The settlement of giving part of the space back at a penalty rate: the
    space's value is released pro rata of the area."""
    released = round_amount(space_amount * given_back / space, rounding)
    penalty = round_amount(released * percent / 100.0, rounding)
    contract_after = round_amount(contract - released + penalty, rounding)
    return Settlement(
        percent=percent,
        released=released,
        penalty=penalty,
        contract_after=contract_after,
        to_invoice=round_amount(contract_after - invoiced, rounding),
        to_refund=round_amount(max(paid - contract_after, 0.0), rounding),
    )


def is_overdue(due_on, residual, today, rounding):
    """Whether an amount still open is past its due date."""
    return bool(due_on) and due_on < today and abs(residual) >= rounding / 2


def opening_day(opening):
    """The opening day of an edition from its start (a date or datetime)."""
    return opening if type(opening) is date else opening.date()
