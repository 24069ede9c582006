#!/usr/bin/env python3
"""Searches with the handbook's search page, served by a real web server, in headless Chromium,
and reports whether results came and every Content-Security-Policy violation or Pagefind
complaint on the way (the page's own, and the console's, which also has the worker's).

Usage: search-under-csp.py BASE_URL PATH?q=WORD [PATH?q=WORD ...]
Prints one JSON object: {"PATH?q=WORD": {"results": n, "problems": [...]}, ...}.
Needs chromium, chromium-driver and PyPI selenium (scripts/install-system-deps --with-browser)."""
import json, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, pages = sys.argv[1], sys.argv[2:]
options = webdriver.ChromeOptions()
for flag in ["--headless", "--no-sandbox", "--disable-gpu"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
# Recorded from the first line of every page, before its scripts run.
driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    window.__violations.push(e.violatedDirective + " blocked " + e.blockedURI);
  });"""})
report = {}
for page in pages:
    driver.get(base + page)
    results = []
    for _ in range(150):
        results = driver.find_elements(By.CSS_SELECTOR, ".search-result-link")
        if results or driver.find_element(By.ID, "search-unavailable").is_displayed():
            break
        time.sleep(0.1)
    time.sleep(0.5)  # the worker's and the index's last requests
    problems = list(driver.execute_script("return window.__violations"))
    for entry in driver.get_log("browser"):
        text = entry.get("message", "")
        if "/favicon.ico " in text:
            continue  # the browser asks for one on its own; the handbook has none
        if "Content Security Policy" in text or "Refused to" in text or "Pagefind" in text or entry.get("level") == "SEVERE":
            problems.append(entry.get("level", "") + ": " + text)
    report[page] = {"results": len(results), "problems": problems}
driver.quit()
print(json.dumps(report, indent=1))
