# Browser tests (tests/test_browser.py): furo, as readers see the manual.
# The glossary reads test-basic's seeds and the hostile page those of
# test-injection and test-hostile, in place: the tests copy the whole roots
# folder. letters.rst reads the seeds here.
extensions = ["myst_parser", "seed_glossary"]
seed_glossary_seeds = "../test-basic/seeds"
exclude_patterns = ["_build", "seeds"]
html_theme = "furo"
html_title = "Browser test"
