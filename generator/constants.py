"""Names every stage agrees on: where generated files go, and the plugin's name."""

from __future__ import annotations

#: The MkDocs plugin's name in ``mkdocs.yml`` (``plugins: - cco-playbook``).
PLUGIN = "cco-playbook"
#: Where generated assets live in the site.
ASSET_DIR = "assets/playbook"
#: Replaced by the brand's name in content text (plain substitution, never a template).
BRAND_PLACEHOLDER = "%brand%"
#: Markdown extensions the generated pages rely on (tooltips, ids, HTML blocks, glossary).
MARKDOWN_EXTENSIONS = ("abbr", "attr_list", "def_list", "md_in_html", "tables")
