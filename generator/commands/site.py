"""The commands that publish through MkDocs: build and render (serve has its own module:
MkDocs' preview server is not needed to build)."""

from __future__ import annotations

import argparse
import time

from generator.diagnostics import progress
from generator.outputs import RENDER, explained_failure
from generator.publish import build as build_site
from generator.site.standalone import write_standalone


def build(args: argparse.Namespace) -> int:
    """Check, build, guard and publish the site (and the ZIP and PDF when asked)."""
    started = time.monotonic()
    target = build_site(
        args.config_file,
        args.site_dir,
        brand=args.brand,
        language=args.language,
        edition=args.edition,
        strict=args.strict,
        zip_file=args.zip,
        pdf_file=args.pdf,
        progress=progress,
    )
    progress(f"built {target} in {time.monotonic() - started:.1f}s")
    return 0


def render(args: argparse.Namespace) -> int:
    """Write the plugin-free MkDocs project."""
    with explained_failure(RENDER, args.out):
        count = write_standalone(
            args.config_file,
            args.out,
            brand=args.brand,
            language=args.language,
            edition=args.edition,
        )
    progress(
        f"wrote {count} files to {args.out}/ (build it with: mkdocs build -f "
        f"{args.out / 'mkdocs.yml'})"
    )
    return 0
