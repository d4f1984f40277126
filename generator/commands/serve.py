"""``cco-playbook serve``: preview with live reload."""

from __future__ import annotations

import argparse

from generator.site.serve import serve_site


def serve(args: argparse.Namespace) -> int:
    """Preview the site with live reload."""
    serve_site(
        args.config_file,
        brand=args.brand,
        language=args.language,
        dev_addr=args.dev_addr,
        edition=args.edition,
    )
    return 0
