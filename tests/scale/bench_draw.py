"""Step 7 of the benchmark: the space draw of the flagship's upcoming edition.

The step lays out its own floor (``floor.create_floor``: halls, booths, applicants
with ranked preferences) inside a savepoint and rolls it back at the end, so that no
other figure moves. It times *Simulate* then *Assign* as a manager presses them (the
writes flushed), then checks against hand-written SQL: the published order (priority
points of the customer in the series, signing date, creation date), the counts of
applicants, lines, served and waiting, and that no booth is held twice or for another
applicant than its line's.
"""

import resource
import time

from .floor import create_floor

# applicants and booths at L: a flagship edition with more than 20,000 participants
APPLICANTS = 5000
BOOTHS_PER_APPLICANT = 0.6

ORDER = """
SELECT line.id, line.sequence,
       ROW_NUMBER() OVER (
           ORDER BY COALESCE(rel.priority_points, 0) DESC,
                    lead.expo_date_signed IS NULL, lead.expo_date_signed,
                    lead.create_date, lead.id
       )
  FROM expo_space_draw_line line
  JOIN crm_lead lead ON lead.id = line.lead_id
  JOIN res_partner partner ON partner.id = lead.partner_id
  LEFT JOIN expo_relationship rel
         ON rel.partner_id = partner.commercial_partner_id
        AND rel.series_id = %(series)s
 WHERE line.draw_id = %(draw)s
"""

COUNTS = """
SELECT (SELECT count(DISTINCT pref.lead_id)
          FROM expo_booth_preference pref
          JOIN crm_lead lead ON lead.id = pref.lead_id
         WHERE lead.expo_event_id = %(event)s AND lead.active
           AND lead.type = 'opportunity'),
       (SELECT count(*) FROM expo_space_draw_line WHERE draw_id = %(draw)s),
       (SELECT count(DISTINCT booth.expo_lead_id)
          FROM event_booth booth
          JOIN expo_space_draw_line line ON line.id = booth.expo_draw_line_id
         WHERE line.draw_id = %(draw)s),
       (SELECT count(*) FROM expo_space_draw_line
         WHERE draw_id = %(draw)s AND state = 'waiting'),
       (SELECT count(*)
          FROM event_booth booth
          JOIN expo_space_draw_line line ON line.id = booth.expo_draw_line_id
         WHERE line.draw_id = %(draw)s AND booth.expo_lead_id = line.lead_id),
       (SELECT COALESCE(sum(booth.expo_area_sqm), 0)
          FROM event_booth booth
          JOIN expo_space_draw_line line ON line.id = booth.expo_draw_line_id
         WHERE line.draw_id = %(draw)s AND booth.expo_lead_id = line.lead_id),
       (SELECT count(*) FROM (
            SELECT rel.booth_id
              FROM expo_space_draw_line_booth_rel rel
              JOIN expo_space_draw_line line ON line.id = rel.line_id
             WHERE line.draw_id = %(draw)s AND line.state = 'assigned'
          GROUP BY rel.booth_id HAVING count(*) > 1) twice),
       (SELECT count(*) FROM expo_space_draw_line_booth_rel rel
          JOIN expo_space_draw_line line ON line.id = rel.line_id
          JOIN event_booth booth ON booth.id = rel.booth_id
         WHERE line.draw_id = %(draw)s AND line.state = 'assigned'
           AND (booth.expo_draw_line_id IS DISTINCT FROM line.id
                OR booth.expo_lead_id IS DISTINCT FROM line.lead_id))
"""


def _log(message):
    print(f"[bench] {message}", flush=True)


