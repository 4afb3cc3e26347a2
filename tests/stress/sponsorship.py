"""Two salespeople confirm an order for the last sponsorship package of an edition
at the same moment.

``run(registry, size)`` creates (committed) an edition with a limited package and,
for each run, one more package available and two quotations for it; two threads,
each with its own cursor and user, confirm them at once. One order is confirmed; the
other is refused as sold out, at once or after retrying a serialization failure. The
figures count the packages sold and any sold past the cap (``oversold``: must be 0).

Run by ``setup/expo stress`` (``--only sponsorship``); the data it creates is
removed at the end.
"""

import uuid
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, Command, api

from .common import race, scenario_users, tally

RUNS = {"small": 3, "large": 10}


def run(registry, size="small"):
    """Race two order confirmations for the last package ``runs`` times."""
    runs = RUNS[size]
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        setup = _set_up(env)
        cr.commit()
    figures = {
        "scenario": "last sponsorship package confirmed by two users at once",
        "runs": runs,
        "sold": 0,
        "oversold": 0,
        "refused": 0,
        "retries": 0,
        "failures": 0,
        "errors": [],
    }
    try:
        for number in range(runs):
            orders = _next_run(registry, setup, number)
            results = race(
                registry,
                [
                    (uid, "sale.order", order, "action_confirm")
                    for uid, order in zip(setup["users"], orders, strict=True)
                ],
            )
            counts = tally(results)
            for key in ("refused", "retries", "failures"):
                figures[key] += counts[key]
            figures["errors"] += counts["errors"]
        figures["sold"], figures["oversold"] = _check(registry, setup)
    finally:
        _tear_down(registry, setup)
    figures["violations"] = [
        name
        for name, wrong in (
            ("packages sold past their cap", figures["oversold"]),
            ("unexpected errors", figures["failures"]),
        )
        if wrong
    ]
    return figures


def _set_up(env):
    tag = uuid.uuid4().hex[:8]
    users = scenario_users(env, "sponsor", tag)
    series = env["expo.series"].create(
        {"name": f"Stress Sponsor Fair {tag}", "code": f"SS{tag}"}
    )
    now = datetime.now().replace(microsecond=0)
    edition = env["event.event"].create(
        {
            "name": f"Stress Sponsor Fair {tag}",
            "expo_series_id": series.id,
            "date_begin": now + timedelta(days=90),
            "date_end": now + timedelta(days=93),
        }
    )
    product = env["product.product"].create(
        {
            "name": f"Stress Gold Sponsorship {tag}",
            "type": "service",
            "invoice_policy": "order",
            "expo_amount_kind": "sponsorship",
            "list_price": 20000,
        }
    )
    package = env["expo.sponsorship.package"].create(
        {"event_id": edition.id, "product_id": product.id, "cap": 0}
    )
    return {
        "tag": tag,
        "users": users.ids,
        "series": series.id,
        "event": edition.id,
        "product": product.id,
        "package": package.id,
    }


def _next_run(registry, setup, number):
    """One more package available, two quotations for it (one per user)."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        package = env["expo.sponsorship.package"].browse(setup["package"])
        package.cap = package.sold_qty + 1
        orders = env["sale.order"]
        for user in env["res.users"].browse(setup["users"]):
            partner = env["res.partner"].create(
                {
                    "name": f"Stress Sponsor {setup['tag']} {number} {user.id}",
                    "is_company": True,
                }
            )
            orders |= env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "expo_event_id": setup["event"],
                    "order_line": [Command.create({"product_id": setup["product"]})],
                }
            )
        cr.commit()
        return orders.ids


def _check(registry, setup):
    """(packages sold, sold past the cap), counted from the confirmed orders."""
    with registry.cursor() as cr:
        cr.execute(
            """
            SELECT COALESCE(sum(line.product_uom_qty), 0), package.cap
              FROM expo_sponsorship_package package
              LEFT JOIN sale_order_line line
                     ON line.product_id = package.product_id AND line.state = 'sale'
             WHERE package.id = %s
          GROUP BY package.cap
            """,
            [setup["package"]],
        )
        sold, cap = cr.fetchone()
    return int(sold), max(0, int(sold) - cap)


def _tear_down(registry, setup):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        orders = env["sale.order"].search(
            [("order_line.product_id", "=", setup["product"])]
        )
        orders._action_cancel()
        orders.unlink()
        env["expo.participation"].search([("event_id", "=", setup["event"])]).unlink()
        env["expo.sponsorship.package"].browse(setup["package"]).unlink()
        env["event.event"].browse(setup["event"]).unlink()
        env["expo.relationship"].search([("series_id", "=", setup["series"])]).unlink()
        env["expo.series"].browse(setup["series"]).unlink()
        env["product.product"].browse(setup["product"]).unlink()
        env["res.users"].browse(setup["users"]).unlink()
        env["res.partner"].search(
            [("name", "=like", f"Stress S% {setup['tag']}%")]
        ).unlink()
        cr.commit()
