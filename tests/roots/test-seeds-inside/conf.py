# The seed folder is inside the source folder, with no exclude_patterns of
# its own: the extension keeps Sphinx from reading its curated seeds as pages.
extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
