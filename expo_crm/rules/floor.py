"""The floor of an edition as the space draw sees it: booths, the type of a stand
of several booths, whether a stand meets a wish, and the index of the booths still
free that finds the best fit of a wish without reading the whole floor."""

from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass

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


def stand_type(booths):
    """The type of a stand made of these booths: the most open sides among them."""
    return max((booth.booth_type for booth in booths), key=BOOTH_TYPES.index)


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
        self.sides = {booth.id: BOOTH_TYPES.index(booth.booth_type) for booth in booths}
        self.segments = {}

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
            self._forget_row(booth)

    def give_back(self, booth_ids):
        """Mark these booths free again."""
        for booth_id in booth_ids:
            booth = self.booths[booth_id]
            if booth_id in self.free:
                continue
            self.free.add(booth_id)
            insort(self.sizes[booth.hall_id, booth.booth_type], _size_key(booth))
            self._forget_row(booth)

    def _forget_row(self, booth):
        """The free runs of the booth's row changed."""
        self.largest_run.pop((booth.hall_id, booth.row), None)
        self.segments.pop((booth.hall_id, booth.row), None)

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
        need = preference.min_area - AREA_EPSILON
        wanted = (
            BOOTH_TYPES.index(preference.booth_type) if preference.booth_type else None
        )
        best_key, best = None, None
        for hall in self._halls(preference):
            for row_key in self.rows_by_hall.get(hall, ()):
                if self._largest_run(row_key) < need:
                    continue
                for run, total, sides in self._runs(row_key, need, wanted or 0):
                    # the stand's type is its most open booth's
                    if wanted is not None and sides != wanted:
                        continue
                    if only is not None and not any(b.id in only for b in run):
                        continue
                    key = (total, len(run), run[0].sequence)
                    if best_key is None or key < best_key:
                        best_key, best = key, tuple(booth.id for booth in run)
        return best

    def _segments(self, row_key):
        """Free booths of a row in runs of consecutive positions (kept until a
        booth of the row is taken or given back)."""
        if row_key not in self.segments:
            segments, segment = [], []
            for booth in self.rows[row_key]:
                if booth.id not in self.free:
                    if segment:
                        segments.append(segment)
                    segment = []
                    continue
                if segment and booth.position != segment[-1].position + 1:
                    segments.append(segment)
                    segment = []
                segment.append(booth)
            if segment:
                segments.append(segment)
            self.segments[row_key] = segments
        return self.segments[row_key]

    def _largest_run(self, row_key):
        if row_key not in self.largest_run:
            self.largest_run[row_key] = max(
                (sum(b.area for b in segment) for segment in self._segments(row_key)),
                default=0.0,
            )
        return self.largest_run[row_key]

    def _runs(self, row_key, need, wanted_sides):
        """For each first booth, the shortest run of adjacent free booths reaching
        the area and the open sides wanted: ``(booths, area, open sides)``."""
        for segment in self._segments(row_key):
            areas = [booth.area for booth in segment]
            sides = [self.sides[booth.id] for booth in segment]
            for start in range(len(segment)):
                total, most = 0.0, 0
                for end in range(start, len(segment)):
                    total += areas[end]
                    if sides[end] > most:
                        most = sides[end]
                    if total >= need and most >= wanted_sides:
                        yield segment[start : end + 1], total, most
                        break
                else:
                    # the rest of the segment is not enough: nor is any part of it
                    break


def _size_key(booth):
    return (booth.area, booth.sequence, booth.id)
