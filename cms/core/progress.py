"""Progress shown by long management commands."""


def progress_line(done: int, total: int, *, width: int = 30) -> str:
    """`[#######.......]  120/500` for `done` of `total`."""
    filled = width * done // total if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done:>{len(str(total))}}/{total}"
