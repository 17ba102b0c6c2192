extensions = ["myst_parser", "seed_glossary"]
exclude_patterns = ["_build", "seeds"]
