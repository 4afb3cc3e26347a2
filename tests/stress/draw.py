"""Two managers press *Assign* on the same space draw at the same moment.

``run(registry, size)`` lays out a floor of its own (committed: the two users' own
transactions must see it), then for each run resets the draw and lets two threads,
each with its own cursor, assign it at once. One of them holds the booths; the other
is refused ("another user is running the draw") or, when the first has committed
already, retries and finds nothing left to assign. The figures count what was
assigned and every booth or applicant served twice (``duplicates``: must be 0).

Run by ``setup/expo stress`` (``--only draw``); the data it creates is removed at
the end.
"""

import uuid
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, Command, api

from .common import race, scenario_users, tally

SIZES = {
    # (runs, booths, applicants): more applicants than booths, contested choices
    "small": (3, 40, 60),
    "large": (10, 400, 600),
}


def run(registry, size="small"):
    """Race two Assign on one draw ``runs`` times; return the figures."""
    runs, booth_count, applicant_count = SIZES[size]
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        setup = _set_up(env, booth_count, applicant_count)
        cr.commit()
    figures = {
        "scenario": "space draw assigned by two users at once",
        "runs": runs,
        "booths": booth_count,
        "applicants": applicant_count,
        "assigned": 0,
        "duplicates": 0,
        "refused": 0,
        "retries": 0,
        "failures": 0,
        "errors": [],
    }
    try:
        for _run in range(runs):
            _reset(registry, setup)
            results = race(
                registry,
                [
                    (uid, "expo.space.draw", setup["draw"], "action_assign")
                    for uid in setup["managers"]
                ],
            )
            counts = tally(results)
            for key in ("refused", "retries", "failures"):
                figures[key] += counts[key]
            figures["errors"] += counts["errors"]
            assigned, duplicates = _check(registry, setup)
            figures["assigned"] += assigned
            figures["duplicates"] += duplicates
    finally:
        _tear_down(registry, setup)
    figures["violations"] = [
        name
        for name, wrong in (
            ("booths or applicants served twice", figures["duplicates"]),
            ("unexpected errors", figures["failures"]),
        )
        if wrong
    ]
    return figures


def _set_up(env, booth_count, applicant_count):
    """A series with a past and a next edition, a hall of booths in rows, managers,
    customers with priority points and opportunities with contested preferences."""
    tag = uuid.uuid4().hex[:8]
    managers = scenario_users(env, "draw", tag, "expo_crm.group_expo_manager")
    series = env["expo.series"].create(
        {"name": f"Stress Draw Fair {tag}", "code": f"SD{tag}", "points_per_sqm": 0}
    )
    venue = env["res.partner"].create(
        {"name": f"Stress Venue {tag}", "is_company": True}
    )
    now = datetime.now().replace(microsecond=0)
    past, upcoming = env["event.event"].create(
        [
            {
                "name": f"Stress Draw Fair {tag} {label}",
                "expo_series_id": series.id,
                "address_id": venue.id,
                "date_begin": now + timedelta(days=offset),
                "date_end": now + timedelta(days=offset + 3),
            }
            for label, offset in (("past", -300), ("next", 90))
        ]
    )
    hall = env["expo.hall"].create({"name": f"Stress Hall {tag}", "venue_id": venue.id})
    category = env["event.booth.category"].create(
        {"name": f"Stress {tag}", "expo_area_sqm": 9, "expo_price_per_sqm": 300}
    )
    booths = env["event.booth"].create(
        [
            {
                "name": f"S{number:04d}",
                "event_id": upcoming.id,
                "booth_category_id": category.id,
                "expo_hall_id": hall.id,
                "expo_booth_type": "corner" if number % 10 == 0 else "inline",
                "expo_row": f"R{number // 20}",
                "expo_row_position": number % 20,
            }
            for number in range(booth_count)
        ]
    )
    partners = env["res.partner"].create(
        [
            {"name": f"Stress Exhibitor {tag} {number:04d}", "is_company": True}
            for number in range(applicant_count)
        ]
    )
    exhibitor = env.ref("expo_crm.role_exhibitor")
    # a third took part last time: their points rank them first
    env["expo.participation"].create(
        [
            {
                "partner_id": partner.id,
                "event_id": past.id,
                "role_id": exhibitor.id,
                "state": "attended",
            }
            for partner in partners[::3]
        ]
    )
    leads = env["crm.lead"].create(
        [
            {
                "name": f"{partner.name} booth",
                "type": "opportunity",
                "partner_id": partner.id,
                "expo_event_id": upcoming.id,
                "expo_role_id": exhibitor.id,
            }
            for partner in partners
        ]
    )
    # everyone names one of the first booths, then wishes for 18 m² (two joined)
    env["expo.booth.preference"].create(
        [
            values
            for number, lead in enumerate(leads)
            for values in (
                {
                    "lead_id": lead.id,
                    "sequence": 1,
                    "booth_ids": [Command.set(booths[number % 10].ids)],
                },
                {"lead_id": lead.id, "sequence": 2, "min_area_sqm": 18},
            )
        ]
    )
    draw = env["expo.space.draw"].create({"event_id": upcoming.id})
    return {
        "tag": tag,
        "draw": draw.id,
        "event": upcoming.id,
        "series": series.id,
        "managers": managers.ids,
        "booths": booths.ids,
    }


