extensions = ['myst_parser', 'seed_glossary']
seed_glossary_autolink = 'all'
exclude_patterns = ['_build', 'a', 'b', 'e']
