"""Helpers of the browser tests (tests/test_browser.py) and the manual's screenshots.

``harness`` finds and starts Debian's Chromium through Playwright, serves a built
site from 127.0.0.1 (optionally with a Content-Security-Policy header) and
records what a page does. ``screenshots`` makes the manual's screenshots:
``make html && .venv/bin/python -m tests.browser.screenshots``.
"""
