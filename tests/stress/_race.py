"""Two users pressing the same button at the same moment, each in a transaction of
its own: the helper of the concurrency scenarios of this folder."""

import random
import threading
import time

from psycopg2 import OperationalError, errors

from odoo import api
from odoo.exceptions import UserError, ValidationError

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


def race(registry, uids, model, record_id, method):
    """Run ``method`` on the record in one thread per user at the same moment;
    return the threads' results."""
    barrier = threading.Barrier(len(uids))
    results = []
    threads = [
        threading.Thread(
            target=press,
            args=(registry, uid, model, record_id, method, barrier, results),
        )
        for uid in uids
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
