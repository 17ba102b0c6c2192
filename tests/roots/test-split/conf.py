extensions = ["myst_parser", "seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_split = "letter"
seed_glossary_split_dir = "letters"
exclude_patterns = ["_build", "seeds"]
