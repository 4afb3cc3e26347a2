"""Command line of the concurrency scenarios (``setup/expo stress``).

python -m stress -c ODOO_CONF --db NAME [--size small|large] [--only NAMES]

Prints each scenario's figures as JSON and exits with 1 when one of them found a
violation of the guarantees (duplicates, runs reported done with customers left,
stale relationships, unexpected errors). Timings are printed, never judged."""

import argparse
import json
import logging
import sys
import time

import odoo
from odoo.modules.registry import Registry

from . import SCENARIOS
from .common import SIZES


def main(argv=None):
    parser = argparse.ArgumentParser(prog="setup/expo stress")
    parser.add_argument("-c", "--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument(
        "--only", help=f"comma-separated scenarios: {','.join(SCENARIOS)}"
    )
    args = parser.parse_args(argv)
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.db])
    # the scenarios provoke refused locks and serialization errors on purpose:
    # the figures count them, the query log need not print each one
    logging.getLogger("odoo.sql_db").setLevel(logging.CRITICAL)
    registry = Registry(args.db)
    names = args.only.split(",") if args.only else list(SCENARIOS)
    report, violations = {"database": args.db, "size": args.size}, []
    for name in names:
        start = time.perf_counter()
        figures = SCENARIOS[name](registry, args.size)
        figures["seconds"] = round(time.perf_counter() - start, 1)
        report[name] = figures
        violations += [f"{name}: {violation}" for violation in figures["violations"]]
        print(f"[stress] {name}: {json.dumps(figures, default=str)}", flush=True)
    report["violations"] = violations
    print(json.dumps(report, indent=2, default=str))
    if violations:
        print(f"[stress] violations: {'; '.join(violations)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
