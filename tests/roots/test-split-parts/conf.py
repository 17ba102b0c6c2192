extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
exclude_patterns = ["_build", "seeds"]
seed_glossary_split_max_bytes = 2000
