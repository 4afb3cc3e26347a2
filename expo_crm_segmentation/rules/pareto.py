"""Pareto classes: the few customers who make most of the economic value.

Walking the customers from the most valuable down, a customer is class A while the
value of those before it is below the class A share of the total (so A is the
smallest set reaching that share), B while it is below the A+B share, C after.
Equal values share the class of the first of them; customers without a positive
value are C; without any value in the population, nobody has a class. A run draws
the population's cut-offs (the lowest value of class A and of A or B) once and
classes every customer against them.
"""

from itertools import groupby

from .rounding import compare, is_zero

# company settings the classes read, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {
    "expo_seg_pareto_a_pct": "pareto_a_pct",
    "expo_seg_pareto_b_pct": "pareto_b_pct",
}
# shares of the total are compared to the hundredth of a percent
SHARE_STEP = 0.01


def pareto_classes(values, a_pct, b_pct):
    """{key: "a", "b" or "c"} of ``values`` ({key: economic value}) for the class A
    share ``a_pct`` and the A+B share ``b_pct``; empty when there is no value.

    >>> pareto_classes({"x": 80, "y": 15, "z": 5}, 80, 95)
    {'x': 'a', 'y': 'b', 'z': 'c'}
    >>> pareto_classes({"x": 0}, 80, 95)
    {}
    """
    positive = sorted(
        ((value, key) for key, value in values.items() if value > 0),
        key=lambda item: -item[0],
    )
    total = sum(value for value, _key in positive)
    if is_zero(total, SHARE_STEP):
        return {}
    classes = dict.fromkeys(values, "c")
    cumulative = 0.0
    for value, group in groupby(positive, key=lambda item: item[0]):
        keys = [key for _value, key in group]
        before = cumulative * 100
        if compare(before, a_pct * total, SHARE_STEP) < 0:
            pareto = "a"
        elif compare(before, b_pct * total, SHARE_STEP) < 0:
            pareto = "b"
        else:
            pareto = "c"
        classes.update(dict.fromkeys(keys, pareto))
        cumulative += value * len(keys)
    return classes


def pareto_cutoffs(values, a_pct, b_pct):
    """[lowest value of class A, lowest value of class A or B] of ``values``
    ({key: economic value}), None for a class nobody is in; empty when nobody has a
    class.

    >>> pareto_cutoffs({"x": 80, "y": 15, "z": 5}, 80, 95)
    [80, 15]
    >>> pareto_cutoffs({"x": 10, "y": 0}, 80, 95), pareto_cutoffs({}, 80, 95)
    ([10, 10], {})
    """
    classes = pareto_classes(values, a_pct, b_pct)
    lowest = {}
    for key, pareto in classes.items():
        lowest[pareto] = min(values[key], lowest.get(pareto, values[key]))
    return classes and [
        min(
            (value for pareto, value in lowest.items() if pareto <= level),
            default=None,
        )
        for level in ("a", "b")
    ]


def pareto_class(value, cutoffs):
    """The class of economic ``value`` against a population's ``cutoffs``
    (``pareto_cutoffs``); False when the population has no classes.

    >>> [pareto_class(value, [80, 15]) for value in (80, 15, 5)]
    ['a', 'b', 'c']
    >>> pareto_class(0, [0, 0]), pareto_class(10, {})
    ('c', False)
    """
    if not cutoffs:
        return False
    a_min, b_min = cutoffs
    if value > 0 and a_min is not None and value >= a_min:
        return "a"
    if value > 0 and b_min is not None and value >= b_min:
        return "b"
    return "c"
