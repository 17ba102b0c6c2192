extensions = ['myst_parser', 'seed_glossary']
seed_glossary_seeds = 'seeds'
exclude_patterns = ['_build', 'seeds']
myst_enable_extensions = []
