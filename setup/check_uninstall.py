"""Uninstall an addon from a database and check nothing of it stays behind.

    setup/check_uninstall.py -c ODOO_CONF --db NAME ADDON

Run on a copy of a database that has been used (the test command uses a copy of
its test database, after the tests and the concurrency scenarios): uninstalls
ADDON as Apps > Uninstall does, then fails (exit 1) when the uninstallation
logged a warning or an error (a record it could not delete, a foreign key in the
way) or left records of the addon behind (its XML ids, surveys, mail templates,
scheduled actions)."""

import argparse
import logging
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(f"{record.levelname} {record.name}: {record.getMessage()}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="setup/check_uninstall.py")
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("addon")
    args = parser.parse_args(argv)
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.db, "--log-level=warn"]
    )
    registry = Registry(args.db)
    collect = _Collect()
    logging.getLogger("odoo").addHandler(collect)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        module = env["ir.module.module"].search([("name", "=", args.addon)])
        if module.state != "installed":
            sys.exit(f"{args.addon} is not installed in {args.db}")
        module.button_immediate_uninstall()
    logging.getLogger("odoo").removeHandler(collect)
    with Registry(args.db).cursor() as cr:
        cr.execute(
            """
            SELECT model, count(*) FROM ir_model_data
             WHERE module = %s GROUP BY model ORDER BY model
            """,
            [args.addon],
        )
        left = cr.fetchall()
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [args.addon])
        [state] = cr.fetchone()
    problems = [f"module state: {state}"] if state != "uninstalled" else []
    problems += [f"left behind: {count} {model}" for model, count in left]
    problems += collect.records
    for problem in problems:
        print(f"[uninstall] {problem}")
    if problems:
        sys.exit(1)
    print(f"[uninstall] {args.addon}: removed cleanly from {args.db}")


if __name__ == "__main__":
    main()
