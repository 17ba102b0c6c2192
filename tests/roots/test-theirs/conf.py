extensions = ["sphinx.ext.intersphinx"]
