extensions = ["myst_parser", "seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "seeds"]
