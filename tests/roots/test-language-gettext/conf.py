extensions = ["seed_glossary"]
language = "de"
locale_dirs = ["locale"]
gettext_compact = False
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
