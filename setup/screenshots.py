"""Take the screenshots of the README and the addons' descriptions from a running
Expo CRM demo, in headless Chromium driven through the DevTools protocol.

    python setup/screenshots.py --url http://localhost:8069 --db expo_demo [--out ROOT]

``setup/expo screenshots`` builds the demo database, serves it and calls this script.
Each shot logs in as admin, sets the user's language, opens a page of the web client,
optionally clicks (a CSS selector, optionally narrowed to the element showing a text),
waits for the page to settle and saves a PNG under the project root.
"""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 1440

# (file, language, path, clicks [(css, text)], height); {ref:module.name} is replaced by
# the database id of that record
SHOTS = [
    (
        "expo_crm/static/description/partner_exhibitions.png",
        "en_US",
        "/odoo/contacts/{ref:expo_crm.expo_demo_partner_lumen_gallery}",
        [("a.nav-link[name=expo_crm]", None)],
        1760,
    ),
    (
        "expo_crm/static/description/participations_pivot.png",
        "en_US",
        "/odoo/action-expo_crm.expo_participation_action?view_type=pivot",
        [],
        640,
    ),
    (
        "expo_crm/static/description/floor_kanban.png",
        "en_US",
        "/odoo/action-expo_crm.expo_booth_action",
        [],
        760,
    ),
    (
        "expo_crm/static/description/space_draw.png",
        "en_US",
        "/odoo/action-expo_crm.expo_space_draw_action/"
        "{ref:expo_crm.expo_demo_space_draw_hzaf_5}",
        [],
        1000,
    ),
    (
        "expo_crm/static/description/contract_finance.png",
        "en_US",
        "/odoo/action-expo_crm.expo_contract_report_action",
        [(".o_group_header", "Hangzhou Art Fair")],
        420,
    ),
    (
        "expo_crm_segmentation/static/description/segment_dashboard.png",
        "en_US",
        "/odoo/action-expo_crm_segmentation.expo_segment_list_action",
        [],
        800,
    ),
    (
        "expo_crm_segmentation/static/description/value_tiers.png",
        "en_US",
        "/odoo/action-expo_crm_segmentation.expo_segment_tier_action",
        [],
        640,
    ),
    (
        "expo_crm_segmentation/static/description/retention_report.png",
        "en_US",
        "/odoo/action-expo_crm_segmentation.expo_retention_report_action",
        [],
        640,
    ),
    (
        "expo_crm_survey/static/description/nps_report.png",
        "en_US",
        "/odoo/action-expo_crm_survey.expo_survey_report_action",
        [],
        480,
    ),
    (
        "expo_crm/static/description/partner_exhibitions_zh_CN.png",
        "zh_CN",
        "/odoo/contacts/{ref:expo_crm.expo_demo_partner_lumen_gallery}",
        [("a.nav-link[name=expo_crm]", None)],
        1620,
    ),
]

SETTLED_JS = """
(() => {
    const busy = document.querySelector(".o_loading_indicator, .o_blockUI, .o_spinner");
    const ready = document.querySelector(".o_action_manager .o_view_controller");
    return Boolean(ready) && !busy;
})()
"""

CLICK_JS = """
((css, text) => {
    const element = [...document.querySelectorAll(css)].find(
        (el) => !text || el.textContent.trim() === text || el.textContent.includes(text)
    );
    if (!element) {
        return false;
    }
    element.click();
    return true;
})(%s, %s)
"""


