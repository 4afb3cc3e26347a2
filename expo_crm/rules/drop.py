"""How much a customer cut between two editions."""


def drop_percent(before, after):
    """How much lower ``after`` is than ``before``, in percent (0 when it did not
    drop or there was nothing before).

    >>> drop_percent(100, 70)
    30.0
    >>> drop_percent(0, 10), drop_percent(50, 60)
    (0.0, 0.0)
    """
    if before <= 0 or after >= before:
        return 0.0
    return round((before - after) / before * 100, 6)
