"""The scheduled relationship refresh and segmentation run while people work.

One thread writes participations of the stress customers as salespeople do (a
request each, tried again by the server on a concurrency error) and now and then
saves the settings (a write of the company row); another runs both scheduled
jobs as a cron worker does, asking for a full run each time, for as long as the
writer writes. A batch meeting a concurrency error is tried again by the job in
a new transaction; the runs must all complete, none reporting done with
customers left, and the relationships must end as a direct refresh computes
them."""

import random
import threading
import time
import uuid

from .common import (
    SIZES,
    Request,
    environment,
    remove_series,
    run_scheduled_job,
    run_together,
    stress_customers,
    stress_series,
    stress_user,
)

JOBS = {
    "relationship_refresh": "expo_crm.ir_cron_expo_relationship_refresh",
    "segmentation": "expo_crm_segmentation.ir_cron_expo_segment_recompute",
}
COMPARED = ("lifecycle_stage", "priority_points", "economic_value", "editions_attended")


def run(registry, size):
    params = SIZES[size]
    with environment(registry) as env:
        salesperson = stress_user(env, "stress.sales.1", "Stress Salesperson 1").id
        admin = env.ref("base.user_admin").id
        customers = stress_customers(env, params["customers"])
        series, editions = stress_series(
            env, f"Stress Jobs {uuid.uuid4().hex[:8]}", customers
        )
        series_id = series.id
        participation_ids = editions[0].expo_participation_ids.ids
        company = env.company
        saved = {
            "expo_refresh_batch_size": company.expo_refresh_batch_size,
            "expo_seg_batch_size": company.expo_seg_batch_size,
        }
        # small batches: many transactions for the writer to meet
        batch = max(5, len(customers) // 12)
        company.write({"expo_refresh_batch_size": batch, "expo_seg_batch_size": batch})
        first_run = env["expo.batch.run"].search([], order="id desc", limit=1).id
        cron_failures = _cron_failures(env)
        customer_ids = customers.ids
    stop = threading.Event()
    try:
        writer, jobs = run_together(
            lambda: _write(registry, salesperson, admin, participation_ids, stop),
            lambda: _run_jobs(registry, stop, params["writer_seconds"]),
        )
    finally:
        with environment(registry) as env:
            env.company.write(saved)
    figures = {"writer": writer, "jobs": jobs}
    if isinstance(writer, Exception) or isinstance(jobs, Exception):
        figures["violations"] = ["a thread failed"]
        return figures
    with environment(registry) as env:
        figures["runs"] = _runs(env, first_run)
        figures["cron_failures"] = _cron_failures(env) - cron_failures
        figures["stale_relationships"] = _stale_relationships(env, customer_ids)
    remove_series(registry, series_id)
    figures["violations"] = [
        name
        for name, wrong in (
            ("runs not completed", figures["runs"]["not_done"]),
            ("runs done with customers left", figures["runs"]["done_with_left"]),
            ("stale relationships", figures["stale_relationships"]),
            ("writes failed", writer["failures"]),
        )
        if wrong
    ]
    return figures


def _write(registry, salesperson, admin, participation_ids, stop):
    """Write participations until told to stop; save the settings now and then."""
    rng = random.Random(2026)
    figures = {"writes": 0, "settings_saves": 0, "retries": 0, "failures": 0}
    user, manager = Request(registry, salesperson), Request(registry, admin)
    while not stop.is_set():
        ids = rng.sample(participation_ids, min(3, len(participation_ids)))
        values = rng.choice(
            [
                {"space_sqm": rng.randint(6, 60)},
                {"nps_score": str(rng.randint(0, 10))},
                {"state": rng.choice(["attended", "no_show"])},
            ]
        )
        try:
            user(
                lambda env, ids=ids, values=values: env["expo.participation"]
                .browse(ids)
                .write(values)
            )
            figures["writes"] += 1
            if figures["writes"] % 15 == 0:
                manager(
                    lambda env: env["res.config.settings"]
                    .create({"expo_weakening_on_detractor": True})
                    .execute()
                )
                figures["settings_saves"] += 1
        except Exception:
            figures["failures"] += 1
        time.sleep(0.01)
    figures["retries"] = user.tries + manager.tries - figures["writes"]
    figures["retries"] -= figures["settings_saves"]
    return figures


def _run_jobs(registry, stop, seconds):
    """Run both scheduled jobs, each asked for a full run, while the writer
    writes; then once more after it stopped."""
    executions = dict.fromkeys(JOBS, 0)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            _run_each(registry, executions)
    finally:
        stop.set()
    _run_each(registry, executions)
    return {"executions": executions}


def _run_each(registry, executions):
    with environment(registry) as env:
        env["expo.relationship"]._request_refresh()
        env["expo.segment.engine"]._schedule_run(env.company, full=True)
    for job, xmlid in JOBS.items():
        executions[job] += run_scheduled_job(registry, xmlid)


def _runs(env, after_id):
    runs = env["expo.batch.run"].search([("id", ">", after_id)])
    return {
        "total": len(runs),
        "by_job": {
            job: len(runs.filtered(lambda run, job=job: run.job == job)) for job in JOBS
        },
        "batches": sum(runs.mapped("batch_count")),
        "retries": sum(runs.mapped("retry_count")),
        "batches_given_up": sum(runs.mapped("failure_count")),
        "not_done": len(runs.filtered(lambda run: run.state != "done")),
        "done_with_left": len(
            runs.filtered(
                lambda run: run.state == "done" and run.done_count < run.total_count
            )
        ),
    }


def _cron_failures(env):
    crons = env.ref(JOBS["relationship_refresh"]) | env.ref(JOBS["segmentation"])
    return sum(crons.mapped("failure_count"))


def _stale_relationships(env, customer_ids):
    """Relationships of the customers that a direct refresh would change."""
    Relationship = env["expo.relationship"]
    domain = [("partner_id", "in", customer_ids)]
    before = {rel["id"]: rel for rel in Relationship.search_read(domain, COMPARED)}
    env.cr.execute("SAVEPOINT stress_check")
    Relationship._refresh_for_partners(env["res.partner"].browse(customer_ids))
    env.invalidate_all()
    after = {rel["id"]: rel for rel in Relationship.search_read(domain, COMPARED)}
    env.cr.execute("ROLLBACK TO SAVEPOINT stress_check")
    env.invalidate_all()
    return sum(1 for key, values in after.items() if before.get(key) != values)
