"""Two users pressing the same button at the same moment, each in a transaction of
its own: the helper of the concurrency scenarios of this folder."""

import argparse
import json
import random
import threading
import time

from psycopg2 import OperationalError, errors

from odoo import api
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

# as Odoo retries a request that hit a concurrency error
MAX_TRIES = 5
RETRIED = (
    errors.SerializationFailure,
    errors.DeadlockDetected,
    errors.LockNotAvailable,
)


def press(registry, uid, model, record_id, method, barrier, results):
    """Call ``method`` on one record in a new cursor once ``barrier`` lets every
    thread go, committing; a concurrency error rolls back and retries, as Odoo's
    ``retrying`` does for a request. Appends ``(outcome, retries)`` to
    ``results``: ``done``, ``refused`` (a UserError or ValidationError for the
    user) or ``failed`` (anything else, with the error)."""
    retries = 0
    barrier.wait(timeout=120)
    while True:
        with registry.cursor() as cr:
            env = api.Environment(cr, uid, {})
            try:
                # the concurrency errors retried here are expected: not logged
                with mute_logger("odoo.sql_db"):
                    getattr(env[model].browse(record_id), method)()
                    env.flush_all()
                    cr.commit()
                results.append(("done", retries))
                return
            except (UserError, ValidationError) as error:
                cr.rollback()
                results.append(("refused", retries, str(error)))
                return
            except OperationalError as error:
                cr.rollback()
                if not isinstance(error, RETRIED) or retries + 1 >= MAX_TRIES:
                    results.append(("failed", retries, repr(error)))
                    return
                retries += 1
            except Exception as error:
                cr.rollback()
                results.append(("failed", retries, repr(error)))
                return
        time.sleep(random.uniform(0.05, 0.3) * retries)


def race(registry, calls):
    """Run each ``(uid, model, record id, method)`` of ``calls`` in a thread of its
    own, all at the same moment; return the threads' results."""
    barrier = threading.Barrier(len(calls))
    results = []
    threads = [
        threading.Thread(
            target=press,
            args=(registry, uid, model, record_id, method, barrier, results),
        )
        for uid, model, record_id, method in calls
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def tally(results):
    """Counts of a race's results: done, refused, failed, retries, and the errors."""
    return {
        "done": sum(1 for result in results if result[0] == "done"),
        "refused": sum(1 for result in results if result[0] == "refused"),
        "failures": sum(1 for result in results if result[0] == "failed"),
        "retries": sum(result[1] for result in results),
        "errors": [result[2] for result in results if result[0] == "failed"],
    }


def main(prog, run, sizes):
    """Command line of a scenario: ``python -m stress.<scenario> -c ODOO_CONF --db
    NAME [--size small|large]`` prints its figures."""
    import odoo
    from odoo.modules.registry import Registry

    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", choices=sorted(sizes), default="small")
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.db, "--log-level=warn"]
    )
    print(json.dumps(run(Registry(args.db), args.size), indent=2))
