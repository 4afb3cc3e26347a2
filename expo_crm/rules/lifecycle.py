"""The lifecycle stage of a customer's relationship with a series.

Cultivation: not taken part yet. Confirmation: took part, fewer times in a row than
trust takes. Trust: took part in enough editions since it was last lost, the latest
one included. Weakening: confirmed or trusted, but it skipped the latest edition,
cut its space or spend by the drop threshold, or answered as a detractor.
Disappearance: absent from enough of the latest editions. A customer lost and then
back is won back. Only editions that have started can be missed: an upcoming
edition not booked yet is never skipped.

The stage comes with its reasons, ``[code, parameters]`` pairs a reader turns into
sentences in its own language."""

from dataclasses import dataclass

from .drop import drop_percent
from .history import NO_FACTS, taken_editions

# company settings the rules read, by the attribute of LifecycleRules they fill
COMPANY_FIELDS = {
    "expo_trust_min_editions": "trust_min_editions",
    "expo_disappearance_missed_editions": "disappearance_missed_editions",
    "expo_weakening_drop_percent": "weakening_drop_percent",
    "expo_weakening_on_detractor": "weakening_on_detractor",
}


@dataclass(frozen=True, slots=True)
class LifecycleRules:
    """A company's lifecycle settings."""

    trust_min_editions: int = 2
    disappearance_missed_editions: int = 2
    weakening_drop_percent: float = 30.0
    weakening_on_detractor: bool = True


@dataclass(frozen=True, slots=True)
class Stage:
    """A relationship's stage, why (``[code, parameters]`` pairs) and whether the
    customer was won back."""

    stage: str
    reasons: list
    won_back: bool = False


def stage(rules, series_id, timeline, facts):
    """The stage of a customer whose history in series ``series_id`` is ``facts``
    ({edition id: EditionFacts}) on ``timeline``."""
    taken = taken_editions(timeline, facts)
    if not taken:
        return Stage("cultivation", [["no_participation", {"series": series_id}]])
    lost_after = rules.disappearance_missed_editions
    last_taken = taken[-1]
    missed = [e for e in timeline.started if e.date_begin > last_taken.date_begin]
    if len(missed) >= lost_after:
        return Stage(
            "disappearance",
            [["absent", {"count": len(missed), "edition": last_taken.id}]],
        )
    run, won_back_in = current_run(timeline.started, taken, lost_after)
    latest = timeline.latest
    trust_needed = rules.trust_min_editions
    if len(run) >= trust_needed and (not latest or latest in run):
        name = "trust"
        reasons = [["trust", {"count": len(run), "series": series_id}]]
    else:
        name = "confirmation"
        reasons = [
            [
                "confirmation",
                {"count": len(run), "needed": trust_needed, "edition": run[0].id},
            ]
        ]
    weakening = weakening_reasons(rules, latest, missed, taken, facts)
    if weakening:
        name, reasons = "weakening", weakening
    if won_back_in:
        reasons.append(["won_back", {"edition": won_back_in.id}])
    return Stage(name, reasons, bool(won_back_in))


def current_run(started, taken, lost_after):
    """The editions taken part in since the customer was last lost, and the edition
    that won it back (None when it was never lost)."""
    run_start = 0
    for index in range(1, len(taken)):
        previous, current = taken[index - 1], taken[index]
        skipped = [
            edition
            for edition in started
            if previous.date_begin < edition.date_begin < current.date_begin
        ]
        if len(skipped) >= lost_after:
            run_start = index
    return taken[run_start:], taken[run_start] if run_start else None


def weakening_reasons(rules, latest, missed, taken, facts):
    """The reasons that make a confirmed or trusted customer weakening: the latest
    edition skipped, a space or spend cut from its previous edition, or a
    detractor's answer about its latest one."""
    if missed:
        return [["skipped", {"edition": latest.id}]]
    past = [e for e in taken if latest and e.date_begin <= latest.date_begin]
    if not past:
        return []
    reasons = []
    current = past[-1]
    if len(past) >= 2:
        previous = past[-2]
        threshold = rules.weakening_drop_percent
        names = {"edition": current.id, "previous": previous.id}
        space_drop = drop_percent(
            facts[previous.id].space_sqm, facts[current.id].space_sqm
        )
        if space_drop >= threshold:
            reasons.append(["space_cut", {"percent": round(space_drop), **names}])
        spend_drop = drop_percent(
            facts[previous.id].amount_invoiced, facts[current.id].amount_invoiced
        )
        if spend_drop >= threshold:
            reasons.append(["spend_cut", {"percent": round(spend_drop), **names}])
    if rules.weakening_on_detractor and facts[current.id].detractor:
        reasons.append(["detractor", {"edition": current.id}])
    return reasons


def streak(timeline, facts):
    """Consecutive editions taken part in, counted back from the latest edition
    that has started (from the last one when none has started yet)."""
    editions = timeline.editions
    reference = timeline.latest or (editions[-1] if editions else None)
    if reference is None:
        return 0
    count = 0
    for edition in reversed(editions[: editions.index(reference) + 1]):
        if not facts.get(edition.id, NO_FACTS).taken_part:
            break
        count += 1
    return count
