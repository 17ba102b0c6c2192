"""An example manual in Datenbanken: built into the manual's examples/de/."""

project = "Datenbanken"
language = "de"
extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
html_theme = "furo"
