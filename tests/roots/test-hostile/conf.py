extensions = ["myst_parser", "seed_glossary"]
seed_glossary_seeds = "seeds"
exclude_patterns = ["_build", "seeds"]
# The tests read every entry on one page (its seeds weigh megabytes).
seed_glossary_split = None
