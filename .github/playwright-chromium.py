"""Print the path of the Chromium that ``playwright install chromium`` downloaded (CI only)."""

from playwright.sync_api import sync_playwright

with sync_playwright() as p:
    print(p.chromium.executable_path)
