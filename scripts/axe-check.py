#!/usr/bin/env python3
"""Runs axe-core in headless Chromium on every HTML page given, in light and dark colour schemes.

Debian's chromium and chromedriver drive the pages (selenium); axe-core's script comes from the
axe-selenium-python wheel in .build/venv (scripts/requirements-test.txt). The rules tagged WCAG 2
A and AA run (that wheel's axe-core 3.1 has no separate 2.1 tags), the standard docs/site.md names. Prints one JSON line per
violation and a closing line 'axe: N pages checked in light and dark, N violations'; exits 1 when any were found.

Usage: .build/venv/bin/python scripts/axe-check.py PAGE.html [PAGE.html ...]
"""
import json
import pathlib
import sys
from concurrent.futures import ThreadPoolExecutor

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WCAG_AA = ["wcag2a", "wcag2aa"]


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                     "--disable-extensions", "--disable-background-networking", "--no-first-run"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # axe walks every element of a page; pages with several plots take a while on a busy machine.
    driver.set_script_timeout(300)
    return driver


def check(driver, page, scheme):
    """The violations axe finds on `page` with `prefers-color-scheme: scheme`."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(pathlib.Path(page).resolve().as_uri())
    # Formulas are rendered by deferred scripts; wait until the page has settled.
    driver.execute_async_script("var done = arguments[0]; setTimeout(done, 300);")
    Axe(driver).inject()
    # axe.run with the context given: axe 3 takes a lone options object for a context and never answers.
    outcome = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(function (r) { done({violations: r.violations}); })"
        ".catch(function (e) { done({error: String(e)}); });", WCAG_AA)
    if "error" in outcome:
        raise RuntimeError(f"axe failed on {page}: {outcome['error']}")
    return outcome["violations"]


def scheme_violations(scheme, pages):
    """Every violation on `pages` in one colour scheme, as report lines; one browser per scheme."""
    driver = browser()
    lines = []
    try:
        for page in pages:
            for violation in check(driver, page, scheme):
                lines.append(json.dumps({
                    "page": page, "scheme": scheme, "rule": violation["id"], "impact": violation["impact"],
                    "elements": len(violation["nodes"]),
                    "examples": [" ".join(node["target"]) + ": " + node.get("failureSummary", "").replace("\n", " ")
                                 for node in violation["nodes"][:3]],
                }, sort_keys=True))
    finally:
        driver.quit()
    return lines


def main(pages):
    if not pages:
        print(__doc__, file=sys.stderr)
        return 2
    # The two schemes run side by side, one browser each: axe's colour-contrast rule dominates
    # (seconds per page with plots and formulas), and the machine has two cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda scheme: scheme_violations(scheme, pages), ["light", "dark"]))
    lines = [line for result in results for line in result]
    for line in lines:
        print(line)
    print(f"axe: {len(pages)} pages checked in light and dark, {len(lines)} violations")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
