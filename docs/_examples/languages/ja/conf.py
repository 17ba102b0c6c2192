"""An example manual in データベース入門: built into the manual's examples/ja/."""

project = "データベース入門"
language = "ja"
extensions = ["seed_glossary"]
seed_glossary_seeds = "seeds"
seed_glossary_autolink = "all"
exclude_patterns = ["_build", "seeds"]
html_theme = "furo"
