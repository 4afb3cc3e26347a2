"""Two salespeople rebook the same edition at the same moment.

Two cases, each repeated on a new series:

- *together*: both requests start at once; one takes the next edition, the other
  is refused with a message (or, arriving after the first committed, finds every
  customer rebooked);
- *stale*: the second request has read the database before the first commits
  and rebooks after it: taking the edition it gets a concurrency error, and the
  server's retry sees the first one's opportunities and skips their customers.

Either way every customer ends up with exactly one opportunity and one call."""

import threading
import uuid

from .common import (
    SIZES,
    Request,
    environment,
    remove_series,
    run_together,
    stress_customers,
    stress_series,
    stress_user,
)


def _rebook(held_id):
    def rebook(env):
        wizard = env["expo.rebooking.wizard"].create({"event_id": held_id})
        wizard.action_create_opportunities()
        return True

    return rebook


def _count(registry, upcoming_id):
    """(opportunities, customers rebooked twice, opportunities called twice)."""
    with environment(registry) as env:
        env.cr.execute(
            """
            SELECT count(*),
                   count(*) - count(DISTINCT (expo_customer_id,
                                              COALESCE(expo_role_id, 0)))
              FROM crm_lead
             WHERE expo_event_id = %s AND active AND type = 'opportunity'
            """,
            [upcoming_id],
        )
        leads, duplicates = env.cr.fetchone()
        env.cr.execute(
            """
            SELECT count(*) FROM (
                SELECT res_id FROM mail_activity
                 WHERE res_model = 'crm.lead'
                   AND res_id IN (SELECT id FROM crm_lead WHERE expo_event_id = %s)
                 GROUP BY res_id HAVING count(*) > 1) AS twice
            """,
            [upcoming_id],
        )
        [called_twice] = env.cr.fetchone()
    return leads, duplicates, called_twice


def run(registry, size):
    params = SIZES[size]
    with environment(registry) as env:
        uids = [
            stress_user(env, "stress.sales.1", "Stress Salesperson 1").id,
            stress_user(env, "stress.sales.2", "Stress Salesperson 2").id,
        ]
        customer_ids = stress_customers(env, params["customers"]).ids
    figures = {
        "runs": 0,
        "opportunities_expected": 0,
        "opportunities": 0,
        "duplicates": 0,
        "called_twice": 0,
        "refused": 0,
        "retries": 0,
        "failures": 0,
    }
    refusals = set()
    for case in ("together", "stale"):
        for _round in range(params["rounds"]):
            with environment(registry) as env:
                customers = env["res.partner"].browse(customer_ids)
                series, editions = stress_series(
                    env, f"Stress Rebooking {uuid.uuid4().hex[:8]}", customers
                )
                held_id, upcoming_id = editions.ids
            requests = [Request(registry, uid) for uid in uids]
            rebook = _rebook(held_id)
            if case == "together":
                results = run_together(
                    lambda rebook=rebook, req=requests[0]: req(rebook),
                    lambda rebook=rebook, req=requests[1]: req(rebook),
                )
            else:
                results = _stale(requests, rebook)
            for result in results:
                figures["runs"] += 1
                if isinstance(result, Exception):
                    figures["failures"] += 1
                    refusals.add(f"{type(result).__name__}: {result}")
                elif result[1]:
                    figures["refused"] += 1
                    refusals.add(result[1])
            figures["retries"] += sum(request.tries - 1 for request in requests)
            leads, duplicates, called_twice = _count(registry, upcoming_id)
            figures["opportunities_expected"] += len(customer_ids)
            figures["opportunities"] += leads
            figures["duplicates"] += duplicates
            figures["called_twice"] += called_twice
            remove_series(registry, series.id)
    figures["messages"] = sorted(refusals)
    figures["violations"] = [
        name
        for name, wrong in (
            ("customers rebooked twice", figures["duplicates"]),
            ("opportunities called twice", figures["called_twice"]),
            ("unexpected errors", figures["failures"]),
            (
                "customers not rebooked",
                figures["opportunities"] != figures["opportunities_expected"],
            ),
        )
        if wrong
    ]
    return figures


def _stale(requests, rebook):
    """The second request reads before the first commits, then rebooks."""
    read = threading.Event()
    first_done = threading.Event()

    def first():
        read.wait(30)
        try:
            return requests[0](rebook)
        finally:
            first_done.set()

    def second():
        def late_rebook(env):
            if not read.is_set():
                # the request's first query fixes what its transaction sees
                env.cr.execute("SELECT count(*) FROM crm_lead")
                read.set()
                first_done.wait(60)
            return rebook(env)

        return requests[1](late_rebook)

    return run_together(first, second)
