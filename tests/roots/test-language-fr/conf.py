extensions = ["seed_glossary"]
language = "fr"
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
# These names are frequent words of the language; the tests are about how
# they are found, so prose judges them by the threshold of entries.
seed_glossary_autolink_everyday_zipf_in_prose = 4.5
