extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
exclude_patterns = ["_build", "seeds"]
# Three pages are enough to tell a word of the field here.
seed_glossary_autolink_common_min_units = 3
seed_glossary_autolink_common_share = 0.5
