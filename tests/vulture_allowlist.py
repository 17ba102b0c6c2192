"""Names vulture takes for unused that Sphinx, docutils or Python use.

``make lint`` runs vulture over ``ext`` with this file: any other unused
name fails it.
"""

# ruff: noqa: B018, F821
setup  # Sphinx calls each extension's setup(app)
help  # ConfigValue.help and Key.help: read by the manual's generated pages
NOT_LINKED_REASONS  # the manual lists them (docs/_ext/seed_glossary_docs.py)
WARNING_HELP  # the manual lists them (docs/_ext/seed_glossary_docs.py)
has_content  # Directive attributes that docutils reads
required_arguments
optional_arguments
final_argument_whitespace
option_spec
initial_data  # Domain attributes and methods that Sphinx calls
data_version
clear_doc
merge_domaindata
resolve_xref
resolve_any_xref
added  # arguments of the env-get-outdated event
templatename  # arguments of the html-page-context event
context
render_restructuredtext  # MyST's renderer calls it
file_insertion_enabled  # docutils settings
raw_enabled
default_priority  # transforms' priorities, read by Sphinx
apply
builders
StandardDomain  # in annotations
__getattr__  # a module's deprecated names (PEP 562)
