# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Run the examples written in the rules' docstrings."""

import doctest
import importlib
import pkgutil


def run_doctests(package):
    """Run the doctests of every module of ``package``; return the failures."""
    failures = 0
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        failures += doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed
    return failures
