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

from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

# booth types by their number of open sides, one to four
BOOTH_TYPES = ("inline", "corner", "peninsula", "island")
# areas are entered to the hundredth of a m²
AREA_EPSILON = 1e-6


@dataclass(frozen=True, slots=True)
class Booth:
    """A booth of the floor. Booths of one hall and row whose positions follow each
    other are adjacent; ``sequence`` orders booths that are otherwise equal (hall,
    row, position, name)."""

    id: int
    area: float
    hall_id: int | None = None
    booth_type: str = "inline"
    row: str | None = None
    position: int | None = None
    sequence: tuple = ()


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


def stand_type(booths):
    """The type of a stand made of these booths: the most open sides among them."""
    return max((booth.booth_type for booth in booths), key=BOOTH_TYPES.index)


def is_wish(preference):
    """Whether a preference wishes for a hall, type or area instead of naming
    booths."""
    return not preference.booth_ids


def fits_wish(booths, preference):
    """Whether a stand of these booths meets a wish's hall, type and minimum
    area."""
    return (
        all(
            preference.hall_id is None or booth.hall_id == preference.hall_id
            for booth in booths
        )
        and (
            preference.booth_type is None or stand_type(booths) == preference.booth_type
        )
        and sum(booth.area for booth in booths) >= preference.min_area - AREA_EPSILON
    )


def wish_parameters(preference):
    """The wish of a preference as note parameters."""
    return {
        "hall": preference.hall_id,
        "type": preference.booth_type,
        "min_area": preference.min_area,
    }


class FreeFloor:
    """The booths still free during a draw, indexed to find the best fit of a wish
    without reading the whole floor: per hall and type the free booths sorted by
    area, per hall and row the booths in position order."""

    def __init__(self, booths):
        self.booths = {booth.id: booth for booth in booths}
        self.free = set(self.booths)
        self.sizes = defaultdict(list)
        self.rows = defaultdict(list)
        self.rows_by_hall = defaultdict(list)
        self.largest_run = {}
        for booth in booths:
            self.sizes[booth.hall_id, booth.booth_type].append(_size_key(booth))
            if booth.row is not None and booth.position is not None:
                self.rows[booth.hall_id, booth.row].append(booth)
        for sizes in self.sizes.values():
            sizes.sort()
        for key, row in self.rows.items():
            row.sort(key=lambda booth: (booth.position, booth.sequence, booth.id))
            self.rows_by_hall[key[0]].append(key)
        self.halls = sorted(
            {booth.hall_id for booth in booths}, key=lambda hall: (hall is None, hall)
        )

    def all_free(self, booth_ids):
        """Whether every one of these booths is free."""
        return bool(booth_ids) and all(bid in self.free for bid in booth_ids)

    def take(self, booth_ids):
        """Mark these booths taken."""
        for booth_id in booth_ids:
            booth = self.booths[booth_id]
            self.free.discard(booth_id)
            sizes = self.sizes[booth.hall_id, booth.booth_type]
            index = bisect_left(sizes, _size_key(booth))
            if index < len(sizes) and sizes[index][-1] == booth_id:
                del sizes[index]
            self.largest_run.pop((booth.hall_id, booth.row), None)

    def give_back(self, booth_ids):
        """Mark these booths free again."""
        for booth_id in booth_ids:
            booth = self.booths[booth_id]
            if booth_id in self.free:
                continue
            self.free.add(booth_id)
            insort(self.sizes[booth.hall_id, booth.booth_type], _size_key(booth))
            self.largest_run.pop((booth.hall_id, booth.row), None)

    def best_fit(self, preference, only=None):
        """The best free stand for a wish: the smallest single booth large enough,
        else the smallest run of adjacent booths; ``only`` limits it to stands
        holding one of these booths. Returns booth ids, or None."""
        single = self._best_single(preference, only)
        if single is not None:
            return (single.id,)
        return self._best_run(preference, only)

    def _halls(self, preference):
        if preference.hall_id is not None:
            return [preference.hall_id]
        return self.halls

    def _best_single(self, preference, only):
        types = (preference.booth_type,) if preference.booth_type else BOOTH_TYPES
        if only is not None:
            candidates = [
                self.booths[bid]
                for bid in only
                if bid in self.free and fits_wish([self.booths[bid]], preference)
            ]
            return min(candidates, key=_size_key, default=None)
        best = None
        for hall in self._halls(preference):
            for booth_type in types:
                sizes = self.sizes.get((hall, booth_type))
                if not sizes:
                    continue
                index = bisect_left(sizes, (preference.min_area - AREA_EPSILON,))
                if index < len(sizes) and (best is None or sizes[index] < best):
                    best = sizes[index]
        return self.booths[best[-1]] if best else None

    def _best_run(self, preference, only):
        if preference.min_area <= 0:
            return None
        wanted_sides = BOOTH_TYPES.index(preference.booth_type or "inline")
        best_key, best = None, None
        for hall in self._halls(preference):
            for row_key in self.rows_by_hall.get(hall, ()):
                if self._largest_run(row_key) < preference.min_area - AREA_EPSILON:
                    continue
                for run in self._runs(row_key, preference.min_area, wanted_sides):
                    if not fits_wish(run, preference):
                        continue
                    if only is not None and not any(b.id in only for b in run):
                        continue
                    key = (sum(b.area for b in run), len(run), run[0].sequence)
                    if best_key is None or key < best_key:
                        best_key, best = key, tuple(booth.id for booth in run)
        return best

    def _segments(self, row_key):
        """Free booths of a row in runs of consecutive positions."""
        segment = []
        for booth in self.rows[row_key]:
            if booth.id not in self.free:
                if segment:
                    yield segment
                segment = []
                continue
            if segment and booth.position != segment[-1].position + 1:
                yield segment
                segment = []
            segment.append(booth)
        if segment:
            yield segment

    def _largest_run(self, row_key):
        if row_key not in self.largest_run:
            self.largest_run[row_key] = max(
                (sum(b.area for b in segment) for segment in self._segments(row_key)),
                default=0.0,
            )
        return self.largest_run[row_key]

    def _runs(self, row_key, min_area, wanted_sides):
        """For each first booth, the shortest run of adjacent free booths reaching
        the area and the open sides wanted."""
        for segment in self._segments(row_key):
            for start in range(len(segment)):
                total, sides = 0.0, 0
                for end in range(start, len(segment)):
                    total += segment[end].area
                    sides = max(sides, BOOTH_TYPES.index(segment[end].booth_type))
                    if total >= min_area - AREA_EPSILON and sides >= wanted_sides:
                        yield segment[start : end + 1]
                        break


def _size_key(booth):
    return (booth.area, booth.sequence, booth.id)


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
