"""What the stress scenarios share: requests and scheduled jobs as the server runs
them, each in a transaction of its own, and the data they work on.

Odoo's test cursor runs a whole test in one transaction, so it cannot show two
users acting at the same moment; these helpers open real, committed transactions
from several threads on a database of its own data."""

import threading
import time
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import partial

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError, ValidationError
from odoo.service.model import retrying

SIZES = {
    # customers of the stress series, rounds of each rebooking case, seconds the
    # writer runs beside the scheduled jobs
    "small": {"customers": 120, "rounds": 2, "writer_seconds": 6},
    "large": {"customers": 2000, "rounds": 5, "writer_seconds": 60},
}


@contextmanager
def environment(registry, uid=SUPERUSER_ID, context=None):
    """An environment on a new cursor, committed when the block ends."""
    with registry.cursor() as cr:
        yield api.Environment(cr, uid, context or {})


class Request:
    """Calls run as the web server runs a request: one transaction, tried again
    from the start on a concurrency error (``odoo.service.model.retrying``), a
    user-facing error returned rather than raised."""

    def __init__(self, registry, uid):
        self.registry = registry
        self.uid = uid
        self.tries = 0

    def __call__(self, func):
        """``func(env)`` in a request; return (result, refusal message or None)."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid, {})

            def attempt():
                self.tries += 1
                return func(env)

            try:
                return retrying(attempt, env), None
            except (UserError, ValidationError) as error:
                # the server rolls a refused request back: nothing of it stays
                cr.rollback()
                return None, str(error.args[0])


def run_together(*funcs, stagger=0.0):
    """Run the functions in threads released at the same moment (``stagger``
    seconds apart); return their results, exceptions included, in order."""
    barrier = threading.Barrier(len(funcs))
    results = [None] * len(funcs)

    def target(index, func):
        threading.current_thread().testing = False
        barrier.wait()
        time.sleep(index * stagger)
        try:
            results[index] = func()
        except Exception as error:
            results[index] = error

    threads = [
        threading.Thread(target=target, args=(index, func), daemon=True)
        for index, func in enumerate(funcs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def race(registry, calls):
    """Press ``(uid, model, record id, method)`` of each of ``calls`` at the same
    moment, each in a request of its own; return the outcomes: ``(done or
    refused or failed, retries, message)``."""

    def press(uid, model, record_id, method):
        request = Request(registry, uid)
        try:
            _result, refusal = request(
                lambda env: getattr(env[model].browse(record_id), method)()
            )
        except Exception as error:
            return ("failed", request.tries - 1, repr(error))
        if refusal:
            return ("refused", request.tries - 1, refusal)
        return ("done", request.tries - 1, None)

    return run_together(
        *(
            lambda call=call: press(*call)  # one thread per call
            for call in calls
        )
    )


def tally(outcomes):
    """Counts of a race's outcomes: done, refused, failures, retries, errors."""
    return {
        "done": sum(1 for outcome in outcomes if outcome[0] == "done"),
        "refused": sum(1 for outcome in outcomes if outcome[0] == "refused"),
        "failures": sum(1 for outcome in outcomes if outcome[0] == "failed"),
        "retries": sum(outcome[1] for outcome in outcomes),
        "errors": [outcome[2] for outcome in outcomes if outcome[0] == "failed"],
    }


def run_scheduled_job(registry, xmlid, max_executions=50):
    """Run a scheduled job now as a cron worker does (``ir.cron._process_job``:
    batches of calls, each committed, rescheduled while the job reports
    customers remaining), until it is done. Return the number of executions."""
    with environment(registry) as env:
        cron = env.ref(xmlid)
        cron_id = cron.id
        cron._trigger()
    db = odoo.sql_db.db_connect(registry.db_name)
    threading.current_thread().dbname = registry.db_name
    IrCron = registry["ir.cron"]
    executions = 0
    while executions < max_executions:
        with db.cursor() as cron_cr:
            job = IrCron._acquire_one_job(cron_cr, cron_id)
            if not job:
                return executions
            IrCron._process_job(db, cron_cr, job)
            executions += 1
    return executions


def stress_user(env, login, name):
    """An exhibition salesperson of the main company (created once)."""
    user = env["res.users"].search([("login", "=", login)])
    if not user:
        user = env["res.users"].create(
            {
                "name": name,
                "login": login,
                "email": f"{login}@example.com",
                "company_id": env.company.id,
                "company_ids": [(6, 0, env.company.ids)],
                "groups_id": [(6, 0, [env.ref("expo_crm.group_expo_user").id])],
            }
        )
    return user


def scenario_users(env, kind, tag, group_xmlid="expo_crm.group_expo_user", count=2):
    """``count`` users of one scenario run, in ``group_xmlid`` (its ``kind``, e.g.
    "sponsor", names their logins); the run removes them with its data."""
    group = env.ref(group_xmlid)
    return env["res.users"].create(
        [
            {
                "name": f"Stress {kind.title()} {tag} {number}",
                "login": f"stress_{kind}_{tag}_{number}",
                "email": f"stress_{kind}_{tag}_{number}@example.com",
                "groups_id": [(6, 0, group.ids)],
            }
            for number in range(1, count + 1)
        ]
    )


def stress_customers(env, count):
    """``count`` customers of the stress scenarios (created once)."""
    Partner = env["res.partner"]
    existing = Partner.search([("ref", "=like", "STRESS-%")], order="ref")
    missing = [
        {"name": f"Stress Customer {index:05d}", "is_company": True}
        | {"ref": f"STRESS-{index:05d}"}
        for index in range(len(existing), count)
    ]
    return (existing | Partner.create(missing))[:count]


def stress_series(env, name, customers, upcoming=1):
    """A new series with a held edition that ``customers`` attended as
    exhibitors and ``upcoming`` editions to come."""
    series = env["expo.series"].create({"name": name})
    now = datetime.now().replace(microsecond=0)
    starts = [now - timedelta(days=100)] + [
        now + timedelta(days=200 + 365 * index) for index in range(upcoming)
    ]
    editions = env["event.event"].create(
        [
            {
                "name": f"{name} {index + 1}",
                "expo_series_id": series.id,
                "date_begin": start,
                "date_end": start + timedelta(days=3),
            }
            for index, start in enumerate(starts)
        ]
    )
    exhibitor = env.ref("expo_crm.role_exhibitor")
    env["expo.participation"].create(
        [
            {
                "partner_id": customer.id,
                "event_id": editions[0].id,
                "role_id": exhibitor.id,
                "state": "attended",
                "space_sqm": 9 + customer.id % 30,
            }
            for customer in customers
        ]
    )
    return series, editions


def remove_series(registry, series_id):
    """Remove a scenario's series with its editions, participations,
    relationships, opportunities and their calls (the stress customers and
    salespeople are kept for the next scenarios and runs)."""
    with environment(registry) as env:
        series = env["expo.series"].browse(series_id)
        editions = env["event.event"].search([("expo_series_id", "=", series_id)])
        env["crm.lead"].with_context(active_test=False).search(
            [("expo_event_id", "in", editions.ids)]
        ).unlink()
        env["expo.participation"].search([("event_id", "in", editions.ids)]).unlink()
        env["expo.relationship"].search([("series_id", "=", series_id)]).unlink()
        editions.unlink()
        series.unlink()


def timed(func):
    """``func()`` and the seconds it took."""
    start = time.perf_counter()
    result = func()
    return result, round(time.perf_counter() - start, 3)


def in_request(registry, uid):
    """A ``Request`` caller for ``uid``."""
    return partial(Request(registry, uid))
