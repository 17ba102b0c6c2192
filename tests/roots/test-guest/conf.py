extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
exclude_patterns = ["_build", "seeds"]
