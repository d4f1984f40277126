"""cco-playbook: YAML content → validated models → Markdown → MkDocs Material site."""

__version__ = "0.1.0"
