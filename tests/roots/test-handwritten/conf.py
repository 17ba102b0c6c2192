# A project with a glossary written by hand (rST and MyST) beside seeds.
extensions = ["myst_parser", "seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
