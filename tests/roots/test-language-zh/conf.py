extensions = ["seed_glossary"]
language = "zh_CN"
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
