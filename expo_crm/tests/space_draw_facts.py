# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Constructed floors and applicants for the space draw's database-free tests."""

from datetime import datetime

from ..rules.space_draw import Applicant, Booth, Preference

HALL_1, HALL_2 = 1, 2


def booth(booth_id, area, hall=HALL_1, booth_type="inline", row=None, position=None):
    return Booth(
        booth_id,
        area,
        hall,
        booth_type,
        row,
        position,
        (hall, row or "", position or 0, booth_id),
    )


def named(rank, *booth_ids):
    return Preference(rank, booth_ids=booth_ids)


def wish(rank, hall=None, booth_type=None, min_area=0.0):
    return Preference(rank, hall_id=hall, booth_type=booth_type, min_area=min_area)


def applicant(applicant_id, points=0.0, *preferences, signed=None, created=None):
    return Applicant(
        applicant_id,
        points,
        signed,
        created or datetime(2026, 1, 1, 9, 0),
        tuple(preferences),
    )


def by_applicant(outcomes):
    return {outcome.applicant_id: outcome for outcome in outcomes}
