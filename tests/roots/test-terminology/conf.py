# Abbreviations and names to avoid, in reStructuredText and MyST prose.
extensions = ["myst_parser", "seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
