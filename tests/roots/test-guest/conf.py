extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
exclude_patterns = ["_build", "seeds"]
# A fresh dict: Sphinx shares its default between apps of one process.
source_suffix = {".rst": "restructuredtext"}