def _reset(registry, setup):
    """The draw as new: no line, no booth held."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"expo_no_offer": True})
        draw = env["expo.space.draw"].browse(setup["draw"])
        draw.line_ids.unlink()
        draw.state = "draft"
        env["event.booth"].browse(setup["booths"]).write(
            {
                "expo_lead_id": False,
                "expo_hold_until": False,
                "expo_draw_line_id": False,
            }
        )
        cr.commit()


def _check(registry, setup):
    """(booths held by the draw, booths or applicants served twice)."""
    with registry.cursor() as cr:
        cr.execute(
            """
            SELECT count(*),
                   count(*) FILTER (
                       WHERE line.lead_id IS DISTINCT FROM booth.expo_lead_id
                          OR line.state != 'assigned')
              FROM event_booth booth
              JOIN expo_space_draw_line line ON line.id = booth.expo_draw_line_id
             WHERE line.draw_id = %(draw)s
            """,
            {"draw": setup["draw"]},
        )
        assigned, inconsistent = cr.fetchone()
        cr.execute(
            """
            SELECT (SELECT count(*) FROM (
                        SELECT rel.booth_id
                          FROM expo_space_draw_line_booth_rel rel
                          JOIN expo_space_draw_line line ON line.id = rel.line_id
                         WHERE line.draw_id = %(draw)s AND line.state = 'assigned'
                      GROUP BY rel.booth_id HAVING count(*) > 1) twice),
                   (SELECT count(*) FROM (
                        SELECT lead_id FROM expo_space_draw_line
                         WHERE draw_id = %(draw)s
                      GROUP BY lead_id HAVING count(*) > 1) twice),
                   (SELECT count(*) FROM expo_space_draw_line_booth_rel rel
                      JOIN expo_space_draw_line line ON line.id = rel.line_id
                      JOIN event_booth booth ON booth.id = rel.booth_id
                     WHERE line.draw_id = %(draw)s AND line.state = 'assigned'
                       AND booth.expo_draw_line_id IS DISTINCT FROM line.id)
            """,
            {"draw": setup["draw"]},
        )
        booths_twice, leads_twice, unheld = cr.fetchone()
    return assigned, inconsistent + booths_twice + leads_twice + unheld


def _tear_down(registry, setup):
    """Remove what the scenario created."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"expo_no_offer": True})
        tag = setup["tag"]
        env["expo.space.draw"].browse(setup["draw"]).unlink()
        env["crm.lead"].with_context(active_test=False).search(
            [("expo_event_id", "=", setup["event"])]
        ).unlink()
        series = env["expo.series"].browse(setup["series"])
        events = env["event.event"].search([("expo_series_id", "=", series.id)])
        env["expo.participation"].search([("event_id", "in", events.ids)]).unlink()
        env["event.booth"].browse(setup["booths"]).unlink()
        events.unlink()
        env["expo.relationship"].search([("series_id", "=", series.id)]).unlink()
        series.unlink()
        env["expo.hall"].search([("name", "=", f"Stress Hall {tag}")]).unlink()
        env["event.booth.category"].search([("name", "=", f"Stress {tag}")]).unlink()
        env["res.users"].browse(setup["managers"]).unlink()
        env["res.partner"].search([("name", "=like", f"Stress % {tag}%")]).unlink()
        cr.commit()
