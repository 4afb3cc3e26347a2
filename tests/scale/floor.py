"""The floor of the flagship's upcoming edition, for the space draw step of the
benchmark: halls of one venue, booths laid out in rows (inline, corners at the row
ends, a peninsula mid-row, islands), and opportunities of the flagship's customers
with ranked booth preferences, contested at the front of the halls.

Created by the step itself, inside a savepoint it rolls back, so that no other
figure of the benchmark moves; reproducible from ``seed``.
"""

import random
from datetime import timedelta

from odoo import Command

HALLS = 6
BOOTHS_PER_ROW = 25
# booth areas of an inline booth, most of them standard
INLINE_AREAS = (9, 9, 9, 9, 12, 12, 18)
# wished minimum areas: some larger than any booth, met by joining booths
WISHED_AREAS = (0, 9, 9, 12, 18, 18, 27, 36, 45, 54)
BATCH = 1000


def _log(message):
    print(f"[bench] {message}", flush=True)


def booth_layout(count, rng):
    """``(hall index, row, position, type, area)`` of ``count`` booths spread over
    the halls, rows of ``BOOTHS_PER_ROW``."""
    per_hall = -(-count // HALLS)
    layout = []
    for number in range(count):
        hall, index = divmod(number, per_hall)
        row, position = divmod(index, BOOTHS_PER_ROW)
        position += 1
        if index % 97 == 96:
            booth_type, area = "island", 36
        elif position in (1, BOOTHS_PER_ROW):
            booth_type, area = "corner", 18
        elif position == BOOTHS_PER_ROW // 2 + 1:
            booth_type, area = "peninsula", 27
        else:
            booth_type, area = "inline", rng.choice(INLINE_AREAS)
        layout.append(
            (hall, f"{chr(65 + row % 26)}{row // 26 or ''}", position, booth_type, area)
        )
    return layout


def create_floor(env, edition, booths=3000, applicants=5000, seed=16):
    """Halls, booths and applicants of ``edition``; returns what the step reads:
    ``{"draw", "booths", "leads", "preferences"}``."""
    rng = random.Random(seed)
    context = {
        "tracking_disable": True,
        "mail_create_nolog": True,
        "mail_notrack": True,
    }
    env = env(context=dict(env.context, **context))
    venue = env["res.partner"].create({"name": "Scale Venue", "is_company": True})
    edition.address_id = venue
    halls = env["expo.hall"].create(
        [
            {
                "name": f"Scale Hall {number + 1}",
                "venue_id": venue.id,
                "sequence": number,
            }
            for number in range(HALLS)
        ]
    )
    product = env["product.product"].create(
        {
            "name": "Scale Booth Space",
            "type": "service",
            "service_tracking": "event_booth",
            "expo_amount_kind": "booth",
            "list_price": 320.0,
        }
    )
    category = env["event.booth.category"].create(
        {
            "name": "Scale Booth",
            "product_id": product.id,
            "expo_area_sqm": 9,
            "expo_price_per_sqm": 320.0,
        }
    )
    booth_ids = []
    layout = booth_layout(booths, rng)
    for start in range(0, len(layout), BATCH):
        booth_ids += (
            env["event.booth"]
            .create(
                [
                    {
                        "name": f"H{hall + 1}-{row}{position:02d}",
                        "event_id": edition.id,
                        "booth_category_id": category.id,
                        "expo_hall_id": halls[hall].id,
                        "expo_row": row,
                        "expo_row_position": position,
                        "expo_booth_type": booth_type,
                        "expo_area_sqm": area,
                    }
                    for hall, row, position, booth_type, area in layout[
                        start : start + BATCH
                    ]
                ]
            )
            .ids
        )
    _log(f"draw floor: {len(halls)} halls, {len(booth_ids)} booths")
    leads = _create_applicants(env, edition, applicants, rng)
    preferences = _create_preferences(env, leads, booth_ids, layout, halls, rng)
    _log(f"draw floor: {len(leads)} applicants, {preferences} preferences")
    draw = env["expo.space.draw"].create({"event_id": edition.id})
    return {
        "draw": draw,
        "booths": len(booth_ids),
        "leads": len(leads),
        "preferences": preferences,
    }


def _create_applicants(env, edition, count, rng):
    """Opportunities for ``edition`` of customers of the series' latest held
    edition (exhibitors and sponsors), some with their application signed."""
    previous = edition.expo_previous_event_id
    env.cr.execute(
        """
        SELECT DISTINCT p.partner_id FROM expo_participation p
          JOIN expo_role r ON r.id = p.role_id
         WHERE p.event_id = %s AND r.code IN ('exhibitor', 'sponsor')
         ORDER BY p.partner_id
        """,
        [previous.id],
    )
    partner_ids = [row[0] for row in env.cr.fetchall()]
    partner_ids = sorted(rng.sample(partner_ids, min(count, len(partner_ids))))
    exhibitor = env.ref("expo_crm.role_exhibitor")
    opening = edition.date_begin.date()
    signed = {
        partner_id: (
            opening - timedelta(days=rng.randint(30, 200))
            if rng.random() < 0.7
            else False
        )
        for partner_id in partner_ids
    }
    # a customer's open opportunity for the edition (a rebooking one) is its
    # application: one per customer, edition and role
    Lead = env["crm.lead"]
    leads = Lead.search(
        [
            ("expo_event_id", "=", edition.id),
            ("expo_role_id", "=", exhibitor.id),
            ("expo_customer_id", "in", partner_ids),
            ("type", "=", "opportunity"),
        ]
    )
    by_date = {}
    for lead in leads:
        by_date.setdefault(signed[lead.expo_customer_id.id], Lead)
        by_date[signed[lead.expo_customer_id.id]] |= lead
    for date_signed, dated in by_date.items():
        dated.write({"expo_date_signed": date_signed})
    missing = sorted(set(partner_ids) - set(leads.expo_customer_id.ids))
    for start in range(0, len(missing), BATCH):
        leads |= Lead.create(
            [
                {
                    "name": f"Scale space application {partner_id}",
                    "type": "opportunity",
                    "partner_id": partner_id,
                    "expo_event_id": edition.id,
                    "expo_role_id": exhibitor.id,
                    "expo_date_signed": signed[partner_id],
                }
                for partner_id in missing[start : start + BATCH]
            ]
        )
    return leads


def _create_preferences(env, leads, booth_ids, layout, halls, rng):
    """One to five ranked choices per applicant: named booths at the front of the
    halls (two adjacent ones now and then), or wishes for a hall, a type and an
    area."""
    front = [
        index
        for index, (_hall, _row, position, _type, _area) in enumerate(layout)
        if position <= 6
    ]
    types = (None, None, "inline", "corner", "peninsula", "island")
    values = []
    for lead in leads:
        for rank in range(1, rng.choice((1, 2, 3, 3, 4, 5)) + 1):
            if rng.random() < 0.5:
                index = rng.choice(
                    front[: max(1, len(front) // 3)] if rng.random() < 0.6 else front
                )
                named = [booth_ids[index]]
                if rng.random() < 0.1 and index + 1 < len(booth_ids):
                    named.append(booth_ids[index + 1])
                choice = {"booth_ids": [Command.set(named)]}
            else:
                choice = {
                    "hall_id": rng.choice([False, *halls.ids]),
                    "booth_type": rng.choice(types) or False,
                    "min_area_sqm": rng.choice(WISHED_AREAS),
                }
                if not (
                    choice["hall_id"] or choice["booth_type"] or choice["min_area_sqm"]
                ):
                    choice["min_area_sqm"] = 9
            values.append({"lead_id": lead.id, "sequence": rank, **choice})
    for start in range(0, len(values), BATCH * 5):
        env["expo.booth.preference"].create(values[start : start + BATCH * 5])
    return len(values)