class Chromium:
    """A headless Chromium page driven over the DevTools protocol."""

    def __init__(self, binary):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.profile = tempfile.mkdtemp(prefix="expo-shots-")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--remote-debugging-port={port}",
                "--remote-allow-origins=*",
                f"--user-data-dir={self.profile}",
                f"--window-size={WIDTH},1000",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.socket = websocket.create_connection(self._page_url(port), timeout=60)
        self.next_id = 0

    def _page_url(self, port):
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as r:
                    pages = [t for t in json.load(r) if t["type"] == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.2)

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression, awaited=False):
        result = self.call(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=awaited,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression, what, timeout=60):
        deadline = time.monotonic() + timeout
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            time.sleep(0.25)

    def settle(self):
        """Wait for the web client to show a view and stop changing."""
        self.wait_until(SETTLED_JS, "the view")
        previous = None
        for _attempt in range(40):
            time.sleep(0.4)
            current = self.evaluate("document.body.innerHTML.length")
            if current == previous and self.evaluate(SETTLED_JS):
                return
            previous = current

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def rpc(browser, route, params):
    script = f"""
        fetch({json.dumps(route)}, {{
            method: "POST",
            headers: {{"Content-Type": "application/json"}},
            body: JSON.stringify({{
                jsonrpc: "2.0", method: "call", params: {json.dumps(params)}
            }}),
        }}).then((response) => response.json())
    """
    reply = browser.evaluate(script, awaited=True)
    if reply.get("error"):
        raise RuntimeError(f"{route}: {reply['error']['data']['message']}")
    return reply["result"]


def call_kw(browser, model, method, args, kwargs=None):
    return rpc(
        browser,
        f"/web/dataset/call_kw/{model}/{method}",
        {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
    )


def resolve(browser, path):
    """Replace {ref:module.name} in a path by the record's id."""
    while "{ref:" in path:
        start = path.index("{ref:")
        end = path.index("}", start)
        module, name = path[start + 5 : end].split(".", 1)
        found = call_kw(
            browser,
            "ir.model.data",
            "search_read",
            [[("module", "=", module), ("name", "=", name)]],
            {"fields": ["res_id"], "limit": 1},
        )
        if not found:
            raise RuntimeError(f"no record {module}.{name}: is the demo data loaded?")
        path = path[:start] + str(found[0]["res_id"]) + path[end + 1 :]
    return path


def wait_for_server(url, timeout=180):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/web/login"):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"no Odoo answering at {url}") from None
            time.sleep(1)


def open_session(args, lang):
    """A new browser (fresh profile: the web client caches per language) logged in
    as the user, whose language is set first."""
    browser = Chromium(args.chromium)
    browser.call("Page.enable")
    browser.call("Page.navigate", url=f"{args.url}/web/login?db={args.db}")
    browser.wait_until("document.readyState === 'complete'", "the login page")
    credentials = {"db": args.db, "login": args.login, "password": args.password}
    session = rpc(browser, "/web/session/authenticate", credentials)
    call_kw(browser, "res.users", "write", [[session["uid"]], {"lang": lang}])
    rpc(browser, "/web/session/authenticate", credentials)
    return browser, session["uid"]


def shoot(browser, args, file, path, clicks, height):
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=WIDTH,
        height=height,
        deviceScaleFactor=1,
        mobile=False,
    )
    browser.call("Page.navigate", url=args.url + resolve(browser, path))
    browser.settle()
    for css, text in clicks:
        browser.wait_until(
            CLICK_JS % (json.dumps(css), json.dumps(text)),
            f"{css} {text or ''} to click ({file})",
            timeout=30,
        )
        browser.settle()
    shot = browser.call("Page.captureScreenshot", format="png")
    target = Path(args.out) / file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(shot["data"]))
    print(f"saved {target}")


def take(args):
    wait_for_server(args.url)
    for lang in dict.fromkeys(shot[1] for shot in SHOTS):
        browser, uid = open_session(args, lang)
        try:
            for file, shot_lang, path, clicks, height in SHOTS:
                if shot_lang == lang:
                    shoot(browser, args, file, path, clicks, height)
            call_kw(browser, "res.users", "write", [[uid], {"lang": "en_US"}])
        finally:
            browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="expo_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument(
        "--out", default=str(ROOT), help="root the files are saved under"
    )
    take(parser.parse_args())


if __name__ == "__main__":
    main()
