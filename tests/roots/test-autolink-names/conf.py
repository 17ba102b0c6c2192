extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
# these tests are about names
seed_glossary_autolink_everyday_zipf = None
seed_glossary_autolink_everyday_zipf_in_prose = None