def _peak_rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def bench_draw(bench, mismatch):
    """Simulate and assign the draw; ``mismatch`` is the error raised when the
    addons and SQL disagree."""
    env = bench.env
    held = bench._largest_edition()
    edition = held.expo_next_event_id
    series = edition.expo_series_id
    env.cr.execute(
        """SELECT count(DISTINCT p.partner_id) FROM expo_participation p
             JOIN expo_role r ON r.id = p.role_id
            WHERE p.event_id = %s AND r.code IN ('exhibitor', 'sponsor')""",
        [held.id],
    )
    applicants = min(APPLICANTS, env.cr.fetchone()[0])
    booths = round(applicants * BOOTHS_PER_APPLICANT)
    env.flush_all()
    env.cr.execute("SAVEPOINT bench_draw")
    try:
        started = time.perf_counter()
        floor = create_floor(env, edition, booths=booths, applicants=applicants)
        # pressed by a user as the web client calls it: chatter tracking on
        draw = floor["draw"].with_env(env(context={}))
        refreshed = _ensure_points(env, series, draw)
        env.flush_all()
        setup = time.perf_counter() - started
        simulate = _timed(env, draw.action_simulate)
        assign = _timed(env, draw.action_assign)
        sql_started = time.perf_counter()
        order = bench._sql(ORDER, series=series.id, draw=draw.id)
        counts = bench._sql(COUNTS, event=edition.id, draw=draw.id)[0]
        sql = time.perf_counter() - sql_started
        figures = _check(order, counts, floor, mismatch)
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_draw")
        env.invalidate_all()
    _log(
        f"7. space draw of {edition.name}: {applicants} applicants, {booths} booths: "
        f"simulate {simulate:.1f} s, assign {assign:.1f} s"
    )
    return {
        "name": "space draw of the flagship's upcoming edition",
        "edition": edition.name,
        "applicants": figures["applicants"],
        "booths": floor["booths"],
        "preferences": floor["preferences"],
        "served": figures["served"],
        "waiting": figures["waiting"],
        "booths_held": figures["booths_held"],
        "area_held_sqm": figures["area_held_sqm"],
        "figures_checked": figures["checked"],
        "relationships_refreshed_first": refreshed,
        "setup_seconds": round(setup, 1),
        "simulate_seconds": round(simulate, 2),
        "assign_seconds": round(assign, 2),
        "sql_ms": round(sql * 1000, 1),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _ensure_points(env, series, draw):
    """The applicants' priority points come from their relationships with the
    series: computed first (untimed) when the benchmark runs the step alone on a
    generated database, which has none yet."""
    partners = draw._applicant_leads().partner_id.commercial_partner_id
    known = env["expo.relationship"].search_count(
        [("series_id", "=", series.id), ("partner_id", "in", partners.ids)]
    )
    if known:
        return 0
    env["expo.relationship"]._refresh_for_partners(partners)
    return env["expo.relationship"].search_count(
        [("series_id", "=", series.id), ("partner_id", "in", partners.ids)]
    )


def _timed(env, method):
    """Seconds of a button as the user waits for it: the writes flushed and what
    runs before the commit (the chatter tracking of the booths' states)."""
    env.flush_all()
    start = time.perf_counter()
    method()
    env.flush_all()
    env.cr.precommit.run()
    env.flush_all()
    return time.perf_counter() - start


def _check(order, counts, floor, mismatch):
    """The draw's figures, raising ``mismatch`` where SQL says otherwise."""
    applicants, lines, served, waiting, booths_held, area_held, twice, strays = counts
    wrong_place = [line for line, sequence, expected in order if sequence != expected]
    if wrong_place:
        raise mismatch(f"space draw: {len(wrong_place)} lines out of the SQL order")
    if lines != applicants or applicants != floor["leads"]:
        raise mismatch(
            f"space draw: {lines} lines for {applicants} applicants "
            f"({floor['leads']} created)"
        )
    if served + waiting != lines:
        raise mismatch(f"space draw: {served} served + {waiting} waiting != {lines}")
    if twice or strays:
        raise mismatch(
            f"space draw: {twice} booths held twice, {strays} held for another line"
        )
    return {
        "applicants": applicants,
        "served": served,
        "waiting": waiting,
        "booths_held": booths_held,
        "area_held_sqm": float(area_held or 0),
        "checked": len(order) + len(counts),
    }
