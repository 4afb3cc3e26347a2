"""The space draw: in which order applicants choose and which booths each one gets.

An edition's applicants choose in priority order: most priority points first, ties
broken by the earliest signing date, then by the earliest date the opportunity was
created. Each applicant gets its highest-ranked preference that can still be met: a
preference naming booths is met when every one of them is free (booths of a
preference are held together or not at all); a preference wishing for a hall, a
type and a minimum area is met by the best free fit, a single booth (the smallest
large enough) or, when no single booth is large enough, adjacent booths of one row
joined into a stand. An applicant none of whose preferences can be met goes on the
waiting list; booths released later are offered to the waiting applicants in the
same order.

Every outcome carries notes, ``(code, parameters)`` pairs that say why the applicant
got what it got; the caller turns them into sentences in the reader's language.
"""

from dataclasses import dataclass
from datetime import date, datetime

from .floor import Booth, FreeFloor, fits_wish, stand_type

__all__ = [
    "Applicant",
    "Booth",
    "FreeFloor",
    "Outcome",
    "Preference",
    "choose",
    "draw_order",
    "fits_wish",
    "offer_released",
    "run_draw",
    "stand_type",
]


@dataclass(frozen=True, slots=True)
class Preference:
    """One ranked choice: named booths (held together or not at all), or a wish for
    a hall, a type and a minimum area (any of them may be left open)."""

    rank: int
    booth_ids: tuple[int, ...] = ()
    hall_id: int | None = None
    booth_type: str | None = None
    min_area: float = 0.0


@dataclass(frozen=True, slots=True)
class Applicant:
    """An opportunity taking part in the draw. ``holds`` are the booths it holds
    already: then it is served and keeps them; a ``settled`` applicant was served
    in an earlier run and keeps its outcome whatever it holds now."""

    id: int
    points: float = 0.0
    date_signed: date | None = None
    date_created: datetime | None = None
    preferences: tuple[Preference, ...] = ()
    holds: tuple[int, ...] = ()
    settled: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an applicant gets: booths (none on the waiting list), the rank of the
    preference met, its place in the draw order and the notes saying why."""

    applicant_id: int
    position: int
    booth_ids: tuple[int, ...] = ()
    rank: int | None = None
    notes: tuple[tuple[str, dict], ...] = ()

    @property
    def waiting(self):
        return not self.booth_ids


def draw_key(applicant):
    """Sort key of the draw order: most points, then earliest signing, then earliest
    creation, then the lowest id."""
    return (
        -applicant.points,
        not applicant.date_signed,
        applicant.date_signed or date.min,
        not applicant.date_created,
        applicant.date_created or datetime.min,
        applicant.id,
    )


def draw_order(applicants):
    """The applicants in the order they choose."""
    return sorted(applicants, key=draw_key)


def is_wish(preference):
    """Whether a preference wishes for a hall, type or area instead of naming
    booths."""
    return not preference.booth_ids


def wish_parameters(preference):
    """The wish of a preference as note parameters."""
    return {
        "hall": preference.hall_id,
        "type": preference.booth_type,
        "min_area": preference.min_area,
    }


def choose(applicant, floor, holders, only=None):
    """The booths an applicant gets from the free floor, the rank of the preference
    met and the notes saying why: its highest preference that can be met.

    ``holders`` maps booths taken by other applicants of the draw to their place in
    the draw order; ``only`` limits the choice to stands holding one of these
    booths (an offer of released booths).
    """
    notes = []
    for preference in sorted(applicant.preferences, key=lambda pref: pref.rank):
        if is_wish(preference):
            booth_ids = floor.best_fit(preference, only)
            if booth_ids:
                code = "wish_joined" if len(booth_ids) > 1 else "wish_met"
                return (
                    booth_ids,
                    preference.rank,
                    (*notes, _met(code, preference, booth_ids, floor)),
                )
            notes.append(
                ("wish_none", {"rank": preference.rank, **wish_parameters(preference)})
            )
            continue
        booth_ids = tuple(dict.fromkeys(preference.booth_ids))
        if floor.all_free(booth_ids) and (
            only is None or any(bid in only for bid in booth_ids)
        ):
            return (
                booth_ids,
                preference.rank,
                (*notes, _met("named_met", preference, booth_ids, floor)),
            )
        notes.append(_named_missed(preference, floor, holders))
    return (), None, tuple(notes)


def _met(code, preference, booth_ids, floor):
    params = {
        "rank": preference.rank,
        "booths": list(booth_ids),
        "area": round(sum(floor.booths[bid].area for bid in booth_ids), 2),
    }
    if is_wish(preference):
        params.update(wish_parameters(preference))
    return (code, params)


def _named_missed(preference, floor, holders):
    """Why named booths could not be held: taken by whom in the draw, else not
    available (sold, held outside the draw, or not on the floor)."""
    missing = [bid for bid in preference.booth_ids if bid not in floor.free]
    taken_by = sorted({holders[bid] for bid in missing if bid in holders})
    params = {"rank": preference.rank, "booths": list(preference.booth_ids)}
    if taken_by:
        return ("named_taken", {**params, "positions": taken_by})
    return ("named_unavailable", params)


def run_draw(applicants, free_booths):
    """Every applicant's outcome in draw order over the free booths: served
    applicants keep what they hold, the others take their highest preference
    still free, else wait."""
    floor = FreeFloor(free_booths)
    ordered = draw_order(applicants)
    holders = {
        booth_id: position
        for position, applicant in enumerate(ordered, 1)
        for booth_id in applicant.holds
    }
    outcomes = []
    for position, applicant in enumerate(ordered, 1):
        if applicant.holds or applicant.settled:
            note = ("served", {"booths": list(applicant.holds)})
            outcomes.append(
                Outcome(
                    applicant.id,
                    position,
                    tuple(applicant.holds),
                    notes=(note,) if applicant.holds else (),
                )
            )
            continue
        booth_ids, rank, notes = choose(applicant, floor, holders)
        if booth_ids:
            floor.take(booth_ids)
            holders.update(dict.fromkeys(booth_ids, position))
        else:
            notes = (*notes, _waiting_note(applicant, floor))
        outcomes.append(Outcome(applicant.id, position, booth_ids, rank, notes))
    return outcomes


def _waiting_note(applicant, floor):
    if not applicant.preferences:
        return ("no_preference", {})
    if not floor.free:
        return ("floor_full", {})
    return ("waiting", {})


def offer_released(waiting, free_booths, released_ids):
    """Released booths offered to the waiting applicants in draw order, each to the
    first whose preferences they meet; returns the outcomes of those served."""
    floor = FreeFloor(free_booths)
    released = {bid for bid in released_ids if bid in floor.free}
    outcomes = []
    for position, applicant in enumerate(draw_order(waiting), 1):
        if not released:
            break
        booth_ids, rank, _notes = choose(applicant, floor, {}, only=released)
        if not booth_ids:
            continue
        floor.take(booth_ids)
        released -= set(booth_ids)
        params = {
            "rank": rank,
            "booths": list(booth_ids),
            "area": round(sum(floor.booths[bid].area for bid in booth_ids), 2),
        }
        outcomes.append(
            Outcome(applicant.id, position, booth_ids, rank, (("offered", params),))
        )
    return outcomes
