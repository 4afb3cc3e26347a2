"""Concurrency scenarios run on a real database with real, committed transactions
(``setup/expo stress``): what two users, or a user and a scheduled job, do at the
same moment. Each scenario module has ``run(registry, size) -> figures``; the
figures list the ``violations`` found (duplicates, lost work), empty when the
guarantees held."""

from . import batch_jobs, contracts, draw, rebooking, sponsorship

SCENARIOS = {
    "rebooking": rebooking.run,
    "batch_jobs": batch_jobs.run,
    "draw": draw.run,
    "sponsorship": sponsorship.run,
    "contracts": contracts.run,
}
