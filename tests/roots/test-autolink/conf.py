extensions = ["myst_parser", "seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
seed_glossary_autolink_exclude = ["Excluded term"]
exclude_patterns = ["_build", "seeds"]
